"""sla.Error: what the engine raises for bad input, with where it was found."""

from __future__ import annotations

from typing import Optional


class Error(Exception):
    """A problem in a policy, calendar spec, timestamp, zone name or ticket history.

    str(error) is the one-line text "file:line:column: key.path: message"; the parts are
    attributes: code ("invalid_policy", "invalid_calendar", "invalid_timestamp",
    "unknown_time_zone", "out_of_range", "invalid_argument", "io"), file, line, column (1-based)
    and path (None when unknown), and message (the message alone). Picklable, so an error
    raised on a Dask worker reaches the client whole.
    """

    def __init__(self, text: str, code: str = "invalid_argument", file: Optional[str] = None,
                 line: Optional[int] = None, column: Optional[int] = None, path: Optional[str] = None,
                 message: Optional[str] = None) -> None:
        super().__init__(text, code, file, line, column, path, message)
        self.text = text
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = text if message is None else message

    def __str__(self) -> str:
        return self.text
