"""Find people-count candidates in a sentence: digits with any separator, number words, and
reasons a number is *not* a count (year, date, money, percent, age, duration, ordinal...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import re2
from text_to_num import text2num

from rules.text import RE2_LOG_ERRORS, compile_re, find_groups, search_spans

_DATA = Path(__file__).parent / "data"

# Fixed internal pattern (not data): stdlib `re` gives char offsets without RE2's wrapper cost.
# A digit group not glued to a letter / digit / '.' / ',' before it. Written as
#   (?:^|(?<=[^\w.,]|_))(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|...|\d+)...
# with the first digit taken before the look-behind (\d{1,3} == \d\d{0,2}, \d+ == \d\d*): the
# same matches, but the pattern starts with \d, so `re` skips to digits (4x faster).
_DIGITS = re.compile(
    r"(\d(?<!(?:[^\W_]|[.,])\d)(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:\.\d{3})+|\d{0,2}(?:[ \u00a0\u202f]\d{3})+|\d{0,2}(?:['’]\d{3})+|\d*))(?:([.,])(\d{1,2}))?(?!\d)"
)
_SPACE_SEPS = " \u00a0\u202f"
# "84 for 84", "1,000-for-1,000": every connector starts with '-' or ' '
_CONNECTORS = (
    "-for-",
    " for ",
    " на ",
    "-на-",
    " za ",
    " per ",
    " por ",
    " pour ",
    " für ",
    " за ",
    " gegen ",  # ("Austausch 1000 gegen 1000")
    " contre ",
    " contro ",
    " contra ",
)
# No connector is a prefix of another, so at most one starts a text: one regex match finds it
_CONNECTOR = re.compile("|".join(re.escape(c) for c in _CONNECTORS))
assert not any(a != b and b.startswith(a) for a in _CONNECTORS for b in _CONNECTORS)
# the last character of the text before a number that the before-checks can end on: the
# currency check ends with [€$£DRP] and an optional space, the others with a space (\s)
_BEFORE_LAST = frozenset("\t\n\f\r €$£DRP")
# a number sign before a figure makes it a name ("№15", "No. 2", "nr 15", "n° 3", "núm. 4")
_NUMBER_SIGN = re.compile(
    r"(?:[№#]|(?:^|[^\w])(?:[Nn][Oo]\.|[Nn][Rr]\.?|[Nn]\.|[Nn][°º]|[Nn]úm\.))\s?$"
)


# Not frozen: a frozen dataclass sets each of its 8 fields through object.__setattr__ (5x
# slower to build, and a sentence builds one per figure). Never mutated all the same (the
# engine derives changed copies with dataclasses.replace); hashable as before.
@dataclass(slots=True, unsafe_hash=True)
class Num:
    start: int
    end: int
    value: int | None
    text: str
    bad: str | None = None  # why this is not a people count
    formula: bool = False  # "84 for 84", "1,000-for-1,000"
    words: bool = False
    approx: bool = False  # "une soixantaine", "una ventina": about that many


@dataclass(frozen=True)
class NumberLexicon:
    """Compiled number data for one language set."""

    multipliers: dict[str, int]
    mult_re: object
    forms: dict[str, int]  # ru/be/uk/pl word form -> value ("x1000" -> -1000, "x1.5" -> -15)
    forms_re: object | None
    roots: tuple[tuple[str, object], ...]  # (lang, regex) for text2num languages
    time_re: object
    currency_after: object
    currency_before: object
    percent_re: object
    month_before: object
    month_after: object
    age_before: object
    index_before: object  # "выпуск 45", "episode 12", "Folge 3": an issue or part, not people
    range_after: object
    charges_after: object  # "five of 19 charges", "cinque capi d'accusa": not people
    places_after: object  # "in 20 countries", "в 12 регионах": places, not people
    dead_after: object  # "1,000 bodies", "тела 1000 погибших": the dead are not released
    informants_after: object  # "two people familiar with the talks", "два источника": sources
    rounds_after: object  # "three previous pardons", "трёх предыдущих помилований": rounds
    ordinal_cap: frozenset[str] | None  # German: "zum 80. Jahrestag" (nouns are capitalised)
    # RE2 Sets over the text before / after a number: one pass each tells which of the
    # checks above match (_BEFORE / _AFTER give the order), instead of one call per check
    before_set: object = None
    after_set: object = None
    # ... both in one Set over before + NUL + after (_pair_patterns): one pass per number
    pair_set: object = None
    # lower-case ASCII characters that can start a multiplier word under (?i) (None: unknown,
    # a multiplier is not a plain word); a non-ASCII character is always tried
    mult_first: frozenset[str] | None = None
    # "une soixantaine": noun of approximation -> value, and the regex (article + noun); like
    # the number-word regexes it joins the pack's Set, which tells when it cannot match
    approx_values: dict[str, int] | None = None
    approx_re: object = None


@cache
def _data() -> dict:
    with open(_DATA / "numbers.json", encoding="utf-8") as f:
        nums = json.load(f)
    with open(_DATA / "places.json", encoding="utf-8") as f:
        places = json.load(f)
    return {"numbers": nums, "places": places}


# words that start a German sentence after a figure ("... 80. Die Regierung ...")
_SENT_STARTERS_DE = frozenset(
    "er sie es wir ihr man am im an nach bei laut dabei damit zudem zuvor auch doch so".split()
)


def _lang_stopwords(lang: str) -> frozenset[str]:
    with open(_DATA.parent / "packs" / "common.json", encoding="utf-8") as f:
        block = json.load(f)["languages"].get(lang, {})
    return frozenset(w.lower() for w in block.get("stopwords", ()))


def _alt(items: list[str]) -> str:
    return "|".join(sorted(set(items), key=len, reverse=True))


@cache
def lexicon(langs: tuple[str, ...]) -> NumberLexicon:
    d = _data()
    nums, places = d["numbers"], d["places"]
    mult: dict[str, int] = {}
    for value, words in nums["multipliers"].items():
        for w in words:
            mult[w.lower()] = int(value)
    forms: dict[str, int] = {}
    for lang in langs:
        for value, words in nums["forms"].get(lang, {}).items():
            v = -1000 if value == "x1000" else -15 if value == "x1.5" else int(value)
            for w in words:
                forms[w.lower()] = v
    forms_re = None
    if forms:
        alt = _alt([f.replace("'", "['’ʼ]") for f in forms])
        forms_re = compile_re(
            rf"(?i)(?:^|[^\pL\pN])((?:{alt})(?:\s+(?:{alt}))*)", longest=True, lazy=True
        )
    roots = []
    for lang in langs:
        r = nums["roots"].get(lang)
        if not r:
            continue
        word = r["word"]
        joiners = "|".join(r["joiners"])
        join = rf"(?:\s+|-|\s+(?:{joiners})\s+)" if joiners else r"(?:\s+|-)"
        roots.append(
            (
                lang,
                compile_re(
                    rf"(?i)(?:^|[^\pL\pN])({word}(?:{join}{word})*)", longest=True, lazy=True
                ),
            )
        )
    units = places["units"]
    month_words = [w for ws in places["months"].values() for w in ws]
    time_alt = _alt(units["time"])
    lex = NumberLexicon(
        multipliers=mult,
        mult_re=compile_re(
            rf"(?i)^[ \x{{00a0}}\x{{202f}}]?({_alt(list(mult))})(\.|[^\pL]|$)", lazy=True
        ),
        forms=forms,
        forms_re=forms_re,
        roots=tuple(roots),
        time_re=compile_re(rf"(?i)^[ \x{{00a0}}]?-?(?:{time_alt})(?:[^\pL]|$)", lazy=True),
        currency_after=compile_re(
            rf"(?i)^[ \x{{00a0}}]?(?:{_alt(units['currency'])})(?:[^\pL]|$)", lazy=True
        ),
        currency_before=compile_re(r"(?:[€$£]|\b(?:USD|EUR|GBP|US\$))\s?$", lazy=True),
        percent_re=compile_re(rf"(?i)^[ \x{{00a0}}]?(?:{_alt(units['percent'])})", lazy=True),
        month_before=compile_re(rf"(?i)(?:^|[^\pL])(?:{_alt(month_words)})\.?\s$", lazy=True),
        month_after=compile_re(
            rf"(?i)^\s(?:de\s|of\s)?(?:{_alt(month_words)})(?:[^\pL]|$)", lazy=True
        ),
        age_before=compile_re(
            r"(?i)(?:aged|age of|ages of|возрасте|узросце|віці|wieku|alter von|âgée?s? de|edad de|età di)\s(?:over\s|under\s|about\s)?$",
            lazy=True,
        ),
        index_before=compile_re(
            rf"(?i)(?:^|[^\pL])(?:{_alt(units['index_before'])})\s$", lazy=True
        ),
        charges_after=compile_re(
            rf"(?i)^\s(?:(?:von|of|out of|из|з|із|z|na|de|di|su|sur) \d+\s)?(?:{_alt(units['charges'])})(?:[^\pL]|$)",
            lazy=True,
        ),
        places_after=compile_re(
            # ("una veintena de organizaciones": an approximate noun's 'of' comes first)
            rf"(?i)^\s(?:(?:de|of|di|d['’]|з|із|из|z)\s?)?(?:{_alt(units['places'])})(?:[^\pL]|$)",
            lazy=True,
        ),
        dead_after=compile_re(
            rf"(?i)^\s(?:{_alt(units['dead'])})(?:[^\pL]|$)",
            lazy=True,
        ),
        informants_after=compile_re(
            rf"(?i)^\s(?:{_alt(units['informants'])})(?:[^\pL]|$)",
            lazy=True,
        ),
        rounds_after=compile_re(
            rf"(?i)^\s(?:{_alt(units['rounds'])})(?:[^\pL]|$)",
            lazy=True,
        ),
        ordinal_cap=frozenset(
            w for lg in langs if lg == "de" for w in _lang_stopwords(lg) | _SENT_STARTERS_DE
        )
        or None,
        range_after=compile_re(
            rf"(?i)^\s?(?:and|to|or|-|–|и|і|або|или|do|bis|à|a|e|y|o|und|et)\s?\d+\s?-?(?:{time_alt})(?:[^\pL]|$)",
            lazy=True,
        ),
    )
    if all(w.isalpha() for w in mult):
        first = set()
        for w in mult:
            c = w[0]
            first.update(
                x.lower() for x in (c, c.lower(), c.upper(), c.casefold()[:1]) if x.isascii()
            )
        object.__setattr__(lex, "mult_first", frozenset(first))
    approx: dict[str, int] = {}
    articles: set[str] = set()
    for lang in langs:
        block = nums.get("approx_nouns", {}).get(lang)
        if block:
            articles.update(block["articles"])
            for value, words in block["values"].items():
                for w in words:
                    approx[w.lower()] = int(value)
    if approx:
        object.__setattr__(lex, "approx_values", approx)
        object.__setattr__(
            lex,
            "approx_re",
            compile_re(
                rf"(?i)(?:^|[^\pL\pN])((?:{_alt(list(articles))})\s+({_alt(list(approx))}))(?:[^\pL\pN]|$)",
                lazy=True,
            ),
        )
    # the checks come from places.json only: every language shares the same two Sets
    object.__setattr__(
        lex, "before_set", _check_set(tuple(getattr(lex, n).pattern for n in _BEFORE))
    )
    object.__setattr__(lex, "after_set", _check_set(tuple(getattr(lex, n).pattern for n in _AFTER)))
    object.__setattr__(
        lex,
        "pair_set",
        _check_set(
            _pair_patterns(
                tuple(getattr(lex, n).pattern for n in _BEFORE),
                tuple(getattr(lex, n).pattern for n in _AFTER),
            )
        ),
    )
    return lex


def _pair_patterns(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    """The before checks (each ends with $) and after checks (each starts with ^) as patterns
    over before + NUL + after: '$' becomes the NUL, '^' the NUL before `after`. With one NUL
    in the text a match of either kind ends / starts at it and lies on its side: the same
    answers as each Set over its own window."""
    out = []
    for p in before:
        assert p.endswith("$") and not p.endswith("\\$"), p
        out.append(p[:-1] + r"\x00")
    for p in after:
        assert p.startswith("(?i)^"), p
        out.append(r"(?i)\x00" + p[5:])
    return tuple(out)


# the checks each Set holds, in Set index order
_BEFORE = ("currency_before", "month_before", "age_before", "index_before")
_AFTER = (
    "currency_after",
    "percent_re",
    "month_after",
    "time_re",
    "range_after",
    "charges_after",
    "places_after",
    "informants_after",
    "dead_after",
    "rounds_after",
)
_CUR_B, _MONTH_B, _AGE_B, _INDEX_B = 0, 1, 2, 3
_NB = len(_BEFORE)
# (indexes in the pair Set: the after checks follow the before checks)
(
    _CUR_A,
    _PCT_A,
    _MONTH_A,
    _TIME_A,
    _RANGE_A,
    _CHARGES_A,
    _PLACES_A,
    _INFORMANTS_A,
    _DEAD_A,
    _ROUNDS_A,
) = range(_NB, _NB + 10)


@cache
def _check_set(patterns: tuple[str, ...]) -> object:
    """A compiled RE2 Set (raw) that reports which of `patterns` match (the checks' options:
    the defaults; match or not does not depend on leftmost-longest)."""
    opts = re2.Options()
    opts.log_errors = RE2_LOG_ERRORS
    opts.max_mem = 64 << 20  # a 40-character window never fills this DFA cache
    rset = re2.Set.SearchSet(opts)
    for i, p in enumerate(patterns):
        assert rset.Add(p) == i
    rset.Compile()
    return rset._set


def _word_value(words: str, lex: NumberLexicon) -> int | None:
    total = cur = 0
    half = False  # "полутора тысяч": one and a half, of the thousand that follows
    for w in words.lower().replace("’", "'").replace("ʼ", "'").split():
        v = lex.forms.get(w)
        if v is None:
            v = lex.forms.get(w.replace("'", "’"))
        if v is None:
            return None
        if v == -15:
            if cur or half:
                return None
            half = True
        elif v == -1000:
            total += 1500 if half else max(cur, 1) * 1000
            cur, half = 0, False
        elif half:
            return None
        else:
            cur += v
    return None if half else total + cur


# a bracket opened within a few words after a figure, holding only figures up to here, and
# holding only figures up to its end ("1000 россиян (390, 307 и 303)", "500 soldiers (220,
# 130 and 150)"); a conjunction of one to three letters may join the last one
_BRACKET_IN = re.compile(r"\d[^\d()]{1,38}\(\s*(?:[\d.,]+\s*(?:,\s*|\s\w{1,3}\s+))*$")
_BRACKET_OUT = re.compile(r"(?:\s*(?:,\s*|\s\w{1,3}\s+)[\d][\d.,]*)*\s*\)")


# an opening single quote (not an apostrophe inside a word: "l'Inter"), and a closing one
_OPEN_QUOTE = re.compile(r"(?:^|[\s(\[«“\"])[‘'](?=\S)")
_CLOSE_QUOTE = re.compile(r"\S[’'](?=\s|$|[,.;:!?)])")


def _in_single_quotes(before: str) -> bool:
    """Does `before` (the text before a number) leave a single quotation open?"""
    opens = list(_OPEN_QUOTE.finditer(before))
    return bool(opens) and not _CLOSE_QUOTE.search(before, opens[-1].end())


_H_TIME = re.compile(r"(?:^|[^\d])\d{1,2} ?h ?$")


def _classify(
    text: str, s: int, e: int, value: int, raw: str, lex: NumberLexicon, plain: bool
) -> str | None:
    """Reason the number at text[s:e] is not a count of people, or None."""
    before = text[max(0, s - 40) : s]
    after = text[e : e + 40]
    if value <= 0:
        return "zero"
    if before.endswith("-") and len(before) >= 2 and before[-2].isalpha():
        return "identifier"  # U-2, COVID-19
    if _NUMBER_SIGN.search(before[-6:]):
        return "identifier"  # "калонія №15", "Penal Colony No. 2", "Zakład Karny nr 1"
    # which before / after checks match: one RE2 Set pass over both windows (same answers as
    # `has` on each); the before checks can only match a window ending as _BEFORE_LAST says
    before_ok = before[-1:] in _BEFORE_LAST and before
    pair = before + "\x00" + after
    hits: list[int]
    if pair.count("\x00") == 1:
        hits = lex.pair_set.Match(pair.encode())  # type: ignore[attr-defined]
        if hits and not before_ok:
            hits = [i for i in hits if i >= _NB]
    else:  # a NUL in the text itself: each window's Set apart
        hits = [
            *(lex.before_set.Match(before.encode()) if before_ok else ()),  # type: ignore[attr-defined]
            *(_NB + i for i in lex.after_set.Match(after.encode())),  # type: ignore[attr-defined]
        ]
    bh = ah = hits
    if _CUR_B in bh or _CUR_A in ah:
        return "money"
    if _PCT_A in ah:
        return "percent"
    if after[:1] in ("°", "º", "ª") or (after[:1] == "." and after[1:2] in ("°", "º", "ª")):
        return "ordinal"  # 77°, 63.º (Spanish), 1.ª
    if after[:1].isalpha():
        return "ordinal"  # 16th, 77e, 11J, 4K
    if after[:1] in ("-", "‑") and after[1:2].isalpha():
        return "modifier"  # 43-year-old, 30-летию, 18-year sentence
    if (
        plain
        and "(" in before
        and _BRACKET_IN.search(text[max(0, s - 80) : s])
        and _BRACKET_OUT.match(after)
        # (two figures at least: "freed 500 (12)" is no list)
        and not (before.rstrip().endswith("(") and after.lstrip().startswith(")"))
    ):
        # "вернулись 1000 россиян (390, 307 и 303)": a list of bare figures in brackets
        # right after a figure and its noun breaks that figure down
        return "breakdown"
    if (
        plain
        and value <= 130
        and after[:1] in ("'", "’", "′")
        and not after[1:2].isalnum()
        and before[-1:] not in ("'", "‘", "’", "′")
        # (not the closing quote of a quotation: "‘We have freed 52’", "'to free 52', says")
        and not _in_single_quotes(text[max(0, s - 80) : s])
    ):
        return "minute"  # a match's minute: "graziato l'Inter al 93'", "au 90'+2"
    if after[:1] == ":" and after[1:2].isdigit():
        return "time"
    if before[-1:] == ":" and before[-2:-1].isdigit():
        return "time"  # the minutes of "11:40" (a live blog's timestamps)
    if _H_TIME.search(before[-6:]):
        return "time"  # the minutes of "7 h 45", "19h30" (French and Spanish timestamps)
    if plain and after[:2] == ". " and after[2:3].isalpha() and value < 1000:
        if after[2:3].islower():
            return "ordinal"  # "19. pakiet"
        # ("dem 30. Oktober." at a sentence's end: the word before its full stop)
        nxt = after[2:].split(" ", 1)[0].lower().rstrip(".,;:!?)»\"'’")
        if lex.ordinal_cap is not None and nxt.isalpha() and nxt not in lex.ordinal_cap:
            return "ordinal"  # "des 80. Jahrestags" (not "... 80. Die Regierung")
    if plain and len(raw) == 4 and 1900 <= value <= 2100:
        return "year"
    if _MONTH_B in bh or _MONTH_A in ah:
        return "date"
    if _TIME_A in ah or _RANGE_A in ah:
        return "duration"
    if _INDEX_B in bh:
        return "identifier"  # "«Статья», выпуск 45", "Episode 12": an issue's number
    if _AGE_B in bh:
        return "age"
    if _CHARGES_A in ah:
        return "charges"  # "pardoned on five of 19 charges": counts of an indictment
    if _PLACES_A in ah:
        return "places"  # "political prisoners in 20 countries"
    if _DEAD_A in ah:
        return "dead"  # "handed over 1,000 bodies", "тела 1000 погибших"
    if _INFORMANTS_A in ah:
        return "informants"  # "..., two people familiar with the talks said": who told it
    if _ROUNDS_A in ah:
        return "rounds"  # "в ходе трёх предыдущих помилований вышли ещё 85": rounds of them
    if (
        plain
        and before.endswith(", ")
        and 10 <= value <= 110
        # (or the end of a headline: "... political prisoner, 64")
        and (after[:1] in (",", ")", "") or after.startswith(" and "))
        and len(before) >= 3
        and before[-3].isalpha()
    ):
        return "age"  # "Kara-Murza, 41, has..."
    return None


def _glued_apostrophe(text: str, i: int) -> bool:
    """An apostrophe at text[i] inside a word: Belarusian and Ukrainian spell words with it."""
    return text[i] in "'’ʼ" and text[i + 1 : i + 2].isalpha()


@lru_cache(maxsize=8192)
def _text2num(words: str, lang: str) -> int | None:
    """text2num(words, lang), None when they are not a number. Memoised: the number-word
    vocabulary is small and text2num rebuilds its tables per call for some languages
    (~25 us for Italian, ~10 us for German, vs ~0.5 us for English)."""
    try:
        return text2num(words, lang)
    except ValueError:
        pass
    if lang == "it" and "centott" in words:
        # "trecentottantotto": text2num reads "cento" elided before "ottanta" / "otto" only at
        # the start of a number ("centottanta" but not "trecentottanta...")
        return _text2num(words.replace("centott", "centoott"), lang)
    return None


def opens_small(words: str, langs: tuple[str, ...]) -> bool:
    """Number words that open with a unit, teen or ten ("thirteen hundred", "two hundred"):
    a definite figure even after "some" (not "several hundred thousand")."""
    w = words.split()
    if len(w) < 2:
        return False
    first = w[0].lower()
    v = lexicon(langs).forms.get(first)
    if v is None:
        v = next((x for lang in langs if (x := _text2num(first, lang)) is not None), None)
    return v is not None and 2 <= v < 100


def find_numbers(text: str, langs: tuple[str, ...], *, absent: Container[int] = ()) -> list[Num]:
    """Numbers in `text`. `absent`: ids of the number-word regexes (lexicon(langs).forms_re,
    .roots, .approx_re) the caller knows have no match in `text` (an RE2 Set said so): not scanned."""
    lex = lexicon(langs)
    found: list[Num] = []
    for m in _DIGITS.finditer(text):
        s, e = m.span(1)
        raw = m.group(1)
        sep = None if raw.isdigit() else next((ch for ch in raw if not ch.isdigit()), None)
        value: float
        if sep:
            value = int("".join(ch for ch in raw if ch.isdigit()))
        else:
            value = int(raw)
        dec = m.group(2)
        if dec:
            e = m.end(3)
            value = float(f"{raw.replace(',', '').replace('.', '')}.{m.group(3)}")
        head = text[e : e + 16]
        # a multiplier word must start right after the figure (or one space): when that
        # character cannot start one, the regex cannot match (no RE2 call)
        c = head[1:2] if head[:1] in _SPACE_SEPS and head else head[:1]
        if not c or (
            lex.mult_first is not None and c.isascii() and c.lower() not in lex.mult_first
        ):
            mm = None
        else:
            mm = search_spans(lex.mult_re, head)  # type: ignore[arg-type]
        mult = 1
        if mm:
            (a1, z1), (a2, z2) = mm[1], mm[2]
            mult = lex.multipliers[head[a1:z1].lower()]
            e = e + z1 + (1 if a2 >= 0 and head[a2:z2] == "." else 0)
        elif text[e : e + 5].lower().startswith("mila"):  # glued "2mila"
            mult, e = 1000, e + 4
        total = value * mult
        shown = text[s:e]
        if dec and mult == 1:
            found.append(Num(s, e, None, shown, "decimal"))
            continue
        ival = round(total)
        plain = not sep and not dec and mult == 1
        bad = _classify(text, s, e, ival, raw, lex, plain)
        if sep and sep in _SPACE_SEPS and bad is None:
            pass
        formula = False
        # every connector starts with '-' or ' ' (and no other character lower-cases to those)
        if text[e : e + 1] in ("-", " "):
            tail = text[e : e + 12].lower()
            conn = _CONNECTOR.match(tail)
            if conn is not None and tail[conn.end() : conn.end() + 1].isdigit():
                formula, bad = True, None
        found.append(Num(s, e, ival, shown, bad, formula))
    # number words
    if lex.forms_re is not None and id(lex.forms_re) not in absent:
        for spans in find_groups(lex.forms_re, text):
            s, e = spans[1]
            if e < len(text) and (text[e].isalnum() or _glued_apostrophe(text, e)):
                continue  # "сем'яў" (families) is no "сем" (seven)
            v = _word_value(text[s:e], lex)
            if v is None or v < 2:
                continue
            found.append(
                Num(
                    s,
                    e,
                    v,
                    text[s:e],
                    _classify(text, s, e, v, text[s:e], lex, False),
                    words=True,
                )
            )
    for lang, rx in lex.roots:
        if id(rx) in absent:
            continue
        for spans in find_groups(rx, text):
            s, e = spans[1]
            if e < len(text) and text[e].isalnum():
                continue
            span = text[s:e]
            parts = span.split()
            v = None
            while parts:
                v = _text2num(" ".join(parts).lower(), lang)
                if v is not None:
                    break
                parts = parts[:-1]
            if v is None or v < 2 or not parts:
                continue
            shown = " ".join(parts)
            e = s + len(shown) if text[s : s + len(shown)] == shown else e
            found.append(
                Num(s, e, v, shown, _classify(text, s, e, v, shown, lex, False), words=True)
            )
    if lex.approx_re is not None and id(lex.approx_re) not in absent:
        for spans in find_groups(lex.approx_re, text):  # type: ignore[arg-type]
            s, e = spans[1]
            a, b = spans[2]
            v = lex.approx_values[text[a:b].lower()]  # type: ignore[index]
            shown = text[s:e]
            found.append(
                Num(
                    s,
                    e,
                    v,
                    shown,
                    _classify(text, s, e, v, shown, lex, False),
                    words=True,
                    approx=True,
                )
            )
    if len(found) > 1:
        found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Num] = []
    last_end = -1
    after_formula = -1
    for n in found:
        if n.start < last_end:
            continue
        if n.start == after_formula and not n.formula and n.value is not None:
            # the second side of "1,000 for 1,000": a figure of the same formula
            n = Num(n.start, n.end, n.value, n.text, None, True, n.words, n.approx)
        out.append(n)
        last_end = n.end
        if n.formula and n.start != after_formula:
            conn = _CONNECTOR.match(text[n.end : n.end + 12].lower())
            after_formula = n.end + conn.end() if conn is not None else -1
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.words and not a.formula and a.value is not None and a.value == b.value:
            # "обмен «тысяча на тысячу»": a formula in words, both figures the same
            conn = _CONNECTOR.match(text[a.end : a.end + 12].lower())
            if conn is not None and b.start == a.end + conn.end():
                out[i] = Num(a.start, a.end, a.value, a.text, None, True, a.words, a.approx)
                out[i + 1] = Num(b.start, b.end, b.value, b.text, None, True, b.words, b.approx)
    return out
