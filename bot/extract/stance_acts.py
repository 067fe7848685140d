"""A Japanese sentence that reports a stance taken without a speech verb: what the carried speaker did.

News text tells a speaker's positions after the sentence that names them, often without 「…と述べた」: 「ウクライナに
ついては交渉を求め、ガザでは即時停戦を訴えた」, 「停戦合意は歓迎した」, 「経済のあり方も批判した」, 「利上げの可能性も
否定しなかった」, 「…への連帯を表明。」. Such a sentence, with no subject of its own, is the last speaker's as a
quote or 「…と述べた」 is (`stance._continues`). Only predicates that take a position toward something count (a
request, a criticism, a welcome, a refusal, a denial, a decision, a non-answer: 「回答を控えた」, 「明言を避けた」); an event (「…が発生した」) does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

# verbal nouns of a stance act, ended by する's forms or by the noun alone (the gapped 「…を批判。」 of news text)
_NOUNS = (
    "批判|非難|歓迎|評価|称賛|賞賛|要求|要請|要望|拒否|拒絶|否定|否認|容認|反対|支持|賛成|表明|強調|主張|警告|"
    "牽制|けん制|反発|抗議|謝罪|陳謝|約束|明言|言及|疑問視|問題視|懸念|危惧|反論|一蹴|決定|決断|撤回|断念|"
    "了承|承認|同意|合意|提案|提言|指示|命令"
)
_SURU = r"(?:した|しなかった|している|していた|しました|しています|していました|しませんでした|せず|しない考え|する考え|する方針)"
# other verbs of a stance act: to call for, to appeal, to reject, to urge, to warn
_VERBS = (
    r"(?:訴え|求め|退け|呼びかけ|呼び掛け|促し|戒め|くぎを刺し|釘を刺し|決め|見送|見合わせ|突っぱね|拒ん|譲ら|"
    r"応じ|認め|示し|示さ|表明し)"
)
_VERB_END = r"(?:た|なかった|ている|ていた|ました|ています|ていました|ませんでした|ず|ない考えを示した)"
# a non-answer, the speaker's act toward what was asked (read neutral: `attitude_neutral` in positions.json): an
# answer or a comment withheld (「回答を控えた」, 「それ以上のコメントは控えた」, 「明言を避けた」); never a thing left
# unsaid (「…には触れなかった」, 「…は明らかにしなかった」: as often the reporter's remark on an omission)
_NON_ANSWER = (
    r"(?:回答|コメント|言及|明言|論評|発言|評価)(?:は|を|も)(?:差し)?控え(?:た|ている|ていた|ました|ています)"
    r"|(?:回答|言及|明言|論評)(?:は|を|も)避け(?:た|ている|ました)"
)
STANCE_ACT_END_RX = re.compile(
    rf"(?:(?:{_NOUNS}){_SURU}?|{_VERBS}{_VERB_END}|(?:を|も)(?:{_NOUNS})|{_NON_ANSWER})[。．]?[\s」』]*$"
)


# a subject of the sentence's own (a noun, a closing bracket or a nominalizing の before は or が): 「住民は反発した」
# is the residents', not the carried speaker's ...
_OWN_SUBJECT_RX = re.compile(r"[一-龥々ァ-ヶーA-Za-z0-9０-９）)」』の](?:は|が)(?![ぁ-ゖ])")
# ... unless it is what the act is about, a thing decided or proposed put first as the topic (「停戦合意は歓迎した」,
# 「米国の案は拒否した」), or the answer a non-answer withholds
_THING_TOPIC_RX = re.compile(
    r"(?:合意|案|計画|方針|決定|措置|政策|判断|提案|要求|発言|対応|制度|法案|条約|協定|声明|報告書"
    # and the answer a non-answer withholds (「それ以上のコメントは控えた」)
    r"|コメント|回答|明言|言及|論評)(?:は|も)(?![ぁ-ゖ])"
)


@lru_cache(maxsize=8192)
def reports_stance_act(sentence: str) -> bool:
    """Whether a sentence with no subject of its own ends on a stance act of its (carried) speaker: 「…を批判した」,
    「…の解放を訴えた」, 「…も否定しなかった」, 「…への連帯を表明。」, 「停戦合意は歓迎した」."""
    if STANCE_ACT_END_RX.search(sentence.rstrip()) is None:
        return False
    own = [m.end() for m in _OWN_SUBJECT_RX.finditer(sentence)]
    things = {m.end() for m in _THING_TOPIC_RX.finditer(sentence)}
    return all(at in things for at in own)
