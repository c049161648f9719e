"""Task drafts with their agencies matched and their timeframes read.

Agencies the registry does not know, descriptive parties ("Các đơn vị được kiểm tra trong
năm"), collective names read as the whole group ("Các sở, ngành liên quan") and groups with
no member registered yet are gathered per wording, so the report lists each once with
every row that uses it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from planner.application.plan_document import TaskEntry
from planner.domain.agency_directory import AgencyDirectory
from planner.domain.criterion import CriterionRef, Index
from planner.domain.errors import InvalidValue
from planner.domain.schedule import Schedule, ScheduleKind
from planner.domain.schedule_text import read_schedule
from planner.domain.text import name_key
from planner.importer.agency_names import AgencyNames, Mention, MentionKind
from planner.importer.findings import Findings, Place
from planner.importer.headers import Meaning
from planner.importer.report import ImportReport, Party
from planner.importer.task_rows import TaskDraft

_COORDINATION = re.compile(r"phối hợp(?:\s+với)?\s+", re.IGNORECASE)
_SHOWN = 8  # places listed in one warning


class TaskEntries:
    def __init__(
        self,
        names: AgencyNames,
        directory: AgencyDirectory,
        report: ImportReport,
        when: tuple[int, date | None],
    ) -> None:
        self.names = names
        self.directory = directory
        self.report = report
        self.findings: Findings = report.findings
        self.year, self.issued_on = when
        self.entries: list[TaskEntry] = []
        self.undated: dict[str, list[Place]] = defaultdict(list)
        self.without_lead: list[str] = []

    def add(self, drafts: list[TaskDraft], index: Index, timed: bool) -> int:
        """Read a table's drafts; `timed` tells whether the table has a timeframe column."""
        for draft in drafts:
            entry = self._entry(draft, index, timed)
            if entry is not None:
                self.entries.append(entry)
        if drafts and not timed:
            self.findings.warning(
                f"bảng không có cột thời gian thực hiện: {len(drafts)} nhiệm vụ không có hạn, "
                "sẽ không được nhắc",
                drafts[0].place,
            )
        return len(drafts)

    def finish(self) -> None:
        """Warnings gathered over the whole document, one per wording."""
        for wording, places in self.undated.items():
            what = (
                f"thời gian '{wording}' không có ngày cụ thể" if wording else "không ghi thời gian"
            )
            self.findings.warning(
                f"{what}: {len(places)} nhiệm vụ không có hạn, sẽ không được nhắc "
                f"({_listed([str(p) for p in places])})",
                places[0],
            )
        for party in self.report.parties.values():
            self._party_warning(party)
        if self.without_lead:
            self.findings.warning(
                f"{len(self.without_lead)} nhiệm vụ chưa có cơ quan chủ trì trong danh mục: "
                + ", ".join(self.without_lead)
            )

    def _entry(self, draft: TaskDraft, index: Index, timed: bool) -> TaskEntry | None:
        lead, coordinating = self._agencies(draft)
        lead_codes = _lead_codes(lead, coordinating)
        coordinating_codes = tuple(c for c in _codes(coordinating) if c not in lead_codes)
        schedule = self._schedule(draft, timed)
        if schedule is None:
            return None
        self.report.schedules[schedule.kind.value] += 1
        self.report.lead.update(list(dict.fromkeys(m.target for m in lead if m.assigns)))
        self.report.coordinating.update(
            list(dict.fromkeys(m.target for m in coordinating if m.assigns))
        )
        if not lead_codes:
            self.without_lead.append(draft.reference)
        return TaskEntry(
            reference=draft.reference,
            text=draft.text,
            criteria=(
                *(CriterionRef(index, code) for code in draft.criteria),
                *draft.areas,
            ),
            lead=lead_codes,
            coordinating=coordinating_codes,
            schedule=schedule,
            expected_output=draft.cell(Meaning.OUTPUT),
            lead_wording=draft.cell(Meaning.LEAD) or "; ".join(m.wording for m in lead),
            coordinating_wording=draft.cell(Meaning.COORDINATING)
            or "; ".join(m.wording for m in coordinating),
            context=draft.context,
            source=str(draft.place),
            lead_groups=tuple(
                dict.fromkeys(g for m in lead if m.kind is MentionKind.GROUP for g in m.groups)
            ),
        )

    def _agencies(self, draft: TaskDraft) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
        if draft.names_in_text:
            lead = self.names.leading(draft.text)
            after = _COORDINATION.split(draft.text, maxsplit=1)
            coordinating = self.names.leading(after[1]) if len(after) > 1 else ()
        else:
            named = self.names.in_cell(draft.cell(Meaning.LEAD))
            lead = tuple(m for m in named if not m.coordinating)
            coordinating = (
                *(m for m in named if m.coordinating),
                *self.names.in_cell(draft.cell(Meaning.COORDINATING)),
            )
        for mention in (*lead, *coordinating):
            self._note(mention, draft.place)
        return lead, coordinating

    def _schedule(self, draft: TaskDraft, timed: bool) -> Schedule | None:
        if not timed:
            return Schedule.undated("")
        wording = draft.cell(Meaning.SCHEDULE)
        try:
            reading = read_schedule(wording, self.year, self.issued_on)
        except InvalidValue as error:
            self.findings.error(error.message, draft.place.at_column("Thời gian thực hiện"))
            return None
        if reading.schedule.kind is ScheduleKind.UNDATED:
            self.undated[reading.schedule.text].append(draft.place)
        return reading.schedule

    def _note(self, mention: Mention, place: Place) -> None:
        kind = _party_kind(mention)
        if kind is None:
            self._inactive(mention, place)
            return
        wording = mention.wording
        key = (kind, name_key(wording))
        if kind == "empty_group":
            key, wording = (kind, mention.target), self.directory.groups[mention.target].name
        party = self.report.parties.setdefault(
            key, Party(wording, kind, mention.codes, mention.closest)
        )
        party.places.append(str(place))

    def _inactive(self, mention: Mention, place: Place) -> None:
        if mention.kind is not MentionKind.AGENCY:
            return
        record = self.directory.agencies.get(mention.target)
        if record is not None and not record.active:
            key = ("inactive", mention.target)
            party = self.report.parties.setdefault(
                key, Party(mention.wording, "inactive", mention.codes)
            )
            party.places.append(str(place))

    def _party_warning(self, party: Party) -> None:
        places = _listed(party.places)
        if party.kind == "unknown":
            hint = f" (có phải: {', '.join(party.closest)}?)" if party.closest else ""
            self.findings.warning(
                f"không có cơ quan '{party.wording}' trong danh mục{hint}: chưa giao cho ai "
                f"({places}). Thêm bằng 'planner agency add' hoặc 'planner agency alias' "
                "rồi nhập lại",
            )
        elif party.kind == "qualified_group":
            self.findings.warning(
                f"'{party.wording}' được hiểu là cả nhóm ({len(party.codes)} cơ quan); "
                f"Sở Nội vụ điều chỉnh bằng 'planner task reassign' nếu cần ({places})"
            )
        elif party.kind == "empty_group":
            self.findings.warning(
                f"'{party.wording}' là nhóm chưa có cơ quan nào trong danh mục: chưa giao cho ai "
                f"({places}). Thêm các cơ quan bằng 'planner agency add … --group' rồi nhập lại"
            )
        elif party.kind == "inactive":
            successor = self.directory.successor(party.codes[0]) if party.codes else ""
            self.findings.warning(
                f"'{party.wording}' ({', '.join(party.codes)}) không còn hoạt động; công việc "
                f"do {successor} tiếp nhận ({places})"
            )


def _party_kind(mention: Mention) -> str | None:
    if mention.kind in (MentionKind.UNKNOWN, MentionKind.DESCRIPTIVE):
        return mention.kind.value
    if mention.kind is MentionKind.QUALIFIED_GROUP:
        return "qualified_group" if mention.codes else "empty_group"
    if mention.kind is MentionKind.GROUP and not mention.codes:
        return "empty_group"
    return None


def _lead_codes(lead: Iterable[Mention], coordinating: Iterable[Mention]) -> tuple[str, ...]:
    """An agency the coordinating cell names is not also a lead through a group ("Các sở,
    ban, ngành" leads, "Sở Nội vụ" coordinates), unless the lead cell names it too."""
    named = {c for m in lead if m.kind is MentionKind.AGENCY for c in m.codes}
    coordinates = {c for m in coordinating if m.kind is MentionKind.AGENCY for c in m.codes}
    return tuple(c for c in _codes(lead) if c in named or c not in coordinates)


def _codes(mentions: Iterable[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(code for m in mentions if m.assigns for code in m.codes))


def _listed(places: list[str]) -> str:
    shown = "; ".join(places[:_SHOWN])
    return shown + (f"; và {len(places) - _SHOWN} chỗ khác" if len(places) > _SHOWN else "")
