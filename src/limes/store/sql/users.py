"""Users, their roles and their API tokens in SQL."""

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from limes.access.model import ApiToken, Role, User
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import FRESH
from limes.store.sql.tables import ApiTokenRow, UserRoleRow, UserRow


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
            self._session.execute(insert(UserRow), [values])
            if user.roles:
                self._session.execute(
                    insert(UserRoleRow),
                    [{"user_name": user.name, "role": role.value} for role in sorted(user.roles)],
                )

    def get(self, name: str) -> User | None:
        row = self._session.get(UserRow, name, populate_existing=True)
        if row is None:
            return None
        roles = self._session.scalars(select(UserRoleRow.role).where(UserRoleRow.user_name == name))
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
            self._session.execute(insert(ApiTokenRow), [values])

    def find_token(self, digest: str) -> ApiToken | None:
        row = self._session.scalar(
            select(ApiTokenRow).where(ApiTokenRow.digest == digest), execution_options=FRESH
        )
        if row is None:
            return None
        return ApiToken(
            token_id=row.token_id,
            user_name=row.user_name,
            digest=row.digest,
            created_at=row.created_at,
            revoked=row.revoked,
        )
