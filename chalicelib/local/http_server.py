"""The local HTTP server: Chalice's dev server, answering unknown methods the way API Gateway does.

Chalice's handler serves only the methods it has ``do_*`` for; any other (``TRACE``, ``CONNECT``,
``FOO``) falls to ``http.server``'s 501 HTML page. API Gateway (REST) answers a method that no resource
has with 403 JSON ``{"message": "Missing Authentication Token"}`` — as Chalice's local gateway already
does for an unknown path — so locally it is the same, and a fuzzer sees the same API in both places.
Written for chalice 1.34.0 (``ChaliceRequestHandler``, ``LocalDevServer(handler_cls=...)``).

It also answers ``POST /oauth2/token`` — Cognito's client-credentials token endpoint, which the
embedded AWS lacks (``chalicelib.local.token_endpoint``) — so partner SDKs find it next to the API.
"""
from __future__ import annotations

from http import HTTPStatus
from typing import Any

from chalice.local import ChaliceRequestHandler, CustomLocalChalice, LocalChalice, LocalDevServer

UNKNOWN_METHOD_BODY = b'{"message": "Missing Authentication Token"}'


class ApiGatewayLikeHandler(ChaliceRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 — http.server's naming
        from chalicelib.local import token_endpoint

        if self.path.split("?", 1)[0] != token_endpoint.TOKEN_PATH:
            self._generic_handle()
            return
        headers, body = self._parse_payload()
        status, response_headers, payload = token_endpoint.answer(dict(headers), body)
        self._send_http_response(status, response_headers, payload)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_IMPLEMENTED:
            super().send_error(code, message, explain)
            return
        # The request's body (if any) was never read: close the connection rather than misread it.
        self.close_connection = True
        self.send_response(HTTPStatus.FORBIDDEN)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(UNKNOWN_METHOD_BODY)))
        self.send_header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(UNKNOWN_METHOD_BODY)


def create_server(app_obj: Any, host: str, port: int, stage: str = "local") -> LocalDevServer:
    """``chalice.local.create_local_server`` with the handler above (``port`` 0: an ephemeral one)."""
    from chalice.config import Config

    CustomLocalChalice.__bases__ = (LocalChalice, app_obj.__class__)
    app_obj.__class__ = CustomLocalChalice
    return LocalDevServer(app_obj, Config.create(chalice_stage=stage, app_name="jinkong"), host, port,
                          handler_cls=ApiGatewayLikeHandler)
