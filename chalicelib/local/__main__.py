"""``make run``: the whole system locally — embedded AWS, provisioning, demo data, API (and console).

    python -m chalicelib.local           # PORT (default 8000), DEMO_PASSWORD, AWS_ENDPOINT_URL honoured
"""
from __future__ import annotations

import fcntl
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run"


def _acquire_single_instance_lock() -> object:
    RUN_DIR.mkdir(exist_ok=True)
    lock = open(RUN_DIR / "jinkong.lock", "a+")  # noqa: SIM115 — held for the life of the process
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        info = lock.read().strip() or "another process"
        print(f"Jinkong is already running here ({info}). Stop it with Ctrl-C in its terminal first.", file=sys.stderr)
        sys.exit(1)
    return lock


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    lock = _acquire_single_instance_lock()
    if not _port_free(port):
        print(f"Port {port} on 127.0.0.1 is already in use (another Jinkong or another program). "
              f"Free it or run with PORT=<other> make run.", file=sys.stderr)
        return 1
    lock.seek(0)
    lock.truncate()
    lock.write(f"pid {os.getpid()}, API http://127.0.0.1:{port}")
    lock.flush()

    from chalicelib.local import console, seed, stack

    print("Starting the local stack…", flush=True)
    env = stack.start()
    where = "embedded AWS (moto)" if env.embedded else "external endpoint"
    print(f"  AWS:      {env.endpoint_url}  [{where}]", flush=True)
    print("  Seeding the demo group from tenants/*.yaml…", flush=True)
    seeding = time.monotonic()
    users = seed.seed(progress=lambda what: print(f"    {what}", flush=True))
    print(f"  Seeded in {time.monotonic() - seeding:.0f}s", flush=True)

    import app as chalice_app
    from chalicelib.local.http_server import create_server

    server = create_server(chalice_app.app, "127.0.0.1", port)
    api_url = f"http://127.0.0.1:{port}"
    console_server = console.start(api_url)
    # The merchant-webhook worker, fed by its queue as Lambda's event source mapping feeds it in AWS.
    from chalicelib.local.event_source import Poller
    from chalicelib.payments.tasks import deliver_webhooks
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    webhook_worker = Poller(aws.client("sqs"), get_settings().webhook_queue_url, deliver_webhooks,
                            "deliver_webhooks").start()

    print()
    print(f"  API:      {api_url}/v1   (OpenAPI: {api_url}/v1/openapi.json)")
    if console_server:
        print(f"  Console:  {console_server.url}")
    else:
        print("  Console:  not built (frontend/dist missing; run `make console`)")
    print(f"  Password for every demo login: {seed.demo_password()}")
    print("  Demo logins:")
    for u in users:
        print(f"    {u.username:<36} {u.role.value}")
    print(f"    {'debtor@demo-factoring':<36} debtor (core enterprise user who confirms invoices)")
    from chalicelib.local.demo.partners import demo_partner

    partner = demo_partner()
    print(f"  Demo partner application ({partner.tenant_id}, scopes {' '.join(partner.scopes)}):")
    print(f"    client id:     {partner.client_id}")
    print(f"    client secret: {partner.client_secret}   (new at every start: rotated)")
    print(f"    token URL:     {api_url}/oauth2/token")
    print("\nPress Ctrl-C to stop.", flush=True)

    stopping = threading.Event()

    def _stop(*_: object) -> None:
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.server.serve_forever()
    finally:
        print("\nStopping…", flush=True)
        webhook_worker.stop()
        if console_server:
            console_server.stop()
        env.close()
        print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
