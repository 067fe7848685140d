"""tests/forked.py: a child forked from the warm server is the process `subprocess` would have started — the same
argv, folder, environment, stdio, descriptors, signal handlers, `__main__`, exit codes and deaths — with its own PID
and session, and what a fork cannot give is refused rather than approximated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests import forked

ROOT = Path(__file__).resolve().parents[1]
PROBE = [sys.executable, "-m", "tests.forked_probe"]


def _env(**extra: str) -> dict[str, str]:
    """This process's environment but PATH (which the server has: a child gets the environment it is given, not
    the server's) and PYTHONUNBUFFERED (a case of its own), with the project as PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PATH", "PYTHONUNBUFFERED")}
    env.update(PYTHONPATH=str(ROOT), **extra)
    return env


def _both(args: list[str], **kwargs: object) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", 120)
    return subprocess.run(PROBE + args, **kwargs), forked.run(PROBE + args, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "extra",
    [{}, {"PYTHONIOENCODING": "latin-1:replace"}, {"PYTHONUNBUFFERED": "1"}],
    ids=["plain", "ioencoding", "unbuffered"],
)
def test_a_forked_child_starts_as_a_started_one(tmp_path: Path, extra: dict[str, str]) -> None:
    started, child = _both(["report", "ä b"], cwd=tmp_path, env=_env(FORKED_PROBE="set", **extra), text=True)
    assert started.returncode == child.returncode == 0, (started.stderr, child.stderr)
    assert started.stderr == child.stderr == ""
    got = json.loads(child.stdout)
    assert got == json.loads(started.stdout)
    assert got["cwd"] == str(tmp_path) and got["probe"] == "set" and "PATH" not in got["environment"]
    assert got["main"] == ["__main__", "tests.forked_probe"] and not got["imported_as_itself"]


def test_a_terminal_makes_the_same_streams(tmp_path: Path) -> None:
    import pty

    outs = []
    for how in (subprocess.run, forked.run):
        leader, follower = pty.openpty()
        try:
            done = how([*PROBE, "report"], stdin=follower, stdout=follower, stderr=subprocess.PIPE, cwd=tmp_path, env=_env(), timeout=120)
            assert done.returncode == 0, done.stderr
            outs.append(json.loads(os.read(leader, 65536).decode().strip().splitlines()[-1]))
        finally:
            os.close(leader)
            os.close(follower)
    assert outs[0] == outs[1]
    assert [line_buffered for _, _, line_buffered in outs[1]["stdio"]] == [True, True, True]


@pytest.mark.parametrize("args", [["exit", "3"], ["exit", "0"], ["raise"], ["interrupt"]])
def test_exits_and_deaths_are_reported_as_a_started_process_s(args: list[str]) -> None:
    started, child = _both(args, text=True)
    assert child.returncode == started.returncode
    assert child.stdout == started.stdout
    assert child.stderr.splitlines()[-1:] == started.stderr.splitlines()[-1:]  # the traceback's last line


def test_stdin_is_the_child_s_and_its_pid_its_own() -> None:
    with forked.Popen([*PROBE, "echo"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        out, _ = proc.communicate("hello\n", timeout=120)
    assert (proc.returncode, out) == (0, "HELLO\n")
    assert proc.pid not in (os.getpid(), forked._the_server().proc.pid)


def test_a_signal_kills_the_child_alone_and_a_session_is_its_own() -> None:
    proc = forked.Popen([*PROBE, "wait"], stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"waiting\n"
        assert os.getsid(proc.pid) == proc.pid
        assert proc.poll() is None
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=0.2)
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=120) == -signal.SIGKILL
    finally:
        proc.kill()
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    assert forked.run([*PROBE, "exit", "0"], timeout=120).returncode == 0  # the server serves on


def test_the_child_s_cpu_is_counted() -> None:
    before = forked.CPU.seconds
    assert forked.run([*PROBE, "spin", "0.3"], timeout=120).returncode == 0
    assert forked.CPU.seconds - before >= 0.3


@pytest.mark.parametrize(
    "args, env, why",
    [
        (["-c", "pass"], {}, "only `sys.executable -m MODULE"),
        (["-W", "error", "-m", "tests.forked_probe"], {}, "only `sys.executable -m MODULE"),
        (["-m", "tests.forked_probe"], {"PYTHONHASHSEED": "7"}, "PYTHONHASHSEED"),
        (["-m", "tests.forked_probe"], {"LC_CTYPE": "C.not-the-server-s"}, "LC_CTYPE"),
        (["-m", "tests.forked_probe"], {"NEWSDESK_PG_POOL": "2"}, "NEWSDESK_PG_POOL"),
        (["-m", "tests.forked_probe"], {"PYTHONPATH": "/elsewhere"}, "PYTHONPATH"),
        (["-m", "tests.forked_probe"], {"PYTHONPATH": ""}, "would not find tests.forked_probe"),
    ],
)
def test_what_a_fork_cannot_give_is_refused(args: list[str], env: dict[str, str], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        forked.run([sys.executable, *args], env={**_env(), **env}, cwd=Path.home(), capture_output=True)
