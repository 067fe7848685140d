"""A news roundup page of two numbered items (a wire report citing its original, then another item), shared by
the tests that need one document holding two items of one day: the digest's per-item links and stance's reading
of a headline that names the target."""

_HEAD = """---
url: https://www.example.com/roundup
title: まとめ
outlet: まとめ新聞
published: 2031-05-07
---
① 停戦巡り大統領が発言(2031年5月7日)

[キーウ 7日 ロイター] - 2031年5月7日、ゼレンスキー大統領はキーウで記者団に対し「停戦には安全の保証が不可欠だ」と述べた。

<https://news.example.org/articles/abc>

② 別の話題(2031年5月7日)

"""


def roundup(second_item: str) -> str:
    """The roundup with `second_item` as the body of its second item."""
    return _HEAD + second_item + "\n"
