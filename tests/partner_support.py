"""Partner API test helpers: register a partner application, fetch client-credentials tokens."""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from chalicelib.platform.resources import PARTNER_API

ALL_SCOPES = list(PARTNER_API.scope_names)


@dataclass
class Credentials:
    application_id: str
    client_id: str
    client_secret: str


def token_request(base_url: str, client_id: str, secret: str, scopes: list[str] | None = None) -> tuple[int, dict]:
    """POST the token endpoint as an OAuth client would (HTTP Basic, form body)."""
    form = {"grant_type": "client_credentials"}
    if scopes is not None:
        form["scope"] = " ".join(f"{PARTNER_API.identifier}/{s}" for s in scopes)
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    req = urllib.request.Request(f"{base_url}/oauth2/token", data=urllib.parse.urlencode(form).encode(), method="POST",
                                 headers={"Authorization": f"Basic {basic}",
                                          "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 — loopback test server
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def access_token(base_url: str, creds: Credentials, scopes: list[str] | None = None) -> str:
    status, body = token_request(base_url, creds.client_id, creds.client_secret, scopes)
    assert status == 200, body
    return body["access_token"]


def register(api, name: str, scopes: list[str], tenant_admin: str = "tenant-admin@demo-lending",
             **extra) -> Credentials:
    r = api.as_(tenant_admin).post("/v1/partner-applications", {"name": name, "scopes": scopes, **extra})
    assert r.status == 201, r.body
    return Credentials(r.body["application"]["id"], r.body["client_id"], r.body["client_secret"])


def sdk_on_path() -> None:
    """Import the checked-in SDK (``sdk/python``) as a partner would install it. httpx is pinned in
    requirements-dev.txt; a worktree whose shared virtualenv predates it keeps it in ``.sdk-deps``."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for extra in (root / "sdk" / "python", root / ".sdk-deps"):
        if extra.is_dir() and str(extra) not in sys.path:
            sys.path.append(str(extra))
