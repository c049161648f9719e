"""An administrator configures planner with PLANNER_* variables or a `.env` file, as README's
table (made from the settings' schema) says; a value planner cannot read is refused by name."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from planner.bootstrap.container import Container
from planner.bootstrap.settings import PREFIX, PlannerSettings, read_settings
from planner.bootstrap.settings_table import settings_table, with_table
from planner.domain.actor import Actor, Role
from tests.command_line import run_planner

README = Path(__file__).parents[2] / "README.md"


@pytest.fixture
def no_planner_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A working directory of its own, and none of the PLANNER_* variables of the test run."""
    for name in [name for name in os.environ if name.startswith(PREFIX)]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_documents_every_setting_as_the_schema_has_it() -> None:
    readme = README.read_text(encoding="utf-8")
    assert settings_table() in readme
    assert with_table(readme) == readme
    names = {f"`{PREFIX}{name.upper()}`" for name in PlannerSettings.model_fields}
    assert all(name in readme for name in names) and len(names) >= 25


def test_a_dotenv_file_sets_what_the_environment_leaves_unset(
    no_planner_variables: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (no_planner_variables / ".env").write_text(
        "PLANNER_MONITOR_AGENCY=snv\nPLANNER_BACKDATE_DAYS=3\nPLANNER_SESSION_HOURS=8\n"
        "PLANNER_SMTP_PASSWORD=mật-khẩu-trong-tệp\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANNER_BACKDATE_DAYS", "5")
    settings = read_settings()
    assert settings.store().monitor_agency == "SNV"
    assert settings.store().backdate_days == 5  # the environment wins over the file
    assert settings.web().session_hours == 8
    assert "mật-khẩu-trong-tệp" not in repr(settings)


@pytest.mark.usefixtures("no_planner_variables")
def test_without_settings_planner_runs_on_its_defaults() -> None:
    settings = read_settings()
    assert settings.store().database_url == "sqlite:///var/planner.db"
    assert (settings.web().session_hours, settings.web().max_upload_bytes) == (12, 20 * 1024**2)
    assert not settings.web().secret_from_environment
    assert settings.reminders().mail is None and settings.scheduler


def test_a_setting_that_cannot_be_read_stops_a_command_naming_the_variable(
    database_url: str,
) -> None:
    refused = run_planner(database_url, "init", env={"PLANNER_SESSION_HOURS": "nửa ngày"}, ok=False)
    assert refused.returncode == 1
    assert "PLANNER_SESSION_HOURS: phải là số nguyên dương, không phải 'nửa ngày'" in " ".join(
        refused.stderr.split()
    )


def test_sign_ins_last_and_uploads_are_capped_as_configured(
    database_url: str, tmp_path: Path
) -> None:
    env = {
        "PLANNER_DATABASE_URL": database_url,
        "PLANNER_SESSION_HOURS": "2",
        "PLANNER_MAX_UPLOAD_BYTES": "2048",
        "PLANNER_FILES_DIR": str(tmp_path / "files"),
    }
    root = Container(read_settings(env))
    with root.open_planner() as planner:
        planner.agencies.register_defaults(planner.system)
        admin = Actor("kiem-thu", "SNV", Role.ADMIN)
        planner.users.add("can-bo.stc", "STC", Role.AGENCY, "mật-khẩu-dài-đủ", admin)
        signed, small, large = sign_in_and_upload(root.web_app(planner))
    assert signed.json()["expires_in"] == 2 * 3600
    assert small.status_code == 201, small.text
    assert large.status_code == 422
    assert large.json()["message"] == "tệp 'lon.pdf' lớn hơn 2 KB"


def sign_in_and_upload(app: FastAPI) -> tuple[httpx.Response, ...]:
    """Sign in as Sở Tài chính's officer, then upload 2,000 bytes and 2,400 bytes.

    Starlette's test client runs the application on a loop of its own thread, so this works
    in a test worker where another test's event loop is still running.
    """
    with TestClient(app, base_url="http://planner") as client:
        signed = client.post(
            "/api/token", json={"username": "can-bo.stc", "password": "mật-khẩu-dài-đủ"}
        )
        assert signed.status_code == 200, signed.text
        headers = {"Authorization": f"Bearer {signed.json()['access_token']}"}
        uploads = [
            client.post("/api/files", files={"file": (name, data)}, headers=headers)
            for name, data in (("nho.pdf", b"%PDF" * 500), ("lon.pdf", b"%PDF" * 600))
        ]
    return (signed, *uploads)
