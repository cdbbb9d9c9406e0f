"""The briefing app (Textual): screens, widgets and the glue to the headless core."""
