"""The long-first order of the suite (tests/durations.py): recorded tests longest first, the others after them in
their order; the record read from pytest's own `--durations` report."""

from __future__ import annotations

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
