"""The app factory's session key, the store's lifetime, and `ghostwatch users ...`."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ghostwatch.store import Store
from ghostwatch.web.app import SECRET_FILE, create_app, session_secret
from ghostwatch.web_commands import serve_command, users_app

runner = CliRunner()


def test_session_secret_is_a_private_key_file_unless_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GHOSTWATCH_SECRET", raising=False)
    monkeypatch.setenv("GHOSTWATCH_DATA_DIR", str(tmp_path / "data"))
    first = session_secret()
    path = tmp_path / "data" / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 40 and session_secret() == first  # kept across starts
    monkeypatch.setenv("GHOSTWATCH_SECRET", "from the environment")
    assert session_secret() == "from the environment"


def test_sessions_survive_a_restart_with_the_same_key(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GHOSTWATCH_SECRET", raising=False)
    monkeypatch.setenv("GHOSTWATCH_DATA_DIR", str(tmp_path / "data"))
    with Store.open(db) as store:
        store.users.add("ana", "long enough", "viewer")
    with TestClient(create_app(db)) as client:
        login = client.get("/login").text
        token = login.split('name="csrf_token" value="')[1].split('"')[0]
        client.post(
            "/login", data={"username": "ana", "password": "long enough", "csrf_token": token}
        )
        cookies = dict(client.cookies)
        assert client.get("/api/incidents").json()["total"] == 0
    # the store is closed on shutdown; a new app (same key file) accepts the session
    with TestClient(create_app(db), cookies=cookies) as again:
        assert again.get("/api/incidents").status_code == 200


def cli() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(users_app, name="users")
    app.command("serve")(serve_command)
    return app


def test_users_commands(db: str) -> None:
    app = cli()
    added = runner.invoke(
        app,
        ["users", "add", "root", "--role", "admin", "--password-stdin", "--db", db],
        input="long enough\n",
    )
    assert added.exit_code == 0, added.output
    prompted = runner.invoke(
        app,
        ["users", "add", "vic", "--role", "viewer", "--db", db],
        input="another password\nanother password\n",
    )
    assert prompted.exit_code == 0, prompted.output
    mismatch = runner.invoke(
        app,
        ["users", "add", "zoe", "--role", "viewer", "--db", db],
        input="another password\ndifferent one\n",
    )
    assert mismatch.exit_code != 0
    short = runner.invoke(
        app,
        ["users", "add", "sam", "--role", "viewer", "--password-stdin", "--db", db],
        input="short\n",
    )
    assert short.exit_code == 1 and "8 characters" in short.output
    bad_role = runner.invoke(
        app,
        ["users", "add", "sam", "--role", "owner", "--password-stdin", "--db", db],
        input="long enough\n",
    )
    assert bad_role.exit_code == 2

    made = runner.invoke(app, ["users", "token", "root", "--name", "nightly", "--db", db])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert token.startswith("gw_")
    listed = runner.invoke(app, ["users", "list", "--db", db])
    assert "root\tadmin" in listed.stdout and "vic\tviewer" in listed.stdout
    assert "tokens: nightly" in listed.stdout and token not in listed.stdout
    unknown = runner.invoke(app, ["users", "token", "nobody", "--name", "x", "--db", db])
    assert unknown.exit_code == 1

    with Store.open(db) as store:
        assert store.users.authenticate("root", "long enough").role == "admin"
        assert store.users.authenticate("vic", "another password").role == "viewer"
        assert store.users.get("zoe") is None
        assert store.users.user_for_token(token).username == "root"
    with TestClient(create_app(db)) as client:
        answer = client.get("/api/users", headers={"Authorization": f"Bearer {token}"})
        assert {u["username"] for u in answer.json()} == {"root", "vic"}


def test_serve_help() -> None:
    answer = runner.invoke(cli(), ["serve", "--help"])
    assert answer.exit_code == 0
    assert "--host" in answer.output and "--port" in answer.output and "--db" in answer.output
