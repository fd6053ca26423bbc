"""API tokens: random, prefixed, stored only as a SHA-256 digest."""

import re

from hypothesis import given
from hypothesis import strategies as st

from limes.access.tokens import TOKEN_PREFIX, new_token, token_digest


def test_the_digest_is_the_sha256_of_the_token() -> None:
    # FIPS 180-2 test vector for "abc".
    assert token_digest("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


@given(token=st.text())
def test_the_digest_is_stable_and_64_hex_characters(token: str) -> None:
    digest = token_digest(token)

    assert digest == token_digest(token)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)


def test_different_tokens_have_different_digests() -> None:
    token = new_token()

    assert token_digest(token) != token_digest(token + "x")
    assert token_digest(token) != token_digest(token.upper())


def test_the_digest_does_not_contain_the_token() -> None:
    token = new_token()

    assert token not in token_digest(token)


def test_tokens_are_prefixed_for_secret_scanners() -> None:
    assert TOKEN_PREFIX == "limes_"
    assert new_token().startswith("limes_")


def test_tokens_carry_256_bits_in_url_safe_characters() -> None:
    token = new_token()

    # token_urlsafe(32): 32 random bytes in unpadded base64url, 43 characters.
    assert re.fullmatch(r"limes_[A-Za-z0-9_-]{43}", token)


def test_tokens_are_unique() -> None:
    tokens = {new_token() for _ in range(1000)}

    assert len(tokens) == 1000
    assert len({token_digest(token) for token in tokens}) == 1000
