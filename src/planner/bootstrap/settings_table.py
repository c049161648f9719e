"""README's table of PLANNER_* variables, made from the settings' schema so the two agree.

`python -m planner.bootstrap.settings_table` writes it into README.md between its markers.
"""

from __future__ import annotations

import sys
from datetime import time
from enum import Enum
from pathlib import Path

from pydantic.fields import FieldInfo

from planner.bootstrap.settings import PREFIX, PlannerSettings

START = "<!-- settings table: made by `python -m planner.bootstrap.settings_table` -->"
END = "<!-- end of settings table -->"


def settings_table() -> str:
    rows = [
        "| Variable | Default | Meaning |",
        "| --- | --- | --- |",
        *(
            f"| `{PREFIX}{name.upper()}` | {_default(field)} | {field.description} |"
            for name, field in PlannerSettings.model_fields.items()
        ),
    ]
    return "\n".join(rows)


def _default(field: FieldInfo) -> str:
    extra = field.json_schema_extra
    shown = extra.get("shown") if isinstance(extra, dict) else None
    if shown:
        return str(shown)
    value = field.default
    if value is None or value == ():
        return "—"
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, time):
        value = f"{value:%H:%M}"
    elif isinstance(value, tuple):
        value = ",".join(str(part) for part in value)
    return f"`{value}`"


def with_table(readme: str) -> str:
    """README's text with the table between its markers made anew."""
    before, _, rest = readme.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{settings_table()}\n{END}{after}"


def main() -> None:
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    readme.write_text(with_table(readme.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
