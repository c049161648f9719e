"""Sở Nội vụ stores the documents it imports: whole, once, and only what changed."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.application.imports import StoreOutcome
from planner.application.planner import Planner
from planner.domain.agency import AgencyKind
from planner.domain.agency_registry import COMMUNES, DISTRICTS
from planner.domain.errors import DomainError
from planner.domain.schedule import Schedule
from planner.domain.task import Task
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from tests.builders import bac_kan_plan
from tests.importing.documents import BAC_KAN, DIEN_BIEN, HA_NAM_PROGRAMME, seed, seed_lines
from tests.importing.registry import BAC_KAN_DISTRICTS


def read(planner: Planner, path: Path) -> ImportReport:
    return read_plan_document(read_document(path), planner.views.directory())


def store(planner: Planner, report: ImportReport, dry_run: bool = False) -> StoreOutcome:
    assert report.errors == [], [str(e) for e in report.errors]
    assert report.document is not None
    return planner.imports.store(
        report.document, planner.system, reason="nhập văn bản", dry_run=dry_run
    )


def complete_bac_kan_registry(planner: Planner) -> None:
    """What Sở Nội vụ adds after the first import's warnings name what is missing."""
    system = planner.system
    for code, name in BAC_KAN_DISTRICTS:
        planner.agencies.register(code, name, AgencyKind.DISTRICT, system, groups=(DISTRICTS,))
    planner.agencies.register(
        "UBND_XA_HUYENTUNG", "UBND xã Huyền Tụng", AgencyKind.COMMUNE, system, groups=(COMMUNES,)
    )
    planner.agencies.register("DIENLUC", "Công ty Điện lực Bắc Kạn", AgencyKind.OTHER, system)
    planner.agencies.set_aliases(
        "MTTQ", ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam các cấp"), system
    )


def test_bac_kan_is_imported_then_completed_and_reimported_recording_only_reassignments(
    planner: Planner,
) -> None:
    first = store(planner, read(planner, seed(BAC_KAN)))
    assert dict(first.added) == {"plan": 1, "obligation": 2, "target": 146, "task": 139}
    plan = planner.views.plan("365/KH-UBND")
    assert (plan.province, plan.issued_on, plan.year) == ("Bắc Kạn", date(2023, 6, 8), 2023)
    assert [o["key"] for o in plan.obligations] == ["truoc-ngay-20-6-2023", "het-thang-12-2023"]
    tasks = {t.reference: t for t in planner.views.tasks(plan.plan_id)}
    assert len(tasks) == 139
    reports = tasks["PL2 I.1"]
    assert [(o.occurrence, o.due_on) for o in reports.occurrences] == [
        ("2023-Q2", date(2023, 6, 12)),
        ("2023-Q3", date(2023, 9, 12)),
        ("2023-Q4", date(2023, 12, 12)),
    ]
    assert tasks["PL4 1.4"].lead == []  # "UBND cấp xã" has no member registered yet

    complete_bac_kan_registry(planner)
    second = store(planner, read(planner, seed(BAC_KAN)))
    assert dict(second.added) == {}
    assert second.changed["task"] > 0
    assert second.unchanged["target"] == 146
    after = {t.reference: t for t in planner.views.tasks(plan.plan_id)}
    assert len(after) == 139
    assert after["PL4 1.4"].lead == ["UBND_XA_HUYENTUNG"]
    assert "UBND_BABE" in after["PL1 II.1"].lead
    assert after["PL4 3.1"].coordinating == ["MTTQ"]
    history = planner.views.history(after["PL4 1.4"].task_id)
    # The commune registered later joined the group the task was given to; the import then
    # recorded only the coordinating bodies registered since.
    assert [(h.event, h.details.get("reason")) for h in history] == [
        ("Added", None),
        ("LeadJoined", None),
        ("Reassigned", "nhập văn bản"),
    ]
    assert history[2].details["lead"] == ["UBND_XA_HUYENTUNG"]
    assert history[0].details["lead_wording"] == "UBND cấp xã"


def test_the_score_board_shows_what_the_appendices_state(planner: Planner) -> None:
    store(planner, read(planner, seed(BAC_KAN)))
    lines = {(line.index, line.code): line for line in planner.views.score_board()}
    papi = lines[("PAPI", "")]
    assert (papi.max_points, papi.last_year_points, papi.target_value, papi.stated) == (
        Decimal(80),
        Decimal("42.41"),
        Decimal("58.57"),
        True,
    )
    sipas = lines[("SIPAS", "I.1.1")]
    assert (sipas.target_kind, sipas.target_value) == ("percent", Decimal("85.59"))
    survey = lines[("PAR_INDEX", "2.4.1")]
    assert (survey.max_points, survey.last_year_points, survey.survey_based) == (
        Decimal(1),
        Decimal("0.7646"),
        True,
    )


def test_importing_the_same_document_twice_records_nothing(planner: Planner) -> None:
    store(planner, read(planner, seed(BAC_KAN)))
    position = planner.store.position
    again = store(planner, read(planner, seed(BAC_KAN)))
    assert (dict(again.added), dict(again.changed), again.events) == ({}, {}, 0)
    assert planner.store.position == position


def test_a_dry_run_says_what_would_be_stored_and_stores_nothing(planner: Planner) -> None:
    position = planner.store.position
    dry = store(planner, read(planner, seed(BAC_KAN)), dry_run=True)
    assert dry.added["task"] == 139 and dry.events == 288
    assert planner.store.position == position
    assert planner.views.plans() == []


def test_a_revised_document_records_only_its_differences(planner: Planner, tmp_path: Path) -> None:
    store(planner, read(planner, seed(BAC_KAN)))
    lines = seed_lines(BAC_KAN)
    revised = [
        line.replace(
            "TC 1.1. Thực hiện kế hoạch CCHC\t1,50", "TC 1.1. Thực hiện kế hoạch CCHC\t1,75"
        )
        .replace(
            "Tổ chức hội nghị tuyên truyền CCHC theo quy định;",
            "Tổ chức hội nghị tuyên truyền CCHC (bản sửa đổi);",
        )
        .replace(
            "Đẩy mạnh việc thu ngân sách trên địa bàn tỉnh\tCác sở, ban, ngành; UBND cấp huyện",
            "Đẩy mạnh việc thu ngân sách trên địa bàn tỉnh\tSở Tài chính",
        )
        for line in lines
    ]
    path = tmp_path / "ke-hoach-365-sua-doi.txt"
    path.write_text("\n".join(revised), encoding="utf-8")
    outcome = store(planner, read(planner, path))
    assert dict(outcome.added) == {"task": 1}
    assert dict(outcome.changed) == {"target": 1, "task": 1}
    [gone] = outcome.not_in_document
    assert gone.startswith("PL1 I.3 — Tổ chức hội nghị tuyên truyền CCHC theo quy định")
    revenue = next(t for t in planner.views.tasks() if t.reference == "PL2 VIII.2")
    assert revenue.lead == ["STC"]


def test_a_document_the_plan_does_not_allow_stores_nothing(
    planner: Planner, tmp_path: Path
) -> None:
    lines = seed_lines(BAC_KAN)
    path = tmp_path / "ke-hoach-loi.txt"
    path.write_text(
        "\n".join(line.replace("Quý III-IV/2023", "Trước ngày 31/02/2023") for line in lines),
        encoding="utf-8",
    )
    report = read(planner, path)
    assert [str(e) for e in report.errors] == [
        "Phụ lục 1, dòng 106 (cột 'Thời gian thực hiện'): thời gian 'Trước ngày 31/02/2023': "
        "ngày 31/02/2023 không tồn tại (tháng 2 năm 2023 có 28 ngày)"
    ]
    assert report.document is None
    assert planner.views.plans() == []


def test_dien_bien_criteria_sets_are_stored_for_each_kind_of_unit(planner: Planner) -> None:
    outcome = store(planner, read(planner, seed(DIEN_BIEN)))
    assert dict(outcome.added) == {"criteria_set": 2}
    assert planner.views.plans() == []
    sets = planner.views.criteria_sets(province="Điện Biên", year=2024, with_criteria=True)
    assert [(s.unit_kind, s.criteria_count, s.max_total, s.survey_max) for s in sets] == [
        ("department", 152, Decimal(100), Decimal(19)),
        ("district", 164, Decimal(100), Decimal(25)),
    ]
    assert sets[1].source == "2270/QĐ-UBND ngày 13/12/2024"
    again = store(planner, read(planner, seed(DIEN_BIEN)))
    assert dict(again.unchanged) == {"criteria_set": 2}


def test_a_programme_in_prose_registers_the_plan_and_nothing_else(planner: Planner) -> None:
    outcome = store(planner, read(planner, seed(HA_NAM_PROGRAMME)))
    assert dict(outcome.added) == {"plan": 1}
    [plan] = planner.views.plans()
    assert (plan.number, plan.province, plan.year) == ("772", "Hà Nam", 2013)
    assert planner.views.tasks(plan.plan_id) == []


def test_tasks_recorded_before_the_agency_wording_was_kept_still_load(planner: Planner) -> None:
    """Task.Added gained lead_wording and coordinating_wording with defaults."""
    plan = bac_kan_plan(planner)
    task = Task.add(
        plan_id=plan,
        reference="PL2 I.3",
        text="Tăng cường theo dõi, đôn đốc các cơ quan, đơn vị",
        criteria=(),
        lead=("VPUBND",),
        coordinating=(),
        schedule=Schedule.ongoing("Thường xuyên"),
        expected_output="",
        actor=planner.system,
        at=planner.workspace.clock.now(),
    )
    stored = planner.store.mapper.to_stored_event(task.collect_events()[0])
    state = json.loads(stored.state)
    del state["lead_wording"], state["coordinating_wording"]
    older = type(stored)(
        stored.originator_id,
        stored.originator_version,
        stored.topic,
        json.dumps(state).encode(),
    )
    planner.store.recorder.insert_events([older])
    loaded = planner.store.repository.get(task.id)
    assert isinstance(loaded, Task)
    assert (loaded.lead, loaded.lead_wording, loaded.coordinating_wording) == (("VPUBND",), "", "")


def test_unreadable_input_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.txt"
    with pytest.raises(DomainError, match=r"không có tệp"):
        read_document(missing)
