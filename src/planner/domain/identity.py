"""Stable identities, so the same plan, agency or target always gets the same id."""

from uuid import UUID, uuid5

from planner.domain.text import name_key

NAMESPACE = UUID("6f1f2b0e-58f3-4c55-9a8c-0b7f4a8e2d11")


def agency_id(code: str) -> UUID:
    return uuid5(NAMESPACE, f"agency:{code.upper()}")


def plan_id(province: str, number: str) -> UUID:
    return uuid5(NAMESPACE, f"plan:{name_key(province)}:{name_key(number)}")


def task_id(plan: UUID, reference: str, text: str) -> UUID:
    return uuid5(plan, f"task:{name_key(reference)}:{name_key(text)}")


def target_id(plan: UUID, index: str, code: str, year: int) -> UUID:
    return uuid5(plan, f"target:{index}:{code}:{year}")


def user_id(username: str) -> UUID:
    return uuid5(NAMESPACE, f"user:{username.lower()}")


def criteria_set_id(province: str, year: int, unit_kind: str) -> UUID:
    return uuid5(NAMESPACE, f"criteria:{name_key(province)}:{year}:{unit_kind}")


def scoring_round_id(year: int, unit_kind: str) -> UUID:
    return uuid5(NAMESPACE, f"scoring-round:{year}:{unit_kind}")


def scorecard_id(round_id: UUID, unit: str) -> UUID:
    return uuid5(round_id, f"scorecard:{unit.upper()}")


def local_calendar_id() -> UUID:
    return uuid5(NAMESPACE, "local-calendar")


def import_record_id(key: str) -> UUID:
    """Corrections kept for a document, found by its number or by its layout."""
    return uuid5(NAMESPACE, f"import-record:{name_key(key)}")
