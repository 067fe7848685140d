"""tools/make_neighbours.py reads spaCy's vector tables without spaCy: its hash and its msgpack reader."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("make_neighbours", ROOT / "tools" / "make_neighbours.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_strings_are_hashed_as_spacy_keys_them() -> None:
    tool = _tool()
    # the first key of ja_ginza 5.3.0's key2row (row 0) and the string it was made from
    assert tool.murmur64a("の".encode()) == 2917952641780334418
    assert tool.murmur64a(b"") != tool.murmur64a(b"\x00")
    # a string longer than one 8-byte block, with a tail: the block loop and the tail both count
    assert tool.murmur64a("ホールディングス".encode()) != tool.murmur64a("ホールディング".encode())


def test_the_key_table_is_read_in_its_order_whatever_the_integer_widths() -> None:
    tool = _tool()
    blob = bytes([0xDF, 0, 0, 0, 3]) + bytes([0x05, 0x00]) + bytes([0xCD, 0x01, 0x00, 0xCC, 0xC8])
    blob += bytes([0xCF, *(2**63).to_bytes(8, "big"), 0xCE, *(70000).to_bytes(4, "big")])
    assert tool.key_rows(blob) == [(5, 0), (256, 200), (2**63, 70000)]
