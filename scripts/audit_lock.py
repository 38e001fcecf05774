"""Audit the lock file's pinned releases for known vulnerabilities with pip-audit.

    python scripts/audit_lock.py [--lock requirements.lock] [--osv-url URL]

pip-audit asks a vulnerability service about each pinned release: PyPI's JSON API, or OSV
(``--osv-url`` names another OSV server). Where no service answers (a machine that reaches
only the package index, such as this project's CI), the audit cannot be made: that is said in
one line and the run goes on. Where one answers, a known vulnerability in any pin, or a pin
the service cannot look up, fails the run with pip-audit's table. ``./run.sh test`` calls it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

PYPI_PROBE = "https://pypi.org/pypi/pip/23.0/json"  # a release, as pip-audit asks
OSV_URL = "https://api.osv.dev/v1/query"
TIMEOUT = 10


def _answers(request: urllib.request.Request) -> str | None:
    """None when the service answers the probe, else why not."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (OSError, ValueError) as error:
        return str(getattr(error, "reason", error))
    return None


def _osv_probe(url: str) -> urllib.request.Request:
    query = {"package": {"name": "pip", "ecosystem": "PyPI"}, "version": "23.0"}
    return urllib.request.Request(
        url, data=json.dumps(query).encode(), headers={"Content-Type": "application/json"}
    )


def service(osv_url: str | None) -> tuple[list[str], list[str]]:
    """pip-audit's options for the first service that answers, and why each other did not."""
    candidates: list[tuple[list[str], str, urllib.request.Request]] = []
    if osv_url is None:
        candidates.append((["-s", "pypi"], PYPI_PROBE, urllib.request.Request(PYPI_PROBE)))
    url = osv_url or OSV_URL
    candidates.append((["-s", "osv", "--osv-url", url], url, _osv_probe(url)))
    failures = []
    for options, address, probe in candidates:
        why = _answers(probe)
        if why is None:
            return options, failures
        failures.append(f"{address}: {why}")
    return [], failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", type=Path, default=Path("requirements.lock"))
    parser.add_argument("--osv-url", help="an OSV server to ask instead of the public ones")
    args = parser.parse_args(argv)
    options, failures = service(args.osv_url)
    if not options:
        print(f"audit of {args.lock} not made: no vulnerability service answers here "
              f"({'; '.join(failures)})", file=sys.stderr)
        return 0
    command = [sys.executable, "-m", "pip_audit", "-r", str(args.lock), "--disable-pip",
               "--strict", "--progress-spinner", "off", "--timeout", str(TIMEOUT), *options]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
