"""Every case of tests/data/stay_rule_cases.dev.json, comparing only the keys it expects."""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from limes.core.presence import PresenceHistory, Stay
from limes.core.short_stay_visa import ShortStayVisa, check_visa_entry
from limes.core.stay import (
    check_stay,
    days_used,
    earliest_entry,
    latest_exit_if_staying,
    max_stay,
    overstay,
    window,
)

VECTORS = Path(__file__).parents[1] / "data" / "stay_rule_cases.dev.json"
CASES: list[dict[str, Any]] = json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]


def on(query: dict[str, Any], key: str) -> date:
    return date.fromisoformat(query[key])


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def answer(presence: PresenceHistory, query: dict[str, Any]) -> dict[str, Any]:
    """The engine's values under the schema's key names for the query's type."""
    kind = query["type"]
    if kind in ("days_used", "days_remaining", "overstay"):
        found = overstay(presence, on(query, "control_date"))
        return {
            "days_used": found.days_used,
            "days_remaining": found.days_remaining,
            "overstay_days": found.overstay_days,
            "first_violation_day": iso(found.first_violation_day),
            "days_in_breach": found.days_in_breach,
        }
    if kind == "window":
        start, end = window(on(query, "control_date"))
        return {"window_start": iso(start), "window_end": iso(end)}
    if kind == "max_stay":
        plan = max_stay(presence, on(query, "entry_date"))
        return {
            "allowed": plan.allowed,
            "max_stay_days": plan.max_stay_days,
            "latest_exit": iso(plan.latest_exit),
            "used_on_entry": plan.used_on_entry,
            "conflict_day": iso(plan.conflict_day),
            "earliest_entry": iso(plan.earliest_entry),
            "max_stay_days_at_earliest_entry": plan.max_stay_days_at_earliest_entry,
        }
    if kind == "latest_exit_if_staying":
        control = on(query, "control_date")
        return {
            "latest_exit": iso(latest_exit_if_staying(presence, control)),
            "days_used": days_used(presence, control),
        }
    if kind == "check_stay":
        check = check_stay(presence, on(query, "entry_date"), on(query, "exit_date"))
        return {
            "allowed": check.allowed,
            "first_violation_day": iso(check.first_violation_day),
            "overshoot": check.overshoot,
            "latest_permitted_exit": iso(check.latest_permitted_exit),
        }
    if kind == "earliest_entry":
        found_entry = earliest_entry(
            presence, on(query, "not_before"), query.get("min_stay_days", 1)
        )
        return {
            "earliest_entry": iso(found_entry.earliest_entry),
            "max_stay_days": found_entry.max_stay_days,
        }
    assert kind == "visa_entries_check"
    raw = query["visa"]
    visa = ShortStayVisa(
        valid_from=date.fromisoformat(raw["valid_from"]),
        valid_until=date.fromisoformat(raw["valid_until"]),
        entries=None if str(raw["entries"]).upper() in ("MULT", "MULTIPLE") else raw["entries"],
        duration_of_stay_days=raw.get("duration_of_stay"),
    )
    visa_check = check_visa_entry(presence, visa, on(query, "stay_entry_date"))
    return {
        "entry_allowed": visa_check.entry_allowed,
        "entry_number_on_visa": visa_check.entry_number_on_visa,
        "visa_overstay_days": visa_check.visa_overstay_days,
    }


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"]) for case in CASES])
def test_dev_vector(case: dict[str, Any]) -> None:
    presence = PresenceHistory.from_stays(
        Stay(date.fromisoformat(entry), None if exit_ is None else date.fromisoformat(exit_))
        for entry, exit_ in case["travels"]
    )

    computed = answer(presence, case["query"])

    assert {key: computed.get(key) for key in case["expected"]} == case["expected"]
