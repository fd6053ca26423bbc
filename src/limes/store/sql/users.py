"""Users, their roles and their API tokens in SQL."""

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from limes.access.model import ApiToken, Role, User
from limes.store.sql.errors import translated_errors
from limes.store.sql.tables import ApiTokenRow, UserRoleRow, UserRow, table_of

_USERS = table_of(UserRow)
_ROLES = table_of(UserRoleRow)
_TOKENS = table_of(ApiTokenRow)
_USER = select(_USERS).where(_USERS.c.name == bindparam("name"))
_ROLES_OF = select(_ROLES.c.role).where(_ROLES.c.user_name == bindparam("name"))
_TOKEN = select(_TOKENS).where(_TOKENS.c.digest == bindparam("digest"))
_INSERT_USER = insert(_USERS)
_INSERT_ROLES = insert(_ROLES)
_INSERT_TOKEN = insert(_TOKENS)


class SqlUsers:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, user: User) -> None:
        values = {
            "name": user.name,
            "authority": user.authority,
            "state": user.state,
            "active": user.active,
            "created_at": user.created_at,
        }
        with translated_errors():
            self._session.execute(_INSERT_USER, [values])
            if user.roles:
                self._session.execute(
                    _INSERT_ROLES,
                    [{"user_name": user.name, "role": role.value} for role in sorted(user.roles)],
                )

    def get(self, name: str) -> User | None:
        row = self._session.execute(_USER, {"name": name}).one_or_none()
        if row is None:
            return None
        roles = self._session.scalars(_ROLES_OF, {"name": name})
        return User(
            name=row.name,
            roles=frozenset(Role(role) for role in roles),
            authority=row.authority,
            state=row.state,
            active=row.active,
            created_at=row.created_at,
        )

    def add_token(self, token: ApiToken) -> None:
        values = {
            "token_id": token.token_id,
            "user_name": token.user_name,
            "digest": token.digest,
            "created_at": token.created_at,
            "revoked": token.revoked,
        }
        with translated_errors():
            self._session.execute(_INSERT_TOKEN, [values])

    def find_token(self, digest: str) -> ApiToken | None:
        row = self._session.execute(_TOKEN, {"digest": digest}).one_or_none()
        if row is None:
            return None
        return ApiToken(
            token_id=row.token_id,
            user_name=row.user_name,
            digest=row.digest,
            created_at=row.created_at,
            revoked=row.revoked,
        )
