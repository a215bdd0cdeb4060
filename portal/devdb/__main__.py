"""``python -m portal.devdb acquire|release PID``, ``stop``, ``status``.

``make run`` (scripts/run.sh) acquires the server for its shell and releases it when the
shell exits; ``stop`` is for a server left behind by a process that was killed.
"""

import argparse
import sys

from . import DevDatabaseError, acquire, cluster, is_running, read_clients, release, stop


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m portal.devdb", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in [
        ("acquire", "запустить сервер (если не запущен) и записать PID в его пользователи"),
        ("release", "вычеркнуть PID; последний ушедший останавливает сервер"),
    ]:
        command = commands.add_parser(name, help=help_text)
        command.add_argument("pid", type=int)
    commands.add_parser("stop", help="остановить сервер сейчас, кто бы им ни пользовался")
    commands.add_parser("status", help="запущен ли сервер, где данные и сокет")
    args = parser.parse_args(argv)

    where = cluster()
    try:
        if args.command == "acquire":
            acquire(args.pid, where)
        elif args.command == "release":
            release(args.pid, where)
        elif args.command == "stop":
            stop(where)
        else:
            running = is_running(where)
            lines = [f"данные: {where.root}", f"сокет: {where.socket_dir}"]
            lines.append("запущен" if running else "остановлен")
            if running:
                users = " ".join(map(str, sorted(read_clients(where)))) or "нет"
                lines.append(f"процессы-пользователи: {users}")
            sys.stdout.write("".join(f"{line}\n" for line in lines))
    except DevDatabaseError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
