"""Newsdesk. Every process that imports it compiles its regular expressions through the file of those compiled
before (bot/regex_cache.py): ~0.25 s of each process's start."""

from bot import regex_cache

regex_cache.install()
