"""The benchmarks' real input: the Guardian articles of the shared news sample, as the
documents `wirewatch extract` reads (dated, published by The Guardian)."""

from __future__ import annotations

import csv

from wirewatch.records import Document
from wirewatch.shared_data import shared_path


def guardian_documents(limit: int) -> list[Document]:
    """The first ``limit`` articles of ``../shared/data/news-sample/guardian_sample.csv``."""
    path = shared_path("data", "news-sample", "guardian_sample.csv")
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    return [Document(f"guardian-{n}", "text", row["text"], publisher="The Guardian",
                     published=row["date"]) for n, row in enumerate(rows)]
