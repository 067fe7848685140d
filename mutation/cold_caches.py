"""A pytest plugin for mutation runs (`-p mutation.cold_caches`, pyproject's [tool.mutmut]): every memo cache
(`functools.lru_cache`, `functools.cache`) starts empty in each pytest session.

mutmut runs every test once in its own process (the "stats"), then forks that process for each mutant: the
forks inherit caches the original code filled. A mutant in a function whose caller is memoized (`acts`,
`parse_target`, the tokenizer's cache…) then never runs on the inputs the tests give, and survives whatever the
tests check. Emptied at the start of each session (each mutant's run in its fork), the cached functions compute
again, with the mutant in place. Tables kept in files between processes (`bot/kept_tables.py`) are built too: the
mutants share one mutated source file, so the file's key would not tell one mutant's table from another's; and
what `bot/regex_cache.py` notes of a pattern's parse (`remembered`) is computed again, for the same reason.
"""

from __future__ import annotations

import functools
import gc


def clear_memo_caches() -> int:
    """Empty every lru_cache/cache of the process; returns how many held something."""
    cleared = 0
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper):
            if obj.cache_info().currsize:
                cleared += 1
            obj.cache_clear()
    return cleared


def pytest_sessionstart(session: object) -> None:
    from bot import kept_tables, regex_cache

    kept_tables.ENABLED = False
    regex_cache.NOTES_ENABLED = False
    clear_memo_caches()
