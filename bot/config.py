"""Settings from the environment, or from a `.env` file in the working directory."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.ingest.addresses import Allowlist
from bot.user_errors import SaidError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _load_dotenv() -> None:
    try:
        from dotenv import load_dotenv
    except ImportError:  # python-dotenv is a dependency; without it the environment alone is used
        return
    load_dotenv(Path.cwd() / ".env", override=False)


class SettingsError(SaidError, ValueError):
    """A setting has a value that cannot be used: a code of the locale files (`settings.*`) with the setting's
    name among its parameters."""


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None = field(repr=False)  # never in a repr, a log line or a traceback's locals
    db_path: str
    guild_id: int | None
    log_level: str
    allow_private_fetch: Allowlist  # NEWSDESK_ALLOW_PRIVATE_FETCH: non-public networks/hosts allowed
    feed_minutes: float
    seeds_dir: Path
    owner_ids: frozenset[int]
    lock_wait: float = 120.0  # seconds a writer waits for another process's write lock
    job_lease: float = 300.0  # seconds a worker's job stays its own without a heartbeat (NEWSDESK_JOB_LEASE)
    worker_idle: float = 1.0  # seconds an idle worker waits before it looks again (NEWSDESK_WORKER_IDLE)

    @classmethod
    def from_env(cls, *, db: str | None = None) -> Settings:
        _load_dotenv()
        env = os.environ
        guild = (env.get("NEWSDESK_GUILD_ID") or "").strip()
        owners = {int(x) for x in (env.get("NEWSDESK_OWNER_IDS") or "").replace(",", " ").split() if x.isdigit()}
        try:
            allow = Allowlist.parse(env.get("NEWSDESK_ALLOW_PRIVATE_FETCH"))
        except ValueError as e:
            entry = getattr(e, "entry", str(e))
            raise SettingsError("settings.bad_allowlist", name="NEWSDESK_ALLOW_PRIVATE_FETCH", entry=entry) from None
        return cls(
            token=(env.get("DISCORD_TOKEN") or "").strip() or None,
            # NEWSDESK_DATABASE_URL (postgresql://…): the shared store; else the SQLite file.
            db_path=db
            or (env.get("NEWSDESK_DATABASE_URL") or "").strip()
            or env.get("NEWSDESK_DB")
            or str(Path("data") / "newsdesk.db"),
            guild_id=int(guild) if guild.isdigit() else None,
            log_level=(env.get("NEWSDESK_LOG_LEVEL") or "INFO").upper(),
            allow_private_fetch=allow,
            feed_minutes=_number(env, "NEWSDESK_FEED_MINUTES", 15.0),
            seeds_dir=Path(env.get("NEWSDESK_SEEDS") or PROJECT_ROOT / "seeds"),
            owner_ids=frozenset(owners),
            lock_wait=_positive_float(env.get("NEWSDESK_LOCK_WAIT"), 120.0),
            job_lease=_positive_float(env.get("NEWSDESK_JOB_LEASE"), 300.0),
            worker_idle=_positive_float(env.get("NEWSDESK_WORKER_IDLE"), 1.0),
        )


def _number(env: os._Environ[str] | dict[str, str], name: str, default: float) -> float:
    """A setting that must be a positive number: its default when unset, refused when it is not one."""
    value = (env.get(name) or "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError("settings.not_a_number", name=name, value=value) from None
    if not number > 0 or number == float("inf"):
        raise SettingsError("settings.not_a_number", name=name, value=value)
    return number


def _positive_float(value: str | None, default: float) -> float:
    try:
        number = float(value) if value and value.strip() else default
    except ValueError:
        return default
    return number if number > 0 else default
