"""`make bench`: every benchmark on SQLite and PostgreSQL, written to benchmarks/RESULTS.md.

Options: --provinces N (national scale: 63), --commands N, --backends sqlite,postgresql.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from benchmarks import (
    catch_up_rate,
    command_rate,
    http_rate,
    import_rate,
    national_scale,
    recorder_choice,
)
from benchmarks.machine import describe
from benchmarks.national_data import Scale
from benchmarks.results_file import RESULTS
from benchmarks.stores import BACKENDS, fresh_store
from benchmarks.verdicts import verdicts


def main() -> None:
    options = _options()
    scale = Scale(provinces=options.provinces)
    commands, catch_ups, nationals = [], [], []
    for backend in options.backends:
        _say(f"{backend}: task commands")
        with fresh_store(backend) as url, fresh_store(backend) as twin:
            commands.append(command_rate.measure(backend, url, twin, options.commands))
        _say(f"{backend}: projection catch-up")
        with fresh_store(backend) as url:
            catch_ups.append(catch_up_rate.measure(backend, url, options.catch_up_provinces))
        _say(f"{backend}: national scale ({scale.tasks:,} tasks)")
        with fresh_store(backend) as url:
            nationals.append(national_scale.measure(backend, url, scale))
    _say("recorder choice")
    choice = recorder_choice.measure()
    results = _report(commands, catch_ups, nationals, choice) + _reports(nationals)
    results += "\n".join(verdicts(commands, catch_ups, nationals)) + "\n"
    _say("importing plans")
    RESULTS.write_text(results, encoding="utf-8")
    import_rate.write(import_rate.run())
    _say("through HTTP")
    http_rate.write(http_rate.run(options.backends))
    _say(f"written {RESULTS}")


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--commands", type=int, default=2000)
    parser.add_argument("--catch-up-provinces", type=int, default=4)
    parser.add_argument("--backends", type=lambda text: tuple(text.split(",")), default=BACKENDS)
    return parser.parse_args()


def _say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def _report(
    commands: list[command_rate.CommandRate],
    catch_ups: list[catch_up_rate.CatchUpRate],
    nationals: list[national_scale.NationalScale],
    choice: recorder_choice.RecorderChoice,
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `make bench`. Each figure stands beside",
        "a floor measured in the same run on the same store; targets are from issue 3.",
        "",
        *[f"- {line}" for line in describe()],
        "",
        "## Task commands vs raw appends (target ≥ 0.5×)",
        "",
        "A command loads the task, checks the rules, appends one event and updates the views",
        "before returning; the floor is the library's recorder appending one event per call.",
        "",
        "| store | commands | raw appends/s | commands/s | ratio |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[
            f"| {c.backend} | {c.commands:,} | {c.raw_appends_per_second:,.0f} | "
            f"{c.commands_per_second:,.0f} | {c.ratio:.2f}× |"
            for c in commands
        ],
        "",
        "## Projection catch-up vs raw batched inserts (target ≥ 0.3×)",
        "",
        "Events of tasks with their histories, applied to every view from empty; the floor inserts",
        "the same number of history-shaped rows with executemany in batches of the same size.",
        "",
        "| store | events | raw inserts/s | events/s | ratio |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[
            f"| {c.backend} | {c.events:,} | {c.raw_inserts_per_second:,.0f} | "
            f"{c.events_per_second:,.0f} | {c.ratio:.2f}× |"
            for c in catch_ups
        ],
        "",
        "## National scale (queries: target p95 < 50 ms; rebuild: < 5 min, < 1 GiB)",
        "",
        "Beside each nationwide question, its floor: the statements behind it run as plain",
        "DB-API fetches that build no objects (`benchmarks/raw_reads.py`), median of as many runs.",
        "The score board's view holds one document per plan, index and year: its floor reads them",
        "without decoding them into lines.",
        "",
    ]
    for n in nationals:
        lines += [
            f"### {n.backend}: {n.tasks:,} tasks, {n.parts:,} parts, {n.events:,} events",
            "",
            f"Seeded through the recorder in {n.seed_seconds:,.0f} s. Full rebuild of every view: "
            f"**{n.rebuild_seconds:,.0f} s** ({n.events / n.rebuild_seconds:,.0f} events/s), "
            f"peak memory **{n.rebuild_peak_mib:,.0f} MiB** (whole process).",
            "",
            "| query | rows | median ms | p95 ms | raw read ms | × raw read |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *[
                f"| {q.name} | {q.rows:,} | {q.median_ms:,.1f} | {q.p95_ms:,.1f} | "
                + (
                    f"{q.floor_median_ms:,.1f} | {q.ratio:.1f}× |"
                    if q.floor_median_ms is not None and q.ratio is not None
                    else "— | — |"
                )
                for q in n.latencies
            ],
            "",
        ]
    rates = choice.appends_per_second
    lines += [
        "## Recorder choice",
        "",
        "Appends per second, one event per transaction, eventsourcing 9.5.6 native recorders",
        "against eventsourcing-sqlalchemy 1.0.1 (measured in a side venv with SQLAlchemy < 2.1):",
        "",
        "| store | native | eventsourcing-sqlalchemy | native / sqlalchemy |",
        "| --- | ---: | ---: | ---: |",
        *[
            f"| {store} | {rates[f'{store}_native']:,.0f} | {rates[f'{store}_sqlalchemy']:,.0f} | "
            f"{rates[f'{store}_native'] / rates[f'{store}_sqlalchemy']:.1f}× |"
            for store in ("sqlite", "postgresql")
        ],
        "",
    ]
    return "\n".join(lines)


def _reports(nationals: list[national_scale.NationalScale]) -> str:
    lines = [
        "",
        "## Quarterly report as of a past day, at national scale (target < 2 s)",
        "",
        "Province 1's quarterly report (30 agencies, 3,000 tasks) as of the quarter's last day,",
        "in the national-scale store above, median of 5. Both views read the parts' dated states;",
        "'đã ghi nhận' replays the plan's events instead only when a plan, target or agency was",
        "described differently since that day (`queries/recorded_since.py`). The floor is a plain",
        "read of the plan's stored events (plan, tasks, targets, agencies), not decoded.",
        "Rendering times are for the report once built.",
        "",
        "| store | plan's events | plain read s | report s (hiện nay) | × read "
        "| report s (đã ghi nhận) | × read | html ms | xlsx ms | csv ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[
            f"| {r.backend} | {r.plan_events:,} | {r.plain_read_seconds:,.2f} | "
            f"{r.current_seconds:,.2f} | {r.ratio(r.current_seconds):.2f}× | "
            f"{r.recorded_seconds:,.2f} | {r.ratio(r.recorded_seconds):.2f}× | "
            f"{r.render_ms['html']:,.0f} | {r.render_ms['xlsx']:,.0f} | "
            f"{r.render_ms['csv']:,.0f} |"
            for r in (n.report for n in nationals)
        ],
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
