"""What each mutation target mutates and which tests it runs against the mutants.

mutmut still picks, per mutant, only those of these tests that reach the mutated function; the
test list keeps the one full run it needs for that (its "stats") short.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    modules: tuple[str, ...]  # glob patterns of the files to mutate, relative to the project
    tests: tuple[str, ...]  # test files (or node ids) run against the mutants


_WEB = ("tests/test_fetch.py", "tests/test_discord_sources_web.py", "tests/test_feeds.py")

TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target(
            "digest",
            ("bot/services/digest.py",),
            (
                "tests/test_digest_schedule.py",
                "tests/test_digest_contents.py",
                "tests/test_discord_digest.py",
                "tests/test_feeds.py",
                # a server's digest holds its own and the shared sources only; a failing feed is named in it
                "tests/test_tenancy.py::test_digest_lists_only_the_servers_new_sources",
                "tests/test_feeds_hostile.py::test_digest_notes_a_feed_whose_items_keep_failing",
            ),
        ),
        Target(
            "services.sources",
            ("bot/services/sources.py",),
            (
                "tests/test_sources_service.py",
                "tests/test_store.py",
                *_WEB,
                "tests/test_cli.py",
                "tests/test_discord_commands.py",
            ),
        ),
        Target(
            "netguard",
            ("bot/ingest/netguard.py",),
            ("tests/test_netguard.py", "tests/test_netguard_rules.py", "tests/test_fetch.py"),
        ),
        Target(
            "services",
            # the query services (digest and feeds moved in here have targets and tests of their own)
            tuple(
                f"bot/services/{name}.py"
                for name in (
                    "__init__",
                    "errors",
                    "guilds",
                    "quote_query",
                    "quote_score",
                    "quotes",
                    "resolve",
                    "sources",
                    "stance",
                    "stance_about",
                    "stance_query",
                    "timeline",
                    "topics",
                )
            ),
            (
                "tests/test_sources_service.py",
                "tests/test_services_more.py",
                "tests/test_quote.py",
                "tests/test_quote_query.py",
                "tests/test_stance.py",
                "tests/test_stance_about.py",
                "tests/test_topics.py",
                "tests/test_topics_service.py",
                "tests/test_discord_topics.py",
                "tests/test_pages.py",
                "tests/test_store.py",
                "tests/test_discord_commands.py",
                "tests/test_cli.py",
                *_WEB,
            ),
        ),
        # The services one package at a time, each against the tests that call it directly (a run of the
        # whole package takes hours on two shared cores; these take minutes to an hour each).
        Target(
            "services.quote",
            (
                "bot/services/quotes.py",
                "bot/services/quote_query.py",
                "bot/services/quote_score.py",
                "bot/services/errors.py",
            ),
            ("tests/test_quote_query.py", "tests/test_quote.py", "tests/test_services_more.py"),
        ),
        Target(
            "services.timeline",
            ("bot/services/timeline.py", "bot/store/timeline.py"),  # its reads moved to the store, its tests did not
            ("tests/test_pages.py", "tests/test_timeline_events.py", "tests/test_services_more.py"),
        ),
        # /stance in two: the actor's report (stance.py, resolve.py) and --about (stance_about.py), each a run
        # that ends within an hour on two shared cores.
        Target(
            "services.stance",
            ("bot/services/stance.py", "bot/services/stance_query.py", "bot/services/resolve.py", "bot/store/stance.py"),
            ("tests/test_stance_service.py", "tests/test_pages.py", "tests/test_services_more.py"),
        ),
        Target(
            "services.stance_about",
            ("bot/services/stance_about.py",),
            (
                "tests/test_stance_about.py",
                "tests/test_stance_about_context.py",
                "tests/test_stance_english.py",
                "tests/test_stance.py",
                "tests/test_services_more.py",
            ),
        ),
        Target(
            "services.topics",
            ("bot/services/topics.py",),
            (
                "tests/test_topics.py",
                "tests/test_topics_service.py",
                "tests/test_discord_topics.py",
                "tests/test_services_more.py",
            ),
        ),
        Target("feeds", ("bot/services/feeds.py",), ("tests/test_feeds.py", "tests/test_discord_sources_web.py")),
        Target(
            "store",
            ("bot/store/*",),
            ("tests/test_store.py", "tests/test_search.py", "tests/test_pages.py", "tests/test_term_df.py"),
        ),
        Target(
            "extract",
            ("bot/extract/*",),
            (
                "tests/test_dates.py",
                "tests/test_discover.py",
                "tests/test_parse.py",
                "tests/test_stance.py",
                "tests/test_extract_shared_work.py",
                "tests/test_quote.py",
            ),
        ),
    )
}
