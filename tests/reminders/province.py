"""Bắc Kạn's plan with deadlines for agencies with and without an e-mail address."""

from __future__ import annotations

from uuid import UUID

from planner.application.planner import Planner
from tests.builders import add_task, bac_kan_plan

STP_EMAIL = "vanphong@stp.backan.gov.vn"
SNV_EMAIL = "cchc@snv.backan.gov.vn"


def province(planner: Planner) -> tuple[UUID, UUID, UUID]:
    """Bắc Kạn's plan: one task of Sở Tư pháp, one of Văn phòng UBND tỉnh (no e-mail yet)."""
    planner.agencies.set_emails("STP", (STP_EMAIL, "giamdoc@stp.backan.gov.vn"), planner.system)
    plan = bac_kan_plan(planner)
    justice = add_task(
        planner,
        plan,
        "PL2 I.1",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh",
        "Sở Tư pháp",
        "Trước ngày 12/9/2023",
    )
    office = add_task(
        planner,
        plan,
        "PL2 III.2",
        "Công bố, công khai thủ tục hành chính",
        "Văn phòng UBND tỉnh",
        "Trước ngày 12/9/2023",
    )
    return plan, justice, office
