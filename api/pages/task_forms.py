"""The task page's forms: each action reads its fields and calls the task service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from starlette.datastructures import FormData

from api.dependencies import SignedIn, Web
from api.plain_text import plain
from api.uploads import evidence_of
from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue
from planner.domain.evidence import Evidence

LABELS = {
    "note": "Ghi chú",
    "reason": "Lý do",
    "evidence_name": "Tên tài liệu",
    "evidence_link": "Đường dẫn",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "due_on": "Thời hạn mới",
    "percent": "Tiến độ (%)",
    "effective_on": "Ngày thực hiện",
    "backdated_because": "Lý do ghi nhận lùi ngày",
    "to": "Xin gia hạn đến",
}


class ActionForm:
    """One submitted form: its fields, read with messages naming the field in Vietnamese."""

    def __init__(self, form: FormData, web: Web) -> None:
        self.form = form
        self.web = web

    def text(self, name: str) -> str:
        value = self.form.get(name, "")
        if not isinstance(value, str):
            return ""
        try:
            return plain(value)
        except ValueError as error:
            raise InvalidValue(f"trường '{LABELS.get(name, name)}': {error}") from None

    def occurrence(self) -> str | None:
        return self.text("occurrence") or None

    def version(self) -> int | None:
        value = self.text("expected_version")
        return int(value) if value.isdigit() else None

    def percent(self) -> int | None:
        value = self.text("percent").strip().rstrip("%")
        if not value:
            return None
        if not value.isdigit():
            raise InvalidValue(f"Tiến độ (%): '{value}' không phải số từ 0 đến 100")
        return int(value)

    def part(self) -> str | None:
        """The body whose part Sở Nội vụ acts on; empty: the sender's own part."""
        return self.text("part") or None

    def dated(self) -> dict[str, Any]:
        """The service's keyword arguments for a change said to have happened earlier."""
        day = self.text("effective_on").strip()
        return {
            "effective_on": parse_day(day, where=LABELS["effective_on"]) if day else None,
            "because": self.text("backdated_because"),
        }

    def bodies(self, action: str) -> list[str]:
        """The bodies ticked on a bulk form; refused when none is."""
        ticked = [plain(str(body)) for body in self.form.getlist("bodies")]
        if not ticked:
            raise InvalidValue(f"{action}: hãy chọn ít nhất một cơ quan")
        return ticked

    def occurrences(self) -> tuple[str, ...]:
        """The occurrence chosen on a bulk form; none: every open one."""
        chosen = self.occurrence()
        return (chosen,) if chosen else ()

    def names(self, name: str) -> list[str]:
        return [part.strip() for part in self.text(name).split(";") if part.strip()]

    def evidence(self) -> tuple[Evidence, ...]:
        """A link, an uploaded file, or both, under the name given (or the file's name)."""
        title, link = self.text("evidence_name").strip(), self.text("evidence_link").strip()
        found = evidence_of(title, link, self.form.get("evidence_file"), self.web.files)
        if title and not found:
            raise InvalidValue(f"Tài liệu kiểm chứng '{title}': cần đường dẫn hoặc tệp đính kèm")
        return found


Perform = Callable[[Web, SignedIn, UUID, ActionForm], None]


def _start(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    web.planner.tasks.start(
        task, form.occurrence(), signed.actor, form.version(), part=form.part(), **form.dated()
    )


def _progress(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    web.planner.tasks.report_progress(
        task,
        form.occurrence(),
        signed.actor,
        percent=form.percent(),
        note=form.text("note"),
        evidence=form.evidence(),
        expected_version=form.version(),
        part=form.part(),
        **form.dated(),
    )


def _complete(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    web.planner.tasks.complete(
        task,
        form.occurrence(),
        signed.actor,
        note=form.text("note"),
        evidence=form.evidence(),
        expected_version=form.version(),
        part=form.part(),
        **form.dated(),
    )


def _block(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    tasks = web.planner.tasks
    tasks.block(
        task,
        form.occurrence(),
        form.text("reason"),
        signed.actor,
        form.version(),
        part=form.part(),
        **form.dated(),
    )


def _unblock(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    tasks = web.planner.tasks
    tasks.unblock(
        task,
        form.occurrence(),
        form.text("note"),
        signed.actor,
        form.version(),
        part=form.part(),
        **form.dated(),
    )


def _reopen(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    tasks = web.planner.tasks
    tasks.reopen(
        task,
        form.occurrence(),
        form.text("reason"),
        signed.actor,
        form.version(),
        part=form.part(),
        **form.dated(),
    )


def _cancel(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    tasks = web.planner.tasks
    tasks.cancel(
        task, form.occurrence(), form.text("reason"), signed.actor, form.version(), **form.dated()
    )


def _deadline(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    due_on = parse_day(form.text("due_on"), where="Thời hạn mới")
    web.planner.tasks.change_deadline(
        task,
        form.occurrence(),
        due_on,
        form.text("reason"),
        signed.actor,
        form.version(),
        **form.dated(),
    )


def _reassign(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    web.planner.tasks.reassign(
        task,
        form.names("lead"),
        form.names("coordinating"),
        form.text("reason"),
        signed.actor,
        form.version(),
    )


def _request_extension(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    to = parse_day(form.text("to"), where=LABELS["to"])
    web.planner.tasks.request_extension(
        task, form.occurrence(), to, form.text("reason"), signed.actor, form.version()
    )


def _decide_extension(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    web.planner.tasks.decide_extension(
        task,
        form.occurrence(),
        form.text("decision") == "approve",
        form.text("reason"),
        signed.actor,
        form.version(),
        **form.dated(),
    )


def _send_input(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    web.planner.tasks.send_input(
        task,
        form.occurrence(),
        signed.actor,
        note=form.text("note"),
        evidence=form.evidence(),
        expected_version=form.version(),
        **form.dated(),
    )


def _not_applicable(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    """Sở Nội vụ marks the ticked bodies' parts "không áp dụng" (or applicable again)."""
    web.planner.tasks.mark_not_applicable(
        task,
        form.occurrences(),
        form.bodies("Phần việc không áp dụng"),
        form.text("reason"),
        signed.actor,
        applicable=form.text("applies") == "yes",
        expected_version=form.version(),
    )


def _extend_parts(web: Web, signed: SignedIn, task: UUID, form: ActionForm) -> None:
    """Sở Nội vụ gives the ticked bodies a later day for their own parts."""
    web.planner.tasks.extend_parts(
        task,
        form.occurrences(),
        form.bodies("Gia hạn cho cơ quan"),
        parse_day(form.text("to"), where="Gia hạn đến ngày"),
        form.text("reason"),
        signed.actor,
        expected_version=form.version(),
    )


ACTIONS: dict[str, Perform] = {
    "start": _start,
    "progress": _progress,
    "complete": _complete,
    "block": _block,
    "unblock": _unblock,
    "reopen": _reopen,
    "cancel": _cancel,
    "deadline": _deadline,
    "reassign": _reassign,
    "request_extension": _request_extension,
    "decide_extension": _decide_extension,
    "send_input": _send_input,
    "not_applicable": _not_applicable,
    "extend_parts": _extend_parts,
}
