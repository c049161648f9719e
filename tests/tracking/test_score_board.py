"""Targets against results, per criterion, with totals the plan states or the sums beneath."""

from datetime import timedelta
from decimal import Decimal

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.criterion import CriterionCode, Index, Level
from planner.domain.identity import target_id
from planner.domain.points import parse_points
from planner.domain.score_target import Definition, ResultKind
from planner.domain.target import Target
from planner.queries.score_board import roll_up, stated_lines
from tests.builders import bac_kan_plan, ha_nam_plan

HA_NAM_AREA_1 = [  # Hà Nam, Kế hoạch 1800/KH-UBND, Phụ lục: code, name, max, 2018, target 2019
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "9", "5.5", "9"),
    ("1.1", "Kế hoạch CCHC", "1.25", "1.25", "1.25"),
    ("1.1.1", "Ban hành kế hoạch CCHC", "0.25", "0.25", "0.25"),
    ("1.1.2", "Mức độ hoàn thành kế hoạch CCHC", "1", "1", "1"),
    ("1.3", "Kiểm tra công tác CCHC", "2", "1", "2"),
    ("1.3.1", "Tỷ lệ cơ quan chuyên môn cấp tỉnh ... được kiểm tra trong năm", "1", "1", "1"),
    ("1.3.2", "Xử lý các vấn đề phát hiện qua kiểm tra", "1", "0", "1"),
]


def set_targets(planner: Planner, plan, rows, year: int = 2019) -> None:  # type: ignore[no-untyped-def]
    for code, name, maximum, last_year, target in rows:
        criterion = CriterionCode.parse(code)
        planner.targets.set(
            plan,
            index=Index.PAR_INDEX,
            code=criterion,
            year=year,
            definition=Definition(
                name=name,
                level=Level.for_depth(criterion.depth),
                max_points=parse_points(maximum),
                last_year_points=parse_points(last_year),
                target=Target.parse(target),
            ),
            actor=planner.system,
        )


def test_the_score_board_shows_stated_rows_and_sums_what_is_not_stated(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    set_targets(planner, plan, HA_NAM_AREA_1)
    for code, points in (("1.3.1", "1"), ("1.3.2", "0.5")):
        identity = target_id(plan, "PAR_INDEX", code, 2019)
        planner.targets.record_result(
            identity, ResultKind.APPRAISED, parse_points(points), planner.system
        )

    board = {line.code: line for line in planner.views.score_board(plan)}
    area = board["1"]
    assert area.stated and (area.max_points, area.last_year_points, area.target_value) == (
        Decimal(9),
        Decimal("5.5"),
        Decimal(9),
    )
    criterion = board["1.3"]
    assert (criterion.result_points, criterion.result_kind, criterion.gap) == (
        Decimal("1.5"),
        "appraised",
        Decimal("0.5"),
    )
    total = board[""]
    assert not total.stated and total.max_points == Decimal(9)
    assert list(board) == ["", "1", "1.1", "1.1.1", "1.1.2", "1.3", "1.3.1", "1.3.2"]


def test_the_board_shows_the_most_authoritative_result_and_among_equals_the_latest(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    set_targets(planner, plan, HA_NAM_AREA_1)
    identity = target_id(plan, "PAR_INDEX", "1.3.1", 2019)

    def shown() -> tuple[str | None, Decimal | None]:
        line = next(line for line in planner.views.score_board(plan) if line.code == "1.3.1")
        return line.result_kind, line.result_points

    planner.targets.record_result(identity, ResultKind.APPRAISED, Decimal("0.25"), planner.system)
    clock.set(clock.now() + timedelta(days=1))
    planner.targets.record_result(identity, ResultKind.SELF_ASSESSED, Decimal("1"), planner.system)
    assert shown() == ("appraised", Decimal("0.25"))
    planner.targets.record_result(identity, ResultKind.APPRAISED, Decimal("0.5"), planner.system)
    assert shown() == ("appraised", Decimal("0.5"))
    planner.targets.record_result(identity, ResultKind.OFFICIAL, Decimal("0.75"), planner.system)
    assert shown() == ("official", Decimal("0.75"))


def test_setting_the_same_target_again_changes_nothing_and_a_correction_is_recorded(
    planner: Planner,
) -> None:
    plan = bac_kan_plan(planner)
    set_targets(planner, plan, HA_NAM_AREA_1[1:2])
    set_targets(planner, plan, HA_NAM_AREA_1[1:2])
    identity = target_id(plan, "PAR_INDEX", "1.1", 2019)
    assert [e.event for e in planner.views.history(identity)] == ["Set"]
    set_targets(planner, plan, [("1.1", "Kế hoạch CCHC", "1.5", "1.25", "1.5")])
    assert [e.event for e in planner.views.history(identity)] == ["Set", "Revised"]
    assert {line.code: line for line in planner.views.score_board(plan)}[
        "1.1"
    ].max_points == Decimal("1.5")


def test_the_country_s_board_keeps_its_totals_as_results_come_in(planner: Planner) -> None:
    bac_kan = bac_kan_plan(planner)
    ha_nam = ha_nam_plan(planner, 2019)
    for plan in (bac_kan, ha_nam):
        set_targets(planner, plan, HA_NAM_AREA_1)
    results = [(ha_nam, "1.3.1", "1"), (bac_kan, "1.1.2", "0.75"), (ha_nam, "1.3.2", "0.5")]

    for plan, code, points in results:
        identity = target_id(plan, "PAR_INDEX", code, 2019)
        planner.targets.record_result(
            identity, ResultKind.APPRAISED, parse_points(points), planner.system
        )
        with planner.views.engine.connect() as connection:
            stated = stated_lines(connection)
        expected = [
            line
            for plan_id in (ha_nam, bac_kan)  # 1800/KH-UBND before 365/KH-UBND
            for line in roll_up(line for line in stated if line.plan_id == plan_id)
        ]
        assert planner.views.score_board() == expected

    board = {(line.plan_number, line.code): line for line in planner.views.score_board()}
    assert board["1800/KH-UBND", "1.3"].result_points == Decimal("1.5")
    assert board["365/KH-UBND", "1.3"].result_points is None  # not every row has a result
