"""A learned second reading of a statement's position toward a target (issue 11): a logistic regression over the
statement's words, its cues and the rules' own position, its weights kept in `bot/data/position_model.json` and
rebuilt by `python -m tools.train_position` (fixed seed) from the gold stance cases of the tuned stories.

`features(text, about, rule, why)` is the statement as shown (`Statement.text`), the user's words for the target,
the position the rules gave and which rule gave it (`why`: `stance.REASONS`, and `stance_about._read_claim`'s own):
the same four things the training examples hold (`tools/position_data.py`), so the model reads at answer time
exactly what it was trained on. The features, all 0/1:

- `r:POS`: the rules' position (the model's prior: it revises the rules, it does not replace them);
- `y:WHY` and `ry:POS:WHY`: which rule decided (`reason`: its first part, a cue at the target, the main predicate,
  the polarity lexicon, none and the default taken…) and each mark added after it (`y:+halt`, `y:+opposite`), the
  first crossed with the position (a support read at the target is surer than one read by the lexicon);
- `w:FORM`: each word of the statement (Sudachi's normalized forms for Japanese, function words included: ない,
  ず, ば decide positions; lower-cased words for English, n't read not);
- `n:FORM`: the words within `WINDOW` words of a word of the target (`n:-` when the statement names none);
- `c:CUE` and `rc:POS:CUE`: a few cue families (negation, condition, question, criticism, request, hedge,
  welcome, refusal), alone and crossed with the rules' position (a negation matters to a support, not a neutral);
- `a:CUE`: a cue family in the user's words (a target that is a halt, a question of whether);
- `t:demand-halt` and `t:neg-target`, each alone and crossed with the rules' position (`rt:POS:…`): a demand that
  the target be halted, withdrawn or refrained from (「計画の撤回を求めた」「中止を要求」「たき火は控えてほしい」, "called on
  them to halt the project", "urged it not to rush"), and a negation scoped over the target (a Japanese one within
  `NEG_AFTER` words after a target word, 「不具合は見つけていない」「中止はない」; an English one within `NEG_BEFORE` before
  it, "does not need more debt", "no information to suggest"): where the rules most often read oppose as support.

`revise` gives the model's position only where the rule that decided is one of the kept `gate` (the reasons grouped
cross-validation found the model reads better than the rules, see the README; none: every reason) and its
probability reaches the kept `threshold`, the rules' otherwise: a written pattern the tuned stories rarely exercise
(a non-answer, a deferral, a passive halt) keeps its reading where it is not gated. The weights file may hold no
model (`"classes": []`): then every position is the rules'.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from bot.text import analyze_remembered
from bot.topics import read_data

WINDOW = 3  # words each side of a target word read as its neighbourhood
NEG_AFTER = 6  # a Japanese negation this many words after a target word is said of it (見付ける て い ない)
NEG_BEFORE = 5  # an English one this many words before (does not need more debt)
_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")
_ENGLISH_WORD_RX = re.compile(r"[a-z]+(?:'[a-z]+)?")
# cue families, each a language's usual wordings (the rules read these finer; here they are only features)
CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(rx, re.IGNORECASE)
    for name, rx in (
        ("neg", r"ない|ず[、。]|ぬ|ません|\bnot\b|n't|\bno\b|\bnever\b|\bnor\b"),
        (
            "cond",
            r"なければ|ない限り|限り|なら(?:ば)?[、,]|次第|れば|\bunless\b|\bonly if\b|\bprovided\b|\bas long as\b|\bif\b",
        ),
        ("question", r"[?？]|かどうか|のか|\bwhether\b"),
        ("crit", r"批判|非難|遺憾|問題視|抗議|懸念|\bdenounc|\bcritici[sz]|\bcondemn|\bregrett|\bconcern"),
        ("request", r"求め|要求|要請|要望|ほしい|べき|\burg|\bcall(?:s|ed)? (?:for|on)\b|\bdemand|\bshould\b|\bmust\b"),
        ("hedge", r"検討|注視|見極め|慎重|控え|\bconsider|\bmonitor|\bdeclin|\bweigh|\breview|\btoo early\b"),
        ("welcome", r"歓迎|評価|期待|\bwelcom|\bprais|\bapplaud|\bhope"),
        ("refusal", r"拒否|拒|反対|否定|\brefus|\breject|\boppos|\bden(?:y|ied|ies)\b"),
    )
}
# a target that is a halt, a cut or an end (停止, 撤回, "stopping"): the position toward it turns
_ABOUT_CUES: dict[str, re.Pattern[str]] = {
    "halt": re.compile(
        r"停止|中止|撤回|見送|やめ|廃止|凍結|撤退|断念|\bstop|\bhalt|\bend(?:ing)?\b|\bscrap|\bdrop|\bwithdraw|\bban",
        re.I,
    ),
    "whether": re.compile(r"かどうか|か否か|\bwhether\b|\bif\b", re.I),
    "neg": re.compile(r"ない|\bnot\b|\bno\b|n't", re.I),
}


# a demand that something be halted or refrained from: the halt, then the demand (「撤回を求め」「中止するよう要請」
# 「控えてほしい」), or an English demand, then the halt or a negation ("called on X to halt", "urged them not to")
_DEMAND_HALT_RX = re.compile(
    r"(?:停止|中止|撤回|見直し|取り消し|取消し|撤廃|廃止|凍結|断念|控え|やめ|止め)"
    r"(?:る|て|する)?(?:を|も|の|よう(?:に)?|こと(?:を)?)?[、,]?\s*"
    r"(?:強く|改めて|重ねて)?(?:求め|要求|要請|要望|促|迫|呼びかけ|ほしい|もらいたい|いただきたい|ください)"
    r"|\b(?:urg\w*|call(?:s|ed|ing)?\s+(?:on|for)|demand\w*|ask\w*|press\w*)\b[^.;!?]{0,60}?"
    r"\b(?:not\s+to|halt|stop|scrap|drop|withdraw|suspend|abandon|reverse|rescind|end|cancel)\b",
    re.IGNORECASE,
)
_NEG_WORDS = frozenset({"ない", "無い", "ず", "ぬ", "ん", "not", "no", "never", "nor", "without"})


# English words of the user's that name nothing of the target (their neighbours would be every article's)
_EN_STOP_WORDS = (
    "the a an of to in on at for and or by with from as is are was were be been that this it "
    "its their his her whether if about any new more"
)
_EN_STOP = frozenset(_EN_STOP_WORDS.split())


def _english(word: str) -> str:
    """An English word lower-cased, n't read not, a plural's s dropped (tariffs: tariff; not of -ss, nor of a short
    word: was, has)."""
    if word.endswith("n't"):
        return "not"
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def words(text: str) -> list[str]:
    """The words of a text as the model reads them: Japanese by Sudachi's indexed forms (every word, particles and
    auxiliaries too), English lower-cased (`_english`)."""
    if _JAPANESE_RX.search(text):
        return list(analyze_remembered(text).forms)
    return [_english(w) for w in _ENGLISH_WORD_RX.findall(text.lower().replace("’", "'"))]


def target_words(about: str) -> set[str]:
    """The user's words that name the target: Japanese content words, English words that are not `_EN_STOP`."""
    if _JAPANESE_RX.search(about):
        found = analyze_remembered(about)
        return {w for w, content in zip(found.forms, found.content, strict=True) if content}
    return {w for w in words(about) if w not in _EN_STOP and len(w) > 1}


def reason(why: str) -> str:
    """The rule that decided, without the marks added after it (`at-target+halt`: `at-target`)."""
    return why.partition("+")[0]


def features(text: str, about: str, rule: str, why: str | None = None) -> set[str]:
    """The model's features of a statement shown as `text`, asked about `about`, given `rule` by the rules for the
    reason `why` (None: a model that does not read it)."""
    said = words(text)
    target = target_words(about)
    out = {f"r:{rule}", *(f"w:{w}" for w in said)}
    if why is not None:
        first, *marks = why.split("+")
        out.update((f"y:{first}", f"ry:{rule}:{first}", *(f"y:+{m}" for m in marks)))
    near = [i for i, w in enumerate(said) if w in target]
    for i in near:
        out.update(f"n:{w}" for w in said[max(0, i - WINDOW) : i + WINDOW + 1] if w not in target)
    if not near:
        out.add("n:-")
    for name, rx in CUES.items():
        if rx.search(text):
            out.update((f"c:{name}", f"rc:{rule}:{name}"))
    targeted = []
    if _DEMAND_HALT_RX.search(text):
        targeted.append("demand-halt")
    japanese = _JAPANESE_RX.search(text) is not None
    if any(
        w in _NEG_WORDS
        for i in near
        for w in (said[i + 1 : i + NEG_AFTER + 1] if japanese else said[max(0, i - NEG_BEFORE) : i])
    ):
        targeted.append("neg-target")
    out.update(f for name in targeted for f in (f"t:{name}", f"rt:{rule}:{name}"))
    out.update(f"a:{name}" for name, rx in _ABOUT_CUES.items() if rx.search(about))
    return out


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The kept model (`bot/data/position_model.json`): classes, bias, weights by feature, threshold, gate."""
    return read_data("position_model.json")


def probabilities(found: set[str], model: dict | None = None) -> dict[str, float]:
    """Each position's probability under the model (a softmax over one dot product per class)."""
    model = model or load_model()
    classes: list[str] = model["classes"]
    scores = list(model["bias"])
    weights: dict[str, list[float]] = model["weights"]
    for f in found:
        w = weights.get(f)
        if w is not None:
            for k in range(len(classes)):
                scores[k] += w[k]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return {c: e / total for c, e in zip(classes, exp, strict=True)}


def revise(text: str, about: str, rule: str, model: dict | None = None, *, why: str = "none") -> str:
    """The position shown: the model's where the rule that decided (`why`) is gated and the model is at least
    `threshold` sure, else the rules' (`rule`)."""
    model = model or load_model()
    if not model["classes"]:
        return rule
    gate = model.get("gate")
    if gate is not None and reason(why) not in gate:
        return rule
    p = probabilities(features(text, about, rule, why if model.get("why") else None), model)
    best = max(p, key=p.__getitem__)
    return best if p[best] >= float(model["threshold"]) else rule
