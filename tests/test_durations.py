"""The long-first order of the suite (tests/durations.py): recorded tests longest first, the others after them in
their order; the record read from pytest's own `--durations` report."""

from __future__ import annotations

import os

from tests.durations import KEEP_SECONDS, from_report, longest_first, recorded


def test_recorded_tests_come_first_longest_first_and_the_rest_keep_their_order() -> None:
    ids = ["a", "b", "c", "d", "e", "f"]
    seconds = {"e": 3.0, "b": 40.0, "d": 3.0, "gone": 99.0}
    assert longest_first(ids, ids, seconds) == ["b", "d", "e", "a", "c", "f"]
    assert longest_first(ids, ids, {}) == ids


def test_the_record_sums_each_tests_phases_and_keeps_only_the_long_ones() -> None:
    report = [
        "============================= slowest durations =============================",
        "78.74s call     tests/test_x.py::test_long",
        "23.43s setup    tests/test_x.py::test_long",
        "1.50s call     tests/test_y.py::test_p[postgresql-Asia/Tokyo-00:05-days2-expected2]",
        "0.60s setup    tests/test_y.py::test_p[postgresql-Asia/Tokyo-00:05-days2-expected2]",
        "1.90s teardown tests/test_y.py::test_short",
        "3321 passed, 3 skipped in 789.70s (0:13:09)",
    ]
    assert from_report(report) == {
        "tests/test_x.py::test_long": 102.2,
        "tests/test_y.py::test_p[postgresql-Asia/Tokyo-00:05-days2-expected2]": 2.1,
    }
    assert KEEP_SECONDS == 2.0


def test_the_kept_record_is_read_and_orders_the_collection(request) -> None:  # type: ignore[no-untyped-def]
    seconds = recorded()
    assert seconds and all(v >= KEEP_SECONDS for v in seconds.values())
    collected = [item.nodeid for item in request.session.items]
    order = [nodeid for nodeid in collected if nodeid in seconds]
    assert order == sorted(order, key=lambda nodeid: -seconds[nodeid])
    if order:  # the recorded tests of this run (all of them in a full run) come before every other test
        assert collected[: len(order)] == order


class _Worker:
    """What xdist's load scheduler sees of a worker: the tests it is sent, in order."""

    shutting_down = False

    def __init__(self, name: str) -> None:
        self.sent: list[int] = []
        self.gateway = type("Gateway", (), {"id": name})()

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent += indices

    def shutdown(self) -> None:
        self.shutting_down = True


def _scheduled_run(config, seconds: list[float], workers: int) -> float:  # type: ignore[no-untyped-def]
    """When the last test ends, simulated: the suite's scheduler (with this run's options) hands out tests taking
    `seconds` to `workers` workers, each running what it was sent in order."""
    import heapq

    from xdist.scheduler import LoadScheduling

    class Options:  # this run's options, but `workers` workers whether or not it runs under xdist
        def getoption(self, name: str):  # type: ignore[no-untyped-def]
            return config.getoption(name)

        def getvalue(self, name: str):  # type: ignore[no-untyped-def]
            return ["popen"] * workers if name == "tx" else config.getvalue(name)

    sched = LoadScheduling(Options())  # type: ignore[arg-type]
    nodes = [_Worker(f"gw{k}") for k in range(workers)]
    collection = [f"t{i}" for i in range(len(seconds))]
    for node in nodes:
        sched.add_node(node)  # type: ignore[arg-type]
        sched.add_node_collection(node, collection)  # type: ignore[arg-type]
    sched.schedule()
    clock = {id(n): 0.0 for n in nodes}
    done = {id(n): 0 for n in nodes}
    ends = [(0.0, k, n) for k, n in enumerate(nodes)]
    end = 0.0
    while ends:
        now, k, node = heapq.heappop(ends)
        if done[id(node)] < len(node.sent):  # its next test, as sent so far
            index = node.sent[done[id(node)]]
            done[id(node)] += 1
            clock[id(node)] = now + seconds[index]
            end = max(end, clock[id(node)])
            sched.mark_test_complete(node, index, seconds[index])  # type: ignore[arg-type]
            heapq.heappush(ends, (clock[id(node)], k, node))
    assert sorted(i for n in nodes for i in n.sent) == list(range(len(seconds)))
    return end


def test_the_long_tests_collected_first_are_spread_over_the_workers(pytestconfig) -> None:  # type: ignore[no-untyped-def]
    # 8 long tests of 30 s collected first (as tests/durations.json orders them), then 1,000 of 0.1 s: on two
    # workers the run can end after 170 s (each worker 4 long ones and half the rest); xdist's default chunks
    # gave the first worker 126 consecutive tests, every long one among them: 8 × 30 s on one worker.
    seconds = [30.0] * 8 + [0.1] * 1000
    assert _scheduled_run(pytestconfig, seconds, 2) <= 175


def test_auto_starts_two_workers_per_core_at_most_eight_unless_the_environment_says(pytestconfig, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cores = len(os.sched_getaffinity(0))
    monkeypatch.delenv("PYTEST_XDIST_AUTO_NUM_WORKERS", raising=False)
    assert pytestconfig.hook.pytest_xdist_auto_num_workers(config=pytestconfig) == min(8, 2 * cores)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(16)))  # a 16-core runner: capped
    assert pytestconfig.hook.pytest_xdist_auto_num_workers(config=pytestconfig) == 8
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "3")
    assert pytestconfig.hook.pytest_xdist_auto_num_workers(config=pytestconfig) == 3
