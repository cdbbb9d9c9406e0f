"""briefing: a folder of news articles about one story, turned into a terminal briefing."""
