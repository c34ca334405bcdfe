"""Reading gold and predicted reports from disk.

Three layouts, the ones gold sets and `ghostwatch extract` produce: a folder (every `*.json`
below it, in path order; other files such as `article.txt` are ignored), a `.json` file (one
report or a list of reports), or any other file read as JSONL (one report per line, blank lines
skipped). A bad file stops loading with an error naming the file and, for JSONL, the line: scores
over a silently shortened gold set would mislead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ghostwatch.model import Report

SHOWN_VALIDATION_ERRORS = 3
"""How many of pydantic's complaints an error message quotes."""


class ReportFileError(Exception):
    """A report file that cannot be read, parsed or validated."""

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = str(path) if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {reason}")


def load_reports(path: str | Path) -> list[Report]:
    """Every report under `path` (folder, `.json` or JSONL file), in file and line order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(found for found in path.rglob("*.json") if found.is_file())
        return [report for file in files for report in _load_json(file)]
    if not path.exists():
        raise ReportFileError(path, "no such file or folder")
    if path.suffix.lower() == ".json":
        return _load_json(path)
    return _load_jsonl(path)


def _load_json(path: Path) -> list[Report]:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as error:
        hint = " (one report per line needs a .jsonl file)" if error.msg == "Extra data" else ""
        raise ReportFileError(path, f"invalid JSON: {error.msg}{hint}", error.lineno) from error
    if isinstance(data, list):
        return [_validate(item, path, f"list item {index}: ") for index, item in enumerate(data, 1)]
    return [_validate(data, path)]


def _load_jsonl(path: Path) -> list[Report]:
    reports = []
    for number, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            reason = f"invalid JSON: {error.msg} (column {error.colno})"
            raise ReportFileError(path, reason, number) from error
        reports.append(_validate(data, path, line=number))
    return reports


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportFileError(path, f"not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise ReportFileError(path, f"cannot read: {error.strerror}") from error


def _validate(data: Any, path: Path, prefix: str = "", line: int | None = None) -> Report:
    if not isinstance(data, dict):
        raise ReportFileError(
            path, f"{prefix}expected a report object, got {type(data).__name__}", line
        )
    try:
        return Report.model_validate(data)
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in problem['loc']) or 'report'}: {problem['msg']}"
            for problem in error.errors()[:SHOWN_VALIDATION_ERRORS]
        ]
        more = error.error_count() - len(problems)
        if more:
            problems.append(f"and {more} more")
        raise ReportFileError(
            path, f"{prefix}not a valid report: {'; '.join(problems)}", line
        ) from error
