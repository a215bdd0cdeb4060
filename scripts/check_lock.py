#!/usr/bin/env python3
"""Stop `make install` when a lock file no longer matches its requirements file.

    python3 scripts/check_lock.py requirements.txt requirements.lock

The requirements files list what the project asks for, pinned (``name==version``); the
lock (written by `make lock`) adds every dependency with its hashes and notes, for each
package, which file asked for it (``# via -r requirements.txt``). The lock is stale when
a requirements file pins a package the lock does not have at that version, or the lock
still carries a package no requirements file asks for any more. Standard library only:
it runs before the virtualenv exists.
"""

import re
import sys
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)")
VIA_FILE = re.compile(r"^#\s+(?:via\s+)?-r\s+(\S+)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(path, seen=None):
    """{package: version} pinned in ``path`` and the files it includes with ``-r``.

    Raises ValueError for a requirement that is not pinned with ``==``.
    """
    seen = seen if seen is not None else set()
    path = Path(path)
    seen.add(path.name)
    pins = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement ")):
            pins.update(requirements(path.parent / line.split(maxsplit=1)[1], seen))
            continue
        match = PIN.match(line)
        if match is None:
            raise ValueError(f"{path}:{number}: pin it with == ({line})")
        pins[normalise(match.group(1))] = match.group(3)
    return pins


def locked(path):
    """{package: (versions, files that asked for it)} from a lock written by `make lock`."""
    packages = {}
    current = None
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        match = PIN.match(raw)
        if match is not None:
            current = normalise(match.group(1))
            versions, _files = packages.setdefault(current, (set(), set()))
            versions.add(match.group(3))
            continue
        via = VIA_FILE.match(raw.strip())
        if via is not None and current is not None:
            packages[current][1].add(Path(via.group(1)).name)
    return packages


def problems(requirements_path, lock_path):
    """What makes the lock stale, as readable lines (empty when it is current)."""
    seen = set()
    try:
        pins = requirements(requirements_path, seen)
    except ValueError as error:
        return [str(error)]
    lock = locked(lock_path)
    found = []
    for name, version in sorted(pins.items()):
        if name not in lock:
            found.append(f"{name}=={version} is not in {lock_path}")
        elif version not in lock[name][0]:
            have = ", ".join(sorted(lock[name][0]))
            found.append(f"{name}: {version} in the requirements, {have} in {lock_path}")
    for name, (_versions, files) in sorted(lock.items()):
        if files & seen and name not in pins:
            found.append(f"{name} is in {lock_path} but no longer in {', '.join(sorted(files))}")
    return found


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    requirements_path, lock_path = argv[1:]
    if not Path(lock_path).exists():
        sys.stderr.write(f"{lock_path} is missing: run `make lock`.\n")
        return 1
    found = problems(requirements_path, lock_path)
    if found:
        sys.stderr.write(
            f"{lock_path} is out of date with {requirements_path}:\n"
            + "".join(f"  - {line}\n" for line in found)
            + "Run `make lock` (needs PyPI) and commit the lock files.\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
