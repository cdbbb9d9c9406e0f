"""Linking across sources: the same statement in several articles, the same happening in several.

The linkers take rows and return links (core.store.links reads the one and writes the other):
statements.py gives quotes of one statement a shared id, events.py groups events about one
happening and notes where sources disagree. blocking.py finds the pairs worth comparing, and
union_find.py joins what matches into groups.
"""
