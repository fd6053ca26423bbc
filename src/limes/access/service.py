"""Users and their API tokens; turning a bearer token into the acting user."""

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from limes.access.errors import NotAuthenticatedError, UnknownUserError, UserExistsError
from limes.access.model import Actor, ApiToken, Role, User
from limes.access.policy import Action, require
from limes.access.tokens import new_token, token_digest
from limes.audit.recorder import record_event
from limes.core.errors import LimesError
from limes.core.time import Clock
from limes.ees.files import new_identifier
from limes.ees.ports import UnitOfWork

# The actor for jobs run by the system itself (scheduled flagging, retention, seeding).
SYSTEM = Actor(
    user_name="system",
    roles=frozenset({Role.ADMIN, Role.SUPERVISOR, Role.DATA_PROTECTION_OFFICER}),
    authority="limes",
    state="",
    purpose="scheduled_job",
)


class InvalidUserError(LimesError):
    code = "auth.invalid_user"


# A token's user is remembered this long, so that a busy lane does not pay a database
# round trip per request; a revoked token or deactivated user stops working within it.
AUTHENTICATION_CACHE_SECONDS = 30


class UserService:
    def __init__(self, unit_of_work: Callable[[], UnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._authenticated: dict[str, tuple[datetime, User]] = {}

    def add_user(
        self,
        name: str,
        roles: Iterable[Role],
        *,
        authority: str,
        state: str,
        actor: Actor = SYSTEM,
    ) -> tuple[User, str]:
        """Create a user with a first API token; the token is returned once, never stored."""
        require(actor, Action.USERS_MANAGE)
        role_set = frozenset(roles)
        if not name or len(name) > 64 or not name.replace("_", "").replace("-", "").isalnum():
            raise InvalidUserError("a user name has 1-64 letters, digits, '-' or '_'")
        if not role_set:
            raise InvalidUserError("a user needs at least one role")
        now = self._clock.now()
        user = User(name=name, roles=role_set, authority=authority, state=state, created_at=now)
        token = new_token()
        with self._unit_of_work() as uow:
            if uow.users.get(name) is not None:
                raise UserExistsError("a user with this name exists")
            uow.users.add(user)
            uow.users.add_token(self._stored(name, token))
            record_event(uow.audit_log, actor, Action.USERS_MANAGE, f"user:{name}", now)
            uow.commit()
        return user, token

    def issue_token(self, name: str, actor: Actor = SYSTEM) -> str:
        """A further API token for an existing user."""
        require(actor, Action.USERS_MANAGE)
        token = new_token()
        with self._unit_of_work() as uow:
            if uow.users.get(name) is None:
                raise UnknownUserError("no user has this name")
            uow.users.add_token(self._stored(name, token))
            record_event(
                uow.audit_log, actor, Action.USERS_MANAGE, f"user:{name}", self._clock.now()
            )
            uow.commit()
        return token

    def authenticate(self, token: str, purpose: str) -> Actor:
        """The active user holding this unrevoked token, acting for `purpose`."""
        digest = token_digest(token)
        now = self._clock.now()
        cached = self._authenticated.get(digest)
        if cached is not None and now - cached[0] < timedelta(seconds=AUTHENTICATION_CACHE_SECONDS):
            user: User | None = cached[1]
        else:
            with self._unit_of_work() as uow:
                stored = uow.users.find_token(digest)
                user = uow.users.get(stored.user_name) if stored and not stored.revoked else None
        if user is None or not user.active:
            self._authenticated.pop(digest, None)
            raise NotAuthenticatedError("the API token is missing, unknown or revoked")
        if cached is None or cached[1] is not user:
            if len(self._authenticated) > 10_000:
                self._authenticated.clear()
            self._authenticated[digest] = (now, user)
        return Actor(
            user_name=user.name,
            roles=user.roles,
            authority=user.authority,
            state=user.state,
            purpose=purpose,
        )

    def _stored(self, name: str, token: str) -> ApiToken:
        return ApiToken(
            token_id=new_identifier(),
            user_name=name,
            digest=token_digest(token),
            created_at=self._clock.now(),
        )
