"""API tokens: random, shown once, stored only as a SHA-256 digest.

A plain SHA-256 is enough here (no slow password hash): tokens carry 256 bits of entropy
from `secrets`, so there is nothing to guess by brute force.
"""

import hashlib
import secrets
from typing import Final

TOKEN_PREFIX: Final = "limes_"


def new_token() -> str:
    """A fresh bearer token, prefixed so that secret scanners can recognise it."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
