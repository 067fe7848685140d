"""A learned second reading of a statement's position toward a target (issue 11): a logistic regression over the
statement's words, its cues and the rules' own position, its weights kept in `bot/data/position_model.json` and
rebuilt by `python -m tools.train_position` (fixed seed) from the gold stance cases of the tuned stories.

`features(text, about, rule)` is the statement as shown (`Statement.text`), the user's words for the target and
the position the rules gave: the same three things the training examples hold (`tools/position_data.py`), so the
model reads at answer time exactly what it was trained on. The features, all 0/1:

- `r:POS`: the rules' position (the model's prior: it revises the rules, it does not replace them);
- `w:FORM`: each word of the statement (Sudachi's normalized forms for Japanese, function words included: ない,
  ず, ば decide positions; lower-cased words for English, n't read not);
- `n:FORM`: the words within `WINDOW` words of a word of the target (`n:-` when the statement names none);
- `c:CUE` and `rc:POS:CUE`: a few cue families (negation, condition, question, criticism, request, hedge,
  welcome, refusal), alone and crossed with the rules' position (a negation matters to a support, not a neutral);
- `a:CUE`: a cue family in the user's words (a target that is a halt, a question of whether).

`revise` gives the model's position where its probability reaches the kept `threshold` (chosen by grouped
cross-validation, see the README), the rules' otherwise. The weights file may hold no model (`"classes": []`):
then every position is the rules'.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from bot.text import analyze_remembered
from bot.topics import read_data

WINDOW = 3  # words each side of a target word read as its neighbourhood
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


def features(text: str, about: str, rule: str) -> set[str]:
    """The model's features of a statement shown as `text`, asked about `about`, given `rule` by the rules."""
    said = words(text)
    target = target_words(about)
    out = {f"r:{rule}", *(f"w:{w}" for w in said)}
    near = [i for i, w in enumerate(said) if w in target]
    for i in near:
        out.update(f"n:{w}" for w in said[max(0, i - WINDOW) : i + WINDOW + 1] if w not in target)
    if not near:
        out.add("n:-")
    for name, rx in CUES.items():
        if rx.search(text):
            out.update((f"c:{name}", f"rc:{rule}:{name}"))
    out.update(f"a:{name}" for name, rx in _ABOUT_CUES.items() if rx.search(about))
    return out


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The kept model (`bot/data/position_model.json`): classes, bias, weights by feature, threshold."""
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


def revise(text: str, about: str, rule: str, model: dict | None = None) -> str:
    """The position shown: the model's where it is at least `threshold` sure, else the rules' (`rule`)."""
    model = model or load_model()
    if not model["classes"]:
        return rule
    p = probabilities(features(text, about, rule), model)
    best = max(p, key=p.__getitem__)
    return best if p[best] >= float(model["threshold"]) else rule
