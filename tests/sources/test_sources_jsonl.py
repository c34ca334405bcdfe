import datetime as dt
import gzip
import json
from pathlib import Path

from ghostwatch.model import RawDocument
from ghostwatch.sources import SourceError
from ghostwatch.sources.jsonl import read


def read_all(data: bytes, label: str = "news.jsonl") -> list[RawDocument | SourceError]:
    return list(read(label, data))


def line(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def test_reads_every_field(fixtures: Path) -> None:
    path = fixtures / "articles.jsonl"
    first, second, third = read_all(path.read_bytes(), str(path))

    assert isinstance(first, RawDocument)
    assert first.id == "nord-eclair-2024-0412"
    assert (
        first.source == "https://www.nord-eclair.test/faits-divers/2024/04/12/roubaix-perquisition"
    )
    assert first.title == "Roubaix : deux hommes interpellés après une perquisition"
    assert first.published == dt.date(2024, 4, 12)
    assert first.language == "fr"
    assert first.text.startswith("Deux hommes âgés de 24 et 31 ans ont été interpellés")
    assert "\n\nLes enquêteurs ont saisi deux pistolets" in first.text
    assert first.origin == f"{path}:1"
    assert first.raw_format == "jsonl"

    assert isinstance(second, RawDocument)
    assert second.id == "20240307"  # an integer id becomes a string
    # a datetime keeps the date written in it (23:40 in New York is the next day in UTC)
    assert second.published == dt.date(2024, 3, 7)
    assert second.language is None
    assert "Wolverhampton Crown Court" in second.text

    assert isinstance(third, RawDocument)
    assert (third.id, third.source, third.published) == (None, None, None)
    assert third.title == "Gendarmerie : saisie d'armes dans l'Ain"


def test_malformed_line_in_the_middle_keeps_the_others() -> None:
    data = b"\n".join(
        [
            line(id="a", text="Police searched a flat in Leeds on Monday."),
            b'{"id": "b", "text": "unterminated',
            line(id="c", text="Le parquet de Lille a ouvert une information judiciaire."),
        ]
    )
    items = read_all(data)

    assert [type(item) for item in items] == [RawDocument, SourceError, RawDocument]
    assert items[0].id == "a" and items[2].id == "c"
    assert items[2].origin == "news.jsonl:3"
    error = items[1]
    assert (error.path, error.line) == ("news.jsonl", 2)
    assert "malformed JSON" in error.reason
    assert str(error).startswith("news.jsonl:2: malformed JSON")


def test_invalid_utf8_line_is_an_error_naming_the_line() -> None:
    latin1 = '{"id": "x", "text": "Perquisition à Besançon"}'.encode("latin-1")
    data = b"\n".join([line(id="a", text="Arrest in Cardiff."), latin1])
    good, error = read_all(data)

    assert isinstance(good, RawDocument) and good.text == "Arrest in Cardiff."
    assert isinstance(error, SourceError)
    assert error.line == 2
    assert "not valid UTF-8" in error.reason


def test_bad_records_each_give_an_error() -> None:
    data = b"\n".join(
        [
            b"[1, 2, 3]",
            line(id="no-text", title="Headline only"),
            line(id="empty", text="   "),
            line(id="number", text=42),
            line(id="bad-date", text="Court hearing in Paris.", published="03/07/2024"),
            line(id="bad-title", text="Court hearing in Paris.", title=["a", "b"]),
            line(id=True, text="Court hearing in Paris."),
        ]
    )
    items = read_all(data)
    assert all(isinstance(item, SourceError) for item in items)
    reasons = {item.line: item.reason for item in items}
    assert reasons[1] == "expected a JSON object, found an array"
    assert reasons[2] == "missing or empty 'text'"
    assert reasons[3] == "missing or empty 'text'"
    assert reasons[4] == "'text' must be a string, found a number"
    assert reasons[5] == "bad 'published' date '03/07/2024': expected an ISO date or datetime"
    assert reasons[6] == "'title' must be a string, found an array"
    assert reasons[7] == "'id' must be a string or an integer, found a boolean"


def test_blank_lines_crlf_and_bom_are_tolerated() -> None:
    data = (
        b"\xef\xbb\xbf"
        + line(id="a", text="Raid in Lyon.", published="2024-05-02")
        + b"\r\n\r\n   \r\n"
        + line(id="b", text="Trial in Nice.")
        + b"\r\n"
    )
    first, second = read_all(data)
    assert (first.id, first.published, first.origin) == ("a", dt.date(2024, 5, 2), "news.jsonl:1")
    assert (second.id, second.origin) == ("b", "news.jsonl:4")


def test_gzip_file_is_decompressed() -> None:
    plain = line(id="gz", text="Deux armes saisies à Rennes.", published="2024-01-15")
    (document,) = read_all(gzip.compress(plain + b"\n"), "news.jsonl.gz")
    assert (document.id, document.text) == ("gz", "Deux armes saisies à Rennes.")
    assert document.published == dt.date(2024, 1, 15)


def test_truncated_gzip_keeps_complete_lines() -> None:
    lines = [line(id=f"n{i}", text=f"Article number {i} about a court case.") for i in range(200)]
    packed = gzip.compress(b"\n".join(lines) + b"\n")
    items = read_all(packed[: len(packed) // 2], "news.jsonl.gz")

    documents = [item for item in items if isinstance(item, RawDocument)]
    assert documents and documents[0].id == "n0"
    assert [doc.id for doc in documents] == [f"n{i}" for i in range(len(documents))]
    final = items[-1]
    assert isinstance(final, SourceError) and final.line is None
    assert final.reason == "gzip data is truncated"


def test_concatenated_gzip_members_and_trailing_garbage() -> None:
    first = gzip.compress(line(id="m1", text="Arrest in Bristol.") + b"\n")
    second = gzip.compress(line(id="m2", text="Interpellation à Metz.") + b"\n")
    items = read_all(first + second + b"not gzip", "news.jsonl.gz")

    assert [item.id for item in items[:2]] == ["m1", "m2"]
    assert isinstance(items[2], SourceError)
    assert items[2].reason.startswith("gzip data is corrupt")
