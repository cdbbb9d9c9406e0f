"""`briefing locate`: where the database, the bundled briefing, settings and exports live."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, db_path_of, json_option
from briefing.cli.output import console, print_json, safe, table
from briefing.core.locations import bundled_data_dir, config_dir, data_dir, export_dir


@click.command("locate", context_settings=CONTEXT)
@db_option
@json_option
def locate_command(db_path, as_json: bool) -> None:
    """Print where the database, the bundled briefing and its settings, and exports live."""
    places = {
        "database": str(db_path_of(db_path)),
        "bundled_data": str(bundled_data_dir()),
        "bundled_settings": str(bundled_data_dir() / "briefing.toml"),
        "data_dir": str(data_dir()),
        "config_dir": str(config_dir()),
        "exports": str(export_dir()),
    }
    if as_json:
        print_json(places)
        return
    t = table("what", "where")
    for key, value in places.items():
        t.add_row(key.replace("_", " "), safe(value))
    console().print(t)
