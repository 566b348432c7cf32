"""The publication date a page carries outside its metadata: in its URL ("/2023/07/10/")."""

from __future__ import annotations

import datetime as dt
import re

# /2023/07/10/, /2023-07-10, /20230710/ (a year 1990-2099, then month and day)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)(?:/|-|_)?(0[1-9]|1[0-2])(?:/|-|_)?(0[1-9]|[12]\d|3[01])(?=[/_.\-]|$)"
)


def date_from_url(url: str | None) -> str | None:
    """ISO day from the path of a news URL, or None when the path holds no valid date."""
    if not url:
        return None
    for match in _URL_DATE.finditer(url.split("?", 1)[0]):
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            continue
    return None
