"""A body's head or spokesperson named with no body of their own, right after sentences whose subject is the body
(forty-second round, st42a; issue 11): 「アラスカ航空は…。ミニクッチCEOは声明で「…」」 — the officer speaks for the body the
report just named, as 「アラスカ航空のミニクッチCEOは」 would say (`affiliation._ja_head_after_body`). Sentences of our own,
in the forms seen across outlets (a company's president after its announcement, a vice-president after a shop's
figures, a court's presiding judge, a spokesperson), each with cases that must not tie."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.affiliation import affiliations, names_body


def _index(*people: str) -> ActorIndex:
    return ActorIndex([ActorEntry(k + 1, n, None, "person", []) for k, n in enumerate(people)])


def _tied(texts: list[str], body: str, *people: str) -> bool:
    ties = affiliations(texts, _index(*people))
    return names_body(ties.get(1, ()), [body])


def test_the_head_after_the_bodys_sentence_speaks_for_it() -> None:
    # a company's statement in the passage before (NHK style), the head opening the next passage
    assert _tied(
        ["北海航空は、保有する10機をすべて地上にとどめています。", "ミラーCEOは声明で「安全が最優先だ」としています。"],
        "北海航空",
        "ミラー",
    )
    # the same passage, sentences of things and an anaphor between (a shop's figures, 同社によると)
    text = (
        "東西マートは都内の店舗に備蓄米3000袋を用意した。価格は5キロ2000円で、1家族1袋に限った。"
        "同社によると、開店前に500人が並んだという。山田花子副社長は「早く届けたい」と話した。"
    )
    assert _tied([text], "東西マート", "山田花子")
    # the body the subject of a later part of the sentence, described before its name (「船を所有する…が」)
    text = "運河で貨物船が座礁した事故で、船を所有する南海海運(高知市)が26日、記者会見した。川上一郎社長は「申し訳ない」と述べた。"
    assert _tied([text], "南海海運", "川上一郎")
    # a spokesperson after a body named with Latin letters, a connective before the name
    assert _tied(["XYZ社は方針を改めると発表した。一方、スミス報道官は「詳細は未定だ」と述べた。"], "XYZ社", "スミス")


def test_no_tie_when_someone_else_spoke_between_or_the_head_names_a_body() -> None:
    # a person the subject of the sentence between: the head is not read as the body's before
    texts = ["北海航空は運航を止めた。", "岸田首相は「遺憾だ」と述べた。ミラーCEOは声明で「安全が最優先だ」とした。"]
    assert not _tied(texts, "北海航空", "ミラー")
    # the head named with a body of their own: that body's, not the one before
    ties = affiliations(["北海航空は運航を止めた。南西航空のミラーCEOは「影響はない」と述べた。"], _index("ミラー"))
    assert not names_body(ties[1], ["北海航空"]) and names_body(ties[1], ["南西航空"])
    # not opening the sentence (the object of another's words), nor a post that heads no body (an analyst)
    assert not _tied(["北海航空は運航を止めた。記者団はミラーCEOに質問した。"], "北海航空", "ミラー")
    assert not _tied(["北海航空は運航を止めた。ミラーアナリストは「影響は小さい」と話した。"], "北海航空", "ミラー")
    # a thing as the only subject before (価格は, 今後は): no body to tie to
    assert not _tied(["価格は5キロ2000円だった。山田花子社長は「安くしたい」と話した。"], "価格", "山田花子")
    # an object with も is no subject (「タグボート2隻も手配している」)
    assert not _tied(
        ["北海航空は運航を止めた。大型タグボート2隻も手配した。ミラーCEOは述べた。"], "大型タグボート2隻", "ミラー"
    )


def test_no_tie_to_a_news_outlet_or_a_post_the_titles_lack() -> None:
    # a news outlet reported in the sentence before (日本経済新聞が報じた, 米メディアは伝えた): the head is not its
    assert not _tied(["日本経済新聞が方針を報じた。ミラーCEOは「事実ではない」と述べた。"], "日本経済新聞", "ミラー")
    assert not _tied(
        ["北海航空は運航を止めた。米メディアは影響を伝えた。ミラーCEOは声明を出した。"], "北海航空", "ミラー"
    )
    # a person by a post the titles do not list (書記): someone else spoke between
    assert not _tied(
        ["北海航空は運航を止めた。ウメロフ書記は協議に応じた。ミラー報道官は述べた。"], "北海航空", "ミラー"
    )
