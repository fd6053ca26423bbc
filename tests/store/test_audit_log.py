"""Contract: the audit log appends in sequence and streams back in order."""

from limes.audit.model import AuditEntry
from tests.store.builders import make_audit_entry
from tests.store.conftest import StoreUnderTest


def test_an_empty_log_has_no_head(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        assert uow.audit_log.head() is None
        assert list(uow.audit_log.entries()) == []


def test_the_head_is_the_last_entry_appended(store: StoreUnderTest) -> None:
    chain: list[AuditEntry] = []
    for sequence in range(1, 4):
        with store.unit_of_work() as uow:
            head = uow.audit_log.head()
            assert head == (chain[-1] if chain else None)
            entry = make_audit_entry(sequence, previous_digest=head.digest if head else "")
            uow.audit_log.append(entry)
            uow.commit()
        chain.append(entry)

    with store.unit_of_work() as uow:
        assert uow.audit_log.head() == chain[-1]
        assert list(uow.audit_log.entries()) == chain
        assert list(uow.audit_log.entries(after_sequence=1)) == chain[1:]


def test_entries_stream_in_sequence_order(store: StoreUnderTest) -> None:
    entries = [make_audit_entry(sequence) for sequence in range(1, 1201)]
    with store.unit_of_work() as uow:
        for entry in reversed(entries):
            uow.audit_log.append(entry)
        uow.commit()

    with store.unit_of_work() as uow:
        assert [entry.sequence for entry in uow.audit_log.entries(after_sequence=10)] == list(
            range(11, 1201)
        )
