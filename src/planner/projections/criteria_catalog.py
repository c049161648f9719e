"""The criteria sets (Bộ tiêu chí) each province scores its units on, row by row."""

from __future__ import annotations

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.criteria_set import CriteriaSet, Criterion, max_total, survey_max
from planner.projections.projection import Projection
from planner.projections.schema import criteria_sets, set_criteria


class CriteriaCatalog(Projection):
    tables = (criteria_sets, set_criteria)
    events = (CriteriaSet.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.sets = self.buffer(criteria_sets, "set_id")
        self.rows = self.buffer(set_criteria, "set_id")

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: CriteriaSet.Defined) -> None:
        self.sets.put(
            {
                "set_id": event.originator_id,
                "province": event.province,
                "year": event.year,
                "unit_kind": str(event.unit_kind),
            }
            | self._summary(event.title, event.source, event.criteria, event.originator_version)
        )
        self._put_rows(event.originator_id, event.criteria)

    @apply.register
    def _(self, event: CriteriaSet.Revised) -> None:
        row = self.sets.get(event.originator_id)
        assert row is not None, f"criteria set {event.originator_id} has no Defined event"
        summary = self._summary(event.title, event.source, event.criteria, event.originator_version)
        self.sets.put(row | summary)
        for old in self.rows.find(set_id=event.originator_id):
            self.rows.remove(old["set_id"], old["code"])
        self._put_rows(event.originator_id, event.criteria)

    @staticmethod
    def _summary(
        title: str, source: str, criteria: tuple[Criterion, ...], version: int
    ) -> dict[str, object]:
        return {
            "title": title,
            "source": source,
            "max_total": max_total(criteria),
            "survey_max": survey_max(criteria),
            "criteria_count": len(criteria),
            "version": version,
        }

    def _put_rows(self, set_id: object, criteria: tuple[Criterion, ...]) -> None:
        for position, criterion in enumerate(criteria):
            self.rows.put(
                {
                    "set_id": set_id,
                    "code": str(criterion.code),
                    "position": position,
                    "name": criterion.name,
                    "level": criterion.level.value,
                    "max_points": criterion.max_points,
                    "survey_based": criterion.survey_based,
                    "notes": criterion.notes,
                }
            )
