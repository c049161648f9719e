"""The corrections Sở Nội vụ makes on the import preview, as the page's form sends them.

Every correction in force is shown on the form, so what it sends is the whole set: number,
date and year; one agency chosen per unknown (or mapped) name; a mark per row; a field per
column.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import FormData

from planner.domain.errors import InvalidValue
from planner.domain.import_corrections import Corrections, corrections_from_json

AS_READ = ""  # a select left at "as planner reads it"


def plan_year(text: str) -> int | None:
    """The year typed on the form, if any: four digits, as plans are dated."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"(19|20|21)\d\d", text):
        raise InvalidValue(f"Năm của kế hoạch: '{text[:20]}' không phải một năm (vd. 2023)")
    return int(text)


def form_corrections(form: FormData) -> Corrections:
    """Read and check the form's corrections; a wrong value is named as the page labels it."""
    names = [str(n) for n in form.getlist("agency_name")]
    codes = [str(c) for c in form.getlist("agency_code")]
    data: dict[str, Any] = {
        "number": _field(form, "number") or None,
        "issued_on": _field(form, "issued_on") or None,
        "year": plan_year(_field(form, "year")),
        "agencies": {n: c for n, c in zip(names, codes, strict=False) if c != AS_READ},
        "rows": [],
        "columns": [],
    }
    for key, value in form.multi_items():
        chosen = str(value)
        if chosen == AS_READ:
            continue
        if key.startswith("row:"):
            table, source = _place(key)
            data["rows"].append({"table": table, "source": source, "role": chosen})
        elif key.startswith("column:"):
            table, heading = _place(key)
            data["columns"].append({"table": table, "heading": heading, "field": chosen})
    return corrections_from_json(data, "Sửa cách đọc")


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _place(key: str) -> tuple[int, str]:
    """'row:1:dòng 12' → (1, 'dòng 12'); 'column:2:Đầu mối' → (2, 'Đầu mối')."""
    parts = key.split(":", 2)
    if len(parts) < 3 or not parts[1].isdigit():
        raise InvalidValue(f"Sửa cách đọc: '{key[:60]}' không chỉ một bảng của văn bản")
    return int(parts[1]), parts[2]
