"""Refuse request bodies over a fixed size before any parsing: 413 `request.too_large`.

A declared Content-Length over the limit is refused at once; a body sent in chunks is
read up to one byte past the limit and refused as soon as it gets there. Bodies within the
limit are handed to the application unchanged.
"""

from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from limes.api.errors import error_response

MAX_BODY_BYTES: Final = 64 * 1024
# Routes that carry images (base64 in JSON) get more room: 12 MiB, an 8 MiB image.
MAX_IMAGE_BODY_BYTES: Final = 12 * 1024 * 1024
IMAGE_ROUTE_PREFIXES: Final = ("/api/v1/biometrics/", "/api/v1/interop/search")


class BodyLimit:
    """ASGI middleware that caps the size of HTTP request bodies at `max_bytes`, or at
    `max_image_bytes` for paths starting with one of `image_prefixes`."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int = MAX_BODY_BYTES,
        max_image_bytes: int = MAX_IMAGE_BODY_BYTES,
        image_prefixes: tuple[str, ...] = IMAGE_ROUTE_PREFIXES,
    ) -> None:
        self._app = app
        self._max_bytes = max_bytes
        self._max_image_bytes = max_image_bytes
        self._image_prefixes = image_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self._max_image_bytes if path.startswith(self._image_prefixes) else self._max_bytes
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._refuse(scope, receive, send, limit)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > limit:
                await self._refuse(scope, receive, send, limit)
                return
        await self._app(scope, _replay(bytes(body), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = error_response(
            "request.too_large", f"request bodies are limited to {limit} bytes here"
        )
        await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that yields the buffered body once, then defers to the real one."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
