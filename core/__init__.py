"""The headless core of briefing: ingest, store, search and NLP. Never imports Textual."""
