"""Who is asking: the user of a DRF API token, as the REST API authenticates it."""

from django.contrib.auth.models import User
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

# `Token <key>` as the REST API takes it; `Bearer <key>` as MCP clients usually send it.
SCHEMES = ("token", "bearer")


def token_user(key: str) -> User:
    """The active user of the token; AuthenticationFailed names what is wrong."""
    user, _token = TokenAuthentication().authenticate_credentials(key)
    return user


def header_user(authorization: str) -> User:
    """The user of an `Authorization: Token <key>` (or Bearer) header."""
    scheme, _, key = authorization.strip().partition(" ")
    if scheme.lower() not in SCHEMES or not key.strip():
        raise AuthenticationFailed(
            "Send your API token in the Authorization header: `Token <key>` or `Bearer <key>`."
        )
    return token_user(key.strip())
