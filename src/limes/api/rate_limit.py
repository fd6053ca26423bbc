"""A token bucket per client address for the routes anyone may call without an account.

Each address may send `burst` requests at once, then one more every `60 / requests_per_minute`
seconds; a request beyond that is answered 429 `request.rate_limited` with a `Retry-After`
header (whole seconds). The address is the socket's peer: behind a reverse proxy, run
uvicorn with `--proxy-headers --forwarded-allow-ips=<proxy>` so that it is the client's.

The buckets live in this process's memory. A deployment with several API processes (or
hosts) multiplies the allowance by their number and needs a shared limiter instead, e.g.
counters in Redis; this module does not provide one.
"""

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from limes.api.errors import error_response
from limes.core.errors import LimesError

# Buckets kept at most; idle ones (refilled to the brim) are dropped first when it is reached.
MAX_TRACKED_CLIENTS: Final = 100_000


class RateLimitedError(LimesError):
    code = "request.rate_limited"

    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__("too many requests from this address: try again later")
        self.retry_after_seconds = retry_after_seconds


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    """One bucket of `burst` tokens per key, refilled at `per_minute` tokens a minute.

    >>> buckets = TokenBuckets(per_minute=60, burst=1, clock=lambda: 0.0)
    >>> buckets.take("192.0.2.1"), buckets.take("192.0.2.1")
    (0.0, 1.0)
    """

    def __init__(
        self,
        *,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_TRACKED_CLIENTS,
    ) -> None:
        self._per_second = per_minute / 60
        self._burst = float(burst)
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()  # sync routes run in a thread pool

    def take(self, key: str) -> float:
        """Take a token for `key`: 0.0 if there was one, else the seconds until there is."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(key)
            if bucket is None:
                self._make_room(now)
                bucket = self._buckets[key] = _Bucket(tokens=self._burst, at=now)
            bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.at) * self._per_second)
            bucket.at = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self._per_second

    def _make_room(self, now: float) -> None:
        if len(self._buckets) < self._max_keys:
            return
        refill_seconds = self._burst / self._per_second
        idle = [key for key, b in self._buckets.items() if now - b.at >= refill_seconds]
        for key in idle:
            del self._buckets[key]
        if len(self._buckets) >= self._max_keys:
            # Under a flood of new addresses, forget the older half rather than grow.
            oldest = sorted(self._buckets, key=lambda key: self._buckets[key].at)
            for key in oldest[: len(oldest) // 2 + 1]:
                del self._buckets[key]


def client_address(request: Request) -> str:
    """The peer address the request came from ("unknown" when the server gives none)."""
    return request.client.host if request.client else "unknown"


def public_rate_limit(request: Request) -> None:
    """Route dependency: raise RateLimitedError when the client has used up its bucket."""
    buckets: TokenBuckets = request.app.state.public_rate_limit
    wait = buckets.take(client_address(request))
    if wait:
        raise RateLimitedError(wait)


def _rate_limited(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RateLimitedError)
    response = error_response(error.code, error.message)
    response.headers["Retry-After"] = str(max(1, math.ceil(error.retry_after_seconds)))
    return response


def install_public_rate_limit(app: FastAPI, *, per_minute: float, burst: int) -> None:
    """Give `app` the buckets `public_rate_limit` draws from, and the 429 answer."""
    app.state.public_rate_limit = TokenBuckets(per_minute=per_minute, burst=burst)
    app.add_exception_handler(RateLimitedError, _rate_limited)


ROUTE_NOTE: Final = (
    "No account and no token: rate limited per client address (by default 10 requests at "
    "once, then 30 a minute; LIMES_ETIAS_PUBLIC_BURST, LIMES_ETIAS_PUBLIC_REQUESTS_PER_MINUTE), "
    "beyond which the answer is 429 `request.rate_limited` with `Retry-After` in seconds."
)


def describe(per_minute: float, burst: int) -> str:
    """The sentence the API's OpenAPI description gives for the limit in force."""
    return (
        f" The ETIAS applicant routes need no token and are rate limited per client address: "
        f"{burst} requests at once, then {per_minute:g} a minute (429 `request.rate_limited`, "
        "with `Retry-After`)."
    )
