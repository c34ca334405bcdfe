"""Who is asking, and may they: sessions for the pages, bearer tokens for scripts, CSRF for forms.

- A browser logs in through the login form; the session cookie (signed by Starlette's
  SessionMiddleware) then carries the user name. Scripts send `Authorization: Bearer <token>`
  (tokens made by `ghostwatch users token` or the users page).
- `viewer`, `analyst` and `admin` are FastAPI dependencies giving the `User`: without credentials
  the API answers 401 and the pages redirect to /login; a role too low gets 403.
- CSRF: each session has a random token. Every form carries it as the hidden field `csrf_token`,
  and every form POST must send it back; API writes authenticated by the session cookie must send
  it in the `X-CSRF-Token` header. Bearer-token requests carry no cookie, so they need none.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request, status

from ghostwatch.store import User

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SESSION_USER = "username"
SESSION_CSRF = "csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginRequired(Exception):
    """A page asked for by someone not logged in (answered by a redirect to /login)."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get(SESSION_CSRF)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_CSRF] = token
    return token


def csrf_matches(request: Request, given: Any) -> bool:
    expected = request.session.get(SESSION_CSRF)
    return (
        isinstance(expected, str)
        and bool(expected)
        and isinstance(given, str)
        and secrets.compare_digest(expected.encode(), given.encode())
    )


async def check_form_csrf(request: Request) -> None:
    """403 unless the posted form carries the session's CSRF token."""
    form = await request.form()
    if not csrf_matches(request, form.get(CSRF_FIELD)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token")


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def identify(request: Request) -> tuple[User | None, str | None]:
    """The user asking and how they proved it ("token" or "session"), or (None, None)."""
    store = request.app.state.store
    token = bearer_token(request)
    if token is not None:
        if not is_api(request):
            return None, None
        return store.users.user_for_token(token), "token"
    username = request.session.get(SESSION_USER)
    if isinstance(username, str) and username:
        user = store.users.get(username)
        if user is None:  # deleted since they logged in
            request.session.pop(SESSION_USER, None)
        return user, "session" if user else None
    return None, None


def require(role: str) -> Callable[[Request], Awaitable[User]]:
    """A dependency giving the user, who must hold `role` (or a higher one)."""

    async def dependency(request: Request) -> User:
        user, via = identify(request)
        if user is None:
            if is_api(request):
                raise HTTPException(
                    status.HTTP_401_UNAUTHORIZED,
                    "authentication required",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            raise LoginRequired(str(request.url.path) + _query(request))
        if not user.can(role):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"needs the {role} role")
        if request.method not in SAFE_METHODS and via == "session":
            if is_api(request):
                if not csrf_matches(request, request.headers.get(CSRF_HEADER)):
                    raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token")
            else:
                await check_form_csrf(request)
        return user

    dependency.__name__ = f"require_{role}"
    return dependency


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


viewer = require("viewer")
analyst = require("analyst")
admin = require("admin")
