"""Signing in to the API: bearer tokens, rate limits, and accounts that are closed or reset."""

from __future__ import annotations

import httpx

from tests.command_line import Ran, run_planner
from tests.web.server import Server


def planner_cli(server: Server, *args: str, password: str = "") -> Ran:
    return run_planner(
        server.database_url,
        *args,
        env={"PLANNER_USER": "quan-tri"},
        stdin=password + "\n",
        ok=False,
    )


def test_every_api_request_needs_a_valid_token(server: Server) -> None:
    with server.client() as client:
        anonymous = client.get("/api/tasks")
        assert anonymous.status_code == 401
        assert anonymous.headers["www-authenticate"] == "Bearer"
        forged = client.get(
            "/api/tasks", headers={"Authorization": "Bearer WyJxdWFuLXRyaSIsMV0.x.y"}
        )
        assert forged.status_code == 401
        me = client.get("/api/me", headers=server.headers("can-bo.stc")).json()
        assert (me["user"]["username"], me["user"]["agency"], me["user"]["role"]) == (
            "can-bo.stc",
            "STC",
            "agency",
        )
        assert "password_hash" not in me["user"]


def test_repeated_wrong_passwords_are_slowed_down(server: Server) -> None:
    with server.client() as client:
        answers = [
            client.post("/api/token", json={"username": "can-bo.stttt", "password": f"sai-{n}"})
            for n in range(6)
        ]
        assert [a.status_code for a in answers] == [401] * 5 + [429]
        assert int(answers[-1].headers["retry-after"]) > 0
        assert "thử lại sau" in answers[-1].json()["message"]


def test_an_administrator_closes_an_account_and_resets_a_password(server: Server) -> None:
    admin = server.headers("quan-tri")
    with server.client() as client:
        added = client.post(
            "/api/users",
            json={
                "username": "can-bo.stp",
                "agency": "STP",
                "role": "agency",
                "password": "mat-khau-du-dai-1",
            },
            headers=admin,
        )
        assert added.status_code == 201, added.text
        login = {"username": "can-bo.stp", "password": "mat-khau-du-dai-1"}
        token = client.post("/api/token", json=login).json()["access_token"]
        staff = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/me", headers=staff).status_code == 200

        monitor_only = client.post(
            "/api/users",
            json={"username": "x.y.z", "agency": "STP", "role": "monitor", "password": "p" * 12},
            headers=admin,
        )
        assert monitor_only.status_code == 422
        assert "chỉ cán bộ SNV" in monitor_only.json()["message"]
        not_admin = client.get("/api/users", headers=staff)
        assert not_admin.status_code == 403

        reset = client.post(
            "/api/users/can-bo.stp/password", json={"password": "mat-khau-moi-2024"}, headers=admin
        )
        assert reset.status_code == 200
        assert client.get("/api/me", headers=staff).status_code == 401  # old token is void

        fresh = {"username": "can-bo.stp", "password": "mat-khau-moi-2024"}
        token = client.post("/api/token", json=fresh).json()["access_token"]
        staff = {"Authorization": f"Bearer {token}"}
        closed = client.post(
            "/api/users/can-bo.stp/disable", json={"reason": "chuyển công tác"}, headers=admin
        )
        assert closed.status_code == 200
        assert client.get("/api/me", headers=staff).status_code == 401
        assert client.post("/api/token", json=fresh).status_code == 401

        reopened = client.post(
            "/api/users/can-bo.stp/enable", json={"reason": "trở lại công tác"}, headers=admin
        )
        assert reopened.status_code == 200
        assert client.get("/api/me", headers=staff).status_code == 401  # the lock ended it
        assert client.post("/api/token", json=fresh).status_code == 200


def test_signing_out_ends_the_session_on_every_server_and_as_a_bearer_token(
    server: Server,
) -> None:
    login = {"username": "can-bo.vpubnd", "password": server.passwords["can-bo.vpubnd"]}
    with server.client() as client:
        page = client.post("/login", data=login, headers=_form_token(client))
        assert page.status_code == 303, page.text
        cookie = page.cookies["planner_session"]
        as_bearer = {"Authorization": f"Bearer {cookie}"}
        assert client.get("/api/me", headers=as_bearer).status_code == 200
        token = client.post("/api/token", json=login).json()["access_token"]

        out = client.post("/logout", headers=_form_token(client))
        assert out.status_code == 303

    with server.client() as stranger:  # anyone who copied the cookie or the token
        stranger.cookies.set("planner_session", cookie)
        assert stranger.get("/my-tasks").status_code in (303, 401)
        assert stranger.get("/api/me", headers=as_bearer).status_code == 401
        assert (
            stranger.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        )
        again = stranger.post("/api/token", json=login).json()["access_token"]
        mine = {"Authorization": f"Bearer {again}"}
        assert stranger.get("/api/me", headers=mine).status_code == 200
        assert stranger.post("/api/logout", headers=mine).status_code == 204
        assert stranger.get("/api/me", headers=mine).status_code == 401


def test_accounts_from_the_command_line_with_the_password_on_standard_input(
    server: Server,
) -> None:
    added = planner_cli(
        server,
        "users",
        "add",
        "can-bo.snv",
        "--agency",
        "SNV",
        "--role",
        "agency",
        password="mat-khau-tu-stdin",
    )
    assert added.returncode == 0, added.stderr
    with server.client() as client:
        login = {"username": "can-bo.snv", "password": "mat-khau-tu-stdin"}
        assert client.post("/api/token", json=login).status_code == 200

        short = planner_cli(server, "users", "reset-password", "can-bo.snv", password="ngan")
        assert short.returncode == 1 and "mật khẩu cần ít nhất 10 ký tự" in short.stderr

        closed = planner_cli(server, "users", "disable", "can-bo.snv", "--reason", "nghỉ hưu")
        assert closed.returncode == 0, closed.stderr
        assert client.post("/api/token", json=login).status_code == 401
        listed = planner_cli(server, "users", "list", "--json")
        assert '"username": "can-bo.snv"' in listed.stdout and "password_hash" not in listed.stdout


def _form_token(client: httpx.Client) -> dict[str, str]:
    """The CSRF cookie a page would have set, repeated in the header htmx sends."""
    client.cookies.set("planner_csrf", "kiem-thu-form")
    return {"x-csrf-token": "kiem-thu-form"}
