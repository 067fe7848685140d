"""Settings from the environment, or from a `.env` file in the working directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_TRUE = {"1", "true", "yes", "on"}


def _load_dotenv() -> None:
    try:
        from dotenv import load_dotenv
    except ImportError:  # python-dotenv is a dependency; without it the environment alone is used
        return
    load_dotenv(Path.cwd() / ".env", override=False)


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None
    db_path: str
    guild_id: int | None
    log_level: str
    allow_private_fetch: bool
    feed_minutes: float
    seeds_dir: Path
    owner_ids: frozenset[int]
    lock_wait: float = 120.0  # seconds a writer waits for another process's write lock

    @classmethod
    def from_env(cls, *, db: str | None = None) -> Settings:
        _load_dotenv()
        env = os.environ
        guild = (env.get("NEWSDESK_GUILD_ID") or "").strip()
        owners = {int(x) for x in (env.get("NEWSDESK_OWNER_IDS") or "").replace(",", " ").split() if x.isdigit()}
        return cls(
            token=(env.get("DISCORD_TOKEN") or "").strip() or None,
            db_path=db or env.get("NEWSDESK_DB") or str(Path("data") / "newsdesk.db"),
            guild_id=int(guild) if guild.isdigit() else None,
            log_level=(env.get("NEWSDESK_LOG_LEVEL") or "INFO").upper(),
            allow_private_fetch=(env.get("NEWSDESK_ALLOW_PRIVATE_FETCH") or "").strip().lower() in _TRUE,
            feed_minutes=float(env.get("NEWSDESK_FEED_MINUTES") or 15),
            seeds_dir=Path(env.get("NEWSDESK_SEEDS") or PROJECT_ROOT / "seeds"),
            owner_ids=frozenset(owners),
            lock_wait=_positive_float(env.get("NEWSDESK_LOCK_WAIT"), 120.0),
        )


def _positive_float(value: str | None, default: float) -> float:
    try:
        number = float(value) if value and value.strip() else default
    except ValueError:
        return default
    return number if number > 0 else default
