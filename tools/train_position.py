"""Train the learned position model (`bot/extract/position_model.py`) and measure it honestly.

Reads the examples `tools/position_data.py` wrote for the tuned stories (never the check stories'), and:

1. grouped cross-validation by story (`GroupKFold`, `--folds`): a story's examples are never both trained on and
   tested; for each regularization `C` and each `threshold` (the model's position where it is that sure, the
   rules' otherwise; 0 is the model alone), the held-out stories' cases right against the rules' alone. A case is
   right when one of its statements shown has a gold position (the scorer's `score_stance`); a case with no
   statement shown is wrong whatever the model does, and counts in the denominator as the scorer counts it.
2. the model fitted on every example with the best cross-validated (C, threshold) (ties: the larger threshold,
   the smaller C: the fewest changes to the rules), its weights written to `bot/data/position_model.json`
   (features whose weights all round to 0 left out) with the cross-validation table in `--report`.

    python -m tools.train_position EXAMPLES.jsonl [--out bot/data/position_model.json] [--report R.json]

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

from bot.extract.position_model import features

# one BLAS thread: on a shared two-core machine its default (a thread per core, spinning) made each fit ~20 times slower
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
SEED = 36
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
POSITIONS = ("support", "oppose", "conditional", "neutral")
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


def _featured(rows: list[dict[str, Any]]) -> None:
    """Each example's features, computed once (`features` tokenizes the statement)."""
    for r in rows:
        r.setdefault("features", dict.fromkeys(features(r["text"], r["about"], r["rule"]), 1))


def _fit(rows: list[dict[str, Any]], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    _featured(rows)
    vec = DictVectorizer()
    x = vec.fit_transform([r["features"] for r in rows])
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


def cross_validate(rows: list[dict[str, Any]], counts: dict[str, int], k: int) -> dict[str, Any]:
    """Held-out cases right by (C, threshold), and the rules' alone, over `k` folds of stories."""
    stories = sorted(counts)
    total = sum(counts.values())
    rules_right = len({(r["story"], r["id"]) for r in rows if r["rule"] in r["gold"]})
    table: dict[str, dict[str, Any]] = {}
    for c in C_GRID:
        right: dict[float, set[tuple[str, str]]] = defaultdict(set)
        changed: dict[float, int] = defaultdict(int)
        statements: dict[float, int] = defaultdict(int)
        for held in folds(stories, k):
            test = [r for r in rows if r["story"] in held]
            train = [r for r in rows if r["story"] not in held]
            if not test:
                continue
            vec, fitted = _fit(train, c)
            _featured(test)
            # the held-out probabilities, as `revise` reads them from the exported weights
            proba = fitted.predict_proba(vec.transform([r["features"] for r in test]))
            classes = [str(k) for k in fitted.classes_]
            for t in THRESHOLDS:
                for r, p in zip(test, proba, strict=True):
                    best = max(range(len(classes)), key=lambda k: p[k])
                    given = classes[best] if p[best] >= t else r["rule"]
                    changed[t] += given != r["rule"]
                    statements[t] += given in r["gold"]
                    if given in r["gold"]:
                        right[t].add((r["story"], r["id"]))
        for t in THRESHOLDS:
            table[f"C={c} t={t}"] = {
                "C": c,
                "threshold": t,
                "cases_right": len(right[t]),
                "statements_right": statements[t],
                "changed": changed[t],
            }
    return {
        "cases": total,
        "statements": len(rows),
        "rules_cases_right": rules_right,
        "rules_statements_right": sum(r["rule"] in r["gold"] for r in rows),
        "folds": k,
        "table": table,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("examples")
    ap.add_argument("--out", default=str(ROOT / "bot" / "data" / "position_model.json"))
    ap.add_argument("--report", help="write the cross-validation table here")
    ap.add_argument("--folds", type=int, default=10)
    a = ap.parse_args()
    rows = [json.loads(line) for line in Path(a.examples).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["rule"] in POSITIONS]
    counts = case_counts({r["story"] for r in rows})
    cv = cross_validate(rows, counts, a.folds)
    best = max(cv["table"].values(), key=lambda e: (e["cases_right"], e["threshold"], -e["C"]))
    print(
        f"cases {cv['cases']} (with a statement shown: {len({(r['story'], r['id']) for r in rows})}), statements"
        f" {cv['statements']}; rules: cases right {cv['rules_cases_right']}, statements right"
        f" {cv['rules_statements_right']}"
    )
    for name, e in cv["table"].items():
        print(
            f"  {name:16} cases right {e['cases_right']:5}  statements right {e['statements_right']:5}  changed {e['changed']}"
        )
    print(f"best: C={best['C']} threshold={best['threshold']}")
    model = _exported(*_fit(rows, best["C"]), best["threshold"])
    model["trained_on"] = {"stories": len(counts), "statements": len(rows), "C": best["C"], "seed": SEED}
    Path(a.out).write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    if a.report:
        cv["best"] = best
        Path(a.report).write_text(json.dumps(cv, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
