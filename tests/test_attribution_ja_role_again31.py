"""A Japanese report names a spokesperson with their body once (「中国商務省の報道官は」) and then by the role alone
in the next paragraph (「報道官は「…」」, 「一方で、「…」とも述べ」): the body's spokesperson, not a role of no one."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.attribution_ja import attribute_ja

TEXT = (
    "これに対し、中国商務省の報道官は30日、談話を発表し、EUの調査には「不合理な点が多い」と指摘しました。"
    "そのうえで、今回の措置には「受け入れることもない」として、WTOに訴えたことを明らかにしました。\n\n"
    "報道官は「あらゆる必要な措置を講じる」としています。一方で、「解決策をできるだけ早く見つけたい」とも述べ、"
    "協議には応じる姿勢を示しています。"
)


def _said(text: str, words: str, actors: ActorIndex) -> str | None:
    at = text.index(words)
    return attribute_ja(text, at, at + len(words), actors, context=text)


def test_the_role_alone_is_the_bodys_role_named_before(actors: ActorIndex) -> None:
    assert _said(TEXT, "あらゆる必要な措置", actors) == "中国商務省の報道官"
    assert _said(TEXT, "解決策をできるだけ早く", actors) == "中国商務省の報道官"


def test_a_role_never_named_with_a_body_stays_the_role(actors: ActorIndex) -> None:
    text = TEXT.replace("中国商務省の報道官は30日", "報道官は30日")
    assert _said(text, "あらゆる必要な措置", actors) == "報道官"
