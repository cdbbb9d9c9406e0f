"""Dialogs over the main screen: the help (every key) and the speaker picker (which columns)."""
