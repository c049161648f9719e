"""A published document, read and checked, in planner's terms: ready to be stored.

The importer builds it from a file; the import service stores it. Every entry says where
in the document it comes from, so what is stored can be traced back to a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.criteria_set import Criterion, UnitKind
from planner.domain.criterion import CriterionCode, CriterionRef, Index
from planner.domain.plan import Obligation
from planner.domain.schedule import Schedule
from planner.domain.score_target import Definition


@dataclass(frozen=True)
class PlanHeader:
    number: str
    title: str
    issuer: str
    province: str
    issued_on: date | None
    year: int
    indices: tuple[Index, ...]


@dataclass(frozen=True)
class TargetEntry:
    index: Index
    code: CriterionCode
    year: int
    definition: Definition
    source: str


@dataclass(frozen=True)
class TaskEntry:
    reference: str
    text: str
    criteria: tuple[CriterionRef, ...]
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]
    schedule: Schedule
    expected_output: str
    lead_wording: str
    coordinating_wording: str
    source: str
    context: str = ""  # the headings the task sits under ("III › Công bố, công khai TTHC")
    lead_groups: tuple[str, ...] = ()  # registry groups the lead cell names as a whole


@dataclass(frozen=True)
class ObligationEntry:
    obligation: Obligation
    source: str


@dataclass(frozen=True)
class CriteriaSetEntry:
    province: str
    year: int
    unit_kind: UnitKind
    title: str
    source: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class PlanDocument:
    """A plan with its targets, tasks and obligations, and/or criteria sets."""

    plan: PlanHeader | None
    targets: tuple[TargetEntry, ...] = ()
    tasks: tuple[TaskEntry, ...] = ()
    obligations: tuple[ObligationEntry, ...] = ()
    criteria_sets: tuple[CriteriaSetEntry, ...] = ()

    @property
    def size(self) -> int:
        """How many things there are to store, for a progress bar."""
        return (
            (1 if self.plan else 0)
            + len(self.targets)
            + len(self.tasks)
            + len(self.obligations)
            + len(self.criteria_sets)
        )
