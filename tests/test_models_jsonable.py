"""`to_jsonable` converts a payload in one walk and gives what `asdict` and a second walk gave: every `--json`
answer (a stance report's statements and claims, a quote page, a timeline) is printed from it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, NamedTuple

from bot.models import to_jsonable
from bot.user_errors import UserError


def _by_asdict(obj: Any) -> Any:
    """The conversion as it was: `asdict`, then a walk over its result."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: _by_asdict(v) for k, v in asdict(obj).items()}
    if isinstance(obj, UserError):
        return {"code": obj.code, "params": _by_asdict(obj.params)}
    if isinstance(obj, dict):
        return {k: _by_asdict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_by_asdict(v) for v in obj]
    return obj


class Span(NamedTuple):
    start: int
    end: int


@dataclass
class Leaf:
    text: str
    span: Span
    score: float | None = None
    kind: ClassVar[str] = "leaf"  # a class variable: no field, not in the JSON


@dataclass(frozen=True, slots=True)
class Claim:
    actor: int
    leaves: tuple[Leaf, ...]
    error: UserError | None = None


@dataclass
class Report:
    name: str
    claims: list[Claim]
    by_topic: dict[str, list[Leaf]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    empty: list[Any] = field(default_factory=list)


def test_one_walk_gives_what_asdict_and_a_second_walk_gave() -> None:
    leaf = Leaf("停戦に応じる", Span(3, 9), 0.5)
    report = Report(
        "ゼレンスキー",
        [
            Claim(1, (leaf, Leaf("no", Span(0, 2)))),
            Claim(2, (), UserError("stance.unknown_actor", name="X", found=[Leaf("x", Span(0, 1))])),
        ],
        {"ceasefire": [leaf], "aid": []},
        {"nested": {"tuple": (1, (2, 3)), "leaf": leaf, "none": None}, "n": 3},
    )
    got = to_jsonable(report)
    assert got == _by_asdict(report)
    assert json.dumps(got, ensure_ascii=False, indent=1) == json.dumps(_by_asdict(report), ensure_ascii=False, indent=1)
    assert "kind" not in got["claims"][0]["leaves"][0]
    assert got["claims"][0]["leaves"][0]["span"] == [3, 9]
    assert got["claims"][1]["error"]["code"] == "stance.unknown_actor"
    assert to_jsonable([report, (leaf,)]) == _by_asdict([report, (leaf,)])
