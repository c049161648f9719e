"""`planner`: the command line of the plan tracker, built by the composition root
(`planner.bootstrap`) with the parts it does not import itself."""

from __future__ import annotations

import typer

from planner.cli import (
    agency_commands,
    backup_commands,
    calendar_commands,
    criteria_commands,
    import_command,
    plan_commands,
    reminder_commands,
    report_commands,
    scoring_commands,
    serve_command,
    status_import_command,
    store_commands,
    task_commands,
    user_commands,
    view_commands,
)
from planner.cli.command_group import command_group
from planner.cli.wiring import WiringFactory, wired


def command_line(parts: WiringFactory) -> typer.Typer:
    """Every `planner` command; each run gets its store, settings and adapters from `parts()`
    (settings are read once a command asks for them, so `--help` reads none)."""
    app = command_group(
        help="planner — theo dõi kế hoạch nâng cao Chỉ số CCHC (PAR INDEX), SIPAS và PAPI.",
        pretty_exceptions=False,
    )

    @app.callback()
    def _run(context: typer.Context) -> None:
        context.with_resource(wired(parts()))

    _add_commands(app)
    return app


def _add_commands(app: typer.Typer) -> None:
    app.command("init")(store_commands.init)
    app.command("demo")(store_commands.demo)
    app.command("import")(import_command.import_document)
    app.command("import-status")(status_import_command.import_status)
    app.command("criteria")(criteria_commands.criteria)
    app.command("overdue")(view_commands.overdue)
    app.command("progress")(view_commands.progress)
    app.command("inputs")(view_commands.inputs)
    app.command("scores")(view_commands.scores)
    app.command("history")(view_commands.history)
    app.add_typer(task_commands.app, name="task")
    app.add_typer(plan_commands.plans, name="plan")
    app.add_typer(plan_commands.targets, name="target")
    app.add_typer(agency_commands.app, name="agency")
    app.add_typer(calendar_commands.app, name="calendar")
    app.add_typer(store_commands.events, name="events")
    app.add_typer(store_commands.projections, name="projections")
    app.command("backup")(backup_commands.backup)
    app.command("restore")(backup_commands.restore)
    app.add_typer(report_commands.app, name="report")
    app.add_typer(scoring_commands.app, name="scoring")
    app.add_typer(reminder_commands.reminders, name="reminders")
    app.command("scheduler")(reminder_commands.scheduler)
    app.add_typer(user_commands.app, name="users")
    app.command("serve")(serve_command.serve)
