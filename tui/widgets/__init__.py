"""Widgets of the briefing app, one per module."""
