"""Hostile documents, built on demand: what a server admin or a subscribed feed could hand the parsers.

Each builder is deterministic and small to describe; sizes are parameters so tests can use small ones and
the bench the full-size attacks of the security review.
"""

from __future__ import annotations

import zlib

ARTICLE = "<p>" + "政府は二十日、新たな対策を発表した。担当者は「速やかに実施する」と述べた。" * 20 + "</p>"


def many_attributes(count: int = 160_000) -> bytes:
    """One tag with ``count`` attributes: lxml's duplicate check makes this quadratic."""
    attrs = " ".join(f"a{i}=x" for i in range(count))
    return f"<html><head><title>t</title></head><body><div {attrs}>{ARTICLE}</div></body></html>".encode()


def deeply_nested(depth: int = 100_000) -> bytes:
    """``depth`` nested ``<div>``s around an article."""
    return f"<html><body>{'<div>' * depth}{ARTICLE}{'</div>' * depth}</body></html>".encode()


def many_elements(count: int = 300_000) -> bytes:
    """``count`` sibling elements: trafilatura's cost grows faster than linearly with them."""
    return f"<html><body>{'<span>x</span>' * count}{ARTICLE}</body></html>".encode()


def malformed_feed(size: int = 6_000_000) -> bytes:
    """An RSS document of about ``size`` bytes that never closes its items (feedparser's loose parser)."""
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    item = b"<item><title>x<description>&lt;a href='<link>http://x/"
    return head + item * (size // len(item))


def pdf_bomb(pages: int = 300, chars_per_page: int = 1_000_000) -> bytes:
    """A PDF whose pages all share one small compressed content stream that decompresses to a lot of text."""
    line = "(" + "A" * 1000 + ") Tj T* "
    content = ("BT /F1 11 Tf 72 720 Td 14 TL " + line * max(1, chars_per_page // 1000) + "ET").encode()
    stream = zlib.compress(content, 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
    ]
    font = 4 + pages
    for _ in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
            f" /Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
