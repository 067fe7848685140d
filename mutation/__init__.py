"""Mutation testing of the core with mutmut, one target at a time (`python -m mutation --help`).

Each target is a set of core modules and the test files that cover them. A run copies the project's
files into `.mutation/<target>/`, narrows pyproject's `[tool.mutmut]` there to the target (its
modules, its tests), runs mutmut, and keeps a summary in `mutation/results/<target>.json`;
`python -m mutation table` prints the scores per target from those summaries.
"""
