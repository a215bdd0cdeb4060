"""Where an uncached request's CPU time goes: every page kind rendered in this process.

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/cpu.py \
        [--only home,topic] [--requests 40] [--fragments | --cached] [--profile] [--top 25]

The production settings (as ``bench/pages.py`` sets them; the static files collected
into a temporary directory): cold (no page cache, no fragments), with ``--fragments``
the shared fragments kept (the page rendered every time), with ``--cached`` a page
cache hit. Each page kind of ``bench/pages.py`` is requested through Django's WSGI
handler (no test client: its template instrumentation would double the time); the
bench prints the median and minimum CPU time of this process per request
(PostgreSQL's own time is not in it), the SQL queries and the answer's size.

``--profile`` then samples the stack every half millisecond of CPU time over as many
requests and prints, for the project's own functions and a few of Django's and
Wagtail's layers, the share of samples they were on the stack for: unlike a
deterministic profiler, the shares are not inflated for code that makes many small
calls (the ORM, the template engine).
"""

import argparse
import collections
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What the sampled shares group by besides the project's own code.
LAYERS = {
    "django/db/models/sql/compiler.py:as_sql": "ORM: compiling SQL",
    "django/db/models/query.py:_fetch_all": "ORM: running querysets (compile, execute, rows)",
    "django/db/models/sql/query.py:add_q": "ORM: building filters",
    "django/template/base.py:render": "templates",
    "django/forms/boundfield.py:as_widget": "form widgets",
    "wagtail/models/pages.py:get_url_parts": "page URLs",
    "wagtail/images/models.py:get_rendition": "image renditions",
    "django/utils/translation/__init__.py:gettext": "gettext",
}


def configure(static_root, fragments, cached=False):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" + "x" * 50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/9"),
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": static_root,
            # Cold by default; with --fragments the shared fragments (site, route,
            # menu, board) are kept, as for the first visitor of a page or an editor;
            # with --cached whole answers too: what a page cache hit costs.
            "PAGE_CACHE_ENABLED": "1" if fragments or cached else "0",
            "PAGE_CACHE_ANSWERS": "1" if cached else "0",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)


def requester(host="127.0.0.1"):
    """``get(url)`` → ``(status, body)`` through Django's WSGI handler in this process."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.client import RequestFactory

    handler = WSGIHandler()
    factory = RequestFactory(HTTP_HOST=host)

    def get(url):
        path, _, query = url.partition("?")
        environ = factory._base_environ(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET")
        status = []
        result = handler(environ, lambda code, headers, exc_info=None: status.append(code))
        body = b"".join(result)
        result.close()
        return status[0], body

    return get


def cpu_times(get, url, requests):
    times = []
    for _ in range(requests):
        start = time.process_time()
        get(url)
        times.append(time.process_time() - start)
    return times


def sampled_shares(get, url, requests, interval=0.0005):
    """``{function: share of samples it was on the stack}`` over ``requests``."""
    on_stack = collections.Counter()
    samples = 0

    def sample(signum, frame):
        nonlocal samples
        samples += 1
        seen = set()
        while frame is not None:
            code = frame.f_code
            name = f"{code.co_filename}:{code.co_name}"
            if name not in seen:
                seen.add(name)
                on_stack[name] += 1
            frame = frame.f_back

    previous = signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        for _ in range(requests):
            get(url)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    return {name: count / max(1, samples) for name, count in on_stack.items()}


def print_profile(shares, top):
    own, layers = [], collections.defaultdict(float)
    root = str(ROOT) + "/"
    for name, share in shares.items():
        for suffix, label in LAYERS.items():
            if name.endswith(suffix):
                layers[label] = max(layers[label], share)
        if name.startswith(root) and "/bench/" not in name and "/.venv/" not in name:
            own.append((share, name[len(root) :]))
    for label, share in sorted(layers.items(), key=lambda item: -item[1]):
        print(f"      {share * 100:5.1f} %  {label}")
    # The middleware wraps everything: start below the view.
    own = [(share, name) for share, name in own if share < 0.9]
    for share, name in sorted(own, reverse=True)[:top]:
        print(f"      {share * 100:5.1f} %  {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated page kinds (labels of bench/pages.py)")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--fragments",
        action="store_true",
        help="keep the shared fragments (the page itself is still rendered every time)",
    )
    parser.add_argument(
        "--cached", action="store_true", help="keep whole answers: the CPU of a page cache hit"
    )
    parser.add_argument("--top", type=int, default=20, help="own functions to list")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL (a database with the demo school).")
    with tempfile.TemporaryDirectory(prefix="bench-cpu-") as static_root:
        configure(static_root, args.fragments, args.cached)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from bench.pages import PAGE_KINDS

        kinds = PAGE_KINDS
        if args.only:
            wanted = set(args.only.split(","))
            kinds = [(label, path) for label, path in PAGE_KINDS if label in wanted]
        get = requester()
        print(f"in-process CPU per request, {args.requests} requests a kind, production settings:")
        for label, url in kinds:
            for _ in range(3):
                status, body = get(url)  # warm: templates compiled, site root paths cached
            if not status.startswith("200"):
                print(f"  {label:<16} {status}")
                continue
            with CaptureQueriesContext(connection) as queries:
                get(url)
            # Counted now: the next request's request_started signal empties the log.
            query_count = len(queries)
            times = cpu_times(get, url, args.requests)
            print(
                f"  {label:<16} median {statistics.median(times) * 1000:6.1f} ms"
                f"  min {min(times) * 1000:6.1f} ms  {query_count:2d} queries"
                f"  {len(body) / 1024:5.1f} KB",
                flush=True,
            )
            if args.profile:
                print_profile(sampled_shares(get, url, args.requests), args.top)


if __name__ == "__main__":
    main()
