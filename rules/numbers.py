"""Find people-count candidates in a sentence: digits with any separator, number words, and
reasons a number is *not* a count (year, date, money, percent, age, duration, ordinal...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from text_to_num import text2num

from rules.text import compile_re, find_groups, has

_DATA = Path(__file__).parent / "data"

# Fixed internal pattern (not data): stdlib `re` gives char offsets without RE2's wrapper cost.
_DIGITS = re.compile(
    r"(?:^|(?<=[^\w.,]|_))(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:['’]\d{3})+|\d+)(?:([.,])(\d{1,2}))?(?!\d)"
)
_SPACE_SEPS = " \u00a0\u202f"


@dataclass(frozen=True, slots=True)
class Num:
    start: int
    end: int
    value: int | None
    text: str
    bad: str | None = None  # why this is not a people count
    formula: bool = False  # "84 for 84", "1,000-for-1,000"
    words: bool = False


@dataclass(frozen=True)
class NumberLexicon:
    """Compiled number data for one language set."""

    multipliers: dict[str, int]
    mult_re: object
    forms: dict[str, int]  # ru/be/uk/pl word form -> value ("x1000" -> -1000)
    forms_re: object | None
    roots: tuple[tuple[str, object], ...]  # (lang, regex) for text2num languages
    time_re: object
    currency_after: object
    currency_before: object
    percent_re: object
    month_before: object
    month_after: object
    age_before: object
    range_after: object
    ordinal_cap: frozenset[str] | None  # German: "zum 80. Jahrestag" (nouns are capitalised)


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
            v = -1000 if value == "x1000" else int(value)
            for w in words:
                forms[w.lower()] = v
    forms_re = None
    if forms:
        alt = _alt([f.replace("'", "['’ʼ]") for f in forms])
        forms_re = compile_re(rf"(?i)(?:^|[^\pL\pN])((?:{alt})(?:\s+(?:{alt}))*)", longest=True)
    roots = []
    for lang in langs:
        r = nums["roots"].get(lang)
        if not r:
            continue
        word = r["word"]
        joiners = "|".join(r["joiners"])
        join = rf"(?:\s+|-|\s+(?:{joiners})\s+)" if joiners else r"(?:\s+|-)"
        roots.append(
            (lang, compile_re(rf"(?i)(?:^|[^\pL\pN])({word}(?:{join}{word})*)", longest=True))
        )
    units = places["units"]
    month_words = [w for ws in places["months"].values() for w in ws]
    time_alt = _alt(units["time"])
    return NumberLexicon(
        multipliers=mult,
        mult_re=compile_re(rf"(?i)^[ \x{{00a0}}\x{{202f}}]?({_alt(list(mult))})(\.|[^\pL]|$)"),
        forms=forms,
        forms_re=forms_re,
        roots=tuple(roots),
        time_re=compile_re(rf"(?i)^[ \x{{00a0}}]?-?(?:{time_alt})(?:[^\pL]|$)"),
        currency_after=compile_re(rf"(?i)^[ \x{{00a0}}]?(?:{_alt(units['currency'])})(?:[^\pL]|$)"),
        currency_before=compile_re(r"(?:[€$£]|\b(?:USD|EUR|GBP|US\$))\s?$"),
        percent_re=compile_re(rf"(?i)^[ \x{{00a0}}]?(?:{_alt(units['percent'])})"),
        month_before=compile_re(rf"(?i)(?:^|[^\pL])(?:{_alt(month_words)})\.?,?\s$"),
        month_after=compile_re(rf"(?i)^\s(?:de\s|of\s)?(?:{_alt(month_words)})(?:[^\pL]|$)"),
        age_before=compile_re(
            r"(?i)(?:aged|age of|ages of|возрасте|узросце|віці|wieku|alter von|âgée?s? de|edad de|età di)\s(?:over\s|under\s|about\s)?$"
        ),
        ordinal_cap=frozenset(
            w for lg in langs if lg == "de" for w in _lang_stopwords(lg) | _SENT_STARTERS_DE
        )
        or None,
        range_after=compile_re(
            rf"(?i)^\s?(?:and|to|or|-|–|и|і|або|или|do|bis|à|a|e|y|o|und|et)\s?\d+\s?-?(?:{time_alt})(?:[^\pL]|$)"
        ),
    )


def _word_value(words: str, lex: NumberLexicon) -> int | None:
    total = cur = 0
    for w in words.lower().replace("’", "'").replace("ʼ", "'").split():
        v = lex.forms.get(w)
        if v is None:
            v = lex.forms.get(w.replace("'", "’"))
        if v is None:
            return None
        if v == -1000:
            total += max(cur, 1) * 1000
            cur = 0
        else:
            cur += v
    return total + cur


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
    if has(lex.currency_before, before) or has(lex.currency_after, after):
        return "money"
    if has(lex.percent_re, after):
        return "percent"
    if after[:1] in ("°", "º", "ª") or (after[:1] == "." and after[1:2] in ("°", "º", "ª")):
        return "ordinal"  # 77°, 63.º (Spanish), 1.ª
    if after[:1].isalpha():
        return "ordinal"  # 16th, 77e, 11J, 4K
    if after[:1] in ("-", "‑") and after[1:2].isalpha():
        return "modifier"  # 43-year-old, 30-летию, 18-year sentence
    if after[:1] == ":" and after[1:2].isdigit():
        return "time"
    if plain and after[:2] == ". " and after[2:3].isalpha() and value < 1000:
        if after[2:3].islower():
            return "ordinal"  # "19. pakiet"
        nxt = after[2:].split(" ", 1)[0].lower()
        if lex.ordinal_cap is not None and nxt.isalpha() and nxt not in lex.ordinal_cap:
            return "ordinal"  # "des 80. Jahrestags" (not "... 80. Die Regierung")
    if plain and len(raw) == 4 and 1900 <= value <= 2100:
        return "year"
    if has(lex.month_before, before) or has(lex.month_after, after):
        return "date"
    if has(lex.time_re, after) or has(lex.range_after, after):
        return "duration"
    if has(lex.age_before, before):
        return "age"
    if (
        plain
        and before.endswith(", ")
        and 10 <= value <= 110
        and (after[:1] == "," or after.startswith(" and ") or after[:1] == ")")
        and len(before) >= 3
        and before[-3].isalpha()
    ):
        return "age"  # "Kara-Murza, 41, has..."
    return None


def find_numbers(text: str, langs: tuple[str, ...]) -> list[Num]:
    lex = lexicon(langs)
    found: list[Num] = []
    for m in _DIGITS.finditer(text):
        s, e = m.span(1)
        raw = m.group(1)
        sep = next((ch for ch in raw if not ch.isdigit()), None)
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
        mm = lex.mult_re.search(head) if has(lex.mult_re, head) else None
        mult = 1
        if mm:
            mult = lex.multipliers[mm.group(1).lower()]
            e = e + mm.end(1) + (1 if mm.group(2) == "." else 0)
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
        tail = text[e : e + 12].lower()
        for conn in (
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
        ):
            if tail.startswith(conn) and tail[len(conn) : len(conn) + 1].isdigit():
                formula, bad = True, None
                break
        found.append(Num(s, e, ival, shown, bad, formula))
    # number words
    if lex.forms_re is not None:
        for spans in find_groups(lex.forms_re, text):
            s, e = spans[1]
            if e < len(text) and text[e].isalnum():
                continue
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
        for spans in find_groups(rx, text):
            s, e = spans[1]
            if e < len(text) and text[e].isalnum():
                continue
            span = text[s:e]
            parts = span.split()
            v = None
            while parts:
                try:
                    v = text2num(" ".join(parts).lower(), lang)
                    break
                except ValueError:
                    parts = parts[:-1]
            if v is None or v < 2 or not parts:
                continue
            shown = " ".join(parts)
            e = s + len(shown) if text[s : s + len(shown)] == shown else e
            found.append(
                Num(s, e, v, shown, _classify(text, s, e, v, shown, lex, False), words=True)
            )
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Num] = []
    last_end = -1
    for n in found:
        if n.start < last_end:
            continue
        out.append(n)
        last_end = n.end
    return out
