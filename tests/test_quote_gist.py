"""/quote: a reworded quote found by its gist (bot/services/quote_gist.py), and the plausible quotes nobody
said that share its words left unfound. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote, quote_gist
from bot.store import Store

PRESS = """\
---
title: 東邦電機、社長が会見で陳謝
url: https://example.jp/news/toho-0510
published: 2025-05-10
---
東邦電機の山田太郎社長は10日の記者会見で「顧客の皆様の信頼を取り戻すため、経営体制を根本から見直す」と述べた。
同社は来月、外部の弁護士らによる第三者委員会を設置する。
記者から「社長が辞任して責任を取るべきではないか」と問われると、山田社長は「再建をやり遂げることが私の責任だ」と答えた。
"""

PRICES = """\
---
title: 電気料金の値上げ、野党が批判
url: https://example.jp/news/prices-0512
published: 2025-05-12
---
野党の鈴木花子議員は「今回の値上げは家計に重い負担となり、到底受け入れられない」と批判した。
党は独自の負担軽減策を来週までにまとめる方針だ。
"""


@pytest.fixture
async def news(store: Store) -> Store:
    for name, text in (("press.md", PRESS), ("prices.md", PRICES)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


async def test_a_reworded_quote_is_found_with_its_speaker_and_source(news: Store) -> None:
    found = await find_quote(news, "お客様の信頼を取り戻せるよう、経営の体制を根本的に見直していく")
    assert found, "the reworded quote was not found"
    top = found[0]
    assert "経営体制を根本から見直す" in top.text
    assert top.speaker and "山田" in top.speaker
    assert top.sources[0].url == "https://example.jp/news/toho-0510"
    assert top.score >= 80


async def test_the_words_of_a_question_put_to_the_speaker_are_not_his_quote(news: Store) -> None:
    assert await find_quote(news, "責任を取って社長を辞任することにした") == []


async def test_a_quote_the_passage_denies_is_not_found(news: Store) -> None:
    assert await find_quote(news, "この値上げで家計の負担は重くなるが、受け入れる") == []


def test_the_guard_reads_a_denial_and_a_question() -> None:
    text = "記者から「社長が辞任して責任を取るべきではないか」と問われると、山田社長は答えた。"
    assert quote_gist.denies_or_asks("社長を辞任する", text, "社長が辞任して責任を取るべきではないか")
    said = "鈴木議員は「値上げは到底受け入れられない」と批判した。"
    assert quote_gist.denies_or_asks("値上げを受け入れる", said, "値上げは到底受け入れられない")
    assert not quote_gist.denies_or_asks("値上げは受け入れられない", said, "値上げは到底受け入れられない")
    refused = "平和維持部隊のウクライナ駐留は受け入れ不可能＝外相"
    assert quote_gist.denies_or_asks("外相は平和維持部隊の駐留を歓迎した", refused, refused)
    accepted = "組合は「値上げを受け入れる」と述べた。"
    assert quote_gist.denies_or_asks("値上げは受け入れない", accepted, "値上げを受け入れる")  # the other way round
    plain = "山田社長は「経営体制を根本から見直す」と述べた。"
    assert not quote_gist.denies_or_asks("経営体制を見直す", plain, "経営体制を根本から見直す")


def test_the_words_must_gather_in_one_sentence_or_quotation() -> None:
    words = quote_gist.weigh(quote_gist.gist_words("補助金の財源を確保すると発表"), {}, 100)
    gathered = "政府は12日、補助金の財源を確保すると発表した。"
    scattered = "政府は12日、新しい補助金の制度を設けた。財源は今後考える。確保の時期は未定だ。"
    assert quote_gist.best_segment(words, gathered)[0] == pytest.approx(1.0)
    assert quote_gist.best_segment(words, scattered)[0] < quote_gist.SEGMENT_MIN


async def test_two_passages_saying_it_alike_are_no_answer(store: Store) -> None:
    """A gist two different passages hold as well as each other names neither: no guess."""
    text = """\
---
title: 二つの声
published: 2025-05-13
---
A社の社長は「新工場の建設を来年から九州で始める」と述べた。
B社の社長も「新工場の建設を来年から九州で始める計画だ」と語った。
"""
    assert (await ingest_text(store, text, name="two.md")).status == "added"
    assert await find_quote(store, "来年から九州で新しい工場の建設に着手する") == []


APOLOGY = """\
---
title: 東邦電機、新製品の発売を延期
url: https://example.jp/news/toho-0520
published: 2025-05-20
---
東邦電機の山田太郎社長は同日夜、本社で取材に応じ、「長年支えてくださった取引先の皆様に多大なご迷惑をおかけし、痛恨の極みだ」と語った。
新製品の発売は秋以降に延期する。
"""

NOTICE = """\
---
title: 東邦電機が発表
url: https://example.jp/news/toho-0521
published: 2025-05-21
---
東邦電機は21日、部品の調達が遅れ、長年の取引先への納入を延期すると発表した。
"""


async def test_a_remembered_quotation_is_found_below_the_passage_share(store: Store) -> None:
    """Two thirds of the quote's weight is under GIST_MIN, but it gathers inside the speaker's quotation
    (QUOTED_MIN): a remembered quotation, said with other words for the rest."""
    assert (await ingest_text(store, APOLOGY, name="apology.md")).status == "added"
    found = await find_quote(store, "長年支えてくれた取引先に大きな迷惑をかけ、本当に悔しい")
    assert found, "the remembered quotation was not found"
    assert "痛恨の極み" in found[0].text
    assert found[0].speaker and "山田" in found[0].speaker
    assert found[0].sources[0].url == "https://example.jp/news/toho-0520"


async def test_the_same_share_in_narration_is_no_quote(store: Store) -> None:
    """A line nobody said, made of a report's own words, holds as much of its weight in narration: not taken."""
    assert (await ingest_text(store, NOTICE, name="notice.md")).status == "added"
    assert await find_quote(store, "長年の取引先に部品を納めるのが遅れてしまい申し訳ない") == []
    words = quote_gist.weigh(quote_gist.gist_words("長年の取引先に部品を納めるのが遅れてしまい申し訳ない"), {}, 100)
    narration = NOTICE.split("---\n")[-1]
    assert quote_gist.best_segment(words, narration)[0] >= quote_gist.QUOTED_MIN  # as much as a quotation would
    assert quote_gist.saying("長年の取引先に部品を納めるのが遅れてしまい申し訳ない", words, narration, 0.6) is None


def test_the_guard_counts_negations_and_knows_forms_that_say_no_no() -> None:
    """Two negations make a yes; 〜しかできない, 〜かもしれない, 申し訳ない, a negation inside a noun's modifier
    do not say no; a quotation's other sentences are not read for the quote's."""
    said = "トランプ氏は「この合意は11月の歴史的な勝利があったからこそ実現した」と投稿した。"
    quoted = "この合意は11月の歴史的な勝利があったからこそ実現した"
    assert not quote_gist.denies_or_asks("歴史的な勝利がなければこの合意は実現しなかった", said, quoted)
    assert quote_gist.denies_or_asks("歴史的な勝利があってもこの合意は実現しなかった", said, quoted)
    court = "裁判長は「裁判所にできるのは扉を開けるところまでです。控訴されれば扉はまた閉じるかもしれません」と述べた。"
    part = "裁判所にできるのは扉を開けるところまでです。控訴されれば扉はまた閉じるかもしれません"
    assert not quote_gist.denies_or_asks("裁判所は扉を開けることしかできない、控訴されればまた閉まるかもしれない", court, part)
    sorry = "本部長は「言葉にできないほどのご苦労をおかけしました。誠に申し訳ありませんでした」と述べた。"
    assert not quote_gist.denies_or_asks(
        "言い表せない苦労をかけて申し訳なかった", sorry, "言葉にできないほどのご苦労をおかけしました。誠に申し訳ありませんでした"
    )
    two = "総裁は「金利を上げていく考えだ。0.5%を壁として意識してはいない」と述べた。"
    assert not quote_gist.denies_or_asks(
        "これからも金利を引き上げていく", two, "金利を上げていく考えだ。0.5%を壁として意識してはいない"
    )


def test_a_narration_sharing_the_words_is_no_rival_for_the_speakers_quotation() -> None:
    """Two passages hold the quote's words alike, one a report of the event, one the speaker's quotation: the
    quotation says it; two quotations alike say neither."""
    quote = "長年支えてくれた取引先に大きな迷惑をかけ、本当に悔しい"
    words = quote_gist.weigh(quote_gist.gist_words(quote), {}, 100)
    narration = "東邦電機は21日、長年支えてくれた取引先に迷惑をかけたとして、役員報酬を減額すると発表した。"
    said = "山田太郎社長は「長年支えてくださった取引先の皆様に多大なご迷惑をおかけし、痛恨の極みだ」と語った。"
    again = "鈴木次郎会長も「長年支えてくださった取引先の皆様に多大なご迷惑をおかけした」と述べた。"

    def ranked(*texts: str) -> list[tuple[float, int, str]]:
        held = [(*quote_gist.share(words, set(quote_gist.gist_words(t))), t) for t in texts]
        return sorted(held, key=lambda x: -x[0])

    both = ranked(narration, said)
    assert both[0][0] < quote_gist.GIST_LEAD * both[1][0]  # the passages alone do not tell them apart
    picked = quote_gist.pick(quote, words, both)
    assert picked is not None and both[picked[0]][2] == said
    assert quote_gist.pick(quote, words, ranked(said, again)) is None
