"""`planner task ...`: add tasks and report on them as an agency."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from planner.cli.command_group import command_group
from planner.cli.evidence_option import EvidenceOption, read_evidence
from planner.cli.output import console, print_json, short_id, table
from planner.cli.session import acting, opened
from planner.domain.criterion import CriterionRef, Index
from planner.domain.dates import parse_day
from planner.domain.schedule_text import read_schedule
from planner.domain.task_status import Status
from planner.presentation.vietnamese import format_date, shorten

if TYPE_CHECKING:
    from planner.application.planner import Planner

app = command_group(help="Nhiệm vụ: thêm, cập nhật trạng thái, báo cáo tiến độ.")

As = Annotated[str, typer.Option("--as", help="Mã hoặc tên cơ quan thực hiện thao tác (vd. SNV).")]
User = Annotated[
    str | None, typer.Option("--user", help="Người thực hiện (mặc định: PLANNER_USER).")
]
Occurrence = Annotated[
    str | None, typer.Option("--occurrence", "-k", help="Kỳ của nhiệm vụ định kỳ, vd. 2023-Q3.")
]
Version = Annotated[
    int | None,
    typer.Option(
        "--expected-version", help="Phiên bản đang xem; khác phiên bản hiện tại thì từ chối."
    ),
]
Json = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]
EffectiveOn = Annotated[
    str | None,
    typer.Option(
        "--effective-on",
        help="Ngày việc đã diễn ra, nếu trước hôm nay (dd/mm/yyyy); cần --because.",
    ),
]
Because = Annotated[str, typer.Option("--because", help="Lý do ghi nhận lùi ngày.")]
Part = Annotated[
    str | None,
    typer.Option(
        "--part", help="Phần của cơ quan nào (nhiệm vụ nhiều cơ quan chủ trì); mặc định: của --as."
    ),
]


def _part(planner: Planner, body: str | None) -> str | None:
    """The code of the body whose part is meant (a name or a code)."""
    return planner.views.directory().code(body) if body else None


def _dated(effective_on: str | None, because: str) -> dict[str, Any]:
    """The service's keyword arguments for a change said to have happened on an earlier day."""
    day = parse_day(effective_on, where="--effective-on") if effective_on else None
    return {"effective_on": day, "because": because}


def _names(value: str | None) -> list[str]:
    """Agency names separated by ';' (names themselves contain commas)."""
    return [part.strip() for part in (value or "").split(";") if part.strip()]


@app.command("add")
def add(
    plan: Annotated[str, typer.Option("--plan", help="Số kế hoạch, vd. 365/KH-UBND.")],
    text: Annotated[str, typer.Option("--text", help="Nội dung nhiệm vụ, giải pháp.")],
    lead: Annotated[str, typer.Option("--lead", help="Cơ quan chủ trì, cách nhau bởi ';'.")],
    schedule: Annotated[
        str, typer.Option("--schedule", help="Thời gian thực hiện, vd. 'Quý III/2023'.")
    ],
    as_: As,
    reference: Annotated[str, typer.Option("--reference", help="Số thứ tự trong kế hoạch.")] = "",
    criteria: Annotated[
        str, typer.Option("--criteria", help="Mã tiêu chí, vd. '1.2,SIPAS:1.1'.")
    ] = "",
    coordinating: Annotated[
        str, typer.Option("--coordinating", help="Cơ quan phối hợp, ';'.")
    ] = "",
    output: Annotated[str, typer.Option("--output", help="Kết quả, sản phẩm.")] = "",
    index: Annotated[
        str, typer.Option("--index", help="Chỉ số mặc định của mã tiêu chí.")
    ] = "PAR_INDEX",
    user: User = None,
) -> None:
    """Thêm một nhiệm vụ vào kế hoạch (Sở Nội vụ)."""
    with opened() as planner:
        found = planner.views.plan(plan)
        reading = read_schedule(schedule, found.year, found.issued_on)
        default_index = Index.parse(index)
        task = planner.tasks.add(
            found.plan_id,
            reference=reference,
            text=text,
            criteria=tuple(
                CriterionRef.parse(c.strip(), default_index)
                for c in criteria.split(",")
                if c.strip()
            ),
            lead=_names(lead),
            coordinating=_names(coordinating),
            schedule=reading.schedule,
            expected_output=output,
            actor=acting(planner, as_, user),
        )
        console.print(f"Đã thêm nhiệm vụ [bold]{short_id(task)}[/] ({task})")
        if reading.warning:
            console.print(f"[yellow]Lưu ý:[/] {reading.warning}")


@app.command("list")
def list_tasks(
    plan: Annotated[str | None, typer.Option("--plan", help="Số kế hoạch.")] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help="Mã hoặc tên cơ quan liên quan.")
    ] = None,
    json_: Json = False,
) -> None:
    """Danh sách nhiệm vụ và các kỳ, với trạng thái và thời hạn."""
    with opened() as planner:
        plan_id = planner.views.plan(plan).plan_id if plan else None
        code = planner.views.directory().code(agency) if agency else None
        found = planner.views.tasks(plan_id, code)
    if json_:
        print_json({"tasks": found})
        return
    shown = table(
        "Nhiệm vụ", "Mã", "Kế hoạch", "TT", "Nhiệm vụ", "Chủ trì", "Kỳ", "Hạn", "Trạng thái", "%"
    )
    for task in found:
        for o in task.occurrences:
            shown.add_row(
                short_id(task.task_id),
                task.plan_number,
                task.reference,
                shorten(task.text, 70),
                ", ".join(task.lead),
                o.occurrence,
                format_date(o.due_on) or task.schedule_text,
                Status(o.status).label,
                str(o.percent),
            )
    console.print(shown)


@app.command("show")
def show(task: str, json_: Json = False) -> None:
    """Một nhiệm vụ: nội dung, cơ quan, các kỳ và trạng thái."""
    with opened() as planner:
        found = planner.views.task(planner.views.task_id(task))
    if json_:
        print_json({"task": found})
        return
    console.print(f"[bold]{found.reference}[/] {found.text}")
    console.print(f"Kế hoạch {found.plan_number} · chủ trì: {', '.join(found.lead)}")
    console.print(f"Phối hợp: {', '.join(found.coordinating) or '—'}")
    console.print(
        f"Thời gian: {found.schedule_text or '—'} · tiêu chí: {', '.join(found.criteria)}"
    )
    for o in found.occurrences:
        due = format_date(o.due_on) or "không có hạn"
        line = f"  {o.occurrence or 'Nhiệm vụ'}: {Status(o.status).label}, {o.percent}%, hạn {due}"
        console.print(line)
        if len(o.parts) > 1:
            for part in o.parts:
                state = Status(part.status).label if part.applies else "Không áp dụng"
                console.print(f"    {part.agency}: {state}, {part.percent}%")


def _report(status: Status | None) -> None:
    if status is not None:
        console.print(f"Đã ghi nhận. Trạng thái: [bold]{status.label}[/]")
    else:
        console.print("Đã ghi nhận.")


@app.command("start")
def start(
    task: str,
    as_: As,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
    part: Part = None,
) -> None:
    """Bắt đầu thực hiện."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        _report(
            planner.tasks.start(
                planner.views.task_id(task),
                occurrence,
                actor,
                expected_version,
                **_dated(effective_on, because),
                part=_part(planner, part),
            )
        )


@app.command("progress")
def progress(
    task: str,
    as_: As,
    percent: Annotated[int | None, typer.Option("--percent", help="Tiến độ 0–100%.")] = None,
    note: Annotated[str, typer.Option("--note", help="Ghi chú.")] = "",
    evidence: EvidenceOption = None,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
    part: Part = None,
) -> None:
    """Báo cáo tiến độ (chủ trì) hoặc ghi chú, tài liệu (phối hợp)."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        status = planner.tasks.report_progress(
            planner.views.task_id(task),
            occurrence,
            actor,
            percent=percent,
            note=note,
            evidence=read_evidence(evidence),
            expected_version=expected_version,
            **_dated(effective_on, because),
            part=_part(planner, part),
        )
        _report(status)


@app.command("complete")
def complete(
    task: str,
    as_: As,
    note: Annotated[str, typer.Option("--note", help="Ghi chú kết quả.")] = "",
    evidence: EvidenceOption = None,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
    part: Part = None,
) -> None:
    """Hoàn thành (kèm tài liệu kiểm chứng nếu có)."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        status = planner.tasks.complete(
            planner.views.task_id(task),
            occurrence,
            actor,
            note=note,
            evidence=read_evidence(evidence),
            expected_version=expected_version,
            **_dated(effective_on, because),
            part=_part(planner, part),
        )
        _report(status)


Reason = Annotated[str, typer.Option("--reason", help="Lý do.")]


@app.command("block")
def block(
    task: str,
    reason: Reason,
    as_: As,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
    part: Part = None,
) -> None:
    """Báo vướng mắc."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        task_id = planner.views.task_id(task)
        _report(
            planner.tasks.block(
                task_id,
                occurrence,
                reason,
                actor,
                expected_version,
                **_dated(effective_on, because),
                part=_part(planner, part),
            )
        )


@app.command("unblock")
def unblock(
    task: str,
    as_: As,
    note: Annotated[str, typer.Option("--note")] = "",
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
    part: Part = None,
) -> None:
    """Đã gỡ vướng mắc, tiếp tục thực hiện."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        task_id = planner.views.task_id(task)
        _report(
            planner.tasks.unblock(
                task_id,
                occurrence,
                note,
                actor,
                expected_version,
                **_dated(effective_on, because),
                part=_part(planner, part),
            )
        )


@app.command("reopen")
def reopen(
    task: str,
    reason: Reason,
    as_: As,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
    part: Part = None,
) -> None:
    """Mở lại nhiệm vụ đã hoàn thành hoặc đã hủy."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        task_id = planner.views.task_id(task)
        _report(
            planner.tasks.reopen(
                task_id,
                occurrence,
                reason,
                actor,
                expected_version,
                **_dated(effective_on, because),
                part=_part(planner, part),
            )
        )


@app.command("cancel")
def cancel(
    task: str,
    reason: Reason,
    as_: As,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
) -> None:
    """Hủy nhiệm vụ (hoặc một kỳ) — Sở Nội vụ."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        planner.tasks.cancel(
            planner.views.task_id(task),
            occurrence,
            reason,
            actor,
            expected_version,
            **_dated(effective_on, because),
        )
        _report(None)


@app.command("deadline")
def deadline(
    task: str,
    due: Annotated[str, typer.Option("--due", help="Thời hạn mới dd/mm/yyyy.")],
    reason: Reason,
    as_: As,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
) -> None:
    """Điều chỉnh thời hạn — Sở Nội vụ."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        due_on = parse_day(due, where="--due")
        task_id = planner.views.task_id(task)
        planner.tasks.change_deadline(
            task_id,
            occurrence,
            due_on,
            reason,
            actor,
            expected_version,
            **_dated(effective_on, because),
        )
        _report(None)


@app.command("reassign")
def reassign(
    task: str,
    lead: Annotated[str, typer.Option("--lead", help="Cơ quan chủ trì mới, cách nhau bởi ';'.")],
    reason: Reason,
    as_: As,
    coordinating: Annotated[
        str, typer.Option("--coordinating", help="Cơ quan phối hợp, ';'.")
    ] = "",
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
) -> None:
    """Giao lại cơ quan chủ trì/phối hợp — Sở Nội vụ."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        task_id = planner.views.task_id(task)
        planner.tasks.reassign(
            task_id,
            _names(lead),
            _names(coordinating),
            reason,
            actor,
            expected_version,
            **_dated(effective_on, because),
        )
        _report(None)


@app.command("extend")
def extend(
    task: str,
    to: Annotated[str, typer.Option("--to", help="Xin gia hạn đến ngày dd/mm/yyyy.")],
    reason: Reason,
    as_: As,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
) -> None:
    """Xin gia hạn (cơ quan chủ trì); Sở Nội vụ quyết định bằng `decide-extension`."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        day = parse_day(to, where="--to")
        task_id = planner.views.task_id(task)
        planner.tasks.request_extension(task_id, occurrence, day, reason, actor, expected_version)
        console.print(f"Đã gửi đề nghị gia hạn đến {format_date(day)}; chờ Sở Nội vụ quyết định.")


@app.command("decide-extension")
def decide_extension(
    task: str,
    reason: Reason,
    as_: As,
    approve: Annotated[
        bool, typer.Option("--approve/--refuse", help="Đồng ý hoặc không đồng ý gia hạn.")
    ] = True,
    occurrence: Occurrence = None,
    user: User = None,
    expected_version: Version = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
) -> None:
    """Quyết định đề nghị gia hạn — Sở Nội vụ; thời hạn ban đầu vẫn dùng để tính đúng hạn."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        task_id = planner.views.task_id(task)
        planner.tasks.decide_extension(
            task_id,
            occurrence,
            approve,
            reason,
            actor,
            expected_version,
            **_dated(effective_on, because),
        )
        console.print("Đã đồng ý gia hạn." if approve else "Đã không đồng ý gia hạn.")


@app.command("not-applicable")
def not_applicable(
    task: str,
    bodies: Annotated[
        str, typer.Option("--bodies", help="Các cơ quan (tên hoặc mã), cách nhau bởi ';'.")
    ],
    reason: Reason,
    as_: As,
    occurrence: Annotated[
        list[str] | None, typer.Option("--occurrence", "-k", help="Kỳ; bỏ trống: mọi kỳ còn mở.")
    ] = None,
    applicable: Annotated[
        bool, typer.Option("--undo", help="Áp dụng trở lại thay vì đánh dấu không áp dụng.")
    ] = False,
    user: User = None,
) -> None:
    """Đánh dấu phần việc của nhiều cơ quan là không áp dụng, một lần, một lý do — Sở Nội vụ."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        planner.tasks.mark_not_applicable(
            planner.views.task_id(task),
            tuple(occurrence or ()),
            _names(bodies),
            reason,
            actor,
            applicable=applicable,
        )
        console.print("Đã áp dụng trở lại." if applicable else "Đã đánh dấu không áp dụng.")


@app.command("extend-parts")
def extend_parts(
    task: str,
    bodies: Annotated[
        str, typer.Option("--bodies", help="Các cơ quan (tên hoặc mã), cách nhau bởi ';'.")
    ],
    to: Annotated[str, typer.Option("--to", help="Gia hạn đến ngày dd/mm/yyyy.")],
    reason: Reason,
    as_: As,
    occurrence: Annotated[
        list[str] | None, typer.Option("--occurrence", "-k", help="Kỳ; bỏ trống: mọi kỳ còn mở.")
    ] = None,
    user: User = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
) -> None:
    """Gia hạn phần việc cho một số cơ quan, một lần, một lý do — Sở Nội vụ."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        day = parse_day(to, where="--to")
        planner.tasks.extend_parts(
            planner.views.task_id(task),
            tuple(occurrence or ()),
            _names(bodies),
            day,
            reason,
            actor,
            **_dated(effective_on, because),
        )
        console.print(f"Đã gia hạn đến {day:%d/%m/%Y} cho {bodies}.")


@app.command("input")
def send_input(
    task: str,
    as_: As,
    note: Annotated[str, typer.Option("--note", help="Ý kiến, số liệu gửi cơ quan chủ trì.")] = "",
    evidence: EvidenceOption = None,
    occurrence: Occurrence = None,
    for_: Annotated[
        str | None, typer.Option("--for", help="Sở Nội vụ ghi nhận thay cơ quan phối hợp này.")
    ] = None,
    user: User = None,
    effective_on: EffectiveOn = None,
    because: Because = "",
) -> None:
    """Đã gửi ý kiến/số liệu (cơ quan phối hợp) cho cơ quan chủ trì."""
    with opened() as planner:
        actor = acting(planner, as_, user)
        planner.tasks.send_input(
            planner.views.task_id(task),
            occurrence,
            actor,
            note=note,
            evidence=read_evidence(evidence),
            body=_part(planner, for_),
            **_dated(effective_on, because),
        )
        console.print("Đã ghi nhận ý kiến, số liệu gửi cơ quan chủ trì.")
