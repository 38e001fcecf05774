"""Write samples/syndication.warc.gz: two sample HTML pages as WARC response records.

    python scripts/make_sample_warc.py
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAGES = {
    "https://coastline-times.example/kenya/nairobi-protest-detentions":
        SAMPLES / "coastline-times-article.html",
    "https://daily-meridian.example/world": SAMPLES / "daily-meridian-world.html",
}


def main() -> None:
    with open(SAMPLES / "syndication.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, path in PAGES.items():
            body = path.read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)


if __name__ == "__main__":
    main()
