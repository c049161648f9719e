"""`--basis`: which reading of "as of a day" a command answers in."""

from __future__ import annotations

from typing import Annotated

import typer

BasisOption = Annotated[
    str,
    typer.Option(
        "--basis",
        help="Cách tính cho ngày đã qua: hien-nay (theo số liệu hiện nay, mặc định) hoặc "
        "da-ghi-nhan (theo số liệu đã ghi nhận đến hết ngày đó).",
    ),
]
DEFAULT = "hien-nay"
