"""The MID colour rules (Reg. 2019/817 art. 29-33), one row of the table at a time."""

from datetime import UTC, datetime, timedelta

import pytest

from limes.interop.links import (
    LinkTransitionError,
    change_colour,
    classify,
    legal_basis,
    responsible_system,
    verification_deadline,
)
from limes.interop.model import (
    BiometricComparison as B,
)
from limes.interop.model import (
    DocumentComparison as D,
)
from limes.interop.model import (
    IdentityComparison as I,
)
from limes.interop.model import (
    Link,
    LinkChange,
    LinkColour,
    LinkEvidence,
    System,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def evidence(biometric: B, identity: I, document: D) -> LinkEvidence:
    return LinkEvidence(
        biometric=biometric, biometric_score=None, identity=identity, document=document
    )


@pytest.mark.parametrize(
    ("biometric", "identity", "document", "colour"),
    [
        (B.SAME, I.SAME, D.SAME, LinkColour.WHITE),
        (B.SAME, I.SIMILAR, D.NOT_AVAILABLE, LinkColour.WHITE),
        (B.SAME, I.SIMILAR, D.DIFFERENT, LinkColour.WHITE),
        (B.SAME, I.DIFFERENT, D.DIFFERENT, LinkColour.YELLOW),
        (B.SAME, I.DIFFERENT, D.SAME, LinkColour.YELLOW),
        (B.NOT_AVAILABLE, I.SAME, D.SAME, LinkColour.WHITE),
        (B.NOT_AVAILABLE, I.SIMILAR, D.SAME, LinkColour.WHITE),
        (B.NOT_AVAILABLE, I.SAME, D.DIFFERENT, LinkColour.YELLOW),
        (B.NOT_AVAILABLE, I.SIMILAR, D.NOT_AVAILABLE, LinkColour.YELLOW),
        (B.NOT_AVAILABLE, I.DIFFERENT, D.SAME, LinkColour.YELLOW),
        (B.NOT_AVAILABLE, I.DIFFERENT, D.DIFFERENT, None),
        (B.DIFFERENT, I.SAME, D.DIFFERENT, LinkColour.YELLOW),
        (B.DIFFERENT, I.DIFFERENT, D.SAME, LinkColour.YELLOW),
        (B.DIFFERENT, I.DIFFERENT, D.DIFFERENT, None),
        (B.DIFFERENT, I.DIFFERENT, D.NOT_AVAILABLE, None),
    ],
)
def test_automatic_colour_follows_the_table(
    biometric: B, identity: I, document: D, colour: LinkColour | None
) -> None:
    assert classify(evidence(biometric, identity, document)) is colour


def test_the_legal_basis_names_the_article() -> None:
    same_face = evidence(B.SAME, I.SAME, D.SAME)
    assert legal_basis(LinkColour.WHITE, same_face, manual=False).endswith("33(1)(a)")
    assert legal_basis(LinkColour.WHITE, same_face, manual=True).endswith("33(1)(d)")
    no_face = evidence(B.NOT_AVAILABLE, I.SAME, D.SAME)
    assert legal_basis(LinkColour.WHITE, no_face, manual=False).endswith("33(1)(b)")
    assert legal_basis(LinkColour.YELLOW, same_face, manual=False).endswith("art. 30")
    assert legal_basis(LinkColour.GREEN, same_face, manual=True).endswith("art. 31")
    assert legal_basis(LinkColour.RED, same_face, manual=True).endswith("art. 32")


def test_the_writing_system_verifies_unless_a_sis_alert_is_involved() -> None:
    assert responsible_system(System.EES, System.VIS) is System.EES
    assert responsible_system(System.VIS, System.EES) is System.VIS
    assert responsible_system(System.EES, System.SIS) is System.SIS
    assert responsible_system(System.SIS, System.ETIAS) is System.SIS


def test_only_yellow_links_have_a_deadline() -> None:
    assert verification_deadline(LinkColour.YELLOW, NOW, 2) == NOW + timedelta(hours=2)
    assert verification_deadline(LinkColour.WHITE, NOW, 2) is None


def yellow_link() -> Link:
    return Link(
        link_id="l1",
        record_a="EES:a",
        record_b="EES:b",
        colour=LinkColour.YELLOW,
        evidence=evidence(B.SAME, I.DIFFERENT, D.DIFFERENT),
        responsible_system=System.EES,
        responsible_state="NLD",
        created_at=NOW,
        verify_by=NOW + timedelta(hours=2),
        verified_at=None,
        history=(
            LinkChange(at=NOW, by="mid", authority="MID", colour=LinkColour.YELLOW, reason="x"),
        ),
    )


@pytest.mark.parametrize("colour", [LinkColour.WHITE, LinkColour.GREEN, LinkColour.RED])
def test_a_person_resolves_a_yellow_link_and_the_history_keeps_it(colour: LinkColour) -> None:
    later = NOW + timedelta(minutes=30)
    resolved = change_colour(
        yellow_link(), colour, at=later, by="anna", authority="KMar", reason="  checked  "
    )
    assert resolved.colour is colour
    assert resolved.verified_at == later
    assert resolved.verify_by is None
    assert [c.colour for c in resolved.history] == [LinkColour.YELLOW, colour]
    assert resolved.history[-1].reason == "checked"
    assert resolved.history[-1].by == "anna"


def test_a_red_link_can_be_corrected_and_keeps_its_first_verification_date() -> None:
    red = change_colour(yellow_link(), LinkColour.RED, at=NOW, by="a", authority="K", reason="r")
    later = NOW + timedelta(days=3)
    green = change_colour(red, LinkColour.GREEN, at=later, by="b", authority="K", reason="wrong")
    assert green.colour is LinkColour.GREEN
    assert green.verified_at == NOW
    assert len(green.history) == 3


@pytest.mark.parametrize(
    ("colour", "reason", "message"),
    [
        (LinkColour.YELLOW, "r", "back to yellow"),
        (LinkColour.WHITE, "   ", "needs a reason"),
    ],
)
def test_changes_the_regulation_does_not_provide_for_are_refused(
    colour: LinkColour, reason: str, message: str
) -> None:
    with pytest.raises(LinkTransitionError, match=message):
        change_colour(yellow_link(), colour, at=NOW, by="a", authority="K", reason=reason)


def test_a_link_cannot_be_changed_to_its_own_colour() -> None:
    red = change_colour(yellow_link(), LinkColour.RED, at=NOW, by="a", authority="K", reason="r")
    with pytest.raises(LinkTransitionError, match="already red"):
        change_colour(red, LinkColour.RED, at=NOW, by="a", authority="K", reason="r")
