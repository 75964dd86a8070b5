"""Rule packs are data: every language has every block, every fragment compiles in RE2, and a
new language can be added without code."""

from __future__ import annotations

import copy
import re
from types import SimpleNamespace

import pytest
import re2

import rules.packs as packs
from rules import evaluate

LANGS = ("be", "de", "en", "es", "fr", "it", "pl", "ru", "uk")


def test_all_languages_present_in_every_pack() -> None:
    raw = packs.raw_packs()
    assert packs.languages() == LANGS
    for kind in ("pardon", "sanctions", "prisoner_count"):
        assert set(raw[kind]["languages"]) == set(LANGS), kind


@pytest.mark.parametrize("lang", LANGS)
def test_every_fragment_compiles_in_re2(lang: str) -> None:
    raw = packs.raw_packs()
    opts = re2.Options()
    opts.log_errors = False
    for name in ("common", "pardon", "sanctions", "prisoner_count"):
        block = raw[name]["languages"][lang]
        for _key, frags in block.items():
            items = [f for fr in frags.values() for f in fr] if isinstance(frags, dict) else frags
            for frag in items:
                re2.compile("(?i)" + frag, opts)  # raises on an invalid fragment
                # \pL is expanded to a bracket class when compiled: inside [...] it would nest
                # brackets and silently match something else; write (?:\pL|[.-]) instead
                assert not re.search(r"\[[^\]]*\\p[LN]", frag), (lang, _key, frag)
    assert packs.pack(lang).prefilter is not None


def test_adding_a_language_is_only_data(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = copy.deepcopy(packs.raw_packs())
    # "xx": a toy language whose pardon verb is "graco" and prisoners are "kaptitoj"
    for name in ("common", "pardon", "sanctions", "prisoner_count"):
        raw[name]["languages"]["xx"] = copy.deepcopy(raw[name]["languages"]["en"])
    raw["pardon"]["languages"]["xx"]["strong"] = ["grac(?:o|is|as)"]
    raw["common"]["languages"]["xx"]["persons"] = ["kaptitoj"]
    monkeypatch.setattr(packs, "raw_packs", lambda: raw)
    packs.pack.cache_clear()
    try:
        it = SimpleNamespace(title="La prezidanto gracis 40 kaptitoj", summary="", lang="xx")
        events = evaluate(it)
        assert [(e.kind, e.count) for e in events] == [("pardon", 40)]
    finally:
        packs.pack.cache_clear()
