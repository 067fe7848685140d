"""Compatibility names: attribution moved to bot/extract/attribution.py, quotation marks to quotemarks.py."""

from __future__ import annotations

from bot.extract.attribution import attribute
from bot.extract.quotemarks import LABEL_RE as _LABEL_RE
from bot.extract.quotemarks import mask_quotes, quote_bounds

__all__ = ["_LABEL_RE", "attribute", "mask_quotes", "quote_bounds"]
