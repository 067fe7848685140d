"""How many actor names, typed as a user types them, `/stance` knows after one article naming the actor is ingested.

`eval/actor_probes.jsonl` holds (typed name, article text) pairs made from the patterns of real news text: a person
with a title or role in either script, a body with its abbreviation, a court's or a trial's sides, a party, a union,
an NGO, typed with a title, in the other script, by surname alone or by a common English form. Each pair's text is
ingested alone into a fresh copy of the seeded database, and `stance TYPED --about …` is asked: `known` when the
command takes the name, `unknown` when it refuses it. Pairs with `"expect": "unknown"` are common words that must
stay unknown (discovery must not make actors of ordinary words); a pair's `means` is a name the actor taken must
hold (else it is counted as taken for another actor).

    python -m tools.actor_probes [--cases]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from tests.test_quality_floor import InProcessCLI, seeded_template

PROBES = Path(__file__).resolve().parent.parent / "eval" / "actor_probes.jsonl"


def _article(folder: Path, probe: dict[str, Any]) -> Path:
    path = folder / f"{probe['id'].lower()}.txt"
    # the headline: the text's start, cut at a word's end in English (a name cut short, "Giuseppe Bianc", would be
    # discovered as a person of its own)
    title = probe["text"][:40]
    if probe["lang"] == "en" and len(probe["text"]) > 40 and " " in title:
        title = title.rsplit(" ", 1)[0]
    head = "\n".join(
        (
            "---",
            f"title: {title}",
            f"url: https://example.com/{probe['id'].lower()}",
            "published: 2025-01-15",
            "outlet: Probe",
            f"language: {probe['lang']}",
            "---",
        )
    )
    path.write_text(f"{head}\n{title}\n\n{probe['text']}\n", encoding="utf-8")
    return path


def probe_one(folder: Path, probe: dict[str, Any]) -> str | None:
    """The name of the actor `stance` reads for the typed name, None when it refuses it."""
    db = folder / f"{probe['id']}.db"
    shutil.copy(seeded_template(folder), db)
    cli = InProcessCLI(db)
    with redirect_stdout(sys.stderr):
        cli("ingest", str(_article(folder, probe)), parse=False)
    # the article's own words as the target: the name alone decides whether the command takes it; a common word is
    # asked with no target (`stance WORD`), where only an actor is taken
    ask = ("--json",) if probe.get("expect") == "unknown" else ("--about", probe["text"][:200], "--json")
    try:
        answer = cli("stance", probe["typed"], *ask)
    except RuntimeError as e:
        if "unknown actor" in str(e).lower() or "見つかりません" in str(e):
            return None
        return "?"  # the name was taken; the question failed later
    return str(answer.get("actor") or answer.get("actor_name") or "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="print each probe's answer")
    parser.add_argument("--file", default=str(PROBES), help="the probes (default: eval/actor_probes.jsonl)")
    parser.add_argument("ids", nargs="*", help="only these probes (default: all)")
    args = parser.parse_args()
    probes = [json.loads(line) for line in Path(args.file).read_text(encoding="utf-8").splitlines() if line.strip()]
    probes = [p for p in probes if not args.ids or p["id"] in args.ids]
    known = wrong = other = 0
    with tempfile.TemporaryDirectory() as tmp:
        for probe in probes:
            got = probe_one(Path(tmp), probe)
            negative = probe.get("expect") == "unknown"
            # `means`: a name the actor taken must hold (its name or an alias), else it is someone else
            mistaken = bool(got and probe.get("means") and probe["means"] not in got)
            if negative:
                wrong += got is not None
            else:
                known += got is not None and not mistaken
                other += mistaken
            if args.cases:
                said = "other  " if mistaken else "known  " if got else "unknown"
                print(f"{probe['id']}  {said}  {probe['typed']!r:40} -> {got}")
    positives = sum(1 for p in probes if p.get("expect") != "unknown")
    print(
        f"known {known} / {positives}, taken as another actor {other}; "
        f"common words taken as actors {wrong} / {len(probes) - positives}"
    )


if __name__ == "__main__":
    main()
