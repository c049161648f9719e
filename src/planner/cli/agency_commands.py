"""`planner agency ...`: the registry of agencies and its reorganisations."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.command_group import command_group
from planner.cli.output import console, print_json, table
from planner.cli.session import opened
from planner.domain.agency import AgencyKind, AgencyState
from planner.domain.dates import parse_day

app = command_group(help="Danh mục cơ quan: thêm, đổi tên, sáp nhập, chia tách, giải thể.")

Reason = Annotated[str, typer.Option("--reason", help="Căn cứ, lý do (vd. số quyết định).")]
Effective = Annotated[str, typer.Option("--on", help="Ngày có hiệu lực dd/mm/yyyy.")]


@app.command("list")
def list_agencies(json_: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Mọi cơ quan, với trạng thái và cơ quan kế thừa."""
    with opened() as planner:
        found = planner.views.agencies()
    if json_:
        print_json({"agencies": found})
        return
    shown = table("Danh mục cơ quan", "Mã", "Tên", "Loại", "Trạng thái", "Kế thừa", "E-mail")
    for agency in found:
        shown.add_row(
            agency.code,
            agency.name,
            agency.kind,
            AgencyState(agency.state).label,
            "" if agency.carried_by == agency.code else agency.carried_by,
            ", ".join(agency.emails),
        )
    console.print(shown)


@app.command("add")
def add(
    code: str,
    name: str,
    kind: Annotated[AgencyKind, typer.Option("--kind")] = AgencyKind.DEPARTMENT,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Tên gọi khác (lặp lại được).")
    ] = None,
    email: Annotated[list[str] | None, typer.Option("--email")] = None,
    group: Annotated[
        list[str] | None, typer.Option("--group", help="Nhóm, vd. UBND_CAP_HUYEN.")
    ] = None,
    parent: Annotated[str | None, typer.Option("--parent")] = None,
) -> None:
    """Thêm một cơ quan vào danh mục."""
    with opened() as planner:
        added = planner.agencies.register(
            code,
            name,
            kind,
            planner.system,
            aliases=tuple(alias or ()),
            parent=parent,
            emails=tuple(email or ()),
            groups=tuple(group or ()),
        )
    console.print(f"Đã thêm cơ quan {added}")


@app.command("alias")
def alias(
    code: str,
    names: Annotated[list[str], typer.Argument(help="Tên gọi khác, như văn bản viết.")],
) -> None:
    """Thêm tên gọi khác cho cơ quan, để lần nhập văn bản sau nhận ra tên đó."""
    with opened() as planner:
        known = next((a for a in planner.views.agencies() if a.code == code.upper()), None)
        current = tuple(known.aliases) if known else ()
        planner.agencies.set_aliases(code, (*current, *names), planner.system)
    console.print(f"Đã thêm tên gọi khác cho {code.upper()}: {'; '.join(names)}")


@app.command("email")
def email(code: str, addresses: list[str]) -> None:
    """Đặt địa chỉ e-mail nhận nhắc việc của cơ quan."""
    with opened() as planner:
        planner.agencies.set_emails(code, tuple(addresses), planner.system)
    console.print(f"Đã cập nhật e-mail của {code.upper()}")


@app.command("rename")
def rename(code: str, name: str, reason: Reason) -> None:
    """Đổi tên; tên cũ vẫn được nhận ra trong các văn bản cũ."""
    with opened() as planner:
        planner.agencies.rename(code, name, reason, planner.system)
    console.print(f"Đã đổi tên {code.upper()}")


@app.command("merge")
def merge(
    code: str,
    into: Annotated[str, typer.Option("--into", help="Cơ quan tiếp nhận.")],
    on: Effective,
    reason: Reason,
) -> None:
    """Sáp nhập: nhiệm vụ và điểm số cũ được tính cho cơ quan tiếp nhận."""
    with opened() as planner:
        planner.agencies.merge(code, into, parse_day(on, where="--on"), reason, planner.system)
    console.print(f"{code.upper()} đã sáp nhập vào {into.upper()}")


@app.command("split")
def split(
    code: str,
    into: Annotated[str, typer.Option("--into", help="Các cơ quan kế thừa, cách nhau bởi ','.")],
    carried_by: Annotated[str, typer.Option("--carried-by", help="Cơ quan tiếp nhận nhiệm vụ cũ.")],
    on: Effective,
    reason: Reason,
) -> None:
    """Chia tách một cơ quan."""
    successors = tuple(part.strip() for part in into.split(",") if part.strip())
    with opened() as planner:
        effective = parse_day(on, where="--on")
        planner.agencies.split(code, successors, carried_by, effective, reason, planner.system)
    console.print(f"{code.upper()} đã chia tách")


@app.command("dissolve")
def dissolve(
    code: str,
    on: Effective,
    reason: Reason,
    successor: Annotated[
        str | None, typer.Option("--successor", help="Cơ quan tiếp nhận, nếu có.")
    ] = None,
) -> None:
    """Giải thể (vd. kết thúc cấp huyện)."""
    with opened() as planner:
        planner.agencies.dissolve(
            code, successor, parse_day(on, where="--on"), reason, planner.system
        )
    console.print(f"{code.upper()} đã giải thể")
