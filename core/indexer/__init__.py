"""Index files into a briefing database: incremental, idempotent, batched, safe to kill at any point.

run.py orchestrates a run (discover, extract, write, reconcile, link, finish); rebuild.py builds
a briefing again into a fresh file and swaps it in; files.py reads
and extracts files, in worker processes with --jobs; links.py links across sources through
the store. The SQL is all in core.store.
"""

from briefing.core.indexer.files import pipeline_version
from briefing.core.indexer.rebuild import rebuild_database
from briefing.core.indexer.run import BUNDLE_KEY, IndexRun, index_again, index_bundle, index_paths

__all__ = ["BUNDLE_KEY", "IndexRun", "index_again", "index_bundle", "index_paths", "pipeline_version", "rebuild_database"]
