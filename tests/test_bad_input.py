"""Bad input, one test per row of the README's reliability table, through the real `kg build`.

Each case checks what the user sees (a one-line message naming the file, and the line where one
applies, with what to do), the exit code (non-zero only when nothing usable was read) and what
the store holds afterwards (the good articles, whole, and nothing of the bad ones).

Starting `kg build` costs seconds (spaCy's pipelines), so the cases share two builds, made once
per session: every bad file beside good ones (`--on-error skip`, the default), and the bad files
alone. Each test then checks its own row in those builds' output and store.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import psutil
import pytest

from conftest import ROOT, run_kg
from kg.ingest import read_articles
from reliability_support import build, invented_article, shared_dir, store_graphs, write_jsonl

GOOD = {"id": "boa", "lang": "pt", "title": "Acordo assinado em Recife",
        "text": "A ministra Lorena Salgueiro Duarte assinou em Recife um acordo com o Banco Mundial."}
LATIN = "Reunião em Brasília\n\nA diretora Carla Barreto Lins visitou o Ministério da Fazenda em Brasília."
MISSING = "nao-existe.json"


def write_unreadable(folder: Path) -> None:
    """Files from which nothing can be built."""
    folder.mkdir()
    for name in ("vazio.txt", "vazio.json", "vazio.jsonl", "vazio.html"):
        (folder / name).write_text("  \n\n", encoding="utf-8")
    (folder / "zero.json").write_text(json.dumps({"id": "zero", "text": ""}), encoding="utf-8")
    (folder / "artigos.json").write_bytes(gzip.compress(json.dumps(GOOD).encode()))  # misnamed gzip
    (folder / "quebrado.json").write_text('{\n  "id": "q",\n  "text": "Ana visitou Lima."\n  "title": "x"\n}',
                                          encoding="utf-8")
    (folder / "sem-texto.json").write_text(json.dumps({"id": "s", "title": "Só título"}), encoding="utf-8")
    for kind, value in {"lista": ["uma", "lista"], "objeto": {"pt": "x"}, "numero": 42}.items():
        (folder / f"tipo-{kind}.json").write_text(json.dumps({"id": kind, "text": value}), encoding="utf-8")
    (folder / "fundo.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (folder / "inteiro.json").write_text('{"id": "n", "text": ' + "9" * 20_000 + "}", encoding="utf-8")
    (folder / "script.html").write_text(
        "<html><head><script>var a = 'Ana visitou Lima';</script></head>"
        "<body><script>document.write('<p>' + a + '</p>')</script><noscript></noscript></body></html>",
        encoding="utf-8")


def write_readable(folder: Path) -> None:
    """Files with something wrong that still hold articles."""
    folder.mkdir()
    (folder / "latin.txt").write_bytes(LATIN.encode("latin-1"))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Título com BOM\n\nO Banco Mundial abriu escritório em Quito."
                                     .encode())
    (folder / "bom2.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(dict(GOOD, id="bom2")).encode())
    records = [json.dumps(invented_article(1)), '{"id": "nota-x", "text": "sem fim', json.dumps(invented_article(2))]
    (folder / "lote.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "lista.json").write_text(json.dumps([dict(GOOD, id="lista-boa"), {"id": "x"}, "texto solto"]),
                                       encoding="utf-8")
    write_jsonl(folder / "dup.jsonl", [dict(GOOD, id="dup", title="Primeira versão"),
                                       dict(GOOD, id="dup", title="Segunda versão")])
    (folder / "lingua.json").write_text(json.dumps({"id": "lingua", "lang": "xx", "text": GOOD["text"]}),
                                        encoding="utf-8")


def png(folder: Path) -> Path:
    path = folder / "foto.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def run_and_keep(root: Path, *paths: Path | str) -> None:
    proc = build(*paths, "--store", root / "store")
    (root / "proc.json").write_text(json.dumps({"rc": proc.returncode, "out": proc.stdout, "err": proc.stderr}))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> dict:
    """Every bad file beside readable ones, built with the default `--on-error skip`."""
    def make(root: Path) -> None:
        write_unreadable(root / "bad")
        write_readable(root / "ok")
        run_and_keep(root, root / MISSING, png(root), root / "bad", root / "ok")
    return result(shared_dir(tmp_path_factory, "mixed", make))


@pytest.fixture(scope="module")
def only_bad(tmp_path_factory) -> dict:
    """The unreadable files alone: nothing usable."""
    def make(root: Path) -> None:
        write_unreadable(root / "bad")
        run_and_keep(root, root / MISSING, png(root), root / "bad")
    return result(shared_dir(tmp_path_factory, "only-bad", make))


def result(root: Path) -> dict:
    proc = json.loads((root / "proc.json").read_text())
    proc["errors"] = [line for line in proc["err"].splitlines() if line.startswith("error:")]
    proc["warnings"] = [line for line in proc["err"].splitlines() if line.startswith("warning:")]
    proc["store"] = root / "store"
    return proc


def stored_titles(store: Path) -> dict[str, str]:
    proc = run_kg("query", "--store", store, "--format", "json",
                  "SELECT ?a ?t WHERE { ?a a kg:Article . OPTIONAL { ?a kg:title ?t } }")
    rows = json.loads(proc.stdout)["results"]["bindings"]
    return {r["a"]["value"].rsplit("/", 1)[1]: r.get("t", {}).get("value", "") for r in rows}


def one_line(lines: list[str], *needles: str) -> str:
    """The single line that holds every needle."""
    found = [line for line in lines if all(n in line for n in needles)]
    assert len(found) == 1, (needles, lines)
    return found[0]


# --------------------------------------------------------------------- unreadable: refused, named

UNREADABLE = {
    "missing path": (MISSING, "no such file or folder", "check the path"),
    "empty .txt": ("vazio.txt", "file is empty", "add the article's text or remove the file"),
    "empty .json": ("vazio.json: file is empty",),
    "empty .jsonl": ("vazio.jsonl", "file is empty"),
    "empty .html": ("vazio.html", "file is empty"),
    "zero-length text": ("zero.json", "article text is empty", "remove it"),
    "PNG": ("foto.png", "is a PNG image, not text", "remove it from the input"),
    "gzip": ("artigos.json", "is a gzip archive, not text", "remove it from the input"),
    "malformed JSON": ("quebrado.json:4:", "malformed JSON at line 4 column 3", "fix the file"),
    "no text field": ("sem-texto.json", "no 'text' field", "put the article's body in 'text'"),
    "text is a list": ("tipo-lista.json", "'text' must be a string, not list"),
    "text is an object": ("tipo-objeto.json", "'text' must be a string, not dict"),
    "text is a number": ("tipo-numero.json", "'text' must be a string, not int"),
    "JSON nested 200,000 deep": ("fundo.json", "nested too deeply", "fix the file"),
    "20,000-digit number": ("inteiro.json", "JSON value cannot be read", "fix the file"),
    "HTML all script": ("script.html", "no readable article text", "save the article's text as .txt"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unreadable_input_gets_one_line_naming_the_file(case, mixed, only_bad):
    for run in (mixed, only_bad):
        line = one_line(run["errors"], *UNREADABLE[case])
        assert line.count("\n") == 0 and len(line) < 400


def test_nothing_usable_exits_non_zero_and_stores_nothing(only_bad):
    assert only_bad["rc"] != 0
    assert len(only_bad["errors"]) == len(UNREADABLE)
    assert "Error: nothing usable was read" in only_bad["err"]
    assert "Traceback" not in only_bad["err"]
    assert store_graphs(only_bad["store"]) == {}


def test_bad_files_beside_good_ones_are_skipped_with_a_summary(mixed):
    assert mixed["rc"] == 0, mixed["err"]
    assert f"{len(UNREADABLE) + 3} failed" in mixed["out"]  # + lote.jsonl:2, lista.json[1], lista.json[2]
    assert set(stored_titles(mixed["store"])) == {"latin", "bom", "bom2", "nota-1", "nota-2", "lista-boa", "dup",
                                                   "lingua"}


# --------------------------------------------------------------------- readable: built, warned

def test_invalid_utf8_is_read_as_latin1_with_the_byte_offset(mixed):
    offset = LATIN.encode("latin-1").index("ã".encode("latin-1"))
    one_line(mixed["warnings"], "latin.txt: not valid UTF-8 at byte", f"byte {offset};", "save it as UTF-8")
    assert stored_titles(mixed["store"])["latin"] == "Reunião em Brasília"


def test_byte_order_mark_is_dropped(mixed):
    titles = stored_titles(mixed["store"])
    assert titles["bom"] == "Título com BOM" and titles["bom2"] == GOOD["title"]
    assert not any("bom" in line for line in mixed["errors"] + mixed["warnings"])


def test_jsonl_with_one_bad_line_builds_the_others(mixed):
    one_line(mixed["errors"], "lote.jsonl:2:", "malformed JSON at column", "fix or remove the line")
    assert {"nota-1", "nota-2"} <= set(stored_titles(mixed["store"]))


def test_json_list_with_bad_records_names_their_index(mixed):
    one_line(mixed["errors"], "lista.json[1]", "no 'text' field")
    one_line(mixed["errors"], "lista.json[2]", "must be a JSON object")
    assert "lista-boa" in stored_titles(mixed["store"])


def test_duplicate_ids_in_one_batch_the_later_wins_with_a_warning(mixed):
    one_line(mixed["warnings"], "dup.jsonl:2: duplicate article id 'dup'; the later one wins")
    assert stored_titles(mixed["store"])["dup"] == "Segunda versão"


def test_unknown_language_is_built_with_a_warning(mixed):
    one_line(mixed["warnings"], "lingua.json: language 'xx' is not supported", "English rules")
    assert "lingua" in stored_titles(mixed["store"])


def test_duplicate_ids_across_runs_replace_the_article(tmp_path):
    store = tmp_path / "s"
    write_jsonl(tmp_path / "a.jsonl", [dict(GOOD, text=GOOD["text"] + " O Banco Mundial celebrou.")])
    build(tmp_path / "a.jsonl", "--store", store)
    before = store_graphs(store)
    write_jsonl(tmp_path / "b.jsonl", [dict(GOOD, title="Versão corrigida")])
    proc = build(tmp_path / "b.jsonl", "--store", store)
    assert "1 replaced" in proc.stdout
    assert stored_titles(store) == {"boa": "Versão corrigida"}
    after = store_graphs(store)
    assert len(after) == 1 and after != before
    # nothing of the first version is left behind (one of its sentences held the extra clause)
    assert not any("celebrou" in q for quads in after.values() for q in quads)


def test_on_error_fail_refuses_the_whole_batch(tmp_path):
    path = tmp_path / "lote.jsonl"
    path.write_text(json.dumps(invented_article(1)) + "\n{broken\n", encoding="utf-8")
    (tmp_path / "boa.json").write_text(json.dumps(GOOD), encoding="utf-8")
    proc = build(path, tmp_path / "boa.json", "--store", tmp_path / "s", "--on-error", "fail")
    assert proc.returncode != 0
    assert "lote.jsonl:2" in proc.stderr and "nothing was built (--on-error fail)" in proc.stderr
    if (tmp_path / "s" / "oxigraph").exists():
        assert store_graphs(tmp_path / "s") == {}


# --------------------------------------------------------------------- size: bounded

@pytest.mark.slow
def test_fifty_megabyte_article_is_cut_with_a_warning(tmp_path):
    from kg.ingest import MAX_TEXT_CHARS

    paragraph = invented_article(7)["text"] + "\n\n"
    text = paragraph * (50_000_000 // len(paragraph) + 1)
    path = tmp_path / "enorme.json"
    path.write_text(json.dumps({"id": "enorme", "lang": "pt", "text": text}, ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size >= 50_000_000
    started = time.monotonic()
    proc = build(path, "--store", tmp_path / "s", timeout=240)
    seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    assert f"enorme.json: article text has {len(text):,} characters; only the first" in proc.stderr
    assert seconds < 180, seconds
    [graph] = store_graphs(tmp_path / "s").values()
    # sentences are stored with their offsets: none reaches past the cap
    ends = [int(q.split('"')[1]) for q in graph if "#charEnd>" in q]
    assert ends and max(ends) <= MAX_TEXT_CHARS + 200
    print(f"50 MB article: {seconds:.0f} s")


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_two_hundred_thousand_line_jsonl_is_streamed(tmp_path):
    """The reader never holds the file; the build finishes in bounded time and memory."""
    path = tmp_path / "muitas.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(200_000):
            f.write(json.dumps({"id": f"n{i}", "lang": "en", "text": f"Note {i}."}) + "\n")
    # the reader holds one line at a time, whatever the file's size
    tracemalloc.start()
    assert sum(1 for _ in read_articles([path])) == 200_000
    _, reader_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert reader_peak < 20_000_000, f"reading 200,000 lines peaked at {reader_peak / 1e6:.0f} MB"
    started = time.monotonic()
    # one process: for articles this short, handing them to workers costs more than extracting them
    proc = psutil.Popen([sys.executable, "-m", "kg", "build", str(path), "--store", str(tmp_path / "s"), "-q", "-j", "1"],
                        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.5)
        if time.monotonic() - started > 1000:  # about 150 s on two idle cores; this only catches a hang
            proc.kill()
            pytest.fail("the build of 200,000 lines took over 1,000 s")
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "200000 articles built" in out, out
    # the build's memory is spaCy's vocabulary (every new word is interned), capped caches and
    # Oxigraph's write buffers: it levels off rather than growing with the file
    assert peak < 1_500_000_000, f"peak RSS {peak / 1e6:.0f} MB"
    print(f"200,000-line JSONL: read with a {reader_peak / 1e6:.1f} MB peak; built in "
          f"{time.monotonic() - started:.0f} s, peak RSS {peak / 1e6:.0f} MB")
