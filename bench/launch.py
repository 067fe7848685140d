"""Run one command from a small process and report its own cost: ``python -m bench.launch RESULT -- CMD…``.

On Linux a child's ``ru_maxrss`` starts at the RSS of the process that forked it, so a child forked
from the (large) benchmark process would report the benchmark's peak. This launcher is small
(about 10 MB), so the peak it reports is the command's own. It forwards the command's stdout,
and writes to RESULT: seconds to exit, seconds to the first stdout byte, exit code and peak RSS (MB),
all measured from just before the command is spawned.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    result_path, sep, *cmd = argv
    if sep != "--" or not cmd:
        print("usage: python -m bench.launch RESULT -- CMD...", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    first = proc.stdout.read(1)
    t_first = time.perf_counter() - t0 if first else None
    rest = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    sys.stdout.buffer.write(first + rest)
    sys.stdout.flush()
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"seconds": elapsed, "first_output_s": t_first, "exit_code": proc.returncode, "peak_rss_mb": peak}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
