"""The PAR scoring rounds will feed their results to the reports through a result source."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from planner.domain.identity import target_id
from planner.domain.score_target import ResultKind
from planner.reports.building import build_report
from planner.reports.periods import ReportPeriod
from planner.reports.results import CriterionResult
from tests.reports.conftest import HaNam
from tests.reports.ha_nam_plan import NUMBER


@dataclass
class ScoringRound:
    """Results a scoring round has made, each known from the day it was made."""

    made: list[tuple[date, CriterionResult]] = field(default_factory=list)
    asked: list[tuple[UUID, date]] = field(default_factory=list)

    def results(self, plan_id: UUID, as_of: date) -> Iterable[CriterionResult]:
        self.asked.append((plan_id, as_of))
        return [result for day, result in self.made if day <= as_of]


def area_1(points: dict[str, str], kind: ResultKind) -> list[CriterionResult]:
    return [
        CriterionResult("PAR_INDEX", 2019, code, kind, Decimal(p)) for code, p in points.items()
    ]


def test_a_scoring_rounds_results_replace_the_targets_own_and_the_areas_add_them_up(
    ha_nam: HaNam,
) -> None:
    planner, plan = ha_nam.planner, ha_nam.plan
    ha_nam.on(date(2020, 2, 25))
    planner.targets.record_result(
        target_id(plan, "PAR_INDEX", "1.5", 2019), ResultKind.OFFICIAL, Decimal(2), planner.system
    )
    scoring = ScoringRound()
    scoring.made += [
        (date(2020, 1, 15), r)
        for r in area_1(
            {"1.1": "1.25", "1.2": "1.75", "1.3": "1.5", "1.4": "1", "1.6": "1"},
            ResultKind.SELF_ASSESSED,
        )
    ]
    scoring.made += [
        (date(2020, 2, 20), r) for r in area_1({"1.3": "1", "1.5": "1"}, ResultKind.APPRAISED)
    ]

    report = build_report(planner, NUMBER, ReportPeriod(2019), date(2020, 2, 25), [scoring])

    assert scoring.asked == [(plan, date(2020, 2, 25))]
    lines = {line.code: line for line in report.scores[0].lines}
    assert (lines["1.3"].result_points, lines["1.3"].result_kind) == (Decimal(1), "appraised")
    assert (lines["1.5"].result_points, lines["1.5"].result_kind) == (Decimal(2), "official")
    assert (lines["1.1"].result_points, lines["1.1"].result_kind) == (
        Decimal("1.25"),
        "self_assessed",
    )
    assert lines["1.3"].gap == Decimal(1)
    area = lines["1"]
    assert area.stated and area.target_value == Decimal(9)
    assert (area.result_points, area.result_kind, area.gap) == (Decimal(8), None, Decimal(1))

    in_january = build_report(planner, NUMBER, ReportPeriod(2019), date(2020, 1, 31), [scoring])
    january = {line.code: line for line in in_january.scores[0].lines}
    assert (january["1.3"].result_points, january["1.3"].result_kind) == (
        Decimal("1.5"),
        "self_assessed",
    )
    assert january["1.5"].result_points is None and january["1"].result_points is None
