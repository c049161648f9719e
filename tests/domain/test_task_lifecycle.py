"""A task moves not started → in progress → completed; other moves are refused, clearly."""

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from planner.domain.actor import Actor, Role
from planner.domain.criterion import CriterionRef
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted, UnknownOccurrence
from planner.domain.evidence import Evidence
from planner.domain.schedule_text import read_schedule
from planner.domain.task import Task
from planner.domain.task_status import Status

NOW = datetime(2023, 7, 1, 2, 0, tzinfo=UTC)
SYSTEM = Actor("planner", "SNV", Role.SYSTEM)
MONITOR = Actor("chuyen-vien", "SNV", Role.MONITOR)
STP = Actor("can-bo.stp", "STP", Role.AGENCY)
VPUBND = Actor("can-bo.vp", "VPUBND", Role.AGENCY)
STC = Actor("can-bo.stc", "STC", Role.AGENCY)


def task(timeframe: str = "Năm 2023") -> Task:
    return Task.add(
        plan_id=uuid4(),
        reference="PL2 II.4",
        text="Tăng cường công tác theo dõi tổ chức thực hiện các văn bản QPPL trên địa bàn tỉnh",
        criteria=(CriterionRef.parse("2.4.4"),),
        lead=("STP",),
        coordinating=("VPUBND",),
        schedule=read_schedule(timeframe, 2023, date(2023, 6, 8)).schedule,
        expected_output="",
        actor=SYSTEM,
        at=NOW,
    )


def status(found: Task, key: str = "") -> Status:
    return found.occurrences[key].status


def test_lead_agency_starts_reports_and_completes_with_evidence() -> None:
    found = task()
    found.start(None, STP, NOW)
    found.report_progress(None, 60, "Đã kiểm tra 12 văn bản", (), STP, NOW)
    proof = Evidence.of("Báo cáo kết quả", link="https://stp.backan.gov.vn/bc-2023.pdf")
    found.complete(None, "Hoàn thành", (proof,), STP, NOW)
    assert status(found) is Status.COMPLETED
    assert found.occurrences[""].percent == 100
    events = found.collect_events()
    assert [type(e).__name__ for e in events] == [
        "Added",
        "Started",
        "ProgressReported",
        "Completed",
    ]
    assert all(e.actor.agency in ("SNV", "STP") and e.timestamp == NOW for e in events)


def test_reporting_a_percentage_starts_work_not_yet_started() -> None:
    found = task()
    found.report_progress(None, 10, "", (), STP, NOW)
    assert status(found) is Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("before", "action", "message"),
    [
        ("complete", "start", "đang ở trạng thái 'Hoàn thành', không thể bắt đầu"),
        ("complete", "block", "không thể báo vướng mắc"),
        ("start", "unblock", "đang ở trạng thái 'Đang thực hiện', không thể gỡ vướng mắc"),
        ("start", "reopen", "không thể mở lại"),
    ],
)
def test_invalid_transitions_are_refused_naming_task_and_status(
    before: str, action: str, message: str
) -> None:
    found = task()
    {
        "start": lambda: found.start(None, STP, NOW),
        "complete": lambda: found.complete(None, "", (), STP, NOW),
    }[before]()
    attempts = {
        "start": lambda: found.start(None, STP, NOW),
        "block": lambda: found.block(None, "chờ", STP, NOW),
        "unblock": lambda: found.unblock(None, "", STP, NOW),
        "reopen": lambda: found.reopen(None, "sai", STP, NOW),
    }
    with pytest.raises(InvalidTransition, match=message) as refused:
        attempts[action]()
    assert "PL2 II.4" in str(refused.value)


def test_blocked_work_returns_to_where_it_was() -> None:
    found = task()
    found.block(None, "Chờ hướng dẫn của Bộ Tư pháp", STP, NOW)
    found.unblock(None, "Đã có hướng dẫn", STP, NOW)
    assert status(found) is Status.NOT_STARTED
    found.start(None, STP, NOW)
    found.block(None, "Thiếu kinh phí", STP, NOW)
    with pytest.raises(InvalidTransition, match="không thể hoàn thành"):
        found.complete(None, "", (), STP, NOW)
    found.unblock(None, "", STP, NOW)
    assert status(found) is Status.IN_PROGRESS


def test_cancel_and_reopen() -> None:
    found = task()
    found.cancel(None, "Trùng với nhiệm vụ khác", MONITOR, NOW)
    assert status(found) is Status.CANCELLED
    found.reopen(None, "Hủy nhầm", MONITOR, NOW)
    assert status(found) is Status.IN_PROGRESS


def test_an_agency_changes_only_the_tasks_it_leads() -> None:
    found = task()
    with pytest.raises(NotPermitted, match=r"STC không chủ trì nhiệm vụ PL2 II.4"):
        found.start(None, STC, NOW)
    with pytest.raises(NotPermitted, match="phối hợp"):
        found.report_progress(None, 50, "", (), VPUBND, NOW)
    found.report_progress(None, None, "Đã gửi ý kiến góp ý", (), VPUBND, NOW)
    assert status(found) is Status.NOT_STARTED
    with pytest.raises(NotPermitted, match="chỉ Sở Nội vụ được hủy"):
        found.cancel(None, "không cần", STP, NOW)


def test_a_successor_agency_acts_for_the_body_it_carries_on() -> None:
    found = task()
    heir = Actor("can-bo.stp-moi", "STPM", Role.AGENCY, represents=frozenset({"STP"}))
    found.start(None, heir, NOW)
    assert status(found) is Status.IN_PROGRESS


def test_recurring_tasks_keep_one_status_per_occurrence() -> None:
    found = task("Trước ngày 12 tháng cuối quý và ngày 12/12/2023")
    assert list(found.occurrences) == ["2023-Q2", "2023-Q3", "2023-Q4"]
    found.complete("2023-Q2", "", (), STP, NOW)
    assert status(found, "2023-Q2") is Status.COMPLETED
    assert status(found, "2023-Q3") is Status.NOT_STARTED
    with pytest.raises(UnknownOccurrence, match="hãy chọn một kỳ: 2023-Q2, 2023-Q3, 2023-Q4"):
        found.start(None, STP, NOW)
    with pytest.raises(UnknownOccurrence, match="không có kỳ '2023-Q1'"):
        found.start("2023-Q1", STP, NOW)
    found.cancel(None, "Gộp vào báo cáo năm", MONITOR, NOW)
    assert status(found, "2023-Q2") is Status.COMPLETED
    assert status(found, "2023-Q4") is Status.CANCELLED


def test_deadline_changes_and_reassignment_need_a_reason_and_sở_nội_vụ() -> None:
    found = task()
    with pytest.raises(InvalidValue, match="cần nêu lý do"):
        found.change_deadline(None, date(2024, 1, 31), " ", MONITOR, NOW)
    found.change_deadline(None, date(2024, 1, 31), "Chờ số liệu cả năm", MONITOR, NOW)
    assert found.occurrences[""].due_on == date(2024, 1, 31)
    found.reassign(("VPUBND",), ("STP",), "Theo phân công mới", MONITOR, NOW)
    assert (found.lead, found.coordinating) == (("VPUBND",), ("STP",))
    with pytest.raises(NotPermitted):
        found.reassign(("STP",), (), "tự nhận", VPUBND, NOW)


@pytest.mark.parametrize("percent", [-1, 101])
def test_progress_outside_0_to_100_is_refused(percent: int) -> None:
    with pytest.raises(InvalidValue, match="từ 0 đến 100%"):
        task().report_progress(None, percent, "", (), STP, NOW)


def test_evidence_needs_a_name_and_one_web_link_or_file() -> None:
    assert Evidence.of("Quyết định 123", file="files/qd-123.pdf").file == "files/qd-123.pdf"
    with pytest.raises(InvalidValue, match="phải bắt đầu bằng http"):
        Evidence.of("Báo cáo", link="ftp://x")
    with pytest.raises(InvalidValue, match="cần một đường dẫn hoặc một tệp"):
        Evidence.of("Báo cáo")
