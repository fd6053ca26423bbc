"""Which roles may take which action (docs/decisions/0009): one table, least privilege."""

import pytest

from limes.access.errors import ForbiddenError
from limes.access.model import Actor, Role
from limes.access.policy import PERMISSIONS, Action, allowed_roles, require


def make_actor(*roles: Role, user_name: str = "jan.de.vries") -> Actor:
    return Actor(
        user_name=user_name,
        roles=frozenset(roles),
        authority="KMar Schiphol",
        state="NLD",
        purpose="check of traveller P12345678 DOE",
    )


def may(actor: Actor, action: Action) -> bool:
    try:
        require(actor, action)
    except ForbiddenError:
        return False
    return True


def test_every_action_has_at_least_one_role() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert all(PERMISSIONS[action] for action in Action)


def test_the_table_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        PERMISSIONS[Action.SEED] = frozenset(Role)  # type: ignore[index]


@pytest.mark.parametrize("action", list(Action), ids=lambda action: action.value)
def test_allowed_roles_reads_the_table(action: Action) -> None:
    assert allowed_roles(action) == PERMISSIONS[action]


def test_a_carrier_may_only_verify_travellers_and_read_border_crossing_points() -> None:
    allowed = {action for action in Action if may(make_actor(Role.CARRIER), action)}

    assert allowed == {Action.CARRIER_VERIFY, Action.ETIAS_CARRIER_QUERY, Action.BCP_READ}


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_everyone_may_read_border_crossing_points(role: Role) -> None:
    assert may(make_actor(role), Action.BCP_READ)


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    [
        pytest.param(Role.BORDER_GUARD, Action.ENTRY_REGISTER, True, id="guard-registers-entry"),
        pytest.param(Role.BORDER_GUARD, Action.EXIT_REGISTER, True, id="guard-registers-exit"),
        pytest.param(Role.BORDER_GUARD, Action.REFUSAL_REGISTER, True, id="guard-refuses"),
        pytest.param(Role.BORDER_GUARD, Action.TRAVELLER_READ, True, id="guard-reads-file"),
        pytest.param(
            Role.BORDER_GUARD, Action.STAY_DECISION_REGISTER, False, id="guard-no-stay-decision"
        ),
        pytest.param(
            Role.BORDER_GUARD, Action.OVERSTAYERS_READ, False, id="guard-no-overstayer-list"
        ),
        pytest.param(Role.BORDER_GUARD, Action.STATISTICS_READ, False, id="guard-no-statistics"),
        pytest.param(
            Role.SUPERVISOR, Action.STAY_DECISION_REGISTER, True, id="supervisor-stay-decision"
        ),
        pytest.param(
            Role.SUPERVISOR, Action.OVERSTAYERS_READ, True, id="supervisor-overstayer-list"
        ),
        pytest.param(Role.SUPERVISOR, Action.FILE_ERASE, True, id="supervisor-advance-erasure"),
        pytest.param(Role.SUPERVISOR, Action.USERS_MANAGE, False, id="supervisor-no-users"),
        pytest.param(
            Role.DATA_PROTECTION_OFFICER,
            Action.DATA_SUBJECT_MANAGE,
            True,
            id="dpo-data-subject-requests",
        ),
        pytest.param(
            Role.DATA_PROTECTION_OFFICER, Action.TRAVELLER_READ, False, id="dpo-no-file-reading"
        ),
        pytest.param(Role.DATA_PROTECTION_OFFICER, Action.RETENTION_RUN, True, id="dpo-retention"),
        pytest.param(Role.AUDITOR, Action.AUDIT_VERIFY, True, id="auditor-verifies-audit"),
        pytest.param(Role.AUDITOR, Action.STATISTICS_READ, True, id="auditor-statistics"),
        pytest.param(Role.AUDITOR, Action.TRAVELLER_READ, False, id="auditor-no-file-reading"),
        pytest.param(Role.ADMIN, Action.USERS_MANAGE, True, id="admin-manages-users"),
        pytest.param(Role.ADMIN, Action.BCP_MANAGE, True, id="admin-manages-bcps"),
        pytest.param(Role.ADMIN, Action.TRAVELLER_READ, False, id="admin-no-file-reading"),
        pytest.param(Role.ADMIN, Action.ENTRY_REGISTER, False, id="admin-no-entry"),
        pytest.param(Role.ADMIN, Action.AUDIT_VERIFY, False, id="admin-does-not-audit-itself"),
        pytest.param(Role.CARRIER, Action.TRAVELLER_READ, False, id="carrier-no-file-reading"),
        pytest.param(Role.CARRIER, Action.STAY_READ, False, id="carrier-no-stay-details"),
    ],
)
def test_require_admits_only_the_roles_in_the_table(
    role: Role, action: Action, expected: bool
) -> None:
    assert may(make_actor(role), action) is expected


def test_one_of_several_roles_is_enough() -> None:
    assert may(make_actor(Role.CARRIER, Role.ADMIN), Action.USERS_MANAGE)


@pytest.mark.parametrize("action", list(Action), ids=lambda action: action.value)
def test_an_actor_without_roles_may_do_nothing(action: Action) -> None:
    assert not may(make_actor(), action)


def test_only_supervisors_and_guards_register_crossings() -> None:
    crossings = (Action.ENTRY_REGISTER, Action.EXIT_REGISTER, Action.REFUSAL_REGISTER)

    assert all(
        allowed_roles(action) == {Role.BORDER_GUARD, Role.SUPERVISOR} for action in crossings
    )


def test_the_forbidden_message_names_the_action_and_roles_but_no_personal_data() -> None:
    actor = make_actor(Role.CARRIER, user_name="jan.de.vries")

    with pytest.raises(ForbiddenError) as raised:
        require(actor, Action.TRAVELLER_READ)

    message = raised.value.message
    assert raised.value.code == "auth.forbidden"
    assert "ees.traveller.read" in message
    assert "border_guard" in message
    assert "supervisor" in message
    for personal in ("jan.de.vries", "KMar", "P12345678", "DOE", actor.purpose):
        assert personal not in message
