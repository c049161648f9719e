"""Agencies hear of a deadline 7, 3 and 1 days before and on the day, then weekly while late.

The policy is pure: given the open deadlines, the agencies, the reminders recorded so far, a day
and the working-day calendar, it says what goes out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from planner.application.vietnam_calendar import vietnam_calendar
from planner.domain.errors import InvalidValue
from planner.domain.reminder import ReminderKey, ReminderRecord, ReminderState
from planner.domain.reminder_outbox import (
    DueItem,
    ItemKind,
    Outbox,
    Recipient,
    Situation,
    plan_outbox,
)
from planner.domain.reminder_policy import ReminderPolicy, Slot

calendar = vietnam_calendar()
policy = ReminderPolicy()
PLAN = uuid4()
REPORT_DUE = date(2023, 9, 12)  # a Tuesday
AGENCIES = {
    "SNV": Recipient("SNV", "Sở Nội vụ", ("cchc@snv.backan.gov.vn",)),
    "STP": Recipient("STP", "Sở Tư pháp", ("stp@backan.gov.vn",)),
    "VPUBND": Recipient("VPUBND", "Văn phòng UBND tỉnh", ()),
}


def task(reference: str, due_on: date, *lead: str, occurrence: str = "") -> DueItem:
    task_id = uuid4()
    return DueItem(
        item=f"task:{task_id}",
        kind=ItemKind.TASK,
        occurrence=occurrence,
        due_on=due_on,
        responsible=lead or ("STP",),
        plan_id=PLAN,
        plan_number="365/KH-UBND",
        plan_title="Khắc phục hạn chế Chỉ số CCHC năm 2023",
        reference=reference,
        text=f"Nhiệm vụ {reference}",
        status="in_progress",
        task_id=task_id,
    )


def report(due_on: date) -> DueItem:
    return DueItem(
        item=f"obligation:{PLAN}:bao-cao-nam",
        kind=ItemKind.OBLIGATION,
        occurrence=str(due_on.year),
        due_on=due_on,
        responsible=("STP",),
        plan_id=PLAN,
        plan_number="365/KH-UBND",
        plan_title="Khắc phục hạn chế Chỉ số CCHC năm 2023",
        reference="",
        text="Báo cáo kết quả thực hiện Kế hoạch trước ngày 25/11 hàng năm",
    )


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)  # 08:00 in Vietnam


def outbox(day: date, *items: DueItem, records: tuple[ReminderRecord, ...] = ()) -> Outbox:
    situation = Situation(items, AGENCIES, records, monitor="SNV")
    return plan_outbox(situation, day, at(day), calendar, policy)


def sent(item: DueItem, offset: int, agency: str = "STP") -> ReminderRecord:
    key = ReminderKey(agency, item.item, item.occurrence, item.due_on, offset)
    return ReminderRecord(key, ReminderState.SENT)


def reminded(box: Outbox) -> list[tuple[str, str, int]]:
    return [
        (d.recipient.code, n.item.reference, n.claim.key.offset)
        for d in box.digests
        for n in d.notices
    ]


def test_reminders_fall_7_3_1_and_0_days_before_moved_off_weekends_then_weekly() -> None:
    slots = policy.slots(REPORT_DUE, date(2023, 10, 31), calendar, while_late=True)
    assert slots[:6] == [
        Slot(-7, date(2023, 9, 5)),
        Slot(-3, date(2023, 9, 8)),  # Saturday 9/9 → the Friday before
        Slot(-1, date(2023, 9, 11)),
        Slot(0, date(2023, 9, 12)),
        Slot(7, date(2023, 9, 19)),
        Slot(14, date(2023, 9, 26)),
    ]
    # Due on Tuesday 5/9/2023, right after the National Day holidays (1/9 to 4/9).
    before_holiday = policy.slots(date(2023, 9, 5), date(2023, 9, 5), calendar, while_late=True)
    assert before_holiday == [
        Slot(-7, date(2023, 8, 29)),
        Slot(-3, date(2023, 8, 31)),
        Slot(-1, date(2023, 8, 31)),
        Slot(0, date(2023, 9, 5)),
    ]


def test_an_agency_gets_one_digest_a_day_grouping_its_deadlines_by_plan() -> None:
    first, second = task("PL2 I.1", date(2023, 9, 12)), task("PL2 III.2", date(2023, 9, 8))
    late = task("PL2 V.1", date(2023, 8, 29))
    box = outbox(date(2023, 9, 5), first, second, late)
    assert reminded(box) == [
        ("STP", "PL2 V.1", 7),
        ("STP", "PL2 III.2", -3),
        ("STP", "PL2 I.1", -7),
    ]
    digest = box.digests[0]
    assert [n.days for n in digest.late] == [7]
    assert [n.days for n in digest.coming] == [-3, -7]
    assert [s.plan_number for s in digest.by_plan(digest.notices)] == ["365/KH-UBND"]


def test_nothing_goes_out_on_a_sunday_or_during_tet() -> None:
    item = task("PL2 I.1", date(2024, 2, 19))
    sunday = outbox(date(2023, 9, 10), task("PL2 I.2", REPORT_DUE))
    assert sunday.day_off == "Chủ nhật" and sunday.messages == ()
    tet = outbox(date(2024, 2, 12), item)
    assert tet.day_off == "Mùng ba Tết Nguyên Đán" and tet.messages == ()
    # The reminder meant for 12/02 (-7) went out on the last working day before Tết.
    assert reminded(outbox(date(2024, 2, 7), item)) == [("STP", "PL2 I.1", -7)]


def test_a_sent_reminder_is_not_sent_again_and_the_next_one_waits_for_its_day() -> None:
    item = task("PL2 I.1", REPORT_DUE)
    records = (sent(item, -7),)
    assert reminded(outbox(date(2023, 9, 6), item, records=records)) == []
    assert reminded(outbox(date(2023, 9, 8), item, records=records)) == [("STP", "PL2 I.1", -3)]


def test_after_downtime_only_the_newest_reminder_goes_out_and_folds_the_missed_ones() -> None:
    item = task("PL2 I.1", REPORT_DUE)
    box = outbox(date(2023, 9, 11), item, records=(sent(item, -7),))
    [notice] = box.digests[0].notices
    assert notice.claim.key.offset == -1
    assert notice.claim.folds == (-3,)
    long_down = outbox(date(2023, 10, 3), item)
    assert long_down.digests[0].notices[0].claim.folds == (-7, -3, -1, 0, 7, 14)


def test_a_failed_reminder_waits_for_its_back_off_then_is_claimed_again() -> None:
    item = task("PL2 I.1", REPORT_DUE)
    key = ReminderKey("STP", item.item, "", REPORT_DUE, -1)
    day = date(2023, 9, 11)
    failed = ReminderRecord(key, ReminderState.FAILED, retry_at=at(day) + timedelta(minutes=2))
    waiting = outbox(day, item, records=(failed,))
    assert waiting.digests == () and waiting.waiting == (key,)
    situation = Situation((item,), AGENCIES, (failed,), monitor="SNV")
    later = plan_outbox(situation, day, at(day) + timedelta(minutes=2), calendar, policy)
    assert [n.claim.key for n in later.digests[0].notices] == [key]


def test_an_unsent_older_reminder_is_folded_into_the_newer_one() -> None:
    item = task("PL2 I.1", REPORT_DUE)
    stale = ReminderKey("STP", item.item, "", REPORT_DUE, -3)
    failed = ReminderRecord(stale, ReminderState.FAILED, retry_at=at(date(2023, 9, 8)))
    [notice] = outbox(date(2023, 9, 11), item, records=(failed,)).digests[0].notices
    assert notice.claim.key.offset == -1 and notice.claim.supersedes == (stale,)


def test_a_claim_in_flight_in_another_process_blocks_until_its_lease_runs_out() -> None:
    item = task("PL2 I.1", REPORT_DUE)
    day = date(2023, 9, 11)
    key = ReminderKey("STP", item.item, "", REPORT_DUE, -1)
    claimed = ReminderRecord(key, ReminderState.SENDING, claimed_at=at(day))
    assert outbox(day, item, records=(claimed,)).digests == ()
    situation = Situation((item,), AGENCIES, (claimed,), monitor="SNV")
    abandoned = plan_outbox(situation, day, at(day) + policy.lease, calendar, policy)
    assert [n.claim.key for n in abandoned.digests[0].notices] == [key]


def test_a_moved_deadline_is_reminded_afresh_and_unsent_reminders_of_the_old_one_withdrawn() -> (
    None
):
    item = task("PL2 I.1", REPORT_DUE)
    old = ReminderKey("STP", item.item, "", REPORT_DUE, -1)
    records = (sent(item, -3), ReminderRecord(old, ReminderState.FAILED))
    moved = DueItem(**{**item.__dict__, "due_on": date(2023, 9, 30)})
    box = outbox(date(2023, 9, 22), moved, records=records)
    assert reminded(box) == [("STP", "PL2 I.1", -7)]
    assert [(w.key, w.reason) for w in box.withdrawals] == [(old, "hạn đã đổi sang 30/09/2023")]
    done = outbox(date(2023, 9, 22), records=records)
    assert [w.reason for w in done.withdrawals] == ["việc đã hoàn thành, đã hủy hoặc không còn hạn"]


def test_plan_obligations_are_reminded_before_their_deadline_but_not_while_late() -> None:
    annual = report(date(2023, 11, 24))
    assert reminded(outbox(date(2023, 11, 24), annual)) == [("STP", "", 0)]
    assert reminded(outbox(date(2023, 12, 1), annual)) == []  # past: no status to chase


def test_each_lead_agency_is_reminded_and_those_without_e_mail_are_set_aside() -> None:
    shared = task("PL2 III.2", REPORT_DUE, "STP", "VPUBND")
    box = outbox(date(2023, 9, 5), shared)
    assert reminded(box) == [("STP", "PL2 III.2", -7)]
    assert [d.recipient.code for d in box.unreachable] == ["VPUBND"]


def test_monday_escalation_lists_late_tasks_by_agency_and_agencies_without_e_mail() -> None:
    monday = date(2023, 9, 18)
    late = task("PL2 I.1", REPORT_DUE, "STP", "VPUBND")
    later = task("PL2 II.4", date(2023, 9, 15), "STP")
    coming = task("PL2 VI.1", date(2023, 9, 29), "VPUBND")
    box = outbox(monday, late, later, coming)
    escalation = box.escalation
    assert escalation is not None and escalation.recipient.code == "SNV"
    assert escalation.week == "2023-W38" and escalation.late_count == 2
    assert [
        (a.recipient.code, [(t.item.reference, t.days_late) for t in a.tasks])
        for a in escalation.agencies
    ] == [("STP", [("PL2 I.1", 6), ("PL2 II.4", 3)]), ("VPUBND", [("PL2 I.1", 6)])]
    assert [(u.recipient.code, u.open_items) for u in escalation.unreachable] == [("VPUBND", 2)]
    assert escalation in box.messages
    assert outbox(date(2023, 9, 19), late).escalation is not None  # missed Monday: Tuesday
    recorded = ReminderRecord(escalation.claim.key, ReminderState.SENT)
    assert outbox(date(2023, 9, 19), late, records=(recorded,)).escalation is None


def test_the_escalation_moves_to_the_first_working_day_of_a_week_that_starts_with_a_holiday() -> (
    None
):
    week = policy.escalation_day(date(2023, 9, 6), calendar)
    assert week == date(2023, 9, 5)  # Monday 4/9/2023 is the National Day's day in lieu
    assert outbox(date(2023, 9, 4)).day_off == "Quốc khánh (nghỉ bù)"


def test_a_policy_that_makes_no_sense_is_refused() -> None:
    with pytest.raises(InvalidValue, match="số ngày trước hạn"):
        ReminderPolicy(days_before=(7, -1))
    with pytest.raises(InvalidValue, match="thứ 9"):
        ReminderPolicy(escalation_weekday=9)


def test_keys_are_stable_identities() -> None:
    key = ReminderKey("STP", "task:x", "", REPORT_DUE, -7)
    assert key.id == ReminderKey("STP", "task:x", "", REPORT_DUE, -7).id
    assert key.id != ReminderKey("STP", "task:x", "", REPORT_DUE, -3).id
    assert isinstance(key.id, UUID)
