"""A store with one plan, one task reported on with an evidence file, and one more file
uploaded but not yet attached: the smallest store a backup must carry whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from planner.application.planner import Planner
from planner.domain.evidence import Evidence
from planner.storage.evidence_files import EvidenceFiles
from tests.builders import add_task, bac_kan_plan, staff

REPORT = b"%PDF-1.4\nBao cao ket qua quy III/2023 cua Van phong UBND tinh\n%%EOF\n"
PHOTO = b"\xff\xd8\xff\xe0 anh chup buoi hop giao ban \xff\xd9"


@dataclass(frozen=True)
class SmallStore:
    task: UUID
    report: str  # the evidence file's reference, attached to the task
    photo: str  # uploaded, attached to nothing yet


def small_store(planner: Planner, files_dir: Path) -> SmallStore:
    files = EvidenceFiles(files_dir, 1024 * 1024)
    report = files.store([REPORT], "bao-cao-quy-3.pdf")
    photo = files.store([PHOTO], "anh-giao-ban.jpg")
    plan = bac_kan_plan(planner)
    task = add_task(planner, plan, "I.1", "Báo cáo kết quả CCHC quý III", "VPUBND", "Quý III/2023")
    office = staff(planner, "VPUBND")
    planner.tasks.start(task, None, office)
    planner.tasks.report_progress(
        task,
        None,
        office,
        percent=60,
        note="Đã tổng hợp số liệu",
        evidence=(Evidence.of("Báo cáo quý III", file=report),),
    )
    planner.tasks.complete(task, None, office, note="Đã gửi báo cáo")
    return SmallStore(task, report, photo)
