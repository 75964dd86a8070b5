"""Engine outputs pinned: the speed work on the rules engine must not change a single event.

`tests/data/rules_golden.json` holds, for the labelled items of the corpus (dev + seeds) and
of tests/data/rules_holdout.jsonl, every built-in event with its evidence and the admin rules
that fire for a small rule set (phrases, regexes, negations, every field). A change of the
rules that is meant to change outputs regenerates it:

    UPDATE_RULES_GOLDEN=1 python -m pytest -q tests/test_rules_parity.py

The other tests check the fast paths against the slow forms they replace (stdlib patterns vs
their RE2 originals, RE2 Sets vs one regex per check, lazily compiled regexes).
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import re2

from releasewatch.models import Item
from rules import evaluate
from rules.admin import Matcher, parse_rule
from rules.numbers import _AFTER, _BEFORE, _DIGITS, find_numbers, lexicon
from rules.packs import languages
from rules.text import (
    _CLAUSE,
    _SENT_END,
    LazyRe,
    any_word,
    clean,
    compile_re,
    find_words,
    has,
    lexicon_re,
    search_spans,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "rules_golden.json"
FILES = (
    ROOT / "releasewatch" / "samples" / "corpus" / "dev.jsonl",
    ROOT / "releasewatch" / "samples" / "corpus" / "seeds.jsonl",
    ROOT / "tests" / "data" / "rules_holdout.jsonl",
)
ADMIN_RULES = (
    "kind:pardon country:BY min_count:10",
    '"Lukashenko" OR "Лукашенко"',
    'kind:sanctions direction:lifted -"Belavia"',
    "regex:/viasna\\w*|вясна/i",
    'kind:prisoner_count (source:Viasna OR "political prisoners") lang:en',
    "kind:pardon max_count:100 qualifier:over",
    'by:EU kind:sanctions OR target:"Belavia"',
    "NOT kind:sanctions (amnesty OR помилование OR grazia)",
    "kind:pardon (country:VE OR country:CU OR country:NI) -(exchange OR swap)",
    "lang:ru kind:prisoner_count",
)


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in FILES:
        with open(path, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def _item(row: dict[str, Any]) -> Item:
    published = datetime.fromisoformat(row["published"])
    return Item(
        key=str(row["id"]),
        title=row.get("title") or "",
        summary=row.get("summary") or "",
        link=None,
        published=published if published.tzinfo else published.replace(tzinfo=UTC),
        lang=row.get("lang"),
    )


def _outputs() -> dict[str, Any]:
    matcher = Matcher([(i + 1, f"rule {i + 1}", parse_rule(s)) for i, s in enumerate(ADMIN_RULES)])
    items: dict[str, Any] = {}
    admin: dict[str, Any] = {}
    for row in _rows():
        it = _item(row)
        items[it.key] = [e.to_json(with_evidence=True) for e in evaluate(it)]
        admin[it.key] = [
            [
                m.rule_id,
                m.event.kind,
                m.event.count,
                m.event.evidence.how if m.event.evidence else "",
            ]
            for m in matcher.evaluate(it)
            if m.rule_id.startswith("admin:")
        ]
    return {"items": items, "admin": admin}


def test_engine_outputs_match_the_golden_file() -> None:
    current = json.loads(json.dumps(_outputs(), ensure_ascii=False))
    if os.environ.get("UPDATE_RULES_GOLDEN"):
        GOLDEN.write_text(
            json.dumps(current, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden["items"]) >= 300
    for part in ("items", "admin"):
        differ = [k for k in golden[part] if golden[part][k] != current[part].get(k)]
        assert not differ, (part, differ[:5], [current[part].get(k) for k in differ[:2]])
        assert set(current[part]) == set(golden[part])


# ------------------------------------------------------------ fast paths vs originals
def _texts() -> list[str]:
    out: list[str] = []
    for row in _rows():
        out.append(clean(row.get("title") or ""))
        out.extend(split_sentences(clean(row.get("summary") or "")))
    return out


def _fuzz(alphabet: str, n: int, seed: int, max_len: int = 30) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, max_len))) for _ in range(n)]


def test_sentence_end_pattern_matches_its_re2_original() -> None:
    original = re2.compile(r"[.!?…]+[\"»”’')]*\s+|\n+")
    texts = _texts() + _fuzz(".!?…\"»”’')\n \t\r\f\vab1\u00a0", 20000, 1)
    for t in texts:
        assert [m.span() for m in _SENT_END.finditer(t)] == [
            m.span() for m in original.finditer(t)
        ], t


def test_clause_pattern_matches_its_original() -> None:
    original = re.compile(r"[,;:()\[\]]\s|\s[—–-]\s|[;:]")
    for t in _texts() + _fuzz(",;:()[] —–-\u00a0\tab", 20000, 2):
        assert [m.span() for m in _CLAUSE.finditer(t)] == [m.span() for m in original.finditer(t)]


def test_digit_pattern_matches_its_original() -> None:
    original = re.compile(
        r"(?:^|(?<=[^\w.,]|_))(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:['’]\d{3})+|\d+)(?:([.,])(\d{1,2}))?(?!\d)"
    )
    for t in _texts() + _fuzz("0123456789,.' ’\u00a0\u202f_a-é٣", 30000, 3, 25):
        got = [(m.span(), m.span(1), m.span(2), m.span(3)) for m in _DIGITS.finditer(t)]
        want = [(m.span(), m.span(1), m.span(2), m.span(3)) for m in original.finditer(t)]
        assert got == want, t


@pytest.mark.parametrize("text", ["." * 200_000 + "x", "!" * 100_000 + "»" * 100_000 + "y"])
def test_sentence_split_stays_linear(text: str) -> None:
    t0 = time.perf_counter()
    assert split_sentences(text) == [text]
    assert time.perf_counter() - t0 < 2.0


def test_number_checks_in_sets_answer_like_one_regex_each() -> None:
    """_classify asks two RE2 Sets; each check on its own (has()) gives the same answers."""
    lex = lexicon(languages())
    before = [getattr(lex, n) for n in _BEFORE]
    after = [getattr(lex, n) for n in _AFTER]
    windows: list[str] = []
    for t in _texts():
        for m in re.finditer(r"\d+", t):
            windows += [t[max(0, m.start() - 40) : m.start()], t[m.end() : m.end() + 40]]
    windows += ["", " ", "$", "US$ ", "€", "EUR ", "aged ", "в возрасте ", "12 May", " de mayo"]
    for w in windows:
        b = set(lex.before_set.Match(w.encode()))  # type: ignore[attr-defined]
        a = set(lex.after_set.Match(w.encode()))  # type: ignore[attr-defined]
        assert b == {i for i, rx in enumerate(before) if has(rx, w)}, w
        assert a == {i for i, rx in enumerate(after) if has(rx, w)}, w


def test_classify_skips_the_before_set_only_when_no_check_can_match() -> None:
    lex = lexicon(languages())
    before = [getattr(lex, n) for n in _BEFORE]
    for w in _fuzz("€$£DRPUSEBG \t\nab1.,", 20000, 4, 8):
        if not (w[-1:] in "\t\n\f\r €$£DRP" and w):
            assert not any(has(rx, w) for rx in before), w
    text = "Released 25 people, 3 were aged 60 and $5 bail paid on 12 May 2024"
    assert [(n.text, n.bad) for n in find_numbers(text, ("en",))] == [
        ("25", None),
        ("3", None),
        ("60", "age"),
        ("5", "money"),
        ("12", "date"),
        ("2024", "year"),
    ]


def test_multiplier_first_characters() -> None:
    lex = lexicon(languages())
    assert lex.mult_first is not None
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-, ":
        if c.lower() not in lex.mult_first:
            assert search_spans(lex.mult_re, c + "illion x") is None  # type: ignore[arg-type]
    assert [n.value for n in find_numbers("freed 2 million and 3 тыс. people", ("ru",))] == [
        2_000_000,
        3000,
    ]


def test_lazy_regex_is_the_compiled_regex() -> None:
    lazy = compile_re(r"(?i)(?:^|[^\pL\pN])(?:par(?P<x>don)\pL*)", longest=True, lazy=True)
    assert isinstance(lazy, LazyRe)
    eager = compile_re(r"(?i)(?:^|[^\pL\pN])(?:par(?P<x>don)\pL*)", longest=True)
    for t in ("He pardoned 5", "no", "Pardons, pardon", "ПАРДОН pardonné"):
        assert find_words(lazy, t) == find_words(eager, t)
        assert any_word(lazy, t) == bool(find_words(eager, t))
        assert search_spans(lazy, t) == (
            None if eager.search(t) is None else [eager.search(t).span(g) for g in range(2)]
        )
    assert lazy.groupindex == eager.groupindex
    assert lazy.pattern == eager.pattern


def test_search_spans_gives_char_offsets() -> None:
    rx = compile_re(r"(\d+) (человек|people)")
    for t in ("освобождены 25 человек", "freed 25 people", "none"):
        m = rx.search(t)
        got = search_spans(rx, t)
        assert got == (None if m is None else [m.span(0), m.span(1), m.span(2)])


def test_clean_one_line_fast_path_folds_like_the_general_one() -> None:
    for t in _fuzz("ab \t\r\x0b\x0c\x1c\x85\u2028\u3000é\n", 30000, 5, 20):
        want = "\n".join(" ".join(line.split()) for line in t.split("\n")).strip()
        assert clean(t) == want, repr(t)


def test_a_match_ending_inside_a_word_hides_no_match_that_starts_within_it() -> None:
    # the longest match of the first fragment at "акції" ends inside "закликали" and is no
    # word match; the cue "закликали" starts inside it and must still be found
    rx = lexicon_re(["акці\\pL* (?:\\pL+ ){0,2}за", "закликал\\pL*"])
    for t in ("Учасники акції закликали владу", "rally: акції закликали"):
        assert [t[a:b] for a, b in find_words(rx, t)] == ["закликали"]
        assert any_word(rx, t)
    # ... and ASCII text alike; a match ending at a word edge is kept as before
    rx = lexicon_re(["rally (?:\\pL+ ){0,2}for", "forces?"])
    t = "a rally forces"
    assert [t[a:b] for a, b in find_words(rx, t)] == ["forces"]
    t = "a rally for us"
    assert [t[a:b] for a, b in find_words(rx, t)] == ["rally for"]


def test_a_match_ending_inside_a_word_hides_no_shorter_match_from_the_same_start() -> None:
    # RE2 gives the longest match: "no a" at "NO aplica" ends inside "aplica", and the
    # fragment "no" from the same start, which ends at a word edge, must still be found
    rx = lexicon_re(["no", "no (?:a|al|a la)"])
    for t in ("El Supremo NO aplica la amnistía", "Él: ¡no aplica!"):
        assert [t[a:b].lower() for a, b in find_words(rx, t)] == ["no"]
        assert any_word(rx, t)
    t = "No a la amnistía, no al indulto"
    assert [t[a:b].lower() for a, b in find_words(rx, t)] == ["no a la", "no al"]
    # the longest edge-ended match wins, the last word edge first ("no a la|mnistía")
    rx = lexicon_re(["no", "no a", "no a la\\pL"])
    t = "no a lamentos"
    assert [t[a:b] for a, b in find_words(rx, t)] == ["no a"]
    assert not find_words(lexicon_re(["no a\\pL"]), "no aplica")


def test_clean_breaks_sentences_at_block_tags_only() -> None:
    # "<p>a</p><p>b</p>" is two sentences; "<b>general licence</b>" is part of one
    text = clean("<p>OFAC issued a <b>general licence</b> for <a href='x'>NIS</a>.</p><p>More.</p>")
    assert split_sentences(text) == ["OFAC issued a general licence for NIS .", "More."]
    assert clean("one<br/>two<br>three <i>four</i>").split("\n") == ["one", "two", "three four"]
