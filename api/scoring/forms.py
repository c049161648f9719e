"""The scoring forms: one field per row and column (`points:1.1.1`), read into service calls.

Only rows that changed are sent on, so saving a long form records what the person changed
and nothing else; an unreadable value is sent as typed, for the service to refuse by name.
"""

from __future__ import annotations

from decimal import Decimal

from starlette.datastructures import FormData

from api.dependencies import Web
from api.plain_text import plain
from api.scoring.rows import Row
from api.uploads import evidence_of
from planner.application.scoring import SelfAssessmentEntry
from planner.domain.errors import InvalidValue
from planner.domain.evidence import Evidence
from planner.domain.points import parse_points

LABELS = {
    "points": "Điểm tự chấm",
    "explanation": "Giải trình",
    "evidence_name": "Tên tài liệu",
    "evidence_link": "Đường dẫn",
    "appraised": "Điểm thẩm định",
    "reason": "Lý do",
    "survey": "Điểm điều tra xã hội học",
    "until": "Mở đến ngày",
    "code": "Tiêu chí",
}


class ScoringForm:
    """A submitted scoring form; messages name the field and the criterion in Vietnamese."""

    def __init__(self, form: FormData, web: Web) -> None:
        self.form = form
        self.web = web

    def text(self, name: str, code: str = "") -> str:
        value = self.form.get(f"{name}:{code}" if code else name, "")
        if not isinstance(value, str):
            return ""
        try:
            return plain(value).strip()
        except ValueError as error:
            where = f"tiêu chí {code}, " if code else ""
            raise InvalidValue(f"{where}trường '{LABELS.get(name, name)}': {error}") from None

    def posted(self) -> dict[str, str]:
        """The typed values, to show again when the form is refused."""
        return {k: v for k, v in self.form.items() if isinstance(v, str) and ":" in k}

    def new_evidence(self, code: str = "") -> tuple[Evidence, ...]:
        """A link, an uploaded file, or both, under the name given (or the file's name)."""
        suffix = f":{code}" if code else ""
        title, link = self.text("evidence_name", code), self.text("evidence_link", code)
        upload = self.form.get(f"evidence_file{suffix}")
        found = evidence_of(title, link, upload, self.web.files)
        if title and not found:
            where = f"tiêu chí {code}: " if code else ""
            raise InvalidValue(f"{where}tài liệu '{title}' cần đường dẫn hoặc tệp đính kèm")
        return found

    def dropped(self, code: str) -> set[int]:
        values = self.form.getlist(f"drop:{code}")
        return {int(v) for v in values if isinstance(v, str) and v.isdigit()}


def self_assessment_entries(form: ScoringForm, rows: list[Row]) -> list[SelfAssessmentEntry]:
    """The rows whose points, explanation or evidence changed; rows left empty are skipped."""
    entries = []
    for row in rows:
        if not row.unit_scores:
            continue
        points = form.text("points", row.code)
        if not points:
            continue
        before = row.own
        kept = tuple(
            e
            for i, e in enumerate(before.evidence if before else ())
            if i not in form.dropped(row.code)
        )
        evidence = kept + form.new_evidence(row.code)
        explanation = form.text("explanation", row.code)
        unchanged = before is not None and (
            _same(points, before.points)
            and explanation == before.explanation
            and evidence == before.evidence
        )
        if not unchanged:
            entries.append(SelfAssessmentEntry(row.code, points, evidence, explanation))
    return entries


def appraisals(form: ScoringForm, rows: list[Row]) -> list[tuple[str, str, str]]:
    """(code, points, reason) of the rows whose appraisal the team entered or changed."""
    found = []
    for row in rows:
        if not row.unit_scores:
            continue
        points, reason = form.text("appraised", row.code), form.text("reason", row.code)
        if not points:
            continue
        before = row.appraisal
        if before is None or not _same(points, before.points) or reason != before.reason:
            found.append((row.code, points, reason))
    return found


def survey_points(form: ScoringForm, rows: list[Row]) -> dict[str, str]:
    """Survey rows given points that differ from those entered before."""
    found = {}
    for row in rows:
        if not (row.scored and row.criterion.survey_based and row.not_evaluated is None):
            continue
        points = form.text("survey", row.code)
        if points and (row.survey is None or not _same(points, row.survey)):
            found[row.code] = points
    return found


def _same(text: str, points: Decimal) -> bool:
    try:
        return parse_points(text) == points
    except InvalidValue:
        return False  # sent on, so the service refuses it with the row's name
