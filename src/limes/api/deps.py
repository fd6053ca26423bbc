"""What routes receive, declared once by name: the services and the authenticated actor.

The actor comes from `Authorization: Bearer <token>` and states its purpose in
`X-Purpose` (each route has a default). Routes state which roles may call them with
`permitted(Action.X)`; the service checks the same policy table again.
"""

from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from limes.access.errors import NotAuthenticatedError
from limes.access.model import Actor
from limes.access.policy import Action, allowed_roles, require
from limes.api.fields import IdempotencyKey, Purpose
from limes.bootstrap import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

_bearer = HTTPBearer(
    auto_error=False,
    description="An API token, shown once by `limes users add`.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def permitted(action: Action, purpose: str = "border_check") -> Any:
    """A dependency giving the authenticated actor, if one of their roles may take `action`."""

    def authenticated_actor(
        services: ServicesDep,
        credentials: Credentials,
        x_purpose: Annotated[
            Purpose | None,
            Header(description=f"Why the data is processed; default `{purpose}`."),
        ] = None,
    ) -> Actor:
        if credentials is None:
            raise NotAuthenticatedError("send an API token: Authorization: Bearer <token>")
        actor = services.users.authenticate(credentials.credentials, x_purpose or purpose)
        require(actor, action)
        return actor

    return Depends(authenticated_actor)


def roles_note(action: Action) -> str:
    """The sentence each route's OpenAPI description ends with."""
    return "Roles: " + ", ".join(f"`{role}`" for role in sorted(allowed_roles(action))) + "."


IdempotencyKeyHeader = Annotated[
    IdempotencyKey | None,
    Header(
        alias="Idempotency-Key",
        description="Repeat a request with the same key to get the first outcome back; "
        "nothing is written twice.",
    ),
]
