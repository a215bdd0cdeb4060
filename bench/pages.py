"""Page speed under load: every page kind under gunicorn, from its page cache, through
Varnish, and nginx serving a static file for comparison.

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/pages.py \
        [--port 8170] [--workers 2] [--duration 10] [--no-proxy] [--no-cold] [--visitors 50] \
        [--only home,topic]

Starts the app under gunicorn with the production settings (SECRET_KEY, ALLOWED_HOSTS
and CACHE_URL=redis://127.0.0.1:6379/9 are set here unless given; HTTPS redirects are
off, the bench speaks plain HTTP), collects the static files into a temporary
directory, and for one URL of every page kind prints requests per second, p50/p99
latency and the server CPU per request (the gunicorn workers' user+system time from
/proc before and after, divided by the requests):

1. cold (``PAGE_CACHE_ENABLED=0``: no page cache, no fragments; every request
   renders everything; skipped with ``--no-cold``);
2. uncached (``PAGE_CACHE_ANSWERS=0``: every request renders its page, with the
   fragments every page shares kept in Redis — the menu, the site and its settings, the
   routes, the home board — as for an editor or a page's first visitor after a change);
3. from the app's page cache in Redis (the bench's Redis database is emptied first);
   then ``--visitors`` concurrent visitors with think time (0.5–2 s between pages);
4. through Varnish with the repository's VCL (deploy/varnish/default.vcl, its two
   backends pointed at the bench's gunicorn; a minimal VCL if there is none), the
   first three kinds and the visitors again;
5. nginx serving a static copy of the home page, and the share of that rate Varnish
   reached for the home page.

The load comes from wrk when installed (``apt-get install wrk``), else from the
threaded generator below. Needs the demo school in the database.
"""

# ruff: noqa: S603, S607 — the bench starts its own servers and tools, with fixed arguments

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_KINDS = [
    ("home", "/"),
    ("standard page", "/o-shkole/"),
    ("subjects index", "/predmety/"),
    ("subject", "/predmety/matematika/"),
    ("topic", "/predmety/matematika/sluchajnye-sobytiya/"),
    ("teacher", "/uchitelya/orlova/"),
    ("material index", "/metodicheskaya-kopilka/"),
    ("exam", "/gia-i-ege/oge-matematika-2027/"),
    ("exam task", "/gia-i-ege/oge-matematika-2027/zadanie-6/"),
    ("events index", "/sobytiya/"),
    ("event", "/sobytiya/shkolnyj-etap-vsosh-matematika/"),
    ("events iCal", "/sobytiya/calendar.ics"),
    ("news index", "/novosti/"),
    ("news RSS", "/novosti/rss/"),
    ("works", "/tvorcheskie-raboty/"),
    ("sveden", "/sveden/common/"),
    ("class page", "/classes/9a/"),
    ("English home", "/en/"),
    ("search", "/search/?query=%D0%BE%D0%BB%D0%B8%D0%BC%D0%BF%D0%B8%D0%B0%D0%B4%D0%B0"),
]
CLK_TCK = os.sysconf("SC_CLK_TCK")
MINIMAL_VCL = """vcl 4.1;
backend default { .host = "127.0.0.1"; .port = "%(port)s"; }
sub vcl_recv {
    if (req.method != "GET" && req.method != "HEAD") { return (pass); }
    if (req.http.Cookie ~ "sessionid") { return (pass); }
    unset req.http.Cookie;
    return (hash);
}
sub vcl_backend_response {
    unset beresp.http.Set-Cookie;
    set beresp.ttl = 5m;
}
"""
NGINX_CONF = """daemon off; worker_processes 2; pid %(dir)s/nginx.pid;
error_log %(dir)s/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:%(port)s; root %(dir)s/www; } }
"""


def process_tree_cpu(pid):
    """User + system CPU seconds of ``pid`` and its children (the gunicorn workers)."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / CLK_TCK
    return total


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 — our own server
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {seconds} s")


WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_TOTAL = re.compile(r"(\d+) requests in")
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def run_wrk(port, path, duration, connections):
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    latency = {p: float(v) * scale[u] for p, v, u in WRK_LATENCY.findall(out)}
    errors = WRK_ERRORS.search(out)
    return {
        "requests": int(WRK_TOTAL.search(out).group(1)),
        "rps": float(WRK_RPS.search(out).group(1)),
        "p50": latency.get("50", 0.0),
        "p99": latency.get("99", 0.0),
        "errors": int(errors.group(1)) if errors else 0,
    }


def run_threads(port, paths, duration, connections, think=None):
    """Closed-loop load: ``connections`` threads, each with its own keep-alive
    connection, requesting ``paths`` in turn (sleeping ``think()`` seconds between)."""
    latencies, errors = [], [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def visitor(seed):
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop:
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
            if think:
                time.sleep(think(rng))
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "p99": ordered[int(0.99 * (len(ordered) - 1))],
        "errors": errors[0],
    }


def load(port, path, duration, connections):
    if shutil.which("wrk"):
        return run_wrk(port, path, duration, connections)
    return run_threads(port, [path], duration, connections)


def report(label, result, cpu_seconds=None):
    cpu = ""
    if cpu_seconds is not None and result["requests"]:
        cpu = f"  CPU {1000 * cpu_seconds / result['requests']:6.2f} ms/req"
    print(
        f"  {label:<22} {result['rps']:9.1f} req/s  p50 {result['p50']:7.2f} ms"
        f"  p99 {result['p99']:7.2f} ms{cpu}  errors {result['errors']}",
        flush=True,
    )


def start_gunicorn(args, env, workdir):
    static = workdir / "static"
    env = {**env, "STATIC_ROOT": str(static)}
    if not static.exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{args.port}/")
    return server


def stop_gunicorn(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def start_varnish(args, workdir):
    """Varnish with the repository's VCL (both of its app backends on the bench's one
    gunicorn), or a minimal one when the repository has none."""
    vcl = ROOT / "deploy" / "varnish" / "default.vcl"
    if vcl.exists():
        text = vcl.read_text()
        for port in ("8000", "8001"):
            text = text.replace(f'.port = "{port}";', f'.port = "{args.port}";')
    else:
        text = MINIMAL_VCL % {"port": args.port}
    vcl = workdir / "bench.vcl"
    vcl.write_text(text)
    # varnishd reads the VCL after dropping to its own user: let it in.
    workdir.chmod(0o755)
    vcl.chmod(0o644)
    port = args.port + 1
    subprocess.run(
        ["/usr/sbin/varnishd", "-f", str(vcl), "-a", f"127.0.0.1:{port}",
         "-n", str(workdir / "varnish"), "-s", "malloc,64m", "-P", str(workdir / "varnish.pid")],
        check=True,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/")
    return port, int((workdir / "varnish.pid").read_text())


def start_nginx(args, workdir):
    www = workdir / "www"
    www.mkdir()
    with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/") as response:
        (www / "index.html").write_bytes(response.read())
    port = args.port + 2
    conf = workdir / "nginx.conf"
    conf.write_text(NGINX_CONF % {"dir": workdir, "port": port})
    server = subprocess.Popen(["/usr/sbin/nginx", "-c", str(conf)], start_new_session=True)
    wait_for(f"http://127.0.0.1:{port}/")
    return port, server


def measure_kinds(port, server_pid, duration, connections, kinds=PAGE_KINDS):
    """Every page kind in turn: a short warm-up, then the measured load."""
    rates = {}
    for label, path in kinds:
        load(port, path, 2, 2)  # warm up this page's code paths (and caches)
        before = process_tree_cpu(server_pid)
        result = load(port, path, duration, connections)
        report(label, result, process_tree_cpu(server_pid) - before)
        rates[label] = result["rps"]
    return rates


def visitors(port, server_pid, args, label):
    """``--visitors`` concurrent visitors reading every page kind with think time."""
    paths = [path for _label, path in PAGE_KINDS]
    before = process_tree_cpu(server_pid)
    result = run_threads(
        port, paths, args.duration * 3, args.visitors, think=lambda rng: rng.uniform(0.5, 2.0)
    )
    report(label, result, process_tree_cpu(server_pid) - before)
    print(f"    p95 {result['p95']:.1f} ms", flush=True)


def flush_redis(url):
    """Empty the bench's Redis database (its page cache) before a measurement: FLUSHDB
    over Redis's own protocol (the bench needs no client library)."""
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(url)
    database = (address.path or "/0").strip("/") or "0"
    with socket.create_connection((address.hostname, address.port or 6379), timeout=5) as conn:
        conn.sendall(f"SELECT {database}\r\nFLUSHDB\r\n".encode())
        replies = b""
        while replies.count(b"\r\n") < 2:
            chunk = conn.recv(1024)
            if not chunk:
                break
            replies += chunk
    if replies.count(b"+OK") < 2:
        raise SystemExit(f"Redis at {url} did not empty its database: {replies!r}")


def measure_server(args, env, workdir, kinds, label):
    """Every page kind under a gunicorn started with ``env``, stopped afterwards."""
    server = start_gunicorn(args, env, workdir)
    try:
        print(f"gunicorn, {args.workers} sync workers, production settings, {label}:")
        measure_kinds(args.port, server.pid, args.duration, args.connections, kinds)
    finally:
        stop_gunicorn(server)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8170, help="gunicorn; +1 Varnish, +2 nginx")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--no-proxy", action="store_true", help="skip Varnish and nginx")
    parser.add_argument("--no-cold", action="store_true", help="skip the run without fragments")
    parser.add_argument("--only", help="comma-separated page kinds (labels) to measure")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL (a database with the demo school).")
    kinds = PAGE_KINDS
    if args.only:
        wanted = set(args.only.split(","))
        kinds = [(label, path) for label, path in PAGE_KINDS if label in wanted]
    cache_url = os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/9")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" + "x" * 50),
        # school.example: the Host header of the VCL's health probe.
        "ALLOWED_HOSTS": os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,school.example"),
        "CACHE_URL": cache_url,
        "SECURE_SSL_REDIRECT": "0",
    }
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        workdir = Path(tmp)
        extra = []
        if not args.no_cold:
            # Cold: no page cache and no fragments, every request renders everything.
            measure_server(args, {**env, "PAGE_CACHE_ENABLED": "0"}, workdir, kinds, "cold")
        # Uncached: every request renders its page, from the kept fragments (menu, site,
        # routes, the board) — an editor's view, a page's first visitor after a change.
        flush_redis(cache_url)
        fragments_env = {**env, "PAGE_CACHE_ENABLED": "1", "PAGE_CACHE_ANSWERS": "0"}
        measure_server(args, fragments_env, workdir, kinds, "uncached pages, kept fragments")
        # The app's page cache in Redis; the tags header for Varnish.
        flush_redis(cache_url)
        varnish_url = f"http://127.0.0.1:{args.port + 1}"
        cached_env = {**env, "PAGE_CACHE_ENABLED": "1", "FRONTEND_CACHE_URL": varnish_url}
        server = start_gunicorn(args, cached_env, workdir)
        try:
            print("the same, served from the app's page cache (Redis):")
            measure_kinds(args.port, server.pid, args.duration, args.connections, kinds)
            print(f"{args.visitors} concurrent visitors, 0.5–2 s think time, all page kinds:")
            visitors(args.port, server.pid, args, "visitors (app cache)")
            if args.no_proxy:
                return
            varnish_port, varnish_pid = start_varnish(args, workdir)
            extra.append(varnish_pid)
            print("through Varnish (deploy/varnish/default.vcl):")
            proxied = measure_kinds(
                varnish_port, server.pid, args.duration, args.connections, kinds[:3]
            )
            visitors(varnish_port, server.pid, args, "visitors (Varnish)")
            nginx_port, nginx = start_nginx(args, workdir)
            extra.append(nginx.pid)
            print("nginx, a static copy of the home page:")
            static = load(nginx_port, "/", args.duration, args.connections)
            report("home (static)", static)
            if "home" in proxied and static["rps"]:
                share = 100 * proxied["home"] / static["rps"]
                print(f"  home through Varnish: {share:.0f} % of nginx's static-file rate")
        finally:
            for pid in extra:
                os.kill(pid, signal.SIGTERM)
            stop_gunicorn(server)


if __name__ == "__main__":
    main()
