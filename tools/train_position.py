"""Train the learned position model (`bot/extract/position_model.py`) and measure it honestly.

Reads the examples `tools/position_data.py` wrote for the tuned stories (never the check stories'), and:

1. grouped cross-validation by story (`--folds`): a story's examples are never both trained on and tested; for
   each kind of features (with the rule that decided, `why`, or without it), each regularization `C`, each
   `threshold` (the model's position where it is that sure, the rules' otherwise; 0 is its argmax) and each gate
   (the reasons the model is asked for: all, the default's, the default's and the unreliable rules', the learned;
   see `cross_validate`), the held-out stories' cases right against the rules' alone. A case is right when one of
   its statements shown has a gold position (the scorer's `score_stance`); a case with no statement shown is wrong
   whatever the model does, and counts in the denominator as the scorer counts it.
2. the model fitted on every example with the best cross-validated row (ties: the larger threshold, the narrower
   gate, the smaller C: the fewest changes to the rules) or the row named by `--pick`, its weights written to
   `bot/data/position_model.json` (features whose weights all round to 0 left out) with its gate, and the
   cross-validation table in `--report`.

    python -m tools.train_position EXAMPLES.jsonl [--out bot/data/position_model.json] [--report R.json]
        [--pick "why=0 C=0.1 t=0.55 gate=unreliable"] [--off]

scikit-learn is the `[train]` extra (`pip install -e .[train]`), never needed at answer time. Deterministic: the
folds are the stories sorted by name, dealt round-robin, and lbfgs has no randomness (`SEED` is passed anyway).
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from bot.extract.position_model import features, reason

# one BLAS thread: on a shared two-core machine its default (a thread per core, spinning) made each fit ~20 times slower
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
SEED = 36
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9)
POSITIONS = ("support", "oppose", "conditional", "neutral")
# the reasons where no written rule decided: the default taken (a statement or a reaction with no cue)
DEFAULT_GATE = ("none", "reaction:none")
RELIABLE = 0.6  # a reason whose rules are right less often than this is gated with the default (`unreliable_from`)
RELIABLE_MIN = 10  # read over at least this many examples
ROOT = Path(__file__).resolve().parents[1]


def label(row: dict[str, Any]) -> str:
    """The position the model learns for an example: the rules' when the gold allows it (a case with several
    acceptable positions teaches no change), else the first gold one."""
    return row["rule"] if row["rule"] in row["gold"] else row["gold"][0]


def case_counts(stories: set[str]) -> dict[str, int]:
    """The `--about` cases of each story (the scorer's denominator)."""
    from tests.test_quality_floor import corpora

    out = {}
    for name in stories:
        path = corpora()[name][0] / "stance.jsonl"
        out[name] = sum(
            1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and '"about"' in line
        )
    return out


def folds(stories: list[str], k: int) -> list[list[str]]:
    """The stories sorted by name, dealt round-robin into k folds."""
    ordered = sorted(stories)
    return [ordered[i::k] for i in range(k)]


def _featured(rows: list[dict[str, Any]], why: bool) -> list[dict[str, int]]:
    """Each example's features, computed once per kind (`features` tokenizes the statement): with the rule that
    decided (`why`) or without it (the thirty-sixth round's model's kind)."""
    key = "features_why" if why else "features"
    for r in rows:
        if key not in r:
            r[key] = dict.fromkeys(features(r["text"], r["about"], r["rule"], r.get("why", "none") if why else None), 1)
    return [r[key] for r in rows]


def _fit(rows: list[dict[str, Any]], c: float, why: bool) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(_featured(rows, why))
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, [label(r) for r in rows])
    return vec, model


def _exported(vec: Any, model: Any, threshold: float) -> dict[str, Any]:
    names = vec.get_feature_names_out()
    coef = model.coef_
    classes = [str(c) for c in model.classes_]
    if len(classes) == 2:  # sklearn keeps one row for two classes: the second's score against the first's
        coef = [[-v / 2 for v in coef[0]], [v / 2 for v in coef[0]]]
        bias = [-model.intercept_[0] / 2, model.intercept_[0] / 2]
    else:
        bias = list(model.intercept_)
    weights = {}
    for j, name in enumerate(names):
        w = [round(float(coef[k][j]), 4) for k in range(len(classes))]
        if any(w):
            weights[str(name)] = w
    return {
        "classes": classes,
        "bias": [round(float(b), 4) for b in bias],
        "weights": dict(sorted(weights.items())),
        "threshold": threshold,
    }


def held_out(rows: list[dict[str, Any]], stories: list[str], k: int, c: float, why: bool) -> list[dict[str, float]]:
    """Each example's probabilities by the model fitted on the other folds' stories (in the rows' order)."""
    out: list[dict[str, float]] = [{} for _ in rows]
    for held in folds(stories, k):
        test = [i for i, r in enumerate(rows) if r["story"] in held]
        if not test:
            continue
        vec, fitted = _fit([r for r in rows if r["story"] not in held], c, why)
        proba = fitted.predict_proba(vec.transform(_featured([rows[i] for i in test], why)))
        for i, p in zip(test, proba, strict=True):
            out[i] = {str(name): float(v) for name, v in zip(fitted.classes_, p, strict=True)}
    return out


def given(row: dict[str, Any], p: dict[str, float], threshold: float, gate: set[str] | None) -> str:
    """The position `revise` gives an example: the model's where its reason is gated and it is sure enough."""
    if gate is not None and reason(row.get("why", "none")) not in gate:
        return str(row["rule"])
    best = max(p, key=p.__getitem__)
    return best if p[best] >= threshold else str(row["rule"])


def gate_from(rows: list[dict[str, Any]], proba: list[dict[str, float]], threshold: float, keep: set[str]) -> set[str]:
    """The reasons where the model's held-out position is right more often than the rules' (over the rows whose
    story is in `keep`): where it may decide."""
    gain: dict[str, int] = defaultdict(int)
    for r, p in zip(rows, proba, strict=True):
        if r["story"] in keep:
            gain[reason(r.get("why", "none"))] += (given(r, p, threshold, None) in r["gold"]) - (r["rule"] in r["gold"])
    return {w for w, g in gain.items() if g > 0}


def unreliable_from(rows: list[dict[str, Any]], keep: set[str]) -> set[str]:
    """`DEFAULT_GATE` and the reasons whose rules are right less than `RELIABLE` of the time (over the rows whose
    story is in `keep`, at least `RELIABLE_MIN` of them): a written rule that is as often wrong as right."""
    right: dict[str, int] = defaultdict(int)
    seen: dict[str, int] = defaultdict(int)
    for r in rows:
        if r["story"] in keep:
            w = reason(r.get("why", "none"))
            seen[w] += 1
            right[w] += r["rule"] in r["gold"]
    return set(DEFAULT_GATE) | {w for w, n in seen.items() if n >= RELIABLE_MIN and right[w] < RELIABLE * n}


def score(
    rows: list[dict[str, Any]], proba: list[dict[str, float]], threshold: float, gates: dict[str, set[str] | None]
) -> dict[str, int]:
    """Cases right, statements right and statements changed (of the gold cases' examples), and the labelled
    statements right (`labels_right`, of them `neutral_right`) and changed: each example given by its story's gate."""
    right: set[tuple[str, str]] = set()
    changed = statements = labels = neutral = labels_changed = 0
    for r, p in zip(rows, proba, strict=True):
        g = given(r, p, threshold, gates[r["story"]])
        if r.get("kind") == "label":
            labels += g in r["gold"]
            neutral += g == "neutral" and g in r["gold"]
            labels_changed += g != r["rule"]
            continue
        changed += g != r["rule"]
        statements += g in r["gold"]
        if g in r["gold"]:
            right.add((r["story"], r["id"]))
    return {
        "cases_right": len(right),
        "statements_right": statements,
        "changed": changed,
        "labels_right": labels,
        "neutral_right": neutral,
        "labels_changed": labels_changed,
    }


def cross_validate(rows: list[dict[str, Any]], counts: dict[str, int], k: int) -> dict[str, Any]:
    """Held-out cases right by (features, C, threshold, gate), and the rules' alone, over `k` folds of stories.

    The gates compared: none (the model everywhere), `DEFAULT_GATE` (only where no rule decided), with it the
    reasons whose rules are unreliable (`unreliable_from`), and the reasons the model reads better (`gate_from`);
    each chosen for a fold from the other folds' examples only (a fold's own outcomes never choose its gate)."""
    stories = sorted(counts)
    dealt = folds(stories, k)
    cased = [r for r in rows if r.get("kind") != "label"]
    rules_right = len({(r["story"], r["id"]) for r in cased if r["rule"] in r["gold"]})
    table: dict[str, dict[str, Any]] = {}
    probas: dict[tuple[bool, float], list[dict[str, float]]] = {}
    for why in (False, True):
        for c in C_GRID:
            proba = probas[(why, c)] = held_out(rows, stories, k, c, why)
            for t in THRESHOLDS:
                learned: dict[str, set[str] | None] = {}
                unreliable: dict[str, set[str] | None] = {}
                for held in dealt:
                    chosen = gate_from(rows, proba, t, set(stories) - set(held))
                    learned.update({name: chosen for name in held})
                    weak = unreliable_from(rows, set(stories) - set(held))
                    unreliable.update({name: weak for name in held})
                for name, gates in (
                    ("all", dict.fromkeys(stories)),
                    ("default", {name: set(DEFAULT_GATE) for name in stories}),
                    ("unreliable", unreliable),
                    ("learned", learned),
                ):
                    table[f"why={int(why)} C={c} t={t} gate={name}"] = {
                        "why": why,
                        "C": c,
                        "threshold": t,
                        "gate": name,
                        **score(rows, proba, t, gates),
                    }
    labels = [r for r in rows if r.get("kind") == "label"]
    return {
        "cases": sum(counts.values()),
        "statements": len(cased),
        "rules_cases_right": rules_right,
        "rules_statements_right": sum(r["rule"] in r["gold"] for r in cased),
        "labels": len(labels),
        "rules_labels_right": sum(r["rule"] in r["gold"] for r in labels),
        "rules_neutral_right": sum(r["rule"] == "neutral" and r["rule"] in r["gold"] for r in labels),
        "folds": k,
        "table": table,
        "probas": probas,
    }


_GATE_ORDER = {"default": 3, "unreliable": 2, "learned": 1, "all": 0}  # ties: the fewest reasons the model may decide


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("examples")
    ap.add_argument("--out", default=str(ROOT / "bot" / "data" / "position_model.json"))
    ap.add_argument("--report", help="write the cross-validation table here")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--pick", help="refit this row of the table (its name) rather than the best")
    ap.add_argument(
        "--off", action="store_true", help="keep the weights with an empty gate: wired in, asked for no reason"
    )
    a = ap.parse_args()
    rows = [json.loads(line) for line in Path(a.examples).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["rule"] in POSITIONS]
    counts = case_counts({r["story"] for r in rows})
    cv = cross_validate(rows, counts, a.folds)
    probas = cv.pop("probas")
    best = max(
        cv["table"].values(),
        key=lambda e: (e["cases_right"], e["threshold"], _GATE_ORDER[e["gate"]], -e["C"], e["why"]),
    )
    if a.pick:
        best = cv["table"][a.pick]
    shown = len({(r["story"], r["id"]) for r in rows if r.get("kind") != "label"})
    print(
        f"cases {cv['cases']} (with a statement shown: {shown}), statements {cv['statements']}; rules: cases right"
        f" {cv['rules_cases_right']}, statements right {cv['rules_statements_right']}; labelled statements"
        f" {cv['labels']}, rules right {cv['rules_labels_right']} (neutral {cv['rules_neutral_right']})"
    )
    for name, e in cv["table"].items():
        print(
            f"  {name:34} cases right {e['cases_right']:5}  statements right {e['statements_right']:5}"
            f"  changed {e['changed']:4}  labels right {e['labels_right']:4} (neutral {e['neutral_right']:4},"
            f" changed {e['labels_changed']})"
        )
    why, c, t = best["why"], best["C"], best["threshold"]
    # the gate kept: from every story's held-out examples (as each fold's was from the others')
    gate = {
        "all": None,
        "default": set(DEFAULT_GATE),
        "unreliable": unreliable_from(rows, set(counts)),
        "learned": gate_from(rows, probas[(why, c)], t, set(counts)),
    }[best["gate"]]
    print(f"kept: why={int(why)} C={c} threshold={t} gate={sorted(gate) if gate is not None else 'all'}")
    model = _exported(*_fit(rows, c, why), t)
    model["gate"] = [] if a.off else sorted(gate) if gate is not None else None
    model["why"] = why
    model["trained_on"] = {"stories": len(counts), "statements": len(rows), "C": c, "seed": SEED}
    Path(a.out).write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    if a.report:
        cv["best"] = {**best, "gate_reasons": model["gate"]}
        Path(a.report).write_text(json.dumps(cv, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
