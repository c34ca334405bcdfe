import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

from ghostwatch.model import RawDocument
from ghostwatch.sources import STDIN_LABEL, SourceError, read_paths


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        path.write_bytes(content)
    return path


def jsonl(*texts: str) -> str:
    return "".join(json.dumps({"id": f"j{i}", "text": t}) + "\n" for i, t in enumerate(texts))


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Arrest in Bath.")
    write(tmp_path / "a" / "z.txt", "Raid in Ayr.")
    write(tmp_path / "a" / "m" / "deep.md", "Trial in Mold.")
    write(tmp_path / "c.jsonl", jsonl("Charge in Crewe.", "Bail in Cork."))
    write(tmp_path / ".hidden.txt", "Should not be read.")
    write(tmp_path / ".git" / "notes.txt", "Should not be read either.")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    write(tmp_path / "data.csv", "not,a,format,we,read")

    items = list(read_paths([str(tmp_path)]))

    assert all(isinstance(item, RawDocument) for item in items)
    assert [item.text for item in items] == [
        "Trial in Mold.",
        "Raid in Ayr.",
        "Arrest in Bath.",
        "Charge in Crewe.",
        "Bail in Cork.",
    ]
    assert items[0].origin == os.path.join(str(tmp_path), "a", "m", "deep.md")
    assert items[3].origin == os.path.join(str(tmp_path), "c.jsonl") + ":1"


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    second = write(tmp_path / "2.txt", "Second: court in Derby.")
    first = write(tmp_path / "1.txt", "First: search in Exeter.")
    items = list(read_paths([str(second), str(first)]))
    assert [item.text for item in items] == [
        "Second: court in Derby.",
        "First: search in Exeter.",
    ]


def test_named_file_with_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    dump = write(tmp_path / "export.dat", jsonl("Seizure in Calais."))
    saved = write(
        tmp_path / "page.php",
        "<!DOCTYPE html><html><head><title>Hull raid</title></head><body><article>"
        "<p>Humberside Police arrested two men in Hull on Tuesday after a search.</p>"
        "<p>A revolver and ammunition were recovered from a loft.</p></article></body></html>",
    )
    (from_dump,) = read_paths([str(dump)])
    (from_page,) = read_paths([str(saved)])

    assert from_dump.raw_format == "jsonl" and from_dump.text == "Seizure in Calais."
    assert from_page.raw_format == "html" and from_page.title == "Hull raid"
    assert "A revolver and ammunition were recovered" in from_page.text


def test_missing_path_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    present = write(tmp_path / "here.txt", "Present: hearing in Leeds.")
    missing = str(tmp_path / "gone.jsonl")
    error, document = read_paths([missing, str(present)])

    assert isinstance(error, SourceError)
    assert error.path == missing and error.line is None
    assert error.reason == "cannot read: No such file or directory"
    assert document.text == "Present: hearing in Leeds."


def test_bad_files_in_a_folder_do_not_stop_the_walk(tmp_path: Path) -> None:
    write(tmp_path / "a.pdf", b"%PDF-1.4 broken")
    write(tmp_path / "b.txt", b"\x00\x01\x02binary")
    write(tmp_path / "c.txt", "Good: sentencing in Truro.")
    items = list(read_paths([str(tmp_path)]))

    assert [type(item) for item in items] == [SourceError, SourceError, RawDocument]
    assert items[0].path.endswith("a.pdf") and items[1].path.endswith("b.txt")
    assert items[2].text == "Good: sentencing in Truro."


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "news" / "one.txt", "Only once: arrest in Hove.")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news")
    items = list(read_paths([str(tmp_path / "news")]))
    assert [item.text for item in items] == ["Only once: arrest in Hove."]


def stdin_items(data: bytes) -> list[RawDocument | SourceError]:
    return list(read_paths(["-"], stdin=io.BytesIO(data)))


def test_stdin_jsonl() -> None:
    first, error, second = stdin_items(
        b'{"id": "s1", "text": "Raid in Lens.", "published": "2024-09-02"}\n'
        b"{oops\n"
        b'{"id": "s2", "text": "Trial in Arras."}\n'
    )
    assert (first.id, first.published, first.origin) == ("s1", dt.date(2024, 9, 2), "<stdin>:1")
    assert isinstance(error, SourceError) and str(error).startswith("<stdin>:2: malformed JSON")
    assert (second.id, second.raw_format) == ("s2", "jsonl")


def test_stdin_gzipped_jsonl() -> None:
    (document,) = stdin_items(gzip.compress(b'{"id": "gz", "text": "Remand in Caen."}\n'))
    assert (document.id, document.text) == ("gz", "Remand in Caen.")


def test_stdin_text() -> None:
    (document,) = stdin_items("Le parquet de Reims a ouvert une enquête.\n".encode())
    assert document.raw_format == "text"
    assert document.text == "Le parquet de Reims a ouvert une enquête.\n"
    assert (document.origin, document.source) == (STDIN_LABEL, None)


def test_stdin_binary_is_refused() -> None:
    (error,) = stdin_items(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
    assert str(error) == "<stdin>: binary file, not text"


def test_stdin_feed(fixtures: Path) -> None:
    items = stdin_items((fixtures / "justice.atom").read_bytes())
    assert [item.title for item in items] == [
        "Lyon : le procès d'un réseau de trafiquants s’ouvre",
        "Toulouse : garde à vue prolongée pour un suspect",
        "Nice : perquisition au port",
    ]
    assert items[0].origin == "<stdin>:1"


def test_stdin_html(fixtures: Path) -> None:
    (document,) = stdin_items((fixtures / "raid-marseille.html").read_bytes())
    assert document.raw_format == "html"
    assert document.published == dt.date(2024, 6, 18)
    assert "cinq armes de poing" in document.text


def test_stdin_pdf(make_pdf) -> None:
    (document,) = stdin_items(make_pdf(["Sentencing at Chester Crown Court on Monday."]))
    assert document.raw_format == "pdf"
    assert document.text == "Sentencing at Chester Crown Court on Monday."
    assert document.source is None


def test_stdin_between_files(tmp_path: Path) -> None:
    before = write(tmp_path / "before.txt", "Before: raid in Wigan.")
    after = write(tmp_path / "after.txt", "After: trial in Bolton.")
    items = list(
        read_paths([str(before), "-", str(after)], stdin=io.BytesIO(b"Middle: arrest in Bury."))
    )
    assert [item.text for item in items] == [
        "Before: raid in Wigan.",
        "Middle: arrest in Bury.",
        "After: trial in Bolton.",
    ]


def test_path_through_a_file_is_an_error(tmp_path: Path) -> None:
    plain = write(tmp_path / "plain.txt", "A file, not a folder.")
    (error,) = read_paths([str(plain / "inner.txt")])
    assert error.reason == "cannot read: Not a directory"
