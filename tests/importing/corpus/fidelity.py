"""How an import of a corpus plan compares with the plan's hand count (expected/*.json).

Tasks are matched by their reference without the table's label ("PL I.2.a" → "I.2.a"), or
with it when the hand count gives it (two appendices both number from 1: "PLI 1", "PLII 1"); a
group token "@SO_BAN_NGANH" stands for every member of the group in the registry. An
agency named among the coordinating bodies is not a lead through a group (and the other
way round), as people read the plan.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from planner.application.plan_document import TaskEntry
from planner.domain.agency_directory import AgencyDirectory, AgencyRecord
from planner.domain.agency_registry import COMMUNES, DISTRICTS
from planner.importer.document_file import read_document
from planner.importer.reading import Identity, read_plan_document
from planner.importer.report import ImportReport
from planner.presentation.vietnamese import format_date
from tests.importing.corpus.build import EXPECTED, build
from tests.importing.registry import default_directory

FIELDS = ("text", "lead", "coordinating", "schedule", "due_on", "criteria", "output")


def corpus_directory() -> AgencyDirectory:
    """The usual provincial bodies, two districts and two communes."""
    return default_directory(
        AgencyRecord("UBND_H1", "UBND huyện Thứ Nhất", groups=(DISTRICTS,)),
        AgencyRecord("UBND_H2", "UBND huyện Thứ Hai", groups=(DISTRICTS,)),
        AgencyRecord("UBND_X1", "UBND xã Thứ Nhất", groups=(COMMUNES,)),
        AgencyRecord("UBND_X2", "UBND xã Thứ Hai", groups=(COMMUNES,)),
    )


def expected(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((EXPECTED / f"{name}.json").read_text("utf-8"))
    return loaded


def imported(name: str, directory: Path, given: bool = True) -> ImportReport:
    """The plan built as its format says and read; `given` adds what a person would type."""
    path = build(name, directory)
    wanted = expected(name).get("given") if given else None
    identity = Identity()
    if isinstance(wanted, dict):
        day, month, year = (int(p) for p in str(wanted["issued_on"]).split("/"))
        identity = Identity(number=str(wanted["number"]), issued_on=date(year, month, day))
    return read_plan_document(read_document(path), corpus_directory(), identity=identity)


def short_reference(reference: str) -> str:
    return reference.split(" ", 1)[1] if " " in reference else reference


@dataclass
class Fidelity:
    found: int = 0
    right: int = 0
    lost: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    fields: Counter[str] = field(default_factory=Counter)  # right, per field
    checked: Counter[str] = field(default_factory=Counter)  # compared, per field
    compared: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Fidelity) -> None:
        self.found += other.found
        self.right += other.right
        self.lost += other.lost
        self.invented += other.invented
        self.fields.update(other.fields)
        self.checked.update(other.checked)
        self.compared += other.compared
        self.wrong += other.wrong


def fidelity(name: str, report: ImportReport) -> Fidelity:
    wanted = {str(t["ref"]): t for t in _tasks(name)}
    whole = any(" " in ref for ref in wanted)  # tables number their tasks alike: "PLI 1"
    tasks = report.document.tasks if report.document else ()
    got = {t.reference if whole else short_reference(t.reference): t for t in tasks}
    result = Fidelity(found=len(got))
    result.lost = [f"{name} {ref}" for ref in wanted if ref not in got]
    result.invented = [f"{name} {ref}" for ref in got if ref not in wanted]
    directory = corpus_directory()
    for ref, task in wanted.items():
        if ref not in got:
            continue
        result.compared += 1
        facts = _facts(got[ref])
        hand = _hand(task, directory)
        fields = [f for f in FIELDS if hand[f] is not None]
        right = [f for f in fields if facts[f] == hand[f]]
        result.fields.update(right)
        result.checked.update(fields)
        result.right += len(right) == len(fields)
        result.wrong += [
            f"{name} {ref} {f}: {facts[f]!r} ≠ {hand[f]!r}" for f in fields if f not in right
        ]
    return result


def _tasks(name: str) -> list[dict[str, object]]:
    tasks = expected(name)["tasks"]
    assert isinstance(tasks, list)
    return tasks


def _facts(task: TaskEntry) -> dict[str, object]:
    return {
        "text": task.text,
        "lead": frozenset(task.lead),
        "coordinating": frozenset(task.coordinating),
        "schedule": task.schedule.text,
        "due_on": format_date(task.schedule.due_on) if task.schedule.due_on else None,
        "criteria": frozenset(f"{c.index.value}:{c.code}" for c in task.criteria),
        "output": task.expected_output,
    }


def _hand(task: dict[str, object], directory: AgencyDirectory) -> dict[str, object]:
    lead_tokens = [str(t) for t in task["lead"]]  # type: ignore[attr-defined]
    coordinating_tokens = [str(t) for t in task["coordinating"]]  # type: ignore[attr-defined]
    named_coordinating = {t for t in coordinating_tokens if not t.startswith("@")}
    lead = _expanded(lead_tokens, directory) - named_coordinating
    coordinating = _expanded(coordinating_tokens, directory) - lead
    return {
        "text": task["text"],
        "lead": frozenset(lead),
        "coordinating": frozenset(coordinating),
        "schedule": task["schedule"],
        "due_on": task.get("due_on"),  # compared only where the hand count says
        "criteria": frozenset(str(c) for c in task["criteria"]),  # type: ignore[attr-defined]
        "output": task.get("output"),  # compared only where the hand count says
    }


def _expanded(tokens: list[str], directory: AgencyDirectory) -> set[str]:
    codes: set[str] = set()
    for token in tokens:
        codes.update(directory.members(token[1:]) if token.startswith("@") else (token,))
    return codes
