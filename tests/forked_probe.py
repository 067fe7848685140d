"""`python -m tests.forked_probe ACTION [ARG]`: a process that reports how it was started, for tests/test_forked.py to
compare a child forked by tests/forked.py with one `subprocess` starts.

`report` prints what a start sets up (argv, folder, environment, stdio's encodings and buffering, open descriptors,
session, signal handlers, `__main__`, `sys.path[0]`, threads) as one JSON line; `exit N` exits with N; `raise` dies of
an exception; `interrupt` sends itself SIGINT; `echo` writes stdin back in capitals; `spin S` burns S seconds of CPU;
`wait` says so and sleeps until killed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time


def _handler(signum: int) -> str:
    found = signal.getsignal(signum)
    return found.name if isinstance(found, signal.Handlers) else "python"


def report() -> dict[str, object]:
    main = sys.modules["__main__"]
    return {
        "argv": sys.argv[1:],
        "argv0": os.path.basename(sys.argv[0]),
        "cwd": os.getcwd(),
        "probe": os.environ.get("FORKED_PROBE"),
        "environment": sorted(os.environ),
        "stdio": [(s.encoding, s.errors, s.line_buffering) for s in (sys.stdin, sys.stdout, sys.stderr)],
        "fds": sorted(int(fd) for fd in os.listdir("/proc/self/fd") if int(fd) > 2),
        "own_session": os.getsid(0) == os.getpid(),
        "signals": {s.name: _handler(s) for s in (signal.SIGINT, signal.SIGCHLD, signal.SIGPIPE, signal.SIGTERM)},
        "main": (main.__name__, main.__spec__.name if main.__spec__ else None),
        "imported_as_itself": __name__ in sys.modules and __name__ != "__main__",
        "path0": sys.path[0],
        "threads": threading.active_count(),
    }


def main(argv: list[str]) -> None:
    action = argv[0]
    if action == "report":
        print(json.dumps(report()))
    elif action == "exit":
        raise SystemExit(int(argv[1]))
    elif action == "raise":
        raise RuntimeError("the probe fails")
    elif action == "interrupt":
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(60)
    elif action == "echo":
        sys.stdout.write(sys.stdin.read().upper())
    elif action == "spin":
        while time.process_time() < float(argv[1]):
            pass
    elif action == "wait":
        print("waiting", flush=True)
        time.sleep(120)


if __name__ == "__main__":
    main(sys.argv[1:])
