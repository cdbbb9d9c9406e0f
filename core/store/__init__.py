"""The SQLite store: schema, opening and checking databases, writing and reading a briefing."""

from briefing.core.store.sqlite_memory import stop_counting_memory

# Before any module of the store opens a connection: the app's two search threads then query
# side by side instead of taking turns on SQLite's memory counter (see sqlite_memory).
stop_counting_memory()
