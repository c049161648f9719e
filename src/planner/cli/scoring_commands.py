"""`planner scoring ...`: a year's PAR scoring round, from self-assessment to the ranking."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

import typer

from planner.cli.against_plan_command import against_plan_command
from planner.cli.command_group import command_group
from planner.cli.evidence_option import EvidenceOption, read_evidence
from planner.cli.output import console, print_json, table
from planner.cli.session import acting, opened
from planner.domain.criteria_set import UnitKind
from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue
from planner.domain.scoring.calendar import ScoringCalendar, dmy
from planner.domain.scoring.results import rounded
from planner.presentation.vietnamese import format_number, format_percent

app = command_group(
    help="Chấm điểm Chỉ số CCHC: tự đánh giá, thẩm định, điều tra xã hội học, kết quả."
)
rounds = command_group(help="Đợt chấm điểm theo năm và loại đơn vị.")
app.add_typer(rounds, name="round")
app.command("against-plan")(against_plan_command)

Year = Annotated[int, typer.Option("--year", help="Năm đánh giá, vd. 2024.")]
Kind = Annotated[UnitKind, typer.Option("--unit-kind", help="department hoặc district.")]
As = Annotated[str, typer.Option("--as", help="Mã hoặc tên cơ quan thực hiện (vd. SNV).")]
User = Annotated[
    str | None, typer.Option("--user", help="Người thực hiện (mặc định: PLANNER_USER).")
]
Unit = Annotated[str, typer.Argument(help="Mã hoặc tên đơn vị được chấm, vd. STP.")]
Code = Annotated[str, typer.Argument(help="Mã tiêu chí, vd. 1.1.1.")]
Points = Annotated[str, typer.Argument(help="Số điểm, vd. 1,5.")]
Reason = Annotated[str, typer.Option("--reason", help="Lý do.")]
DateOption = Annotated[str | None, typer.Option(help="Ngày dd/mm/yyyy.")]


@rounds.command("create")
def create_round(
    year: Year,
    unit_kind: Kind,
    as_: As,
    user: User = None,
    units: Annotated[
        str | None, typer.Option("--units", help="Mã đơn vị, cách nhau bởi ','; mặc định: tất cả.")
    ] = None,
    criteria: Annotated[
        str | None, typer.Option("--criteria", help="Mã bộ tiêu chí (8 ký tự đầu của id).")
    ] = None,
    self_assessment_closes: DateOption = None,
    appraisal_closes: DateOption = None,
    response_days: Annotated[int | None, typer.Option(help="Số ngày đơn vị được phản hồi.")] = None,
    publication_by: DateOption = None,
    survey_by: DateOption = None,
) -> None:
    """Mở đợt chấm điểm của một năm cho các sở, ngành hoặc UBND cấp huyện."""
    with opened() as planner:
        calendar = _calendar(
            ScoringCalendar.usual(year),
            survey_by,
            self_assessment_closes,
            appraisal_closes,
            response_days,
            publication_by,
        )
        chosen = None
        if criteria:
            found = [
                s.set_id
                for s in planner.views.criteria_sets(None, None, unit_kind.value)
                if s.set_id.hex.startswith(criteria.lower())
            ]
            chosen = found[0] if len(found) == 1 else None
            if chosen is None:
                raise InvalidValue(
                    f"--criteria: không có bộ tiêu chí '{criteria}' cho {unit_kind.label}"
                )
        planner.scoring.create_round(
            year,
            unit_kind,
            acting(planner, as_, user),
            criteria_set=chosen,
            calendar=calendar,
            units=[u.strip() for u in units.split(",") if u.strip()] if units else None,
        )
        created = planner.scoring.round(year, unit_kind)
    console.print(
        f"Đã mở {created.label}: {len(created.units)} đơn vị, {len(created.leaves)} tiêu chí "
        f"được chấm; hạn tự đánh giá {dmy(created.calendar.self_assessment_closes)}, thẩm định "
        f"{dmy(created.calendar.appraisal_closes)}, phản hồi đến "
        f"{dmy(created.calendar.response_closes)}, công bố {dmy(created.calendar.publication_by)}"
    )


@rounds.command("calendar")
def set_calendar(
    year: Year,
    unit_kind: Kind,
    as_: As,
    user: User = None,
    self_assessment_closes: DateOption = None,
    appraisal_closes: DateOption = None,
    response_days: Annotated[int | None, typer.Option(help="Số ngày đơn vị được phản hồi.")] = None,
    publication_by: DateOption = None,
    survey_by: DateOption = None,
) -> None:
    """Đổi lịch của đợt chấm điểm."""
    with opened() as planner:
        current = planner.scoring.round(year, unit_kind).calendar
        calendar = _calendar(
            current,
            survey_by,
            self_assessment_closes,
            appraisal_closes,
            response_days,
            publication_by,
        )
        planner.scoring.set_calendar(year, unit_kind, calendar, acting(planner, as_, user))
    console.print(f"Đã đổi lịch; hạn tự đánh giá {dmy(calendar.self_assessment_closes)}")


@rounds.command("add-units")
def add_units(
    year: Year,
    unit_kind: Kind,
    units: Annotated[list[str], typer.Argument(help="Mã hoặc tên đơn vị.")],
    as_: As,
    user: User = None,
) -> None:
    """Thêm đơn vị vào đợt chấm điểm."""
    with opened() as planner:
        added = planner.scoring.add_units(year, unit_kind, units, acting(planner, as_, user))
    console.print(f"Đã thêm {len(added)} đơn vị: {', '.join(added) or '(không có)'}")


@rounds.command("remove-unit")
def remove_unit(
    year: Year, unit_kind: Kind, unit: Unit, reason: Reason, as_: As, user: User = None
) -> None:
    """Bớt một đơn vị khỏi đợt chấm điểm."""
    with opened() as planner:
        planner.scoring.remove_unit(year, unit_kind, unit, reason, acting(planner, as_, user))
    console.print(f"Đã bớt {unit} khỏi đợt chấm điểm")


@app.command("not-evaluated")
def not_evaluated(
    year: Year,
    unit_kind: Kind,
    unit: Unit,
    code: Code,
    reason: Reason,
    as_: As,
    user: User = None,
    clear: Annotated[bool, typer.Option("--clear", help="Bỏ đánh dấu.")] = False,
) -> None:
    """Đánh dấu tiêu chí không đánh giá cho một đơn vị (Sở Nội vụ)."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        if clear:
            planner.scoring.clear_not_evaluated(year, unit_kind, unit, code, actor)
        else:
            planner.scoring.mark_not_evaluated(year, unit_kind, unit, code, reason, actor)
    console.print(f"{unit}, tiêu chí {code}: {'đánh giá lại' if clear else 'không đánh giá'}")


@app.command("self-assess")
def self_assess(
    year: Year,
    unit_kind: Kind,
    unit: Unit,
    code: Code,
    points: Points,
    as_: As,
    user: User = None,
    evidence: EvidenceOption = None,
    explanation: Annotated[str, typer.Option("--explanation", help="Giải trình.")] = "",
) -> None:
    """Tự chấm điểm một tiêu chí (bản nháp đến khi nộp)."""
    with opened() as planner:
        planner.scoring.self_assess(
            year,
            unit_kind,
            unit,
            code,
            points,
            acting(planner, as_, user),
            evidence=read_evidence(evidence),
            explanation=explanation,
        )
    console.print(f"{unit}, tiêu chí {code}: tự chấm {points} điểm")


@app.command("submit")
def submit(year: Year, unit_kind: Kind, unit: Unit, as_: As, user: User = None) -> None:
    """Nộp kết quả tự đánh giá."""
    with opened() as planner:
        planner.scoring.submit(year, unit_kind, unit, acting(planner, as_, user))
    console.print(f"{unit}: đã nộp kết quả tự đánh giá")


@app.command("reopen")
def reopen(
    year: Year,
    unit_kind: Kind,
    unit: Unit,
    until: Annotated[str, typer.Option("--until", help="Hạn mới dd/mm/yyyy.")],
    reason: Reason,
    as_: As,
    user: User = None,
) -> None:
    """Mở lại việc tự đánh giá cho một đơn vị (Sở Nội vụ)."""
    with opened() as planner:
        day = parse_day(until, where="--until")
        planner.scoring.reopen(year, unit_kind, unit, day, reason, acting(planner, as_, user))
    console.print(f"{unit}: mở lại việc tự đánh giá đến hết ngày {dmy(day)}")


@app.command("appraise")
def appraise(
    year: Year,
    unit_kind: Kind,
    unit: Unit,
    code: Code,
    points: Points,
    as_: As,
    user: User = None,
    reason: Annotated[str, typer.Option("--reason", help="Lý do khi khác điểm tự chấm.")] = "",
) -> None:
    """Thẩm định điểm một tiêu chí (Sở Nội vụ)."""
    with opened() as planner:
        planner.scoring.appraise(
            year, unit_kind, unit, code, points, acting(planner, as_, user), reason=reason
        )
    console.print(f"{unit}, tiêu chí {code}: điểm thẩm định {points}")


@app.command("respond")
def respond(
    year: Year,
    unit_kind: Kind,
    unit: Unit,
    code: Code,
    explanation: Annotated[str, typer.Option("--explanation", help="Nội dung phản hồi.")],
    as_: As,
    user: User = None,
    evidence: EvidenceOption = None,
) -> None:
    """Đơn vị phản hồi kết quả thẩm định một tiêu chí."""
    with opened() as planner:
        planner.scoring.respond(
            year,
            unit_kind,
            unit,
            code,
            explanation,
            acting(planner, as_, user),
            evidence=read_evidence(evidence),
        )
    console.print(f"{unit}, tiêu chí {code}: đã gửi phản hồi")


@app.command("finalize")
def finalize(year: Year, unit_kind: Kind, unit: Unit, as_: As, user: User = None) -> None:
    """Chốt kết quả thẩm định của một đơn vị (Sở Nội vụ)."""
    with opened() as planner:
        planner.scoring.finalize(year, unit_kind, unit, acting(planner, as_, user))
    console.print(f"{unit}: đã chốt kết quả thẩm định")


@app.command("survey")
def survey(
    year: Year,
    unit_kind: Kind,
    unit: Unit,
    code: Code,
    points: Points,
    as_: As,
    user: User = None,
) -> None:
    """Nhập điểm điều tra xã hội học của một tiêu chí (Sở Nội vụ)."""
    with opened() as planner:
        planner.scoring.enter_survey(
            year, unit_kind, unit, code, points, acting(planner, as_, user)
        )
    console.print(f"{unit}, tiêu chí {code}: điểm điều tra xã hội học {points}")


@app.command("results")
def results(
    year: Year,
    unit_kind: Kind,
    json_: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Kết quả và xếp hạng Chỉ số CCHC của các đơn vị."""
    from planner.presentation.scoring_results import results_document

    with opened() as planner:
        found = planner.scoring.results(year, unit_kind)
    if json_:
        print_json(results_document(found))
        return
    shown = table(
        f"Chỉ số CCHC năm {year} ({unit_kind.label})",
        "#Hạng",
        "Đơn vị",
        "#Điểm",
        "#Tối đa",
        "#Chỉ số",
        "Xếp loại",
        "#So với năm trước",
    )
    for ranked in found.ranked:
        shown.add_row(
            str(ranked.rank),
            found.names.get(ranked.result.unit, ranked.result.unit),
            format_number(ranked.result.achieved),
            format_number(ranked.result.maximum),
            format_percent(rounded(ranked.result.percent)),
            ranked.result.grade.label,
            format_number(rounded(ranked.change)) if ranked.change is not None else "",
        )
    console.print(shown)


def _calendar(
    base: ScoringCalendar,
    survey_by: str | None,
    self_assessment_closes: str | None,
    appraisal_closes: str | None,
    response_days: int | None,
    publication_by: str | None,
) -> ScoringCalendar:
    """The base calendar with the dates given on the command line."""
    changes: dict[str, Any] = {
        name: parse_day(text, where=f"--{name.replace('_', '-')}")
        for name, text in (
            ("survey_by", survey_by),
            ("self_assessment_closes", self_assessment_closes),
            ("appraisal_closes", appraisal_closes),
            ("publication_by", publication_by),
        )
        if text
    }
    if response_days is not None:
        changes["response_days"] = response_days
    return replace(base, **changes).checked()
