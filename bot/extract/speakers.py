"""Compatibility names: attribution moved to bot/extract/attribution.py, quotation marks to quotemarks.py."""

from __future__ import annotations

from bot.extract.attribution import attribute
from bot.extract.quotemarks import mask_quotes, quote_bounds

__all__ = ["attribute", "mask_quotes", "quote_bounds"]
