"""The `briefing` command line: thin click commands over `core`, tables for people, JSON for scripts."""
