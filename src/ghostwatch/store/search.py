"""Full-text search over stored documents, the same way on SQLite and PostgreSQL.

Analysts type words, not query syntax. A query is therefore reduced to its words, each searched for
as a plain term and all of them required, on both databases: quotes, parentheses, `NEAR`, `*` or
SQL fragments can neither raise a syntax error nor change the meaning of a search. Matching folds
case and accents (see migration 0001); titles weigh more than body text.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, text

# Around matched words in snippets. Unusual brackets, so a face can find them reliably (news text
# does not use them) and terminal markup such as Rich's [tags] does not mistake them for its own.
HIGHLIGHT_START = "⟦"
HIGHLIGHT_END = "⟧"
ELLIPSIS = "…"
SNIPPET_WORDS = 24

_WORD = re.compile(r"[^\W_]+")

# bm25 weights for (title, text) on SQLite; PostgreSQL weighs through setweight() A/B.
_SQLITE_SEARCH = text(
    f"""
    SELECT d.id, d.title,
           snippet(documents_fts, 1, :start, :end, :ellipsis, {SNIPPET_WORDS}) AS snippet,
           -bm25(documents_fts, 10.0, 1.0) AS score
    FROM documents_fts JOIN documents AS d ON d.pk = documents_fts.rowid
    WHERE documents_fts MATCH :query
    ORDER BY score DESC, d.id
    LIMIT :limit
    """
)

# Rank and limit first, then build headlines (costly) for the few rows kept.
_POSTGRES_SEARCH = text(
    """
    WITH q AS (SELECT websearch_to_tsquery('ghostwatch_search', :query) AS query),
    best AS (
        SELECT d.id, d.title, d.text, ts_rank(d.search_vector, q.query) AS score, q.query
        FROM documents AS d, q
        WHERE d.search_vector @@ q.query
        ORDER BY score DESC, d.id
        LIMIT :limit
    )
    SELECT id, title, ts_headline('ghostwatch_search', text, query, :options) AS snippet, score
    FROM best
    ORDER BY score DESC, id
    """
)

_HEADLINE_OPTIONS = (
    f'StartSel="{HIGHLIGHT_START}", StopSel="{HIGHLIGHT_END}", '
    f'FragmentDelimiter=" {ELLIPSIS} ", MaxFragments=2, '
    f"MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"
)


class SearchHit(BaseModel):
    """One matching document. `rank`: higher is better, comparable within one search only."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    title: str | None
    snippet: str
    rank: float


def search_terms(query: str) -> list[str]:
    """The words of a query, in order, without punctuation or operators."""
    return _WORD.findall(query)


def search_documents(connection: Connection, query: str, limit: int) -> list[SearchHit]:
    """The best `limit` documents containing every word of `query` (none for a wordless query)."""
    if limit < 1:
        raise ValueError(f"search limit must be at least 1, not {limit}")
    terms = search_terms(query)
    if not terms:
        return []
    # Each word quoted: FTS5 and websearch_to_tsquery then read it as a word, never an operator.
    quoted = " ".join(f'"{term}"' for term in terms)
    statement = _POSTGRES_SEARCH if connection.dialect.name == "postgresql" else _SQLITE_SEARCH
    rows = connection.execute(
        statement,
        {
            "query": quoted,
            "limit": limit,
            "start": HIGHLIGHT_START,
            "end": HIGHLIGHT_END,
            "ellipsis": ELLIPSIS,
            "options": _HEADLINE_OPTIONS,
        },
    )
    # Snippets often span paragraphs; one line of text reads better in a table or a result list.
    return [
        SearchHit(
            document_id=row.id,
            title=row.title,
            snippet=" ".join(row.snippet.split()),
            rank=row.score,
        )
        for row in rows
    ]


_SQLITE_IDS = text(
    "SELECT d.id FROM documents_fts JOIN documents AS d ON d.pk = documents_fts.rowid "
    "WHERE documents_fts MATCH :query LIMIT :limit"
)
_POSTGRES_IDS = text(
    "SELECT d.id FROM documents AS d "
    "WHERE d.search_vector @@ websearch_to_tsquery('ghostwatch_search', :query) LIMIT :limit"
)


def matching_document_ids(connection: Connection, query: str, limit: int) -> list[str]:
    """Ids of up to `limit` documents containing every word of `query`, unranked (for filters)."""
    terms = search_terms(query)
    if not terms:
        return []
    quoted = " ".join(f'"{term}"' for term in terms)
    statement = _POSTGRES_IDS if connection.dialect.name == "postgresql" else _SQLITE_IDS
    return list(connection.execute(statement, {"query": quoted, "limit": limit}).scalars())
