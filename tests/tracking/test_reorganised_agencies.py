"""After the 2025 mergers, old tasks roll up to the body that carries them on."""

from datetime import date

import pytest

from planner.application.planner import Planner
from planner.domain.agency import AgencyKind
from planner.domain.errors import NotPermitted
from tests.builders import add_task, bac_kan_plan, staff


def test_merged_department_s_work_rolls_up_and_its_heir_reports_on_it(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task = add_task(
        planner,
        plan,
        "PL2 VI.1",
        "Đẩy nhanh giải ngân vốn đầu tư công",
        "Sở Kế hoạch và Đầu tư",
        "Năm 2023",
    )
    planner.agencies.merge(
        "SKHDT", "STC", date(2025, 3, 1), "Sáp nhập Sở KH&ĐT vào Sở Tài chính", planner.system
    )

    assert [p.agency for p in planner.views.progress(date(2025, 3, 2), plan)] == ["STC"]
    assert planner.views.overdue(date(2025, 3, 2))[0].responsible == ["STC"]
    assert planner.views.task(task).lead == ["SKHDT"]  # history keeps who was assigned

    with pytest.raises(NotPermitted, match=r"không còn hoạt động.*STC"):
        staff(planner, "SKHDT")
    planner.tasks.complete(task, None, staff(planner, "STC"), note="Sở Tài chính hoàn thành thay")
    assert planner.views.task(task).occurrences[0].status == "completed"


def test_the_heir_of_two_merged_bodies_carries_both_their_parts_of_shared_work(
    planner: Planner,
) -> None:
    """Each lead body had its own part; the merger hands the merged body's part on."""
    plan = bac_kan_plan(planner)
    add_task(
        planner,
        plan,
        "PL2 VI.3",
        "Rà soát dự toán chi thường xuyên",
        "Sở Kế hoạch và Đầu tư; Sở Tài chính",
        "Quý III/2023",
    )
    before = planner.views.progress(date(2023, 12, 1), plan)
    assert sorted((p.agency, p.total, p.overdue) for p in before) == [
        ("SKHDT", 1, 1),
        ("STC", 1, 1),
    ]
    planner.agencies.merge("SKHDT", "STC", date(2025, 3, 1), "Sáp nhập sở", planner.system)

    (after,) = planner.views.progress(date(2025, 3, 2), plan)
    assert (after.agency, after.total, after.overdue) == ("STC", 2, 2)
    (late,) = planner.views.overdue(date(2025, 3, 2), plan)
    assert (late.parts, late.parts_open, late.responsible) == (2, ["SKHDT", "STC"], ["STC"])


def test_a_chain_of_reorganisations_ends_at_the_last_body(planner: Planner) -> None:
    """Sở KH&ĐT merged into Sở Tài chính, then Bắc Kạn into Thái Nguyên (both in 2025)."""
    system = planner.system
    plan = bac_kan_plan(planner)
    add_task(
        planner, plan, "PL2 VI.1", "Giải ngân vốn đầu tư công", "Sở Kế hoạch và Đầu tư", "Năm 2023"
    )
    add_task(planner, plan, "PL2 VI.2", "Thực hiện kiến nghị kiểm toán", "Sở Tài chính", "Năm 2023")
    planner.agencies.register(
        "STC_TN", "Sở Tài chính tỉnh Thái Nguyên", AgencyKind.DEPARTMENT, system
    )
    planner.agencies.merge("SKHDT", "STC", date(2025, 3, 1), "Sáp nhập sở", system)
    planner.agencies.merge("STC", "STC_TN", date(2025, 7, 1), "Sáp nhập tỉnh", system)

    (row,) = planner.views.progress(date(2025, 7, 2), plan)
    assert (row.agency, row.total) == ("STC_TN", 2)
    directory = planner.views.directory()
    assert directory.successor("SKHDT") == "STC_TN"
    assert directory.predecessors("STC_TN") == {"SKHDT", "STC"}
    assert staff(planner, "STC_TN").represents == {"SKHDT", "STC"}


def test_renamed_agencies_are_still_found_by_their_old_name(planner: Planner) -> None:
    planner.agencies.rename("SNV", "Sở Nội vụ (hợp nhất)", "Hợp nhất với Sở LĐTBXH", planner.system)
    directory = planner.views.directory()
    assert directory.find("Sở Nội vụ") == "SNV"
    assert directory.find("Sở Nội vụ (hợp nhất)") == "SNV"
