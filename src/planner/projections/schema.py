"""The view tables. Every row here can be rebuilt from the event store."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and read back time-zone aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

POINTS = Numeric(12, 5)

positions = Table(
    "view_positions",
    metadata,
    Column("projection", String(64), primary_key=True),
    Column("position", BigInteger, nullable=False),
)

# How many times each rarely-changing view (agencies, accounts, tokens) has changed: readers
# keep its answers until the count moves, whichever process recorded the change.
stamps = Table(
    "view_stamps",
    metadata,
    Column("view", String(32), primary_key=True),
    Column("stamp", BigInteger, nullable=False),
)

view_shapes = Table(
    "view_shape",
    metadata,
    Column("views", String(64), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
)

plans = Table(
    "view_plans",
    metadata,
    Column("plan_id", Uuid, primary_key=True),
    Column("number", String(100), nullable=False),
    Column("title", Text, nullable=False),
    Column("issuer", Text, nullable=False),
    Column("province", String(100), nullable=False),
    Column("issued_on", Date),
    Column("year", Integer, nullable=False),
    Column("indices", JSON, nullable=False),
    Column("obligations", JSON, nullable=False),
    Column("input_days", Integer, nullable=False),  # coordinating bodies' internal deadline
    Column("version", Integer, nullable=False),
    Index("ix_view_plans_number", "number"),
)

agencies = Table(
    "view_agencies",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("agency_id", Uuid, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("parent", String(32)),
    Column("emails", JSON, nullable=False),
    Column("groups", JSON, nullable=False),
    Column("state", String(16), nullable=False),
    Column("successors", JSON, nullable=False),
    Column("carried_by", String(32), nullable=False),
    Column("version", Integer, nullable=False),
)

tasks = Table(
    "view_tasks",
    metadata,
    Column("task_id", Uuid, primary_key=True),
    Column("plan_id", Uuid, nullable=False),
    Column("reference", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("criteria", JSON, nullable=False),
    Column("lead", JSON, nullable=False),
    Column("coordinating", JSON, nullable=False),
    Column("schedule_kind", String(16), nullable=False),
    Column("schedule_text", Text, nullable=False),
    Column("expected_output", Text, nullable=False),
    Column("recurring", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_view_tasks_plan", "plan_id"),
)

occurrences = Table(
    "view_task_occurrences",
    metadata,
    Column("task_id", Uuid, primary_key=True),
    Column("occurrence", String(16), primary_key=True),
    Column("plan_id", Uuid, nullable=False),
    Column("due_on", Date),
    Column("status", String(16), nullable=False),
    Column("percent", Integer, nullable=False),
    Column("completed_on", Date),
    Column("last_note", Text, nullable=False),
    Column("evidence_count", Integer, nullable=False),
    # `due_on` is the day the work is due by now, an approved extension included; on-time
    # completion is counted against `deadline_on`, the deadline without extensions.
    Column("deadline_on", Date),
    Column("requested_to", Date),  # an extension asked for, awaiting Sở Nội vụ
    # Its parts that apply, and the bodies among them not done yet (shared work's "x/y").
    Column("parts", Integer, nullable=False),
    Column("parts_open", JSON, nullable=False),
    # Bodies given a later day of their own ("gia hạn cho cơ quan"): body → ISO day; and the
    # first day any open part is late after, which is `due_on` unless all the late ones
    # were given more time.
    Column("parts_due", JSON, nullable=False),
    Column("late_from", Date),
    # The overdue list's order, kept beside the day it is late from so the country's first
    # page is read off one index rather than sorted from every open occurrence.
    Column("plan_number", String(100), nullable=False),
    Column("reference", Text, nullable=False),
    Index(
        "ix_view_occurrences_overdue",
        "late_from",
        "plan_number",
        "reference",
        "occurrence",
        "status",
    ),
    Index("ix_view_occurrences_plan", "plan_id", "due_on"),
)

# What each coordinating body owes the lead of each occurrence (ý kiến, số liệu), and when
# it sent it; its own deadline is counted back from `due_on` (`queries/inputs.py`).
task_inputs = Table(
    "view_task_inputs",
    metadata,
    Column("task_id", Uuid, primary_key=True),
    Column("occurrence", String(16), primary_key=True),
    Column("agency", String(32), primary_key=True),
    Column("plan_id", Uuid, nullable=False),
    Column("due_on", Date),  # the lead's
    Column("sent_on", Date),
    Column("note", Text, nullable=False),
    Index("ix_view_task_inputs_plan", "plan_id"),
)

# Each lead body's own part of an occurrence (one row per lead; "" for work no body leads).
task_parts = Table(
    "view_task_parts",
    metadata,
    Column("task_id", Uuid, primary_key=True),
    Column("occurrence", String(16), primary_key=True),
    Column("agency", String(32), primary_key=True),
    Column("plan_id", Uuid, nullable=False),
    Column("status", String(16), nullable=False),
    Column("percent", Integer, nullable=False),
    Column("applies", Boolean, nullable=False),
    Column("due_on", Date),
    Column("deadline_on", Date),
    Column("completed_on", Date),
    Column("last_note", Text, nullable=False),
    Column("evidence_count", Integer, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_view_task_parts_agency", "agency", "status"),
    Index("ix_view_task_parts_plan", "plan_id"),
)

# Each part's state after every change, with the day the change took effect and the
# day it was recorded: what "as of a day" reads in either sense (`queries/past_day.py`).
occurrence_states = Table(
    "view_occurrence_states",
    metadata,
    Column("task_id", Uuid, primary_key=True),
    Column("occurrence", String(16), primary_key=True),
    Column("part", String(32), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("plan_id", Uuid, nullable=False),
    Column("applies", Boolean, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("recorded_on", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("percent", Integer, nullable=False),
    Column("due_on", Date),
    Column("deadline_on", Date),
    Column("completed_on", Date),
    Column("leads", Text, nullable=False),  # the part's body, as the progress counters key it
    Index("ix_view_occurrence_states_effective", "plan_id", "effective_on"),
    Index("ix_view_occurrence_states_recorded", "plan_id", "recorded_on"),
)

task_agencies = Table(
    "view_task_agencies",
    metadata,
    Column("task_id", Uuid, primary_key=True),
    Column("agency", String(32), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("plan_id", Uuid, nullable=False),
    Index("ix_view_task_agencies_plan", "plan_id", "role"),
    Index("ix_view_task_agencies_agency", "agency", "role"),
)

# What the progress questions count, kept as counters so a nationwide question sums a few
# rows per plan and agency instead of reading every part. `leads` is the body whose part is
# counted: each lead body answers for its own part, rolled up to the body carrying it on today.
# Overdue depends on the day asked, so open work is also counted by due date, apart.
progress_counts = Table(
    "view_progress_counts",
    metadata,
    Column("plan_id", Uuid, primary_key=True),
    Column("leads", Text, primary_key=True),
    Column("total", Integer, nullable=False),  # all but cancelled work
    Column("completed", Integer, nullable=False),
    Column("completed_on_time", Integer, nullable=False),  # by its due date
    Column("in_progress", Integer, nullable=False),
    Column("not_started", Integer, nullable=False),
    Column("blocked", Integer, nullable=False),
    Column("cancelled", Integer, nullable=False),
)

open_by_due_date = Table(
    "view_open_by_due_date",
    metadata,
    Column("plan_id", Uuid, primary_key=True),
    Column("leads", Text, primary_key=True),
    Column("due_on", Date, primary_key=True),
    Column("occurrences", Integer, nullable=False),
    Index("ix_view_open_by_due_date", "due_on"),
)

score_targets = Table(
    "view_score_targets",
    metadata,
    Column("target_id", Uuid, primary_key=True),
    Column("plan_id", Uuid, nullable=False),
    Column("index_name", String(16), nullable=False),
    Column("code", String(32), nullable=False),
    Column("year", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("max_points", POINTS),
    Column("last_year_points", POINTS),
    Column("target_kind", String(16), nullable=False),
    Column("target_value", POINTS),
    Column("target_text", Text, nullable=False),
    Column("survey_based", Boolean, nullable=False),
    Column("not_evaluated", Boolean, nullable=False),
    Column("result_kind", String(16)),
    Column("result_points", POINTS),
    Column("result_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
    Index("ix_view_score_targets_plan", "plan_id", "index_name", "year"),
)

# The score board with its roll-ups filled in, so a nationwide board is read rather than
# summed again on every request: one row per plan, index and year holding the group's lines
# (`projections/score_board_document.py`).
score_boards = Table(
    "view_score_boards",
    metadata,
    Column("plan_id", Uuid, primary_key=True),
    Column("index_name", String(16), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("lines", Text, nullable=False),
)

history = Table(
    "view_history",
    metadata,
    Column("aggregate_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("aggregate_type", String(16), nullable=False),
    Column("event", String(32), nullable=False),
    Column("actor_user", String(100), nullable=False),
    Column("actor_agency", String(32), nullable=False),
    Column("actor_role", String(16), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("details", JSON, nullable=False),
    # Documents the change attached: the task page lists them without reading all history.
    Column("evidence", Integer, nullable=False, default=0),
)

reminders = Table(
    "view_reminders",
    metadata,
    Column("reminder_id", Uuid, primary_key=True),
    Column("recipient", String(32), nullable=False),
    Column("item", String(200), nullable=False),
    Column("occurrence", String(32), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("offset_days", Integer, nullable=False),
    Column("send_on", Date, nullable=False),
    Column("folds", JSON, nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("message_id", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("claimed_at", UtcDateTime()),
    Column("retry_at", UtcDateTime()),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_view_reminders_deadline", "recipient", "item", "occurrence"),
    Index("ix_view_reminders_state", "state", "retry_at"),
)

users = Table(
    "view_users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("user_id", Uuid, nullable=False, unique=True),
    Column("agency", String(32), nullable=False),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("password_hash", Text, nullable=False),
    # The version that set the password, signed out or locked: sessions before it are void.
    Column("sessions_version", Integer, nullable=False),
    Column("version", Integer, nullable=False),
)

api_tokens = Table(
    "view_api_tokens",
    metadata,
    Column("token_id", Uuid, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("agency", String(32), nullable=False),
    Column("role", String(16), nullable=False),
    Column("secret_hash", String(64), nullable=False, unique=True),  # sha256 of the secret
    Column("expires_on", Date, nullable=False),
    Column("issued_at", UtcDateTime(), nullable=False),
    Column("issued_by", String(100), nullable=False),
    Column("revoked_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
)

criteria_sets = Table(
    "view_criteria_sets",
    metadata,
    Column("set_id", Uuid, primary_key=True),
    Column("province", String(100), nullable=False),
    Column("year", Integer, nullable=False),
    Column("unit_kind", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("max_total", POINTS, nullable=False),
    Column("survey_max", POINTS, nullable=False),
    Column("criteria_count", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_view_criteria_sets_year", "year", "unit_kind"),
)

set_criteria = Table(
    "view_set_criteria",
    metadata,
    Column("set_id", Uuid, primary_key=True),
    Column("code", String(32), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("max_points", POINTS),
    Column("survey_based", Boolean, nullable=False),
    Column("notes", Text, nullable=False),
)
