"""Build bot/data/neighbours.json (a word → the words used in the same contexts) from chiVe's word vectors.

Run by hand when the vectors or the selection change; the bot reads only the JSON it writes:

    pip download ja_ginza==5.3.0 --no-deps -d DIR && unzip DIR/ja_ginza-5.3.0-py3-none-any.whl -d DIR
    pip install numpy && python tools/make_neighbours.py DIR/ja_ginza/ja_ginza-5.3.0/vocab

The `ja_ginza` package (MIT) carries chiVe's 300-dimensional vectors (© Works Applications, Apache License 2.0)
pruned to 20,000 rows, one per frequent word in its normalized form (SudachiPy's), the 480,443 keys of rarer words
mapped to their nearest row. Only the vectors, the key table (msgpack: key → row) and the string store are read
here: spaCy is not needed, a key is the string's MurmurHash64A (seed 1), as spaCy hashes strings. Kept: the 20,000
frequent words that name a thing or an act inside running text (`_distinct`: two kanji or more, or a katakana
word of three letters or more), each with its nearest such words (cosine ≥ MIN_SIMILARITY, at most NEIGHBOURS),
keyed as `normalize` writes them, the similarity in hundredths. A rare word the user types is not among them (it
has no row of its own); it is matched as typed.
"""

from __future__ import annotations

import json
import re
import struct
import sys
from pathlib import Path

from bot.text import normalize

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "neighbours.json"
ROWS = 20000
NEIGHBOURS = 8
MIN_SIMILARITY = 0.55
_MASK = 0xFFFFFFFFFFFFFFFF
_KANJI_RX = re.compile(r"[一-龥々]")
_KATAKANA_RX = re.compile(r"^[ァ-ヺー・]{3,}$")


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy keys its strings with (`hash_string`)."""
    m, r = 0xC6A4A7935BD1E995, 47
    h = (seed ^ (len(data) * m)) & _MASK
    full = len(data) // 8
    for i in range(full):
        k = int.from_bytes(data[8 * i : 8 * i + 8], "little")
        k = (k * m) & _MASK
        k ^= k >> r
        k = (k * m) & _MASK
        h ^= k
        h = (h * m) & _MASK
    tail = data[8 * full :]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * m) & _MASK
    h ^= h >> r
    h = (h * m) & _MASK
    h ^= h >> r
    return h


def key_rows(blob: bytes) -> list[tuple[int, int]]:
    """spaCy's key2row: one msgpack map of unsigned integers (key → row), in the order it was written."""
    if blob[0] != 0xDF:
        raise ValueError("key2row: not a msgpack map32")
    (count,) = struct.unpack(">I", blob[1:5])
    at = 5

    def read(p: int) -> tuple[int, int]:
        t = blob[p]
        if t <= 0x7F:
            return t, p + 1
        size = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8}[t]
        return int.from_bytes(blob[p + 1 : p + 1 + size], "big"), p + 1 + size

    out = []
    for _ in range(count):
        key, at = read(at)
        row, at = read(at)
        out.append((key, row))
    return out


def _distinct(word: str) -> bool:
    return len(_KANJI_RX.findall(word)) >= 2 or _KATAKANA_RX.match(word) is not None


def main(vocab: Path) -> None:
    import numpy as np

    strings = json.loads((vocab / "strings.json").read_text(encoding="utf-8"))
    by_hash = {murmur64a(s.encode("utf-8")): s for s in strings}
    # the frequent words come first, each with a row of its own (0, 1, 2 …); pruned words follow
    own = [(by_hash.get(k), row) for k, row in key_rows((vocab / "key2row").read_bytes())[:ROWS]]
    vectors = np.load(vocab / "vectors")
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    kept: dict[str, int] = {}
    for word, row in own:
        f = normalize(word) if word else ""
        if f and _distinct(f) and f not in kept:
            kept[f] = row
    words = list(kept)
    rows = np.array([kept[w] for w in words])
    sub = unit[rows]
    out: dict[str, list[list[object]]] = {}
    for start in range(0, len(words), 1024):
        sims = sub[start : start + 1024] @ sub.T
        for i in range(sims.shape[0]):
            sims[i, start + i] = -1.0
            best = np.argsort(-sims[i])[:NEIGHBOURS]
            near = [[words[j], round(float(sims[i, j]) * 100)] for j in best if sims[i, j] >= MIN_SIMILARITY]
            if near:
                out[words[start + i]] = near
    notice = (
        "chiVe word-vector neighbours (word → [[word, cosine × 100], …]), made by tools/make_neighbours.py from the "
        "vectors the ja_ginza 5.3.0 package (MIT) carries. chiVe © Works Applications Co., Ltd., Apache License 2.0 "
        "(https://github.com/WorksApplications/chiVe)."
    )
    data = {"_comment": notice, "neighbours": out}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(out)} words, {sum(len(v) for v in out.values())} neighbours → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
