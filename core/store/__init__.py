"""The SQLite store: schema, opening and checking databases, writing and reading a briefing."""
