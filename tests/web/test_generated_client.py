"""A program written against /openapi.json alone works: the schema is a valid OpenAPI
document, and a Python client generated from it (openapi-python-client) signs in, reads the
Bắc Kạn plan, reports progress on a task and reads the refusals, all through typed models."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.web.server import Server

GENERATOR = Path(sys.prefix) / "client-generator" / "bin" / "openapi-python-client"
PACKAGE = "planner_client"


@pytest.fixture(scope="module")
def generated(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The client package generated from the running server's schema, imported."""
    assert GENERATOR.is_file(), f"{GENERATOR} is missing: `make install` builds it"
    folder = tmp_path_factory.mktemp("client")
    with server.client() as client:
        schema = client.get("/openapi.json").json()
    validate(schema)
    (folder / "openapi.json").write_text(json.dumps(schema), encoding="utf-8")
    (folder / "config.yaml").write_text(f"package_name_override: {PACKAGE}\npost_hooks: []\n")
    run = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            *("--path", str(folder / "openapi.json")),
            *("--output-path", str(folder / PACKAGE)),
            *("--config", str(folder / "config.yaml")),
            *("--meta", "none"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and "Warning" not in run.stdout, run.stdout + run.stderr
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def call(generated: ModuleType, operation: str) -> Any:
    """`tasks.tasks_get_task`: the generated module of one operation."""
    tag, name = operation.split(".")
    return importlib.import_module(f"{generated.__name__}.api.{tag}.{name}")


def signed_in(generated: ModuleType, server: Server, username: str) -> Any:
    models = importlib.import_module(f"{generated.__name__}.models")
    anonymous = generated.Client(base_url=server.url)
    login = models.Login(username=username, password=server.passwords[username])
    token = call(generated, "users.users_token").sync(client=anonymous, body=login)
    assert isinstance(token, models.SignedInToken), token
    assert token.token_type == "bearer" and token.expires_in > 0
    return generated.AuthenticatedClient(base_url=server.url, token=token.access_token)


def test_an_agency_reports_progress_through_a_generated_client(
    generated: ModuleType, server: Server
) -> None:
    models = importlib.import_module(f"{generated.__name__}.models")
    monitor = signed_in(generated, server, "chuyen-vien.snv")
    plans = call(generated, "plans.plans_list_plans").sync(client=monitor)
    assert isinstance(plans, models.PlanPage)
    assert "365/KH-UBND" in [plan.number for plan in plans.plans]

    staff = signed_in(generated, server, "can-bo.stttt")
    page = call(generated, "tasks.tasks_list_tasks").sync(client=staff, limit=100)
    assert isinstance(page, models.TaskPage) and page.next_ is None
    task = next(t for t in page.tasks if t.reference == "PL2 VII.5")
    assert task.lead == ["STTTT"] and task.plan_number == "365/KH-UBND"

    progress = models.Progress(percent=40, note="Đã rà soát lỗi thanh toán trực tuyến")
    answer = call(generated, "tasks.tasks_report_progress").sync(
        client=staff, task_id=task.task_id, body=progress
    )
    assert isinstance(answer, models.OneTask), answer
    assert answer.task.version == task.version + 1

    again = call(generated, "tasks.tasks_get_task").sync(client=staff, task_id=task.task_id)
    assert isinstance(again, models.OneTask)
    occurrence = again.task.occurrences[0]
    assert (occurrence.status, occurrence.percent) == ("in_progress", 40)
    assert occurrence.last_note == "Đã rà soát lỗi thanh toán trực tuyến"


def test_refusals_come_back_as_the_documented_error(generated: ModuleType, server: Server) -> None:
    models = importlib.import_module(f"{generated.__name__}.models")
    staff = signed_in(generated, server, "can-bo.stttt")
    unknown = call(generated, "tasks.tasks_get_task").sync_detailed(
        client=staff, task_id="00000000-0000-0000-0000-000000000000"
    )
    assert unknown.status_code == 404
    assert isinstance(unknown.parsed, models.ErrorAnswer) and unknown.parsed.code == "not_found"

    stale = models.Progress(percent=50, expected_version=1)
    page = call(generated, "tasks.tasks_list_tasks").sync(client=staff)
    task = next(t for t in page.tasks if t.version > 1)
    conflict = call(generated, "tasks.tasks_report_progress").sync_detailed(
        client=staff, task_id=task.task_id, body=stale
    )
    assert conflict.status_code == 409
    assert isinstance(conflict.parsed, models.ErrorAnswer)
    assert "phiên bản" in conflict.parsed.message

    stranger = generated.AuthenticatedClient(base_url=server.url, token="khong-phai-token")
    refused = call(generated, "users.users_me").sync_detailed(client=stranger)
    assert refused.status_code == 401 and isinstance(refused.parsed, models.ErrorAnswer)
