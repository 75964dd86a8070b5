"""Literal atoms and the Aho-Corasick presence scan (rules/atoms.py).

The scan may name a pattern that turns out not to match (the engine then searches it and finds
nothing) but must never miss one that does: these tests hold it to that on hand-made patterns,
on every built-in pack's patterns over labelled and real feed texts, and check that the engine
and the admin rules give the same answers when the scan names every pattern everywhere.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import re2

from releasewatch.models import Item
from rules import packs
from rules.admin import Matcher, parse_rule
from rules.atoms import Presence, atoms
from rules.engine import Engine
from rules.text import clean, split_sentences
from watchers.parse import parse_feed

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "releasewatch" / "samples" / "corpus"
REAL = ROOT / "tests" / "fixtures" / "feeds" / "real"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # a word-start prefix gives nothing; each branch gives its literal part
        (r"(?i)(?:^|[^\pL\pN])(?:pardons?|amnest\pL*)", {"pardon", "pardons", "amnest"}),
        # casefolded, Cyrillic too
        (r"(?i)(?:ПОМИЛОВАЛ|Помилован)", {"помиловал", "помилован"}),
        # a small class is spelt out; \x{...} is one character
        (r"[уў]вол", {"увол", "ўвол"}),
        (r"x\x{00E9}", {"xé"}),
        # the most selective part of a concatenation: its longest shortest atom
        (r"(?:a|b) \pL+ prisoners", {" prisoners"}),
        (r"detain\pL* (?:and )?released", {" released", " and released"}),
        # x+ holds x; x{2} is x twice
        (r"(?:ab)+c", {"ab"}),
        (r"(?:ab){2}", {"abab"}),
        # a case-sensitive group is matched casefolded (a superset)
        (r"(?-i:EU) sanctions", {"eu sanctions"}),
    ],
)
def test_atoms_of_a_pattern(pattern: str, expected: set[str]) -> None:
    assert atoms(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\pL+",  # any word
        r"a*",  # may match the empty string
        r"(?:pardon|\pN+)",  # one branch has no literal
        r"[[:alpha:]]+ prisoners",  # a POSIX class: RE2 reads it unlike the parser
        r"(?:x",  # not a pattern at all
        r"\Qa.b\E",  # RE2-only quoting the parser refuses
    ],
)
def test_no_atoms_when_none_are_certain(pattern: str) -> None:
    assert atoms(pattern) is None


def test_presence_names_candidates_and_always_the_atomless() -> None:
    pres = Presence([r"(?i)\bpardon\pL*", r"(?i)sanktion", r"\pN+", r"(?i)вызвал"])
    assert pres.candidates("Lukashenko PARDONED 25") == {0, 2}
    assert pres.candidates("EU-Sanktionen gegen") == {1, 2}
    assert pres.candidates("ВЫЗВАЛІЛІ") == {2, 3}  # casefolded
    assert pres.candidates("вызволили") == {2}
    # the scan names what can match; the regex decides ("pardonable" needs a search)
    assert 0 in pres.candidates("pardonable")
    assert not Presence([r"pardon"]).any("sanctions lifted")
    assert Presence([r"pardon"]).any("a PARDON")
    assert Presence([r"\pN+"]).any("")  # an atomless pattern is a candidate everywhere
    assert Presence([r"(?:e|и)"]).candidates("xyz") == {0}  # ... and one with a one-letter atom
    assert Presence([]).candidates("anything") == frozenset()


def _texts() -> list[tuple[str | None, str]]:
    """(declared language, text): labelled items (every fourth of the blind sets) and the
    real feed fixtures, as full texts and as the sentences the engine scans."""
    rows: list[dict[str, str]] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    blind = []
    for path in sorted(DATA.glob("*.jsonl")):
        blind.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    rows.extend(blind[::4])
    for path in sorted(REAL.iterdir()):
        if path.suffix in (".xml", ".json"):
            try:
                feed = parse_feed(
                    path.read_bytes(), {}, fetched_at=datetime(2025, 6, 1, tzinfo=UTC)
                )
            except Exception:  # (a fixture the parser refuses has no texts)
                continue
            rows.extend(
                {"title": i.title or "", "summary": i.summary or "", "lang": i.lang or ""}
                for i in feed.items
            )
    out: list[tuple[str | None, str]] = []
    for r in rows:
        title, summary = clean(r.get("title") or ""), clean(r.get("summary") or "")
        lang = (r.get("lang") or "")[:2].lower() or None
        out.append((lang, f"{title}\n{summary}"))
        out.append((lang, title))
        out.extend((lang, s) for s in split_sentences(summary))
    return out


def _sets(patterns: tuple[str, ...]) -> list[tuple[int, object]]:
    opts = re2.Options()
    opts.max_mem = 256 << 20
    out = []
    for k in range(0, len(patterns), 8):
        rset = re2.Set.SearchSet(opts)
        for j, p in enumerate(patterns[k : k + 8]):
            assert rset.Add(p) == j
        rset.Compile()
        out.append((k, rset))
    return out


def test_pack_presence_never_misses_a_match() -> None:
    """Every pattern of a pack that matches a text is among the scan's candidates (RE2 Sets of
    the same patterns say which match), for each text's own pack and the all-language one."""
    texts = _texts()
    assert len(texts) > 20_000
    langs = set(packs.languages())
    checked = 0
    for lang in [*sorted(langs), packs.ALL]:
        pk = packs.pack(lang)
        assert pk.presence is not None
        sets = _sets(pk.presence.patterns)
        mine = [t for lg, t in texts if lg == lang or (lang == packs.ALL and lg not in langs)]
        for text in mine:
            b = text.encode()
            matched = {k + i for k, rset in sets for i in (rset.Match(b) or ())}  # type: ignore[attr-defined]
            missed = matched - pk.present(text)
            assert not missed, (lang, [pk.presence.patterns[i][:80] for i in missed], text)
            checked += 1
    assert checked > 20_000


def test_every_builtin_pattern_has_atoms() -> None:
    """An atomless pattern is searched in every sentence: correct, but the scan's point is
    lost (a Python whose parser changed would show here first)."""
    for lang in [*packs.languages(), packs.ALL]:
        pk = packs.pack(lang)
        assert pk.presence is not None
        for i in pk.presence.always:
            # (a one-letter word's lexicon is a candidate everywhere by design)
            found = atoms(pk.presence.patterns[i])
            assert found is not None and min(map(len, found)) == 1, pk.presence.patterns[i][:80]
        assert pk.prefilter_atoms is not None and not pk.prefilter_atoms.always


def _items() -> list[Item]:
    rows: list[dict[str, str]] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    for path in sorted(DATA.glob("independent_holdout_11*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    return [
        Item(
            key=r["id"],
            title=r["title"],
            summary=r["summary"],
            link=None,
            published=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC),
            lang=r.get("lang"),
        )
        for r in rows
    ]


def test_answers_do_not_depend_on_how_loose_the_scan_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine and the admin rules only use the scan to skip searches: with every pattern
    named a candidate in every text, every answer is the same."""
    items = _items()
    assert len(items) > 1_000
    rules = [
        (1, "phrase", parse_rule('"Statkevich" OR "Статкевич" OR "Lukashenko"')),
        (2, "negated", parse_rule('kind:sanctions -"proposed"')),
        (3, "regex", parse_rule(r"regex:/(?:sanction|санкц)\pL*/i")),
        (4, "posix", parse_rule("regex:/[[:digit:]]{2,} (?:prisoners|people)/")),
        (5, "kind", parse_rule("kind:pardon min_count:10")),
    ]

    def answers() -> list[str]:
        m = Matcher(rules)
        eng = Engine()
        return [repr((eng.evaluate(it), m.evaluate(it))) for it in items]

    tight = answers()
    monkeypatch.setattr(
        Presence, "candidates", lambda self, text: frozenset(range(len(self.patterns)))
    )
    monkeypatch.setattr(Presence, "any", lambda self, text: True)
    loose = answers()
    assert sum(1 for a in tight if "Event(" in a) > 300  # the items do hold events
    diff = [items[i].key for i, (a, b) in enumerate(zip(tight, loose, strict=True)) if a != b]
    assert not diff
