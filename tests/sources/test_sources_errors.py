from ghostwatch.sources import SourceError


def test_message_names_path_and_line() -> None:
    error = SourceError("news/feed.jsonl", 12, "malformed JSON")
    assert str(error) == "news/feed.jsonl:12: malformed JSON"
    assert (error.path, error.line, error.reason) == ("news/feed.jsonl", 12, "malformed JSON")


def test_message_without_line_names_the_file() -> None:
    assert str(SourceError("scan.pdf", None, "encrypted")) == "scan.pdf: encrypted"


def test_is_an_exception_a_caller_may_raise() -> None:
    error = SourceError("a.txt", None, "binary file, not text")
    try:
        raise error
    except SourceError as caught:
        assert caught is error
