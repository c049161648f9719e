"""The README's examples, run as written from a fresh clone's folder, in the order it gives them.

Every ```sh block is run; ```text blocks are synopses (steps that need another day or every row
of a scorecard) and are not. Commands run in this process (typer's runner) for speed; `make`
lines are checked with `make -n`, as `make run` serves until stopped and `make test` takes many
minutes; what `make run` stores first, the sample, is then loaded as it loads it.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.bootstrap.command_line import app
from tests.reminders.mail_server import MailServer

REPOSITORY = Path(__file__).resolve().parents[2]
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)


def readme_commands() -> list[list[str]]:
    """Each command of the README's shell blocks, as the shell splits it (comments dropped)."""
    found = []
    for block in SHELL_BLOCK.findall((REPOSITORY / "README.md").read_text(encoding="utf-8")):
        for line in block.replace("\\\n", " ").splitlines():
            if words := shlex.split(line, comments=True):
                found.append(words)
    return found


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The clone's folder after `make install`: sources, Makefile, pins, .venv; no store yet.
    The mail variables point at a local SMTP server, as the reminders section asks them to be."""
    for name in (
        "src",
        "Makefile",
        "pyproject.toml",
        "constraints.txt",
        "client-generator.txt",
        ".venv",
    ):
        (tmp_path / name).symlink_to(REPOSITORY / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)
    monkeypatch.setenv("PLANNER_USER", "chuyen-vien.snv")
    mail = MailServer()
    mail.start()
    for name, value in mail.env().items():
        monkeypatch.setenv(name, value)
    yield tmp_path
    mail.stop()


def test_every_readme_example_works_as_written_on_a_fresh_clone(clone: Path) -> None:
    commands = readme_commands()
    assert len(commands) > 20
    runner = CliRunner()
    for words in commands:
        if words[0] == "make":
            planned = subprocess.run(
                ["make", "-n", *words[1:]], cwd=clone, capture_output=True, text=True, check=False
            )
            assert planned.returncode == 0, f"{shlex.join(words)}\n{planned.stderr}"
            if words[1:] == ["run"]:
                assert "planner serve --demo" in planned.stdout
                assert runner.invoke(app, ["demo"]).exit_code == 0
            continue
        assert words[0] in ("planner", ".venv/bin/planner"), f"not a command: {shlex.join(words)}"
        arguments, redirect = words[1:], None
        if ">" in arguments:
            arguments, redirect = arguments[: arguments.index(">")], arguments[-1]
        done = runner.invoke(app, arguments)
        assert done.exit_code == 0, f"{shlex.join(words)} failed:\n{done.output}"
        if redirect:
            (clone / redirect).write_text(done.stdout, encoding="utf-8")
    assert (clone / "var" / "planner.db").is_file()  # the store make run creates
    assert json.loads((clone / "bao-cao.json").read_text(encoding="utf-8"))["stored"]["events"]
    written = [w[w.index("--out") + 1] for w in commands if "--out" in w]
    assert written and all((clone / name).stat().st_size > 0 for name in written)
