"""Sở Nội vụ downloads a plan's quarterly and annual reports from the pages it reads."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

from tests.command_line import run_planner
from tests.reports.reading import csv_lines, table_rows, workbook_sheets
from tests.web.server import Server
from tests.web.test_page_forms import alert, signed_in

PLAN = "365/KH-UBND"
DAY = "25/11/2023"


def plan_id(server: Server) -> str:
    with server.client() as client:
        plans = client.get("/api/plans", headers=server.headers("chuyen-vien.snv")).json()
    found: str = next(p["plan_id"] for p in plans["plans"] if p["number"] == PLAN)
    return found


def cli_report(server: Server, out: Path, *args: str) -> bytes:
    """The same report written by `planner report` from the server's store."""
    run_planner(server.database_url, "report", *args, "--out", str(out))
    return out.read_bytes()


def links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="(/plans/[^"]+/reports/[^"]+)"', page)]


def test_the_dashboard_links_this_quarter_the_last_and_the_year_as_of_its_day(
    server: Server, tmp_path: Path
) -> None:
    client, _ = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        page = client.get("/dashboard", params={"on": DAY}).text
        shown = links(page)
        plan = plan_id(server)
        base = f"/plans/{plan}/reports"
        assert f"{base}/2023-Q4?format=xlsx&on=25%2F11%2F2023" in shown
        assert f"{base}/2023-Q3?format=csv&on=30%2F09%2F2023" in shown  # as of the quarter's end
        assert f"{base}/2023?format=html&on=25%2F11%2F2023" in shown

        workbook = client.get(f"{base}/2023-Q3?format=xlsx&on=30%2F09%2F2023")
        assert workbook.status_code == 200
        assert workbook.headers["content-type"].startswith("application/vnd.openxmlformats")
        assert (
            "bao-cao-2023-Q3-365-KH-UBND-den-30-09-2023.xlsx"
            in (workbook.headers["content-disposition"])
        )
        whole = table_rows(workbook.content, "Tiến độ")["Toàn kế hoạch"]
        assert whole[1:] == (16, 4, 2, 2, 5, 6, 1, 0, 25, 2, 12.5)
        written = cli_report(
            server,
            tmp_path / "q3.xlsx",
            *("quarterly", "--plan", PLAN, "--quarter", "2023Q3", "--as-of", "30/09/2023"),
        )
        assert workbook_sheets(workbook.content) == workbook_sheets(written)

        table = client.get(f"{base}/2023?format=csv&on=25%2F11%2F2023")
        lines = csv_lines(table.content)
        assert lines[0] == [f"Báo cáo năm về tiến độ thực hiện Kế hoạch số {PLAN}: Năm 2023"]
        assert lines[2] == [f"Số liệu tính đến hết ngày {DAY}, theo số liệu hiện nay"]

        printed = client.get(f"{base}/2023-Q4?format=html&on=25%2F11%2F2023")
        assert printed.headers["content-type"].startswith("text/html")
        assert "Quý IV/2023" in printed.text and "<svg" in printed.text
        assert "script-src" not in printed.headers["content-security-policy"]


def test_the_plan_page_links_the_reports_of_the_day_it_is_read(server: Server) -> None:
    client, _ = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        plan = plan_id(server)
        page = client.get(f"/plans/{plan}", params={"on": "15/08/2023"}).text
        shown = links(page)
        assert len(shown) == 9  # three periods, three formats
        assert f"/plans/{plan}/reports/2023-Q2?format=xlsx&on=30%2F06%2F2023" in shown
        for link in shown[:3]:
            assert client.get(link).status_code == 200
        later = links(client.get(f"/plans/{plan}").text)  # read years later: its own year
        assert f"/plans/{plan}/reports/2023-Q4?format=html" in later
        assert f"/plans/{plan}/reports/2023?format=csv" in later


def test_agencies_get_no_links_and_no_reports(server: Server) -> None:
    plan = plan_id(server)
    client, _ = signed_in(server, "can-bo.vpubnd")
    with closing(client):
        assert links(client.get(f"/plans/{plan}").text) == []
        refused = client.get(f"/plans/{plan}/reports/2023-Q3?format=xlsx")
        assert refused.status_code == 403
        assert "chỉ Sở Nội vụ và quản trị viên" in alert(refused)
    with server.client() as stranger:
        signed_out = stranger.get(f"/plans/{plan}/reports/2023?format=csv")
    assert signed_out.status_code == 303 and signed_out.headers["location"].startswith("/login")


def test_a_report_day_that_is_not_possible_is_refused_in_vietnamese(server: Server) -> None:
    plan = plan_id(server)
    client, _ = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        impossible = client.get(f"/plans/{plan}/reports/2023-Q1?on=31/02/2023")
        assert impossible.status_code == 422
        assert "31/02/2023 không tồn tại" in alert(impossible)
        before = client.get(f"/plans/{plan}/reports/2023-Q3?on=01/01/2023")
        assert before.status_code == 422
        assert "trước khi Quý III/2023 bắt đầu" in alert(before)
        wrong = client.get(f"/plans/{plan}/reports/2023-Q5")
        assert wrong.status_code == 422


def test_a_program_fetches_the_report_file_over_the_api(server: Server, tmp_path: Path) -> None:
    plan = plan_id(server)
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        fetched = client.get(
            f"/api/plans/{plan}/reports/2023-Q3", params={"on": "2023-09-30"}, headers=monitor
        )
        refused = client.get(
            f"/api/plans/{plan}/reports/2023", headers=server.headers("can-bo.stc")
        )
        signed_out = client.get(f"/api/plans/{plan}/reports/2023")
    assert fetched.status_code == 200, fetched.text
    assert "attachment" in fetched.headers["content-disposition"]
    written = cli_report(
        server,
        tmp_path / "q3.xlsx",
        "quarterly",
        "--plan",
        PLAN,
        "--quarter",
        "2023Q3",
        "--as-of",
        "30/09/2023",
    )
    assert workbook_sheets(fetched.content) == workbook_sheets(written)
    assert refused.status_code == 403 and "Sở Nội vụ" in refused.json()["message"]
    assert signed_out.status_code == 401
