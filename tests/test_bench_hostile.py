"""bench.hostile: the lag measurement and its table (figures are the bench's business, not asserted here)."""

from __future__ import annotations

from bench import hostile
from bench.hostile_docs import many_attributes
from bot.ingest import sandbox, untrusted
from bot.ingest.fetch import FetchError


async def test_a_hostile_document_is_measured_and_reported() -> None:
    with sandbox.use(sandbox.Sandbox(sandbox.Limits(timeout=30), workers=1)):

        async def work() -> object:
            return await untrusted.extract_upload(many_attributes(5_000), "page.html")

        outcome, seconds, lags = await hostile._with_ticker(work)
    assert isinstance(outcome, FetchError) and outcome.code == "too_complex"
    assert lags and seconds > 0
    row = hostile._row("attributes", outcome, seconds, lags, 0)
    assert row["result"].startswith("refused (too_complex)")
    assert set(row) >= {"max_lag_ms", "p99_lag_ms", "median_lag_ms", "workers_replaced"}
    table = hostile.render([row, {**row, "document": "BASELINE: x", "max_lag_ms": 4000.0}])
    assert "| attributes |" in table and "(target ≤ 100 ms: " in table
    assert f"{row['max_lag_ms']} ms" in table.splitlines()[-1]  # the baseline is not the verdict


def test_bad_timeout_is_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    assert hostile.main(["--timeout", "0"]) == 2
    assert capsys.readouterr().err == "error: --timeout must be positive\n"
