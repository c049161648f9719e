"""A program reads long lists a page at a time: every item once, in a stable order, however
the list changes between two pages."""

from __future__ import annotations

from typing import Any

import httpx

from tests.web.server import Server

MONITOR = "chuyen-vien.snv"


def every_page(
    client: httpx.Client, path: str, field: str, headers: dict[str, str], limit: int
) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    params: dict[str, str | int] = {"limit": limit}
    while True:
        answer = client.get(path, params=params, headers=headers)
        assert answer.status_code == 200, answer.text
        pages.append(answer.json()[field])
        cursor = answer.json()["next"]
        if cursor is None:
            return pages
        params = {"limit": limit, "after": cursor}


def test_sở_nội_vụ_reads_every_task_five_at_a_time(server: Server) -> None:
    headers = server.headers(MONITOR)
    with server.client() as client:
        whole = client.get("/api/tasks", params={"limit": 1000}, headers=headers).json()
        pages = every_page(client, "/api/tasks", "tasks", headers, limit=5)
    assert whole["next"] is None
    assert len(whole["tasks"]) > 10  # enough for three pages
    assert all(len(page) == 5 for page in pages[:-1]) and 1 <= len(pages[-1]) <= 5
    paged = [task["task_id"] for page in pages for task in page]
    assert paged == [task["task_id"] for task in whole["tasks"]]
    keys = [(t["plan_number"], t["reference"], t["task_id"]) for t in whole["tasks"]]
    assert keys == sorted(keys)


def test_an_agency_pages_through_its_own_tasks_only(server: Server) -> None:
    headers = server.headers("can-bo.stttt")
    with server.client() as client:
        pages = every_page(client, "/api/tasks", "tasks", headers, limit=2)
    tasks = [task for page in pages for task in page]
    assert len(pages) >= 2
    assert all("STTTT" in task["lead"] + task["coordinating"] for task in tasks)
    assert len({task["task_id"] for task in tasks}) == len(tasks)


def test_a_task_added_between_two_pages_neither_repeats_nor_hides_the_rest(
    server: Server,
) -> None:
    headers = server.headers(MONITOR)
    with server.client() as client:
        first = client.get("/api/tasks", params={"limit": 5}, headers=headers).json()
        plan_id = first["tasks"][0]["plan_id"]
        added = client.post(
            "/api/tasks",
            json={
                "plan_id": plan_id,
                "reference": "0.0",  # sorts before every task already given
                "text": "Rà soát thủ tục hành chính thêm vào giữa chừng",
                "lead": ["STP"],
                "schedule": "Tháng 12/2023",
            },
            headers=headers,
        )
        assert added.status_code == 201, added.text
        rest = every_page(client, "/api/tasks", "tasks", headers, limit=1000)
        after = client.get(
            "/api/tasks", params={"limit": 1000, "after": first["next"]}, headers=headers
        ).json()["tasks"]
    everything = [task["task_id"] for page in rest for task in page]
    new_id = added.json()["task"]["task_id"]
    given = [task["task_id"] for task in first["tasks"]] + [task["task_id"] for task in after]
    assert new_id not in given  # it sorts before the first page's end
    assert sorted([*given, new_id]) == sorted(everything)


def test_the_overdue_list_counts_everything_and_pages_the_items(server: Server) -> None:
    headers = server.headers(MONITOR)
    with server.client() as client:
        whole = client.get(
            "/api/overdue", params={"on": "2024-06-30", "limit": 1000}, headers=headers
        ).json()
        first = client.get(
            "/api/overdue", params={"on": "2024-06-30", "limit": 3}, headers=headers
        ).json()
    assert whole["count"] == len(whole["items"]) > 3
    assert first["count"] == whole["count"] and len(first["items"]) == 3
    assert first["items"] == whole["items"][:3]
    late = [item["days_late"] for item in whole["items"]]
    assert late == sorted(late, reverse=True)  # the longest late first


def test_a_made_up_cursor_or_an_oversized_page_is_refused_by_name(server: Server) -> None:
    headers = server.headers(MONITOR)
    with server.client() as client:
        forged = client.get("/api/tasks", params={"after": "bm90IGEgY3Vyc29y"}, headers=headers)
        wrong_shape = client.get("/api/plans", params={"after": "WzEsMl0"}, headers=headers)
        too_many = client.get("/api/agencies", params={"limit": 5000}, headers=headers)
    assert forged.status_code == 422 and forged.json()["detail"][0]["loc"] == ["query", "after"]
    assert "con trỏ trang" in forged.json()["message"]
    assert wrong_shape.status_code == 422, wrong_shape.text
    assert too_many.status_code == 422 and too_many.json()["detail"][0]["loc"] == [
        "query",
        "limit",
    ]
