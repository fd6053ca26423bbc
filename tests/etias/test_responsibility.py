from datetime import UTC, datetime

import pytest

from limes.etias.model import CheckKind, Hit
from limes.etias.responsibility import responsible_state
from tests.etias.builders import make_application, make_hit, submitted

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
APPLICATION = submitted(make_application(first_intended_stay="ESP"), T0)


def at(month: int) -> datetime:
    return datetime(2026, month, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("hits", "state"),
    [
        pytest.param([make_hit(member_state="ITA")], "ITA", id="one-state"),
        pytest.param(
            [make_hit(member_state="ITA"), make_hit(record_ref="2", member_state="ITA")],
            "ITA",
            id="one-state-twice",
        ),
        pytest.param(
            [
                make_hit(CheckKind.SIS_REFUSAL_ALERT, member_state="FRA", record_created_at=at(9)),
                make_hit(CheckKind.SIS_ARREST_ALERT, member_state="ITA", record_created_at=at(2)),
                make_hit(CheckKind.SIS_ARREST_ALERT, member_state="AUT", record_created_at=at(5)),
            ],
            "AUT",
            id="most-recent-arrest-alert-wins",
        ),
        pytest.param(
            [
                make_hit(CheckKind.SIS_REFUSAL_ALERT, member_state="FRA", record_created_at=at(9)),
                make_hit(CheckKind.EES_OVERSTAYER, member_state="ITA", record_created_at=at(2)),
            ],
            "FRA",
            id="else-most-recent-data",
        ),
        pytest.param(
            [
                make_hit(CheckKind.SCREENING_RULE, member_state=None),
                make_hit(CheckKind.EES_OVERSTAYER, member_state="ITA"),
            ],
            "ITA",
            id="a-state-before-the-rules",
        ),
        pytest.param([make_hit(CheckKind.EUROPOL, member_state=None)], "ESP", id="europol-only"),
        pytest.param(
            [make_hit(CheckKind.SCREENING_RULE, member_state=None)], "ESP", id="rules-only"
        ),
        pytest.param([], "ESP", id="no-hits"),
        pytest.param(
            [make_hit(member_state="SWE"), make_hit(record_ref="2", member_state="BEL")],
            "BEL",
            id="tie-goes-to-the-first-code",
        ),
    ],
)
def test_the_member_state_responsible(hits: list[Hit], state: str) -> None:
    assert responsible_state(APPLICATION, hits) == state
