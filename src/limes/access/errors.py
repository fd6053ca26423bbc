"""Access errors; codes map to 401 and 403."""

from limes.core.errors import LimesError


class NotAuthenticatedError(LimesError):
    code = "auth.not_authenticated"


class ForbiddenError(LimesError):
    code = "auth.forbidden"


class UserExistsError(LimesError):
    code = "auth.user_exists"


class UnknownUserError(LimesError):
    code = "auth.unknown_user"
