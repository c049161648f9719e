"""Views replayed from the events up to a day are the views as they stood at the end of it."""

from datetime import date

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.criterion import Index
from planner.domain.identity import agency_id
from planner.queries.views import Views
from planner.reports.as_of import Replay
from tests.builders import add_task, bac_kan_plan, monitor, staff
from tests.conftest import vietnam_time


def seen(views: Views, on: date) -> tuple[object, ...]:
    """What the questions Sở Nội vụ asks of the views answer on a day."""
    return (
        views.plans(),
        views.agencies(),
        views.tasks(),
        views.progress(on),
        views.overdue(on),
        views.score_board(),
    )


def test_views_replayed_to_a_past_day_equal_the_views_of_that_day(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    reports = add_task(
        planner,
        plan,
        "PL2 I.1",
        "Đôn đốc thực hiện chế độ báo cáo",
        "Sở Nội vụ",
        "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    )
    publish = add_task(
        planner, plan, "PL2 III.2", "Công bố TTHC", "Văn phòng UBND tỉnh", "Quý III/2023"
    )
    clock.set(vietnam_time(date(2023, 9, 15)))
    planner.tasks.complete(reports, "2023-Q3", staff(planner, "SNV"))
    planner.tasks.block(publish, None, "Chờ quyết định công bố", staff(planner, "VPUBND"))
    on_the_day = {day: seen(planner.views, day) for day in (date(2023, 9, 15), date(2023, 10, 1))}

    clock.set(vietnam_time(date(2023, 10, 20)))
    planner.tasks.unblock(publish, None, "Đã có quyết định", staff(planner, "VPUBND"))
    planner.tasks.cancel(reports, "2023-Q4", "Gộp vào báo cáo năm", monitor(planner))
    planner.agencies.merge("SKHDT", "STC", date(2023, 10, 20), "Sáp nhập", planner.system)

    with Replay(planner.store) as replay:
        assert seen(replay.views_at_end_of(date(2023, 6, 7)), date(2023, 6, 7)) == (
            [],
            [],
            [],
            [],
            [],
            [],
        )
        replayed = replay.views_at_end_of(date(2023, 9, 15))
        assert seen(replayed, date(2023, 9, 15)) == on_the_day[date(2023, 9, 15)]
        assert seen(replayed, date(2023, 10, 1)) == on_the_day[date(2023, 10, 1)]
        assert seen(replay.views_at_end_of(date(2023, 10, 20)), date(2023, 10, 20)) == seen(
            planner.views, date(2023, 10, 20)
        )


def test_a_replay_of_one_plans_aggregates_leaves_out_the_other_plans(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    add_task(planner, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023")
    other = planner.plans.register(
        number="1800/KH-UBND",
        title="Nâng cao Chỉ số CCHC tỉnh Hà Nam",
        issuer="UBND tỉnh Hà Nam",
        province="Hà Nam",
        issued_on=date(2023, 6, 10),
        year=2023,
        indices=(Index.PAR_INDEX,),
        actor=planner.system,
    )
    add_task(planner, other, "1.1", "Ban hành kế hoạch CCHC", "Sở Nội vụ", "Năm 2023")
    clock.set(vietnam_time(date(2023, 7, 1)))
    (first,) = planner.views.tasks(plan)
    planner.tasks.start(first.task_id, None, staff(planner, "STP"))
    agencies = {agency_id(a.code) for a in planner.views.agencies()}

    with Replay(planner.store, {plan, first.task_id, *agencies}, page_size=3) as replay:
        views = replay.views_at_end_of(date(2023, 7, 1))
        assert [p.number for p in views.plans()] == ["365/KH-UBND"]
        assert [(t.reference, t.occurrences[0].status) for t in views.tasks()] == [
            ("PL2 II.4", "in_progress")
        ]
        assert views.agencies() == planner.views.agencies()
