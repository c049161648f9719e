"""Importing a plan: a 2,000-row task table against a plain read of the same file, and the
fidelity of the import over the corpus of hand-counted plans (tests/importing/corpus).

Run alone with `python -m benchmarks.import_rate` (rewrites its section of RESULTS.md);
`make bench` runs it with the others.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from benchmarks.results_file import replace_section
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from tests.importing.corpus.build import plans
from tests.importing.corpus.fidelity import FIELDS, Fidelity, corpus_directory, fidelity, imported

T = TypeVar("T")
HEADING = "## Importing plans"
ROWS = 2_000
_AGENCIES = ("Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Các sở, ban, ngành")


@dataclass(frozen=True)
class ImportRate:
    rows: int
    size: int
    plain_seconds: float
    plain_peak: int
    seconds: float
    peak: int
    tasks: int


def large_plan(path: Path, rows: int = ROWS) -> Path:
    """A text export with `rows` table rows: sections, group rows with bullets, tasks."""
    lines = [
        "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
        "Số: 1/KH-UBND",
        "Thử Nghiệm, ngày 01 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Nâng cao Chỉ số cải cách hành chính năm 2024",
        "Phụ lục",
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
    ]
    written, section = 0, 0
    while written < rows:
        section += 1
        lines.append(f"{_roman(section)}\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH PHẦN {section}\t\t\t")
        written += 1
        for number in range(1, 21):
            lead, coordinating = _AGENCIES[number % 4], _AGENCIES[(number + 1) % 4]
            if number % 5 == 0:
                lines.append(f"{number}\tNhóm nhiệm vụ số {number} của phần {section}\t\t\t")
                lines += [
                    f"\t- Việc {b} của nhóm {number}, phần {section}, giao cho từng cơ quan"
                    f"\t{lead}\t{coordinating}\tQuý {_roman(b)}/2024"
                    for b in range(1, 4)
                ]
                written += 4
            else:
                lines.append(
                    f"{number}\tNhiệm vụ {number} của phần {section}: rà soát, công khai thủ tục"
                    f"\t{lead} chủ trì, tham mưu UBND tỉnh\t{coordinating}\tThường xuyên"
                )
                written += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(path: Path) -> ImportRate:
    plain_seconds, plain_peak, _ = _timed(lambda: _plain_read(path))
    seconds, peak, report = _timed(
        lambda: read_plan_document(read_document(path), corpus_directory())
    )
    rows = sum(1 for line in path.read_text("utf-8").splitlines() if "\t" in line)
    return ImportRate(
        rows, path.stat().st_size, plain_seconds, plain_peak, seconds, peak, report.tasks
    )


def _plain_read(path: Path) -> list[list[str]]:
    """The floor: the file's bytes decoded and split into rows and cells, nothing more."""
    return [line.split("\t") for line in path.read_bytes().decode("utf-8").splitlines()]


def _timed(work: Callable[[], T]) -> tuple[float, int, T]:
    """Seconds of a run without tracing, then the peak allocation of a traced run."""
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, result


def corpus_fidelity() -> Fidelity:
    total = Fidelity()
    with tempfile.TemporaryDirectory() as directory:
        for name in plans():
            total.add(fidelity(name, imported(name, Path(directory))))
    return total


def section(rate: ImportRate, total: Fidelity) -> str:
    mib = 1024 * 1024
    fields = [f for f in FIELDS if total.checked[f]]  # output and due day where counted
    compared = sum(total.checked[f] for f in fields)
    right = sum(total.fields[f] for f in fields)
    lines = [
        HEADING,
        "",
        f"A {rate.rows:,}-row task table ({rate.size / 1024:,.0f} KiB text export, "
        f"{rate.tasks:,} tasks) read and checked,",
        "beside a plain read of the same file (decode, split rows and cells). Seconds are",
        "untraced; memory is the peak Python allocation (tracemalloc) of a second run.",
        "Targets (issue 16): under 5 s and under 200 MiB.",
        "",
        "| | seconds | peak MiB |",
        "| --- | ---: | ---: |",
        f"| plain read | {rate.plain_seconds:.3f} | {rate.plain_peak / mib:.1f} |",
        f"| import | {rate.seconds:.2f} | {rate.peak / mib:.1f} |",
        f"| ratio | {rate.seconds / rate.plain_seconds:,.0f}× | "
        f"{rate.peak / rate.plain_peak:.1f}× |",
        "",
        f"Fidelity over the corpus ({len(plans())} plans, hand-counted): "
        f"{total.compared} tasks expected, {total.found} found, {total.right} right in every "
        f"field, {len(total.lost)} lost, {len(total.invented)} invented; fields right "
        f"{right}/{compared} ({100 * right / max(compared, 1):.1f} %).",
        "",
        "| field | right |",
        "| --- | ---: |",
        *[f"| {f} | {total.fields[f]}/{total.checked[f]} |" for f in fields],
        "",
    ]
    return "\n".join(lines)


def write(text: str) -> None:
    replace_section(HEADING, text)


def run() -> str:
    with tempfile.TemporaryDirectory() as directory:
        rate = measure(large_plan(Path(directory) / "ke-hoach-2000-dong.txt"))
    return section(rate, corpus_fidelity())


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


if __name__ == "__main__":
    write(run())
