"""Rebuild the full-text index and the search filters' facet table.

manage.py rebuild_search_index            # everything
manage.py rebuild_search_index --facets-only

The full-text index is Wagtail's own ``update_index`` (every indexed model, every
backend); this command only adds the facet table, with a progress bar.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Page

from search.indexing import rebuild_all_facets

CHUNK_SIZE = 500


class ProgressBar:
    """A plain text progress bar: redrawn in place on a terminal, one line per 10 % else."""

    def __init__(self, stream, label, total, width=30):
        self.stream, self.label, self.total, self.width = stream, label, max(total, 0), width
        self.interactive = hasattr(stream, "isatty") and stream.isatty()
        self.last_tenth = -1
        self.started = time.monotonic()

    def update(self, done):
        fraction = done / self.total if self.total else 1.0
        filled = int(self.width * fraction)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"{self.label:<28} [{bar}] {fraction:4.0%} {done}/{self.total}"
        if self.interactive:
            self.stream.write(f"\r{line}", ending="")
            self.stream.flush()
        elif int(fraction * 10) != self.last_tenth:
            self.last_tenth = int(fraction * 10)
            self.stream.write(line)

    def finish(self):
        if self.interactive:
            self.stream.write("")
        self.stream.write(f"{self.label:<28} {time.monotonic() - self.started:.1f} s")


class Command(BaseCommand):
    help = "Rebuild the search index (Wagtail's update_index) and the search facet table."

    def add_arguments(self, parser):
        parser.add_argument(
            "--facets-only",
            action="store_true",
            help="Only rebuild the facet table (section, subjects, grades, date of pages).",
        )
        parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)

    def handle(self, *args, facets_only=False, chunk_size=CHUNK_SIZE, **options):
        self.quiet = options["verbosity"] == 0
        self.chunk_size = max(1, chunk_size)
        if not facets_only:
            self.rebuild_index()
        total = Page.objects.exclude(depth=1).count()
        bar = self.bar("facets", total)
        written = rebuild_all_facets(progress=bar.update)
        bar.finish()
        if not self.quiet:
            self.stdout.write(self.style.SUCCESS(f"Search rebuilt: {written} pages faceted."))

    def bar(self, label, total):
        stream = self.stdout
        if self.quiet:
            stream = _Silent()
        return ProgressBar(stream, label, total)

    def rebuild_index(self):
        call_command(
            "update_index",
            chunk_size=self.chunk_size,
            verbosity=0 if self.quiet else 1,
            stdout=self.stdout._out,
            stderr=self.stderr._out,
        )


class _Silent:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
