"""Users, passwords and API tokens, on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from ghostwatch.store import Store, UserError


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with Store.open(db) as opened:
        yield opened


def test_passwords_are_checked_and_never_stored(store: Store, engine: Engine) -> None:
    store.users.add("alice", "correct horse battery", "analyst")
    user = store.users.authenticate("alice", "correct horse battery")
    assert user is not None and (user.username, user.role) == ("alice", "analyst")
    assert store.users.authenticate("alice", "wrong password") is None
    assert store.users.authenticate("nobody", "correct horse battery") is None
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users")).scalar_one()
    assert "correct horse" not in stored and stored.startswith("$argon2")


def test_roles_rank_admin_over_analyst_over_viewer(store: Store) -> None:
    viewer = store.users.add("vic", "viewer password", "viewer")
    assert viewer.can("viewer") and not viewer.can("analyst")
    store.users.set_role("vic", "admin")
    admin = store.users.get("vic")
    assert admin is not None and admin.can("analyst") and admin.can("admin")
    assert [u.username for u in store.users.list()] == ["vic"]


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("", "long enough", "viewer", "needs a name"),
        ("bob", "short", "viewer", "at least 8"),
        ("bob", "long enough", "owner", "unknown role"),
    ],
)
def test_bad_users_are_refused(
    store: Store, name: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        store.users.add(name, password, role)  # type: ignore[arg-type]


def test_a_name_is_taken_once(store: Store) -> None:
    store.users.add("alice", "first password", "viewer")
    with pytest.raises(UserError, match="exists already"):
        store.users.add("alice", "second password", "admin")


def test_tokens_are_shown_once_stored_hashed_and_revocable(store: Store, engine: Engine) -> None:
    store.users.add("bot", "bot password", "analyst")
    token = store.users.create_token("bot", "nightly import")
    user = store.users.user_for_token(token)
    assert user is not None and user.username == "bot"
    assert store.users.user_for_token(token + "x") is None
    assert store.users.user_for_token("not a token") is None
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT token_hash FROM api_tokens")).scalar_one()
    assert token not in stored and len(stored) == 64
    (info,) = store.users.tokens("bot")
    assert info.name == "nightly import" and info.last_used_at is not None
    store.users.revoke_token(info.id)
    assert store.users.user_for_token(token) is None
    with pytest.raises(UserError, match="no user"):
        store.users.create_token("ghost", "x")
