"""People who use the web app, their roles, and the API tokens of their scripts.

Passwords are hashed with Argon2id (argon2-cffi's defaults), never stored. API tokens are random
(32 bytes, URL-safe) and shown once: only their SHA-256 is stored, which is enough for a secret
with that much entropy and lets a token be looked up by its hash in one indexed query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, insert, select, update

from ghostwatch.store.database import transaction
from ghostwatch.store.tables import api_tokens, users

Role = Literal["viewer", "analyst", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
MIN_PASSWORD = 8
TOKEN_PREFIX = "gw_"
#: how stale a token's "last used" may get before a request updates it
TOKEN_USE_PRECISION = dt.timedelta(minutes=1)

_hasher = PasswordHasher()


class UserError(ValueError):
    """A request about users that cannot be honoured (duplicate name, short password...)."""


@dataclass(frozen=True)
class User:
    username: str
    role: Role
    created_at: dt.datetime

    def can(self, role: Role) -> bool:
        """Whether this user holds `role` or a higher one (admin > analyst > viewer)."""
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None


class UserRepository:
    """The users of one store (`store.users`)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, username: str, password: str, role: Role) -> User:
        username = username.strip()
        if not username:
            raise UserError("a user needs a name")
        _check_role(role)
        _check_password(password)
        with transaction(self._engine, writes=True) as connection:
            if connection.execute(select(users.c.id).where(users.c.username == username)).first():
                raise UserError(f"user {username!r} exists already")
            now = _now()
            connection.execute(
                insert(users).values(
                    username=username,
                    password_hash=_hasher.hash(password),
                    role=role,
                    created_at=now,
                )
            )
        return User(username, role, now)

    def authenticate(self, username: str, password: str) -> User | None:
        """The user, if the password is theirs; None for an unknown name or a wrong password."""
        with transaction(self._engine, writes=False) as connection:
            row = connection.execute(
                select(users).where(users.c.username == username.strip())
            ).first()
        if row is None:
            _hasher.hash(password)  # the same work as a known name: no timing hint
            return None
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return _user(row)

    def get(self, username: str) -> User | None:
        with transaction(self._engine, writes=False) as connection:
            row = connection.execute(select(users).where(users.c.username == username)).first()
        return None if row is None else _user(row)

    def list(self) -> list[User]:
        with transaction(self._engine, writes=False) as connection:
            rows = connection.execute(select(users).order_by(users.c.username)).all()
        return [_user(row) for row in rows]

    def set_role(self, username: str, role: Role) -> None:
        _check_role(role)
        self._update(username, role=role)

    def set_password(self, username: str, password: str) -> None:
        _check_password(password)
        self._update(username, password_hash=_hasher.hash(password))

    def _update(self, username: str, **values: str) -> None:
        with transaction(self._engine, writes=True) as connection:
            done = connection.execute(
                update(users).where(users.c.username == username).values(**values)
            )
            if done.rowcount == 0:
                raise UserError(f"no user {username!r}")

    # tokens

    def create_token(self, username: str, name: str) -> str:
        """A new API token for the user: returned once, stored only as its hash."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with transaction(self._engine, writes=True) as connection:
            user_id = connection.execute(
                select(users.c.id).where(users.c.username == username)
            ).scalar_one_or_none()
            if user_id is None:
                raise UserError(f"no user {username!r}")
            connection.execute(
                insert(api_tokens).values(
                    user_id=user_id,
                    name=name or "token",
                    token_hash=_token_hash(token),
                    created_at=_now(),
                )
            )
        return token

    def user_for_token(self, token: str) -> User | None:
        if not token.startswith(TOKEN_PREFIX):
            return None
        with transaction(self._engine, writes=False) as connection:
            row = connection.execute(
                select(users, api_tokens.c.id.label("token_id"), api_tokens.c.last_used_at)
                .join(api_tokens, api_tokens.c.user_id == users.c.id)
                .where(api_tokens.c.token_hash == _token_hash(token))
            ).first()
        if row is None:
            return None
        now = _now()
        # a write per request would make every API read a write: a minute is precise enough
        if row.last_used_at is None or now - _aware(row.last_used_at) > TOKEN_USE_PRECISION:
            with transaction(self._engine, writes=True) as connection:
                connection.execute(
                    update(api_tokens)
                    .where(api_tokens.c.id == row.token_id)
                    .values(last_used_at=now)
                )
        return _user(row)

    def tokens(self, username: str) -> list[TokenInfo]:
        with transaction(self._engine, writes=False) as connection:
            rows = connection.execute(
                select(api_tokens)
                .join(users, api_tokens.c.user_id == users.c.id)
                .where(users.c.username == username)
                .order_by(api_tokens.c.id)
            ).all()
        return [TokenInfo(row.id, row.name, row.created_at, row.last_used_at) for row in rows]

    def revoke_token(self, token_id: int) -> None:
        with transaction(self._engine, writes=True) as connection:
            connection.execute(delete(api_tokens).where(api_tokens.c.id == token_id))


def _user(row: object) -> User:
    return User(row.username, row.role, row.created_at)  # type: ignore[attr-defined]


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}: one of {', '.join(ROLES)}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password needs at least {MIN_PASSWORD} characters")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes (stored in UTC); PostgreSQL aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
