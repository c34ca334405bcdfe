"""What the API and the pages share: filters from query parameters, exports, the network as JSON,
evidence highlighting and uploads."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, is_dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from fastapi import HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from markupsafe import Markup, escape
from starlette.datastructures import UploadFile

from ghostwatch.extract import Extractor
from ghostwatch.incidents.export import write_csv, write_geojson
from ghostwatch.incidents.record import IncidentRecord
from ghostwatch.network.brokerage import BROKERAGE_ROLES
from ghostwatch.network.graph import build_graph
from ghostwatch.network.metrics import analyse
from ghostwatch.store import IncidentFilters, Store
from ghostwatch.workflow import IngestSummary, Problem, ingest, load_documents

MAX_PER_PAGE = 200
SORTS = ("date", "-date", "reports", "-reports", "id", "-id")
#: upload limits (bytes)
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
UPLOAD_SUFFIXES = (".jsonl", ".json", ".txt", ".html", ".htm", ".pdf", ".xml", ".rss", ".atom")
#: query parameters that make up a filter (as the incidents list and the exports take them)
FILTER_PARAMS = (
    "date_from",
    "date_to",
    "country",
    "region",
    "incident_type",
    "firearm_kind",
    "seized",
    "q",
)


def incident_filters(
    date_from: str | None = Query(None, description="YYYY-MM-DD; empty for none"),
    date_to: str | None = Query(None, description="YYYY-MM-DD; empty for none"),
    country: str | None = Query(None, max_length=2, description="ISO 3166-1 alpha-2 code"),
    region: str | None = Query(None, description="Admin-1 region name"),
    incident_type: str | None = None,
    firearm_kind: str | None = None,
    seized: str | None = Query(None, description="A seized category"),
    q: str | None = Query(None, description="Words to look for in the incident's sources"),
) -> IncidentFilters:
    """The filter of the query parameters (empty values count as not given: the filter form
    sends its empty date boxes as `date_from=`)."""
    return IncidentFilters(
        date_from=_day(date_from, "date_from"),
        date_to=_day(date_to, "date_to"),
        country=(country or "").strip().upper() or None,
        region=(region or "").strip() or None,
        incident_type=(incident_type or "").strip() or None,
        firearm_kind=(firearm_kind or "").strip() or None,
        seized=(seized or "").strip() or None,
        text=(q or "").strip() or None,
    )


def _day(value: str | None, name: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as error:
        raise RequestValidationError(
            [{"loc": ("query", name), "msg": "a date is YYYY-MM-DD", "type": "value_error"}]
        ) from error


def fact_value(field: str, value: Any) -> Any:
    """The value an analyst may give a fact, checked: {"start", "end"} ISO dates (start <= end)
    for "date", a non-negative integer for "counts.<key>" and "seized.<category>"."""
    if field == "date":
        if not isinstance(value, dict) or not isinstance(value.get("start"), str):
            raise ValueError('a date is {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}')
        start = dt.date.fromisoformat(value["start"])
        end = dt.date.fromisoformat(value.get("end") or value["start"])
        if end < start:
            raise ValueError("the end of the date range is before its start")
        return {"start": start.isoformat(), "end": end.isoformat()}
    if field.startswith(("counts.", "seized.")):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{field} takes a non-negative integer")
        return value
    raise ValueError(f"not a fact of an incident: {field!r} (date, counts.<key>, seized.<item>)")


def check_field(field: str) -> str:
    """`field` if it names a merged fact ("date", "counts.<key>", "seized.<category>")."""
    group, _, key = field.partition(".")
    if (group == "date" and not key) or (group in ("counts", "seized") and key):
        return field
    raise ValueError(f"not a fact of an incident: {field!r} (date, counts.<key>, seized.<item>)")


def filter_query(request: Request) -> dict[str, str]:
    """The filter parameters of a request, as given (for links that keep the filter)."""
    return {k: v for k in FILTER_PARAMS if (v := request.query_params.get(k, "").strip())}


def filtered_ids(store: Store, filters: IncidentFilters, chunk: int = 500) -> Iterator[int]:
    page = 1
    while True:
        result = store.incidents.query(filters, sort="-date", page=page, per_page=chunk)
        yield from (row.id for row in result.items)
        if len(result.items) < chunk:  # `total` stops counting at COUNT_CAP: read to the end
            return
        page += 1


def filtered_records(store: Store, filters: IncidentFilters) -> Iterator[IncidentRecord]:
    for incident_id in filtered_ids(store, filters):
        yield store.incidents.record(incident_id)


def csv_text(store: Store, filters: IncidentFilters) -> str:
    stream = io.StringIO(newline="")
    write_csv(filtered_records(store, filters), stream)
    return stream.getvalue()


def geojson_text(store: Store, filters: IncidentFilters) -> str:
    stream = io.StringIO()
    write_geojson(filtered_records(store, filters), stream)
    return stream.getvalue()


def plain(value: Any) -> Any:
    """Dataclasses (rows, pages, audit entries) as JSON-ready dicts."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


# the network


def network_json(records: list[IncidentRecord]) -> dict[str, Any]:
    """Nodes and edges for cytoscape: the graph of `records`, with its measures."""
    graph = build_graph(records)
    summary = analyse(graph)
    nodes = [
        {
            "id": str(node),
            "label": attributes.get("label") or str(node),
            "kind": attributes.get("kind"),
            "role_group": attributes.get("role_group") or None,
            "brokerage": sum(int(attributes.get(f"brokerage_{r}", 0)) for r in BROKERAGE_ROLES),
            "degree": attributes.get("degree", 0),
            "betweenness": attributes.get("betweenness", 0.0),
            "community": attributes.get("community", -1),
            "articulation_point": bool(attributes.get("articulation_point")),
            "documents": sorted(attributes.get("documents") or []),
        }
        for node, attributes in graph.nodes(data=True)
    ]
    edges = [
        {
            "id": f"e{index}",
            "source": str(source),
            "target": str(target),
            "relation": str(key),
            "documents": sorted(attributes.get("documents") or []),
        }
        for index, (source, target, key, attributes) in enumerate(graph.edges(keys=True, data=True))
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "summary": {
            k: summary[k] for k in ("nodes", "edges", "communities", "articulation_points")
        },
    }


# evidence


def evidence_by_document(record: IncidentRecord) -> dict[str, list[tuple[int, int]]]:
    """Every evidence span of the record (any fact, any claim), by the document it is in."""
    found: dict[str, set[tuple[int, int]]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("document_id"), str) and isinstance(node.get("evidence"), list):
                spans = found.setdefault(node["document_id"], set())
                for span in node["evidence"]:
                    if isinstance(span, dict) and "start" in span and "end" in span:
                        spans.add((int(span["start"]), int(span["end"])))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(record.model_dump(mode="json"))
    return {document: sorted(spans) for document, spans in found.items()}


def highlight(text: str, spans: list[tuple[int, int]]) -> Markup:
    """`text` as HTML with the spans in <mark class="evidence">: every piece escaped on its own,
    overlapping spans joined, spans outside the text dropped."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[str] = []
    at = 0
    for start, end in merged:
        parts.append(str(escape(text[at:start])))
        parts.append(f'<mark class="evidence">{escape(text[start:end])}</mark>')
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))


def safe_link(address: str | None) -> str | None:
    """A source address fit for an href: http(s) only (never javascript: and the like)."""
    if address and address.lower().startswith(("http://", "https://")):
        return address
    return None


# uploads


class UploadTooLarge(HTTPException):
    def __init__(self, detail: str) -> None:
        super().__init__(413, detail)


def upload_suffix(filename: str | None) -> str:
    """The allowed extension of an uploaded file's name (the only part of it ever used)."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name.lower()
    for suffix in UPLOAD_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    raise HTTPException(
        400,
        f"unsupported file type: {filename!r} (allowed: {', '.join(UPLOAD_SUFFIXES)})",
    )


async def save_uploads(files: list[UploadFile], folder: Path) -> dict[str, str]:
    """Write the uploads into `folder` under generated names; returns {path: original name}.

    Sizes are counted while reading, whatever the client declared: a file over MAX_FILE_BYTES or
    a total over MAX_TOTAL_BYTES stops the upload (413)."""
    if not files:
        raise HTTPException(400, "no files")
    saved: dict[str, str] = {}
    total = 0
    for index, upload in enumerate(files):
        suffix = upload_suffix(upload.filename)
        path = folder / f"upload-{index:04d}{suffix}"
        size = 0
        with path.open("xb") as stream:
            while chunk := await upload.read(1024 * 1024):
                size += len(chunk)
                total += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise UploadTooLarge(
                        f"{upload.filename!r} is over {MAX_FILE_BYTES // (1024 * 1024)} MB"
                    )
                if total > MAX_TOTAL_BYTES:
                    raise UploadTooLarge(
                        f"the upload is over {MAX_TOTAL_BYTES // (1024 * 1024)} MB in all"
                    )
                stream.write(chunk)
        saved[str(path)] = upload.filename or path.name
    return saved


def extractor_of(request: Request) -> Extractor:
    """The app's extractor, loaded on first use (the models take a while)."""
    state = request.app.state
    with state.extractor_lock:
        if state.extractor is None:
            state.extractor = Extractor()
        return state.extractor


def ingest_saved(
    store: Store, extractor: Extractor, saved: dict[str, str]
) -> tuple[IngestSummary, list[dict[str, str]]]:
    """Ingest the saved uploads; problems name the uploaded file, not the temporary one."""
    summary = ingest(load_documents(list(saved)), store, extractor)
    problems = [
        {"origin": _origin(problem, saved), "reason": problem.reason}
        for problem in summary.problems
    ]
    return summary, problems


def _origin(problem: Problem, saved: dict[str, str]) -> str:
    for path, name in saved.items():
        if problem.origin.startswith(path):
            return name + problem.origin[len(path) :]
    return problem.origin


def summary_json(summary: IngestSummary, problems: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "documents": summary.documents,
        "results": {result.value: count for result, count in summary.results.items()},
        "extracted": summary.extracted,
        "relevant": summary.relevant,
        "problems": problems,
        "incidents": {
            "resolved": summary.incidents.resolved,
            "attached": summary.incidents.attached,
            "opened": summary.incidents.opened,
        },
        "reported": list(summary.reported),
    }


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="ghostwatch-upload-")
