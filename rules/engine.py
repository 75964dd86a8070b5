"""The built-in extractor: item -> events (pardon, sanctions, prisoner_count), with evidence.

Pipeline per item: one prefilter scan (literal atoms, then one regex: rules/atoms.py); then,
only for sentences holding a trigger, find triggers, clause-level blockers (negation /
hypothetical / appeal / history / non-event sense), numbers and how they attach to triggers or
counted nouns; finally de-duplicate across title and summary. All lexicons come from the JSON
packs (rules/packs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from itertools import combinations
from typing import Any

from releasewatch.models import Event, Evidence
from rules.numbers import Num, find_numbers, opens_small
from rules.packs import ALL, LangPack, languages, pack, places, raw_packs
from rules.text import (
    Sentence,
    any_overlap,
    any_word,
    clean,
    compile_re,
    find_groups,
    find_words,
    has,
    is_lacinka,
    lacinka_to_cyrillic,
    search_spans,
    split_sentences,
)

Span = tuple[int, int]

_YEAR = compile_re(r"(?:^|[^\pN])((?:19|20)\d\d)(?:[^\pN]|$)")
_CONJ = compile_re(
    r"(?i)^[\s,]*(?:[\pL.'’-]+\s+){0,3}?(?:and|и|і|та|й|i|oraz|e|et|y|und)\s+(?:[\pL.'’-]+\s+){0,1}$"
)
_MAX_ATTACHED_GAP = 12  # tokens between trigger and a number that carries a counted noun
_MAX_BARE_GAP = 3  # ... and a bare number
_CYRILLIC = compile_re(r"[\p{Cyrillic}]")
# Characters before a substring that make a lexicon match in it one in the whole sentence
# (_SentCtx._absent_from): clause-break punctuation (and whitespace, tested apart) is neither
# a letter nor a digit in RE2's tables either
_SAFE_BEFORE = frozenset(";:,()[]")


@dataclass
class _Cand:
    kind: str
    sent: int
    sentence: str
    words: tuple[str, ...]
    count: int | None = None
    count_text: str | None = None
    qualifier: str | None = None
    direction: str | None = None
    formula: bool = False
    how: str = ""
    num_span: Span | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        # the dataclass __eq__ (merge uses `in` / remove / index on candidates), field by field
        # with an early exit instead of building two 12-field tuples per comparison
        if other.__class__ is not self.__class__:
            return NotImplemented
        o: _Cand = other  # type: ignore[assignment]
        return (
            self.kind == o.kind
            and self.sent == o.sent
            and self.sentence == o.sentence
            and self.words == o.words
            and self.count == o.count
            and self.count_text == o.count_text
            and self.qualifier == o.qualifier
            and self.direction == o.direction
            and self.formula == o.formula
            and self.how == o.how
            and self.num_span == o.num_span
            and self.extra == o.extra
        )

    __hash__ = None  # type: ignore[assignment]  # as the dataclass: mutable, unhashable


class _Scan:
    """Per-item view of which lexicons can match at all (one presence scan over the item,
    LangPack.present: a superset of the lexicons that match, so only used to skip searches).

    Measured: scanning each lexicon once over the whole item and sharing the spans out to
    sentences was ~10% slower than these per-sentence scans on short news items (the dense
    cue lexicons give many spans to filter), so sentences are scanned directly."""

    __slots__ = ("full", "full_bytes", "index", "present")

    def __init__(self, pk: LangPack, full: str, full_bytes: bytes) -> None:
        self.index = pk.set_index or {}
        self.full = full
        self.full_bytes = full_bytes  # full.encode(): the item-level scans share it
        self.present = pk.present(full, full_bytes)

    def find(self, rx: Any, text: str) -> list[Span]:
        if rx is None:
            return []
        i = self.index.get(id(rx))
        if i is not None and i not in self.present:
            return []
        return find_words(rx, text, self.full_bytes if text is self.full else None)

    def any(self, rx: Any, text: str) -> bool:
        """bool(self.find(rx, text)), stopping at the first match."""
        if rx is None:
            return False
        i = self.index.get(id(rx))
        if i is not None and i not in self.present:
            return False
        return any_word(rx, text, self.full_bytes if text is self.full else None)


class _SentCtx:
    """Per-sentence lazily computed facts."""

    __slots__ = (
        "_attached",
        "_full",
        "_nums",
        "_persons",
        "_subs",
        "cores",
        "here",
        "in_sentence",
        "months",
        "pk",
        "release_live",
        "s",
        "sc",
        "text",
    )

    def __init__(
        self,
        s: Sentence,
        pk: LangPack,
        sc: _Scan,
        here: frozenset[int],
        in_sentence: frozenset[int],
    ) -> None:
        self.s = s
        self.text = s.text
        self.pk = pk
        self.sc = sc
        # indexes (LangPack.set_index) of the lexicons that can match in the item *and* in this
        # sentence: a lexicon outside it finds nothing in the whole sentence (substrings still
        # follow the item-level scan only, as a match at a substring's start need not be one in
        # the sentence)
        self.here = here
        self.in_sentence = in_sentence  # ... of those that can match in the sentence
        self.cores = pk.core_index or {}
        # a month word after a non-letter in the sentence (LangPack.month_core; else no
        # clause of it names a month, nor a copy with a participle phrase blanked: a month
        # right after the blanks starts a word there too)
        self.months = pk.month_core is None or pk.month_core in in_sentence
        self._nums: list[Num] | None = None
        self._persons: list[Span] | None = None
        self._subs: list[Span] | None = None
        self._full: dict[int, list[Span]] = {}  # id(lexicon) -> spans in the whole sentence
        # (start, end) of a figure -> does a counted noun follow it (Engine._attached: asked
        # for the same figure by every trigger and by the coordination checks)
        self._attached: dict[Span, bool] = {}
        self.release_live = False  # an accepted release trigger in this sentence

    def find_in(self, rx: Any, a: int = 0, b: int | None = None) -> list[Span]:
        """Lexicon spans inside s.text[a:b], relative to a (shared lists: do not mutate)."""
        if b is None:
            if a == 0:
                key = id(rx)
                hits = self._full.get(key)
                if hits is None:
                    if rx is None:
                        hits = []
                    else:
                        i = self.sc.index.get(key)
                        hits = (
                            []
                            if i is not None and i not in self.here
                            else find_words(rx, self.text)
                        )
                    self._full[key] = hits
                return hits
        elif b <= a:
            return []
        if rx is None or self._absent_from(rx, a):
            return []
        return find_words(rx, self.text[a:b])

    def any_in(self, rx: Any, a: int = 0, b: int | None = None) -> bool:
        """bool(self.find_in(rx, a, b))."""
        if b is None:
            if a == 0:
                return bool(self.find_in(rx))
        elif b <= a:
            return False
        if rx is None or self._absent_from(rx, a):
            return False
        return any_word(rx, self.text[a:b])

    def has(self, rx: Any, piece: str) -> bool:
        """has(rx, piece) for a head / tail regex and a piece of the sentence: no search when
        the sentence's scan found no atom of the regex's core (LangPack.core_index)."""
        i = self.cores.get(id(rx))
        if i is not None and i not in self.in_sentence:
            return False
        return has(rx, piece)

    def search(self, rx: Any, piece: str) -> list[Span] | None:
        """search_spans(rx, piece), with the same shortcut as has()."""
        i = self.cores.get(id(rx))
        if i is not None and i not in self.in_sentence:
            return None
        return search_spans(rx, piece)

    def _absent_from(self, rx: Any, a: int) -> bool:
        r"""Can the scans tell that lexicon `rx` has no match in s.text[a:...]? A lexicon is
        (?:^|[^\pL\pN])(?:fragments) with anchor-free fragments, so a match in a substring
        is one in the sentence when the character before the substring is no letter or digit
        (the prefix class takes it where the substring's ^ did): then the sentence's scan
        decides (clause starts, most substrings here). Else only the item's scan can."""
        i = self.sc.index.get(id(rx))
        if i is None:
            return False
        if a == 0 or self.text[a - 1] in _SAFE_BEFORE or self.text[a - 1].isspace():
            return i not in self.here
        return i not in self.sc.present

    @property
    def nums(self) -> list[Num]:
        if self._nums is None:
            here = self.in_sentence
            # number-word regexes that match nowhere in the sentence are not run
            absent = [rid for rid, i in self.pk.number_words if i not in here]
            nums = find_numbers(self.text, self.pk.langs, absent=absent)
            vt = self.pk.vague_tail
            if vt is not None:
                # "некалькі тысяч", "several thousand": a vague amount, not 1,000; so is a lone
                # "тысячи" ("на свободу выходят тысячи"), but not "более тысячи" (over 1,000)
                nums = [
                    replace(n, value=None, bad="vague")
                    if n.words
                    and n.bad is None
                    and not opens_small(n.text, self.pk.langs)  # "some thirteen hundred"
                    and (
                        self.has(vt, self.text[max(0, n.start - 25) : n.start])
                        or (
                            " " not in n.text
                            and self.has(vt, n.text)
                            and (
                                self.pk.qualifier_tail is None
                                or self.search(
                                    self.pk.qualifier_tail,
                                    self.text[max(0, n.start - 30) : n.start],
                                )
                                is None
                            )
                        )
                    )
                    else n
                    for n in nums
                ]
            if any(n.bad == "year" for n in nums):
                # "releases 2000 prisoners", "Около 2000 человек": a figure that could be a
                # year is a count when a counted noun follows at once (or after one adjective:
                # "knapp 2000 palästinensische Häftlinge") and no word before it
                # introduces a year ("in 2020 prisoners ...", "the 2020 protesters")
                persons = self.persons
                yb = self.pk.year_before_tail
                nums = [
                    replace(n, bad=None)
                    if n.bad == "year"
                    and any(
                        p[0] >= n.end and _one_word_at_most(self.text[n.end : p[0]])
                        for p in persons
                    )
                    and not (
                        yb is not None and self.has(yb, self.text[max(0, n.start - 12) : n.start])
                    )
                    else n
                    for n in nums
                ]
            self._nums = nums
        return self._nums

    @property
    def persons(self) -> list[Span]:
        if self._persons is None:
            self._persons = self.find_in(self.pk.persons)
        return self._persons

    @property
    def subs(self) -> list[Span]:
        if self._subs is None:
            subs = self.find_in(self.pk.sub_cues)
            if subs:
                # "w tym roku" (this year) is not "w tym" (including)
                subs = _unmasked(subs, self.find_in(self.pk.masks))
            self._subs = subs
        return self._subs


class _ItemFacts(dict[str, Any]):
    """Item-level facts, keyed by name. Each cue fact costs a scan of the whole item (or the
    title) and most are read only in rare branches (a count-only trigger, a kidnap, a bail
    cue...), so each is computed on its first read: the values are those of computing them
    all up front (they depend on the item's text alone)."""

    __slots__ = ("full", "pk", "sc", "title")

    def __init__(self, pk: LangPack, sc: _Scan, title: str, full: str) -> None:
        super().__init__()
        self.pk = pk
        self.sc = sc
        self.title = title
        self.full = full

    def __missing__(self, key: str) -> Any:
        pk, sc, title, full = self.pk, self.sc, self.title, self.full
        value: Any
        if key == "title_hist":
            value = bool(title) and (
                _hist_beyond_recent(sc.find(pk.hist, title), sc.find(pk.recent_release, title))
                # "Analysis: ...", "Diez años del deshielo: ...": commentary or an anniversary
                or (pk.title_head is not None and has(pk.title_head, title))
                # "Editorial: ...", "Колонка: ...": an opinion piece argues over releases it
                # tells as background, unless it dates one to this week ("on Thursday
                # pardoned 52", "В субботу ... помиловал"): then the rules below judge it
                or (self["opinion"] and not sc.any(pk.now_words, full))
                # "CORRECTED-Journalist moved to hospital, not released", "Поправка: ... Ранее
                # мы сообщили, что он был освобождён": a retraction (the body restates the
                # error); "KORREKTUR: Algerien begnadigt Sansal" is the report
                or (
                    pk.correction_head is not None
                    and has(pk.correction_head, title)
                    and (
                        sc.any(pk.correction_neg, title)
                        # (an earlier version cited under a headline with no release or
                        # sanctions word: "Поправка: активист остаётся в колонии"; one that
                        # has them corrects a detail: "... en una versión anterior figuraba
                        # como 224")
                        or (sc.any(pk.correction_earlier, full) and not _any_trigger(title))
                    )
                )
                # "Poet freed in 1987 dies at 88": an obituary tells its releases as background
                or sc.any(pk.obituary, title)
                # "Как устроено помилование: 7 вопросов и ответов": an explainer's releases
                # are the examples of how the thing works
                or sc.any(pk.explainer, title)
            )
        elif key == "opinion":
            value = bool(title) and pk.opinion_head is not None and has(pk.opinion_head, title)
        elif key == "analysis":
            value = bool(title) and pk.analysis_head is not None and has(pk.analysis_head, title)
        elif key == "swap":
            value = bool(_swap_cues(pk, sc, full))
        elif key == "swap_n":
            value = len(_swap_cues(pk, sc, full))
        elif key == "detainee":
            # a strong release word (pardon, amnesty...) itself says this is about detainees
            value = sc.any(pk.detainee_ctx, full) or sc.any(pk.p_strong, full)
        elif key == "sanctions":
            # ("OFAC designated 11 companies": a sanctions office's designations need no
            # "sanctions" word)
            value = sc.any(pk.s_nouns, full) or sc.any(pk.s_authorities, full)
        elif key == "pc_item":
            value = sc.any(pk.pc_phrases, full)  # the item speaks of political prisoners
        elif key == "s_block":
            value = sc.any(pk.s_blockers, full)
        elif key == "pretrial":
            # bail / judicial supervision / pending trial: a court letting someone go is not
            # a pardon, amnesty or exchange (the item must name one of those to count)
            value = bool(_unmasked(sc.find(pk.pretrial, full), sc.find(pk.masks, full)))
        elif key == "grounds":
            value = sc.any(pk.p_grounds, full)
        elif key == "turkeys":
            # "Biden pardons Liberty and Bell" over a body about two turkeys: a Thanksgiving
            # ritual, unless the item also speaks of prisons or detainees
            value = sc.any(pk.pardoned_animals, full) and not sc.any(pk.detainee_ctx, full)
        elif key == "title_nonevent":
            # "20 bison released": an animal / city headline makes the whole item a non-event
            value = bool(title) and (
                sc.any(pk.nonevent_ctx, title)
                # (and an end-of-term cue: "walks free after serving his full term")
                or bool(_unmasked(sc.find(pk.served, title), sc.find(pk.masks, title)))
            )
        elif key == "work_title":
            # "Кніга тыдня: ...", "un libro riapre ...", "wystawa o amnestii": a work's headline
            value = bool(title) and sc.any(pk.work_title, title)
        elif key == "completion":
            value = sc.any(pk.completion, full)
        elif key == "kidnap":
            # a kidnap victim set free (police rescue, ransom) is not released from detention,
            # unless the item speaks of political prisoners (Venezuela's opposition calls
            # detentions "secuestros")
            value = sc.any(pk.kidnap, full) and not sc.any(pk.pc_phrases, full)
        elif key == "portrait":
            # "Interview with a former political prisoner", "... recalls his years in a penal
            # colony": the releases the body tells are the person's past
            value = bool(title) and sc.any(pk.portrait, title)
        elif key == "former_title":
            # "Ex-political prisoner X: ...": a piece about a person's past too, but a body
            # release with a figure is a group's news ("Foto: un ex detenuto riabbraccia la
            # madre ... completato la scarcerazione dei 553 detenuti")
            value = bool(title) and sc.any(pk.former, title)
        elif key == "served":
            # "walked free after serving his full term": only a pardon / exchange word in the
            # item can still report a release
            # ("nach Verbüßung von zwei Dritteln ihrer Strafe": part of a term is an early
            # release, a mask)
            value = bool(_unmasked(sc.find(pk.served, full), sc.find(pk.masks, full)))
        elif key == "wild":
            # a vulture reintroduced, falcons with GPS tags: animals set free, unless the item
            # also speaks of detainees or of a pardon / amnesty / exchange
            # ("nés en captivité" is a wildlife cue, not a detainee one)
            value = (
                bool(wild := sc.find(pk.wildlife, full))
                and not _unmasked(sc.find(pk.detainee_ctx, full), wild)
                and not sc.any(pk.p_grounds, full)
            )
        else:
            raise KeyError(key)
        self[key] = value
        return value


_WORD_HITS: dict[tuple[Any, str], bool] = {}
_WORD_HITS_MAX = 8192


def _has_word(rx: Any, word: str) -> bool:
    """has(rx, word) for a trigger's own word, memoised across items: the same few trigger
    words come back item after item. Keyed by the regex object itself (kept alive by the key,
    so a rebuilt pack never meets a stale answer); cleared when full."""
    key = (rx, word)
    hit = _WORD_HITS.get(key)
    if hit is None:
        if len(_WORD_HITS) >= _WORD_HITS_MAX:
            _WORD_HITS.clear()
        hit = _WORD_HITS[key] = has(rx, word)
    return hit


def _any_trigger(text: str, b: bytes | None = None) -> bool:
    """Could any language pack fire on `text` (`b`: its UTF-8, when the caller has it)? The
    union pack's prefilter is the union of every pack's: when it finds nothing, no pack can,
    and guessing the language is wasted work (most items of a real feed; measured in
    benchmarks/rules_speed.py)."""
    return pack(ALL).fires(text, b)


_OPEN_QUOTES = "«„“\"'‘‹"
_CLOSE_QUOTES = "»“”\"'’›"


def _quoted_title(text: str, span: Span) -> bool:
    """The trigger is the whole of a short capitalised quotation: «Повернення», „Ułaskawienie”
    name a film, a book or an album, not a release."""
    a, b = span
    if a == 0 or b >= len(text):
        return False
    j = a - 1
    while j > 0 and text[j] in " \u00a0\u202f":
        j -= 1  # « La Grâce »: French puts a space inside the quotes
    if text[b] not in _CLOSE_QUOTES:
        # «La Grâce et la Loi»: a capitalised trigger opening a short quotation of at most
        # five words, with no figure and no sentence stop, names a work too
        if not (text[j] in _OPEN_QUOTES and text[a].isupper()):
            return False
        rest = text[b : b + 60]
        end = next((i for i, ch in enumerate(rest) if ch in _CLOSE_QUOTES), -1)
        inner = rest[:end]
        return (
            end > 0
            and len(text[a : b + end].split()) <= 5
            and not any(ch.isdigit() or ch in ".!?;:" for ch in inner)
        )
    if text[a - 1] in _OPEN_QUOTES:
        return text[a].isupper()
    # «La grazia», 'The Pardon', „Die Begnadigung“: an article opens the title
    if text[a - 1] != " ":
        return False
    k = text.rfind(" ", 0, a - 1) + 1
    return (
        k < a - 2
        and text[k] in _OPEN_QUOTES
        and a - 1 - (k + 1) <= 3
        and text[k + 1].isupper()
        and text[k + 1 : a - 1].isalpha()
    )


def _words_start(s: Sentence, sp: Span, words: int) -> int:
    """Where the `words` words before the span start (or the sentence does)."""
    t = s.tok(sp[0]) - words
    return 0 if t <= 0 else s.token_ends[t - 1]


def _words_end(s: Sentence, sp: Span, words: int) -> int:
    """Where the `words` words after the span end (or the sentence does)."""
    t = s.tok(sp[1] - 1)
    return s.token_ends[min(len(s.token_ends) - 1, t + words)]


def _opening_date(pk: LangPack, text: str, a: int) -> bool:
    """The year at text[a:] dates its short opening clause: few words before it, or a month
    or an 'in' right before it ("Le 17 décembre 2014,", "In 2014,", "Im Jahr 2014,")."""
    before = text[:a]
    if len(before.split()) <= 3 or (
        pk.year_prep_tail is not None and has(pk.year_prep_tail, before[-6:])
    ):
        return True
    # ("El 29 de diciembre de 1990,": the month, then "de")
    return any(w.lower().rstrip(".,") in places().months for w in before.split()[-2:])


def _past_year_opening(pk: LangPack, opening: str, pub_year: int) -> bool:
    """The opening clause dates what follows to an earlier year: "Il rappelle qu'en 2022"."""
    return pk.year_prep_tail is not None and any(
        int(opening[a:b]) < pub_year and has(pk.year_prep_tail, opening[max(0, a - 6) : a])
        for _g, (a, b) in find_groups(_YEAR, opening)
    )


def _scare_quoted(text: str, span: Span) -> bool:
    """The trigger, a lowercase word or two, is all that a pair of quotes holds."""
    a, b = span
    return (
        0 < a
        and b < len(text)
        and text[a - 1] in _OPEN_QUOTES
        and text[b] in _CLOSE_QUOTES
        and text[a].islower()
        and len(text[a:b].split()) <= 2
    )


def _in_quote(text: str, start: int, pos: int) -> bool:
    """`pos` lies after `start` and before the quotation around `start` closes."""
    return start <= pos and not any(ch in _CLOSE_QUOTES for ch in text[start:pos])


def _to_country(text: str, span: Span) -> bool:
    """The word right after the trigger names a country ("передала Украине", "перадаў
    украінскаму [боку]"): a handover to a state, not to the police or a court."""
    words = text[span[1] : span[1] + 40].split()
    if not words:
        return False
    w = words[0].strip(',.;:«»"()')
    return bool(w) and any(has(rx, w) for _code, rx in places().countries)


def _inside_short_quote(text: str, span: Span) -> bool:
    """The trigger sits inside a short capitalised quotation, a word or two after it opens:
    «Выход на свободу», "Road to Freedom" name a song, a film or a campaign, not a release."""
    a, b = span
    head = text[max(0, a - 30) : a]
    q = max(head.rfind(ch) for ch in '«„“"')
    if q < 0 or (q > 0 and not head[q - 1].isspace()):
        return False
    lead = head[q + 1 :].strip()
    if not lead or not lead[0].isupper() or len(lead.split()) > 2:
        return False
    rest = text[b : b + 60]
    end = next((i for i, ch in enumerate(rest) if ch in _CLOSE_QUOTES), -1)
    if end < 0:
        return False
    inner = lead + " " + text[a : b + end]
    return len(inner.split()) <= 5 and not any(ch.isdigit() or ch in ".!?;:" for ch in inner)


@cache
def _lang_profiles() -> tuple[tuple[str, frozenset[str], str], ...]:
    raw = raw_packs()["common"]["languages"]
    return tuple(
        (lg, frozenset(b.get("stopwords", ())), b.get("letters", "")) for lg, b in raw.items()
    )


def _mislabelled(declared: str, text: str) -> str | None:
    """Another supported language when `text` clearly is not in `declared` (none of its
    stopwords, and stopwords / letters clearly point elsewhere), else None."""
    words = set(text.lower().split())
    for lg, stop, _letters in _lang_profiles():
        if lg == declared:
            if words & stop:
                return None
            break
    guess = detect_language(text)
    return guess if guess not in (ALL, declared) else None


@cache
def _stopword_langs() -> dict[str, tuple[int, ...]]:
    """stopword -> indexes (in _lang_profiles order) of the languages that list it."""
    out: dict[str, list[int]] = {}
    for i, (_lg, stop, _letters) in enumerate(_lang_profiles()):
        for w in stop:
            out.setdefault(w, []).append(i)
    return {w: tuple(ix) for w, ix in out.items()}


def detect_language(text: str) -> str:
    """Cheap guess from stopwords and distinctive letters (data in common.json); the union
    of all packs when unsure, since cross-language cue collisions ('se', 'by') hurt."""
    profiles = _lang_profiles()
    stop_langs = _stopword_langs()
    counts = [0] * len(profiles)
    # one pass over the words (not one per language); only stopwords are looked up
    for w in text.lower().split():
        ix = stop_langs.get(w)
        if ix is not None:
            for i in ix:
                counts[i] += 1
    best, best_score, second = ALL, 0.0, 0.0
    for i, (lg, _stop, letters) in enumerate(profiles):
        score = counts[i] + sum(3 for ch in letters if ch in text)
        if score > best_score:
            best, best_score, second = lg, score, best_score
        elif score > second:
            second = score
    return best if best_score >= 2 and best_score > second else ALL


class Engine:
    """Compiled built-in rules; immutable after construction and safe to share."""

    def evaluate(self, item: Any) -> list[Event]:
        title = clean(getattr(item, "title", "") or "")
        summary = clean(getattr(item, "summary", "") or "")
        return self.evaluate_clean(
            title, summary, getattr(item, "lang", None), getattr(item, "published", None)
        )

    def evaluate_clean(
        self,
        title: str,
        summary: str,
        lang: str | None,
        published: Any,
        encoded: bytes | None = None,
    ) -> list[Event]:
        """Same as evaluate() for already cleaned text (the Matcher cleans once for both).
        `encoded`: f"{title}\\n{summary}".encode(), when the caller has it (the scans of the
        whole item share one encoding)."""
        declared = (lang or "").lower()[:2]
        if declared == "be" and is_lacinka(f"{title} {summary}"):
            # a Belarusian item in Łacinka: the packs read it in Cyrillic (the evidence quotes
            # the transliteration)
            title, summary = lacinka_to_cyrillic(title), lacinka_to_cyrillic(summary)
            encoded = None
        slug = _WIRE_SLUG.match(title)
        if slug is not None and slug.group(1).isupper():
            # "UPDATE 4-Hamas frees ...", "ROUNDUP 2: Größter Gefangenenaustausch": a wire
            # version number, no count
            title = title[slug.end() :]
            encoded = None
        full = f"{title}\n{summary}"
        fb = full.encode() if encoded is None else encoded
        if declared not in languages():
            # (a language detected here is never "mislabelled": no fallback below)
            if not _any_trigger(full, fb):
                return []
            pk = pack(detect_language(full))
            return self._evaluate_pack(pk, title, summary, full, fb, published)
        pk = pack(declared)
        if pk.fires(full, fb):
            events = self._evaluate_matched(pk, title, summary, full, fb, published)
            if events:
                return events
            # (no _any_trigger(full) here: the union pack's prefilter has every fragment of
            # this one, so it matches too)
        elif not _any_trigger(full, fb):
            return []
        # feeds mislabel languages (an "en" feed carrying Italian items): when the declared
        # pack finds nothing and none of its stopwords occur, use the detected language
        alt = _mislabelled(declared, full)
        if alt is None:
            return []
        return self._evaluate_pack(pack(alt), title, summary, full, fb, published)

    def _evaluate_pack(
        self, pk: LangPack, title: str, summary: str, full: str, fb: bytes, published: Any
    ) -> list[Event]:
        if not pk.fires(full, fb):
            return []
        return self._evaluate_matched(pk, title, summary, full, fb, published)

    def _evaluate_matched(
        self, pk: LangPack, title: str, summary: str, full: str, fb: bytes, published: Any
    ) -> list[Event]:
        """_evaluate_pack for an item that pk's prefilter matches (`fb`: full.encode())."""
        pub_year = published.year if isinstance(published, datetime) else None
        sents: list[Sentence] = []
        if title:
            sents.append(Sentence.build(title, is_title=True))
        sents.extend(Sentence.build(t) for t in split_sentences(summary))
        sc = _Scan(pk, full, fb)
        item_ctx = _ItemFacts(pk, sc, title, full)
        # the facts the rules update as they go; the others are computed on first read
        item_ctx.update(
            pub_year=pub_year,
            published=published,
            title_past=False,  # the headline's release was background or a running total
            summary_hist=False,  # a release in the summary was told as background
            summary_live=False,  # ... and one was told as news
            rearrest=False,  # the headline's released person was arrested again
            pc_seen=False,  # an earlier sentence gave a political-prisoner count
            expected=None,  # (number, qualifier, its text, trigger) of "will free N people"
            partition=None,  # (sentence, number, trigger) of "387 of them were freed"
            title_years=(),  # the past years of a headline that tells its release as history
            body_nonevent=False,  # a release word in the body was no release (a bull, a match)
            other_sense=frozenset(),  # (the heads of) body release words that named a product
        )
        cands: list[_Cand] = []
        present = sc.present
        triggers = pk.trigger_ids
        groups = pk.trigger_groups
        # one presence scan per sentence: which lexicons can match in it at all
        sent_sets = [pk.present(s.text) for s in sents]
        for i, s in enumerate(sents):
            in_sentence = sent_sets[i]
            here = present & in_sentence
            if triggers is not None and here.isdisjoint(triggers):
                continue  # no pardon / sanctions / count trigger: no candidate in this sentence
            ctx = _SentCtx(s, pk, sc, here, in_sentence)
            taken: set[int] = set()
            # an extractor none of whose trigger lexicons matches here finds nothing (and
            # changes nothing): it is not called
            if groups is None or not here.isdisjoint(groups[0]):
                cands.extend(self._pardon(i, ctx, item_ctx, taken))
            if groups is None or not here.isdisjoint(groups[1]):
                cands.extend(self._sanctions(i, ctx, item_ctx))
            if groups is None or not here.isdisjoint(groups[2]):
                found = self._prisoner_count(i, ctx, item_ctx, taken)
                if found:
                    cands.extend(found)
                    item_ctx["pc_seen"] = True
        if not cands:
            return []
        # each text's scan (the item's for the full text), for the event fields' lookups
        sets = dict(zip((s.text for s in sents), sent_sets, strict=True))
        sets[full] = present
        return self._merge(cands, sents, full, item_ctx, published, (pk, sets))

    # ------------------------------------------------------------------ cues
    def _blocked(
        self, ctx: _SentCtx, span: Span, *, post: bool = True, appeal: bool = True
    ) -> str | None:
        """Why a trigger at `span` does not report a done event (clause-level cues), or None."""
        s, pk = ctx.s, ctx.pk
        # s.clause_of / s.clause_span in one search
        bounds = s.clause_bounds
        ci = bisect_right(bounds, span[0]) - 1
        lo = lo0 = bounds[ci]
        hi = bounds[ci + 1] if ci + 1 < len(bounds) else len(s.text)
        if ci > 0 and any(lo <= c[0] <= lo + 1 for c in ctx.subs):
            # "... plans new sanctions, including an oil embargo": the apposition is still
            # governed by the previous clause's cue
            lo = bounds[ci - 1]
        pre = s.text[lo : span[0]]
        checks = [(pk.neg_pre, "negation"), (pk.hyp_pre, "hypothetical")]
        if appeal:
            checks.append((pk.appeal_pre, "appeal"))
        cue_masks: list[Span] | None = None
        for rx, label in checks:
            if rx is None or not pre:
                continue
            hits = ctx.find_in(rx, lo, span[0])
            if hits:
                if cue_masks is None:
                    # "made possible by", "reso possibile": the cue word is not a cue here
                    # (a mask may start in the clause before: "пасля ліпеня, калі ...",
                    # after July, when ...: "калі" is "when" there, not "if")
                    mlo = bounds[ci - 1] if ci > 0 else lo
                    cue_masks = [
                        (m[0] + mlo - lo, m[1] + mlo - lo)
                        for m in ctx.find_in(pk.cue_masks, mlo, span[0])
                    ]
                if any(not any(m[0] <= h[0] and h[1] <= m[1] for m in cue_masks) for h in hits):
                    return label
        if pk.hyp_adjacent is not None and pre and ctx.has(pk.hyp_adjacent, pre):
            return "hypothetical"  # "списки на обмін", "talks on a swap": a plan
        if pk.topic_of is not None and pre and ctx.has(pk.topic_of, pre):
            return "topic"  # "a game about a prisoner exchange", "фільм про помилування"
        if pk.hyp_next is not None and ctx.has(pk.hyp_next, s.text[span[1] : span[1] + 24]):
            return "hypothetical"  # "Kremlin waves away swap talk", "sanctions-relief hopes"
        q = s.text.find("?", span[1], hi)
        if q >= 0 and s.gap(span, (q, q + 1)) <= 5 and _words(pre) <= 1:
            # "Nuove sanzioni all'Iran?", "Amnistía para todos?": a clause that is the trigger's
            # phrase and a question mark asks; it reports nothing ("Why did X free 52?" is no
            # such clause: words before the trigger)
            return "question"
        if q >= 0 and pk.yesno_open is not None and ctx.has(pk.yesno_open, s.text):
            return "question"  # "Kommt es bald zu einem neuen Gefangenenaustausch?": asks
        if q >= 0 and s.is_title:
            # "Trentini, spiragli per il rilascio?", "X et Y bientôt libérés ?": a question
            # mark in the trigger's headline clause asks; the body says what happened
            return "question"
        if (
            s.is_title
            and ci + 1 < len(bounds)
            and _words(s.text[lo:hi]) <= 3
            and pk.hyp_pre is not None
        ):
            # "Amnistia e indulto, la proposta di legge approda in Aula": a headline's topic,
            # then what it is (a bill, a plan) in the next clause's first words
            nxt = s.text[hi : bounds[ci + 2] if ci + 2 < len(bounds) else None].split()[:3]
            if nxt and any_word(pk.hyp_pre, " ".join(nxt)):
                return "hypothetical"
        if ci > 0:
            prev = s.text[bounds[ci - 1] : bounds[ci]]
            if pk.cond_start is not None and ctx.has(pk.cond_start, prev):
                # "Jeśli Rosja odrzuci rozejm, UE nałoży sankcje": the clause before opens with "if"
                return "conditional"
            if (
                pk.hyp_pre is not None
                and (
                    len(prev.split()) <= 2
                    or (
                        len(prev.split()) <= 6
                        and pk.that_open is not None
                        and ctx.has(pk.that_open, s.text[lo:hi])
                    )
                )
                and any_word(pk.hyp_pre, prev)
            ):
                # "Планується, що додому повернуться 1200": a plan; "W poprzedniej wersji błędnie
                # podaliśmy, że ... ułaskawiony": a short clause that the trigger's "that"
                # clause completes governs it
                return "hypothetical"
            if (
                prev.rstrip().endswith(":")
                and pk.colon_hyp is not None
                and any_word(pk.colon_hyp, " ".join(prev.split()[-4:]))
            ):
                # "назвала ўмовы іх магчымага зняцця: вызваленне ўсіх палітвязняў": what a
                # colon introduces after "conditions", "proposals" is one of them
                return "hypothetical"
            if (
                appeal
                and pk.appeal_pre is not None
                and prev.rstrip().endswith(":")
                and _words(prev) <= 6
                and _unmasked(
                    ctx.find_in(pk.appeal_pre, bounds[ci - 1], lo),
                    ctx.find_in(pk.cue_masks, bounds[ci - 1], lo),
                )
            ):
                # "Appello a Mattarella: «Grazia per il detenuto»": a short heading that names
                # an appeal governs what its colon introduces
                return "appeal"
            if (
                ci > 1
                and pk.hyp_pre is not None
                and _words(prev) <= 6
                and s.text[bounds[ci - 1] - 2 : bounds[ci - 1]].strip() == ","
                and prev.rstrip().endswith(",")
                and any_word(pk.hyp_pre, " ".join(s.text[: bounds[ci - 1]].split()[-2:]))
            ):
                # "l'Italia sta valutando, insieme agli altri Paesi, nuove misure": a short
                # phrase set off by commas parts a verb from its object; the verb still governs
                return "hypothetical"
            clause = s.text[lo:hi]
            if (pk.complement_open is not None and ctx.has(pk.complement_open, clause)) or (
                pk.inf_final is not None and ctx.has(pk.inf_final, clause.rstrip(" .!;,"))
            ):
                # "rufen den Rat auf, Sanktionen ... zu verhängen", "wezwali Radę, aby nałożyła
                # sankcje": a clause that completes the previous clause's verb takes its cue
                start = bounds[ci - 1]
                masks = ctx.find_in(pk.cue_masks, start, lo)
                for rx, label in checks:
                    if rx is not None and _unmasked(ctx.find_in(rx, start, lo), masks):
                        return label
        if pk.inf_tail is not None and ctx.has(pk.inf_tail, pre):
            # "die Sanktionen zu verschärfen", headline "Cuba to release 553" (but "agreed to pardon")
            if pk.inf_ok_tail is None or not ctx.has(pk.inf_ok_tail, pre):
                return "infinitive complement"
        if self._infinitive(ctx, span):
            return "infinitive"
        if pk.fut_word is not None and _has_word(
            pk.fut_word, s.text[span[0] : span[1]].split(" ", 1)[0]
        ):
            return "future"  # "excarcelará a 553 presos": a promise, not a release
        if (
            post
            and s.is_title
            and ci + 1 < len(bounds)
            and s.text[hi - 2 : hi].strip() in (":", "—", "–")
        ):
            # "20-й пакет санкцій ЄС: Угорщина блокує, рішення відкладено", "... sanctions: what
            # may be in it", "повідомлення про «обмін» — фейк": a headline's topic, then what
            # becomes of it after the colon or dash
            nxt = s.text[hi : bounds[ci + 2] if ci + 2 < len(bounds) else None]
            end = hi + len(" ".join(nxt.split()[:5])) + (len(nxt) - len(nxt.lstrip()))
            if ctx.any_in(pk.post_cues, hi, end) or (
                pk.hyp_pre is not None and any_word(pk.hyp_pre, s.text[hi:end])
            ):
                return "hypothetical"
        if (
            post
            and pk.cond_start is not None
            and ci + 1 < len(bounds)
            and s.text[hi - 2 : hi].strip() == ","
            and ctx.has(
                pk.cond_start, s.text[hi : bounds[ci + 2] if ci + 2 < len(bounds) else None]
            )
        ):
            # "заявил, что введёт санкции ..., если в течение 50 дней ...": the clause right
            # after the trigger's opens with "if"; it sets a condition, nothing was done
            return "conditional"
        if (
            post
            and ci > 0
            and ci + 1 < len(bounds)
            # (the trigger's own clause, an 'including' apposition too)
            and s.text[lo0 - 2 : lo0].strip() == ","
            and s.text[hi - 2 : hi].strip() == ","
            and _words(s.text[lo0:hi]) <= 8
            and pk.hyp_pre is not None
        ):
            # "Un éventuel accord, assorti d'une levée des sanctions, pourrait ...": an
            # apposition between commas; the verb right after it is the sentence's own
            rest = s.text[hi:]
            end = hi + len(" ".join(rest.split()[:2])) + (len(rest) - len(rest.lstrip()))
            if any_word(pk.hyp_pre, s.text[hi:end]) or ctx.any_in(pk.post_cues, hi, end):
                return "hypothetical"
            # ("todas las opciones, incluidas nuevas sanciones, siguen sobre la mesa")
            far = hi + len(" ".join(rest.split()[:5])) + (len(rest) - len(rest.lstrip()))
            if pk.tabled is not None and ctx.any_in(pk.tabled, hi, far):
                return "hypothetical"
        if post and pk.tabled is not None and ctx.any_in(pk.tabled, span[1], hi):
            # "nuove sanzioni contro la Russia restano «sul tavolo»": the clause's predicate,
            # however far, says they are only proposed
            return "hypothetical"
        if post and pk.post_cues is not None:
            # only the next few words of the same clause: "no exchange is planned"
            t_end = s.tok(span[1] - 1)
            last = min(len(s.token_ends) - 1, t_end + 8)
            cut = min(hi, s.token_ends[last]) if last > t_end else span[1]
            if cut > span[1] and ctx.any_in(pk.post_cues, span[1], cut):
                hits = ctx.find_in(pk.post_cues, span[1], cut)
                masks = ctx.find_in(pk.cue_masks, span[1], cut) if pk.cue_masks else []
                # ("restablece las sanciones ... al no renovar la licencia": the 'no' of a
                # phrase that says how, not whether)
                if any(not any(m[0] <= h[0] and h[1] <= m[1] for m in masks) for h in hits):
                    return "post-negation"
            if pk.cond_after is not None and hi < len(s.text):
                # "Под амнистию, по замыслу авторов, попали бы ...": the conditional particle
                # past the clause's end still governs the trigger's verb
                far = s.token_ends[min(len(s.token_ends) - 1, t_end + 6)]
                if far > hi and ctx.any_in(pk.cond_after, span[1], far):
                    return "hypothetical"
        return None

    def _infinitive(self, ctx: _SentCtx, span: Span) -> bool:
        """The trigger is a bare infinitive ("liberar", "ужесточить", "uwolnić"): a wish, call
        or plan, unless a 'decided / managed to / acaba de' verb governs it."""
        pk, text = ctx.pk, ctx.s.text
        if pk.inf_word is None:
            return False
        word = text[span[0] : span[1]].split(" ", 1)[0]
        if not _has_word(pk.inf_word, word):
            return False
        lo, _hi = ctx.s.clause_span(span[0])
        pre = text[max(lo, span[0] - 40) : span[0]]
        return pk.inf_ok_bare is None or not ctx.has(pk.inf_ok_bare, pre)

    def _historical(
        self,
        ctx: _SentCtx,
        span: Span,
        pub_year: int | None,
        published: Any = None,
        modifier: Span | None = None,
    ) -> bool | str:
        """Is the trigger at `span` told as background? A date inside `modifier` (a participle
        phrase: "lifts sanctions imposed in 2021") dates that participle, not the trigger.
        "recent": a month without a year, months before publication."""
        s, pk = ctx.s, ctx.pk
        if pk.hist is not None and ctx.any_in(pk.hist):
            recent = ctx.find_in(pk.recent_release)
            m = recent[0] if recent else None
            if m is None or not all(m[0] <= h[0] and h[1] <= m[1] for h in ctx.find_in(pk.hist)):
                return True
            # "pardoned 25 more, a week after the release of 52": that release is a recent
            # one of its own (kept beside today's, see _merge), and it dates nothing else
            if m[0] <= span[0] < m[1]:
                return "recent"
        if self._after_opening(ctx, span[0]):
            return True
        lo, hi = s.clause_span(span[0])
        ma, mb = modifier if modifier is not None else (-1, -1)
        # a clause that the trigger opens continues the one before ("Wyszła na wolność w
        # czerwcu ubiegłego roku, ułaskawiona razem z 13 innymi"): that clause's last-year /
        # month-and-year cue dates it too, unless it dates a jailing ("jailed in July 2021,
        # pardoned on Tuesday")
        wide = lo
        if lo > 0 and s.tok(span[0]) - s.tok(lo) <= 1:
            ci = s.clause_of(span[0])
            prev = s.clause_bounds[ci - 1] if ci > 0 else lo
            if prev < lo and not ctx.any_in(pk.jailed_part, prev, lo):
                wide = prev
        if pk.past_rel is not None:
            # a participle opening its clause takes a longer phrase: "Freed in a swap with the
            # US last August, he ..." (unless a jailing word between dates that instead)
            opens = s.tok(span[0]) - s.tok(lo) <= 1
            for c in ctx.find_in(pk.past_rel, wide, hi):
                c = (c[0] + wide - lo, c[1] + wide - lo)  # (offsets from lo, as below)
                # "pardoned last year", "ułaskawiony w ubiegłym roku": a past release
                if ma <= c[0] + lo < mb:
                    continue
                g = s.gap(span, (c[0] + lo, c[1] + lo))
                if g <= 2 or (
                    opens
                    and g <= 6
                    and c[0] + lo >= span[1]
                    and not ctx.any_in(pk.jailed_part, span[1], c[0] + lo)
                ):
                    return True
        if pub_year is None:
            return False
        # the participle phrase blanked out (same length: offsets stay valid)
        text = s.text if mb <= ma else s.text[:ma] + " " * (mb - ma) + s.text[mb:]
        clause = text[lo:hi]
        if lo > 0 and hi < len(text) and text[lo - 2 : lo].strip() == ",":
            # an apposition opened by the trigger: "X, pardoned in 2023, published a book"
            ti = s.tok(span[0])
            if ti - s.tok(lo) <= 1 and any(
                int(clause[g[1][0] : g[1][1]]) < pub_year for g in find_groups(_YEAR, clause)
            ):
                return True
        # a participle opening its clause takes a longer phrase ("X, graziato dal presidente
        # al-Sisi nel luglio scorso, ha presentato ...")
        if (
            ctx.months
            and isinstance(published, datetime)
            and _months_ago(
                text, lo, hi, span[0], published, 7 if s.tok(span[0]) - s.tok(lo) <= 1 else 4
            )
        ):
            # "liberata a gennaio" told in May: background (a "recent" one: an item that
            # reports a release of its own may give it as a second figure, see _merge)
            return "recent"
        # (last year's date marks background only after February: not last December's
        # release reported late)
        late = isinstance(published, datetime) and published.month >= 3
        if lo > 0:
            # "Le 17 décembre 2014, Washington et La Havane annonçaient ..., et Cuba libérait
            # 53 prisonniers": a short opening date clause dates the whole sentence
            first = text[: s.clause_bounds[1]]
            if (
                _words(first) <= 5
                # (not "..., y este lunes liberó a otros 135": a clause with a day of its own)
                and not ctx.any_in(pk.now_words, lo, hi)
                and any(
                    (y < pub_year - 1 or (y == pub_year - 1 and late))
                    # (a date, not "Figure de la révolution de 2011, le militant ...": a year
                    # that names an event of the apposition)
                    and _opening_date(pk, first, a)
                    for _g, (a, b) in find_groups(_YEAR, first)
                    for y in (int(first[a:b]),)
                )
            ):
                return True
        if "19" not in clause and "20" not in clause and wide == lo:
            return False  # no year (both patterns below need a 19xx / 20xx year)
        if ctx.months and isinstance(published, datetime):
            # "released in August 2024" told in June 2025: background, not news
            # ("détenus en Iran depuis mai 2022, ont été libérés": a date after "since" starts a
            # detention, it dates no release)
            when = _month_year(_blanked(text[wide:hi], ctx.find_in(pk.since_date, wide, hi)))
            if (
                when is not None
                and (published.year * 12 + published.month) - (when[0] * 12 + when[1]) >= 3
            ):
                return True
        since = ctx.find_in(pk.since_date, lo, hi) if ("20" in clause or "19" in clause) else []
        for spans in find_groups(_YEAR, clause):
            a, b = spans[1]
            y = int(clause[a:b])
            ys = (a + lo, b + lo)
            if y >= pub_year or any(c <= a and b <= d for c, d in since):
                continue
            if any(n.start == ys[0] and n.bad is None for n in ctx.nums):
                continue  # "releases 2000 prisoners": a count (see _SentCtx.nums)
            if y == pub_year - 1:
                # "памілаваны ў 2024 годзе" told in 2025 (after February: not last December's
                # release reported late): background, when the year follows the trigger
                if late and ys[0] >= span[1] and s.gap(span, ys) <= 2:
                    return True
                if (
                    late
                    and ys[1] <= span[0]
                    and s.gap(ys, span) <= 1
                    and pk.pluperfect_tail is not None
                    and ctx.has(pk.pluperfect_tail, text[max(0, ys[0] - 12) : ys[0]])
                ):
                    # "Schweden hatte 2024 im Austausch ... zurückgeholt": a pluperfect
                    # that dates the release last year
                    return True
                continue
            g = s.gap(span, ys)
            if g <= 2:
                return True  # "the 1962 exchange", "lifted in 2015"
            if (
                g <= 4
                and ys[1] <= span[0]
                and y < pub_year - 1
                and "," not in text[ys[1] : span[0]]
                and pk.year_prep_tail is not None
                and ctx.has(pk.year_prep_tail, text[max(0, ys[0] - 4) : ys[0]])
            ):
                # "звільнили у 2019 році під час обміну 35 на 35": a year two or more years
                # back, after "in", a few words before the trigger in its clause dates it
                return True
            if (
                ys[1] <= span[0]
                and y < pub_year - 1
                and s.tok(ys[0]) - s.tok(lo) <= 1
                and "," not in text[ys[1] : span[0]]
                and pk.year_prep_tail is not None
                and ctx.has(pk.year_prep_tail, text[max(0, ys[0] - 4) : ys[0]])
                and not ctx.any_in(pk.now_words, lo, hi)
            ):
                # "У 2018 році новий прем'єр Абій Ахмед звільнив тисячі політв'язнів": a clause
                # that opens with a year two or more years back is dated by it
                return True
            if (
                g <= 5
                and ys[0] >= span[1]
                and y < pub_year - 1
                and pk.year_from_tail is not None
                and ctx.has(pk.year_from_tail, text[max(0, ys[0] - 6) : ys[0]])
            ):
                # "ułaskawienie Kamińskiego i Wąsika z 2015 r.": the pardon of that year
                return True
            if (
                g <= 8
                and ys[0] >= span[1]
                and y < pub_year - 1
                and pk.year_prep_tail is not None
                and has(pk.year_unit_head, text[ys[1] : hi])
                and ctx.has(pk.year_prep_tail, text[max(0, ys[0] - 4) : ys[0]])
                and ctx.any_in(pk.past_aux, span[1], ys[0])
            ):
                # "Последняя амнистия в России была объявлена в 2015 году.": a year that ends
                # the trigger's clause, after "in", dates it when a past auxiliary stands
                # between (not "pardons activist abducted by KGB agents in 2021")
                return True
            window = text[max(0, ys[0] - 25) : ys[1]]
            # (not gated by ctx.months: date_mdy may take a month at the window's start)
            near_month = has(places().date_dmy, window) or has(places().date_mdy, window)
            if near_month and g <= 8:
                return True  # "on February 11, 1990 ... release"
        return False

    @staticmethod
    def _after_opening(ctx: _SentCtx, pos: int) -> bool:
        """Is `pos` in a clause that opens with "Two years after" and that a main clause
        follows ("Two years after Ortega put 222 prisoners on a plane, many still ...")? What
        that clause tells is the past the sentence measures from ("Nine years after his arrest
        he walked free", one clause, is no such opening)."""
        s, pk = ctx.s, ctx.pk
        if pk.after_open is None:
            return False
        lo, hi = s.clause_span(pos)
        return hi < len(s.text) and ctx.has(pk.after_open, s.text[lo:hi])

    def _cumulative(self, ctx: _SentCtx, sp: Span, n: Num) -> bool:
        """A 'since ...' / 'in total' cue right after the figure ('300 released since May')."""
        s, pk = ctx.s, ctx.pk
        lo, hi = s.clause_span(sp[0])
        for c in ctx.find_in(pk.cumul_start, lo, hi):
            # "in total since the start of the invasion, over 4,000 were brought home"
            # (not "the largest swap since the start of the war")
            c = (c[0] + lo, c[1] + lo)
            if (
                c[0] >= n.end
                and s.gap((n.start, n.end), c) > 2
                and not self._since_after(ctx, sp, c)
            ):
                continue
            if not self._superlative(ctx, lo, c[0]):
                return True
        for c in ctx.find_in(pk.cumul_release, lo, hi):
            c = (c[0] + lo, c[1] + lo)
            if c[0] >= n.end and s.gap((n.start, n.end), c) <= 1:
                return True
        nlo, nhi = s.clause_span(n.start)
        if nlo != lo and any(
            nlo + c[0] < n.start and not self._superlative(ctx, nlo, nlo + c[0])
            for c in ctx.find_in(pk.cumul_start, nlo, nhi)
        ):
            # "усяго з 2020 года ... больш за 3 700 чалавек, уключаючы тых, хто выйшаў на
            # волю": the figure's own clause is a running total
            return True
        return self._opening_cumul(ctx, sp[0])

    @staticmethod
    def _since_after(ctx: _SentCtx, sp: Span, c: Span) -> bool:
        """The 'since ...' cue at `c` follows the trigger at `sp` closely, with no jailing word
        between: "4,000 prisoners freed in exchanges since 2022" is a running total, "frees 25
        political prisoners held since 2021" dates the jailing."""
        return (
            c[0] >= sp[1]
            and ctx.s.gap(sp, c) <= 6
            and not ctx.any_in(ctx.pk.jailed_part, sp[1], c[0])
        )

    def _since_later(self, ctx: _SentCtx, sp: Span) -> bool:
        """A 'since ...' cue later in the trigger's clause (`_since_after`), not after a
        superlative: "rapatriées lors d'une cinquantaine d'échanges depuis le début"."""
        lo, hi = ctx.s.clause_span(sp[0])
        for c in ctx.find_in(ctx.pk.cumul_start, sp[1], hi):
            c = (c[0] + sp[1], c[1] + sp[1])
            if self._since_after(ctx, sp, c) and not self._superlative(ctx, lo, c[0]):
                return True
        return False

    def _since_before(self, ctx: _SentCtx, sp: Span) -> bool:
        """A 'since ...' cue earlier in the trigger's clause, or opening the clause before it
        (not "the largest swap since 2022")."""
        lo = ctx.s.clause_span(sp[0])[0]
        if any(
            not self._superlative(ctx, lo, lo + c[0])
            for c in ctx.find_in(ctx.pk.cumul_start, lo, sp[0])
        ):
            return True
        return self._opening_cumul(ctx, sp[0])

    @staticmethod
    def _superlative(ctx: _SentCtx, lo: int, at: int) -> bool:
        """A superlative right before the 'since' cue at `at` (clause from `lo`): "the
        largest swap since 2022" dates a record, not a running total."""
        tail = ctx.pk.superlative_tail
        return tail is not None and ctx.has(tail, ctx.s.text[max(lo, at - 40) : at])

    def _opening_cumul(self, ctx: _SentCtx, pos: int) -> bool:
        """The clause right before pos's clause opens with a 'since ...' cue: "Since July
        2024, Minsk has pardoned 300" is a running total."""
        s = ctx.s
        ci = s.clause_of(pos)
        if ci == 0:
            return False
        b = s.clause_bounds
        if any(c[0] <= 1 for c in ctx.find_in(ctx.pk.cumul_start, b[ci - 1], b[ci])):
            return True
        # "што з пачатку ліпеня 2024 года, калі Лукашэнка пачаў памілоўваць ..., праз
        # памілаванне на волю выйшлі больш за 300": the cue opens a 'that' clause two back,
        # a 'when' clause between
        return ci >= 2 and any(
            s.tok(b[ci - 2] + c[0]) - s.tok(b[ci - 2]) <= 1
            for c in ctx.find_in(ctx.pk.cumul_start, b[ci - 2], b[ci - 1])
        )

    def _remains(self, ctx: _SentCtx, sp: Span, trig_spans: list[Span]) -> bool:
        """The trigger's object / subject is bodies or remains, not living people."""
        s = ctx.s
        hits = ctx.find_in(ctx.pk.remains)
        if not hits:
            return False
        clause = s.clause_of(sp[0])
        for r in hits:
            if s.clause_of(r[0]) != clause:
                continue
            lo, hi = (sp[1], r[0]) if r[0] >= sp[1] else (r[1], sp[0])
            if any(lo <= t[0] < hi for t in trig_spans if t != sp):
                continue  # another trigger is nearer: "freed three and handed over bodies"
            g = s.gap(sp, r)
            if r[0] >= sp[1]:
                if g <= 4 and not any(lo <= p[0] < hi for p in ctx.persons):
                    return True  # "released four coffins"
            elif g <= 5:
                return True  # "Remains of four hostages handed over"
        return False

    def _still_held(self, ctx: _SentCtx, i: int, hi: int) -> bool:
        """A 'still held' cue follows figure i in its clause with no other figure between:
        "21,000 people arrested since the 2021 coup are still in detention" is a current
        total although 'since' is in the clause."""
        nums = ctx.nums
        n = nums[i]
        for c in ctx.find_in(ctx.pk.pc_current, n.end, hi):
            at = n.end + c[0]
            if not any(
                m.value is not None and m.bad is None and n.end <= m.start < at
                for m in nums[i + 1 :]
            ):
                return True
        return False

    def _is_sub(self, ctx: _SentCtx, n: Num, trig_spans: list[Span]) -> bool:
        """Inside an 'including / among them / в том числе' scope, or followed by 'of them' /
        'delle quali': a sub-figure."""
        if ctx.pk.sub_after is not None:
            for c in ctx.find_in(ctx.pk.sub_after):
                # "178 of them", not "823, de ellos 178" (the comma: the cue starts a new list;
                # so does a semicolon or colon: "begnadigte 1.011 Häftlinge; davon wurden 387 ...")
                if (
                    c[0] >= n.end
                    and not _LIST_BREAK.search(ctx.s.text, n.end, c[0])
                    and ctx.s.gap((n.start, n.end), c) <= 1
                ):
                    return True
        for c in ctx.subs:
            # (a semicolon ends the scope: "Journalisten waren nicht darunter; nach Zählung ...
            # sitzen mehr als 350 politische Gefangene in Haft")
            if c[1] <= n.start and ";" not in ctx.s.text[c[1] : n.start]:
                # scope ends at a trigger that is not the cue's own object
                blocked = any(c[1] <= t[0] < n.start and ctx.s.gap(c, t) > 1 for t in trig_spans)
                if not blocked:
                    return True
        return False

    def _partition(self, ctx: _SentCtx, trigs: list[tuple[Span, str]]) -> tuple[Num, str] | None:
        """A part of the people a pardon covers, said to be the ones freed: "387 d'entre eux
        ont été libérés" (the others get shorter terms), "Of the 212, 187 are to be released".
        The number and the release word, or None."""
        s, pk, text = ctx.s, ctx.pk, ctx.s.text
        after = ctx.find_in(pk.sub_after) if pk.sub_after is not None else []
        pre = ctx.find_in(pk.part_pre) if pk.part_pre is not None else []
        if not after and not pre:
            return None
        for n in ctx.nums:
            if n.value is None or n.bad is not None or n.value >= 1_000_000:
                continue
            sp = (n.start, n.end)
            # "из них 187", "di cui 187", "Of the 212, 187 ..." (this cue opens the sentence)
            before = (
                any(
                    c[1] <= n.start
                    and s.gap(c, sp) <= 1
                    # ("of them, 212 will be freed": a comma right after the cue)
                    and (
                        s.clause_of(c[0]) == s.clause_of(n.start)
                        or text[c[1] : n.start].strip() == ","
                    )
                    for c in after
                )
                or any(
                    c[1] <= n.start and s.gap(c, sp) <= 1 and not text[: c[0]].strip() for c in pre
                )
            )
            if not before:
                # "387 d'entre eux" (the cue right after; but "about 50 of those freed were on
                # its list" is a part of the freed)
                if pk.freed_head is not None and has(pk.freed_head, text[n.end : n.end + 40]):
                    continue
                if not any(
                    c[0] >= n.end
                    and not _LIST_BREAK.search(text, n.end, c[0])
                    and s.gap(sp, c) <= 1
                    for c in after
                ):
                    continue
            # (the release word is no reference trigger here: "из них 387 вышли на свободу")
            for tsp, kind in trigs:
                if kind == "count_only":
                    continue
                # the release word after the number, or around it ("kommen 212 sofort frei"; not
                # around an aside: "kommen die Begnadigten, darunter drei Frauen, frei")
                around = (
                    tsp[0] < n.start
                    and n.end < tsp[1]
                    and not ("," in text[tsp[0] : n.start] and "," in text[n.end : tsp[1]])
                )
                if not around and (
                    tsp[0] < n.end
                    or s.clause_of(tsp[0]) != s.clause_of(n.start)
                    or s.gap(sp, tsp) > 4
                ):
                    continue
                # ("are to be released": what the decree does to them, not a plan)
                why = self._blocked(ctx, tsp)
                if why in (None, "hypothetical", "future", "infinitive complement"):
                    return n, text[tsp[0] : tsp[1]]
        return None

    @staticmethod
    def _held_figure(ctx: _SentCtx, n: Num) -> bool:
        """A 'still / remain' cue one to three words before the figure, in its clause ("siguen
        encarcelados 1.161", "still held 841"; not "the remaining 20": that names its own)."""
        rx = ctx.pk.pc_current
        if rx is None:
            return False
        lo, hi = ctx.s.clause_span(n.start)
        span = (n.start, n.end)
        phrases = ctx.find_in(ctx.pk.pc_phrases)
        gaps = [ctx.s.gap((c[0] + lo, c[1] + lo), span) for c in ctx.find_in(rx, lo, n.start)]
        if any(1 <= g <= 3 for g in gaps):
            return True
        if 0 in gaps and any(n.end <= p[0] < hi and ctx.s.gap(span, p) <= 1 for p in phrases):
            # "за кратамі застаюцца 1 110 палітвязняў": right after the verb, a figure that
            # heads a political-prisoner phrase (not "the remaining 20", which names its own)
            return True
        # "at least 400 political prisoners remained in Jau prison after the releases": the
        # figure heads a political-prisoner phrase that a 'remain' cue follows
        phrase = next((p for p in phrases if n.end <= p[0] < hi and ctx.s.gap(span, p) <= 1), None)
        if phrase is None:
            # "1,153 people are currently held as political prisoners, even after the
            # releases": a 'still / held' cue a few words after the figure, then the phrase
            return any(
                ctx.s.gap(span, (c[0] + n.end, c[1] + n.end)) <= 3
                and any(
                    c[1] + n.end <= p[0] < hi and ctx.s.gap((c[0] + n.end, c[1] + n.end), p) <= 3
                    for p in phrases
                )
                for c in ctx.find_in(rx, n.end, hi)
            )
        return any(
            ctx.s.gap(phrase, (c[0] + phrase[1], c[1] + phrase[1])) <= 1
            for c in ctx.find_in(rx, phrase[1], hi)
        )

    def _attached(self, ctx: _SentCtx, n: Num, extra: list[Span] = ()) -> bool:  # type: ignore[assignment]
        """A counted noun (people, prisoners, осуждённых...) follows within two words."""
        span = (n.start, n.end)
        # the counted nouns: memoised per sentence (the answer depends on the span alone)
        memo = ctx._attached
        att = memo.get(span)
        if att is None:
            att = memo[span] = self._attached_to(ctx, span, ctx.persons)
        return att or (bool(extra) and self._attached_to(ctx, span, extra))

    @staticmethod
    def _respectively(ctx: _SentCtx, pos: int) -> bool:
        """A 'respectively' cue in the clause of the figure at `pos`, or set off by a comma
        right after it ("95 y 103 soldados, respectivamente")."""
        lo, hi = ctx.s.clause_span(pos)
        return ctx.any_in(ctx.pk.respectively, lo, min(len(ctx.s.text), hi + 20))

    @staticmethod
    def _attached_to(ctx: _SentCtx, span: Span, nouns: list[Span]) -> bool:
        """One of `nouns` follows the figure at `span` within two words, or within six when
        the words between close with an attributive participle ('attr_end': "16 in Russland
        und Belarus inhaftierte Menschen")."""
        gap = ctx.s.gap
        end = span[1]
        if any(p[0] >= end and gap(span, p) <= 2 for p in nouns):
            return True
        rx = ctx.pk.attr_tail
        if rx is None:
            return False
        text = ctx.s.text
        for p in nouns:
            if p[0] >= end and gap(span, p) <= 6:
                between = text[end : p[0]]
                words = between.split()
                # (one phrase: no punctuation or figure between; the participle in lower case,
                # not a noun: German nouns are capitalised)
                if (
                    len(words) >= 3
                    and not any(ch in between for ch in ',;:()"«»–—')
                    and not any(ch.isdigit() for ch in between)
                    and words[-1][:1].islower()
                    and ctx.has(rx, between)
                ):
                    return True
        return False

    def _after_figure(self, ctx: _SentCtx, n: Num, figures: list[Span]) -> bool:
        """Does the number follow a 'puts the figure at' cue, with nothing between but a
        qualifier ("at more than 1,200"), and give a total, not a part ("300 journalists
        among them", "estima que 15 son menores")?"""
        text = ctx.s.text
        _q, qtext = self._qualifier(ctx, n)
        _lo, hi = ctx.s.clause_span(n.start)
        if ctx.pk.sub_cues is not None and ctx.any_in(ctx.pk.sub_cues, n.end, hi):
            return False
        for f in figures:
            between = text[f[1] : n.start]
            if f[1] <= n.start and (not between.strip() or between.strip() == qtext.strip()):
                # "documented at least 6,200 killings": a figure of other things (a short word
                # after it is a preposition: "en dénombre 58 dans ...")
                nxt = text[n.end : n.end + 30].split(maxsplit=1)
                word = nxt[0].strip(_EDGE_PUNCT) if nxt else ""
                return not (len(word) > 4 and word.isalpha() and not self._attached(ctx, n))
        return False

    def _qualifier(self, ctx: _SentCtx, n: Num) -> tuple[str | None, str]:
        # without a qualifier word: "une soixantaine de détenus" itself says "about"
        none: tuple[str | None, str] = ("about", "") if n.approx else (None, "")
        rx = ctx.pk.qualifier_tail
        if rx is None:
            return none
        tail = ctx.s.text[max(0, n.start - 30) : n.start]
        spans = ctx.search(rx, tail)
        if spans is None:
            return none
        # the first named group (in groupdict() order) that matched a non-empty string
        for name, gi in _group_names(rx):
            a, b = spans[gi]
            if a >= 0 and b > a:
                return name, tail[a:b]
        return none

    # ---------------------------------------------------------------- pardon
    def _pardon(
        self, idx: int, ctx: _SentCtx, item: dict[str, Any], taken: set[int]
    ) -> list[_Cand]:
        s, pk = ctx.s, ctx.pk
        text = s.text
        trigs: list[tuple[Span, str]] = []
        for rx, kind in (
            (pk.p_strong, "strong"),
            (pk.p_ambiguous, "ambiguous"),
            (pk.p_count_only, "count_only"),
        ):
            if rx is None:
                continue
            for sp in ctx.find_in(rx):
                # (any_overlap(sp, spans of trigs), without building the list)
                if not any(a < sp[1] and sp[0] < b for (a, b), _k in trigs):
                    trigs.append((sp, kind))
        if not trigs:
            return []
        masks = ctx.find_in(pk.masks)
        # a trigger inside a non-event phrase ("press release", "Amnesty International")
        trigs = [
            t
            for t in trigs
            if not any(m[0] <= t[0][0] and t[0][1] <= m[1] for m in masks)
            and not (
                _quoted_title(text, t[0])
                # ("Kiev: «Rientrati a casa mille ucraini»": a quoted count of people is
                # speech, not the name of a work)
                and not any(n.words and _in_quote(text, t[0][1], n.start) for n in ctx.nums)
            )
            # (a quotation in speech reports; beside a song, a film, a book it names one)
            and not (_inside_short_quote(text, t[0]) and ctx.any_in(pk.product_ctx))
            # 'Stary dąb „ułaskawiony”', 'считал себя «помилованным»': a word in scare quotes,
            # with no detainee or political prisoner near, is a figure of speech
            and not (
                _scare_quoted(text, t[0])
                and not ctx.any_in(pk.detainee_ctx)
                and not ctx.any_in(pk.pc_phrases)
            )
        ]
        if not trigs:
            return []
        trigs.sort()
        trig_spans = [t[0] for t in trigs]
        nonevent = ctx.any_in(pk.nonevent_ctx) or bool(
            # the end-of-term cues too, unless a mask makes them part of a term ("after
            # serving 40% of their sentences": an early release)
            _unmasked(ctx.find_in(pk.served), masks)
        )
        pretrial_all = False
        pretrial_spans: list[Span] = []
        if item["pretrial"] and not ctx.any_in(pk.pc_phrases):
            # (a release of people named as political prisoners still counts: Venezuela's
            # "excarcelaciones" come with precautionary measures)
            pretrial_all = not item["grounds"]
            pretrial_spans = _unmasked(ctx.find_in(pk.pretrial), masks)
        nums = ctx.nums
        subs = ctx.subs  # (no 'including' cue: no sub-figure, no reference trigger)
        good = [
            i
            for i, n in enumerate(nums)
            if n.value is not None
            and n.bad is None
            # "liberati 300 milioni": millions are money, never a number of people freed
            and n.value < 1_000_000
            and not self._is_sub(ctx, n, trig_spans)
            # "walked out of Bilibid and six other penal colonies": other things, not people
            and not (
                pk.other_adj is not None
                and ctx.has(pk.other_adj, text[n.end : n.end + 20])
                and not self._attached(ctx, n)
            )
        ]
        if good and pk.pc_figure is not None:
            # "frees 9,652 in amnesty as rights group counts 20,000 detainees": a figure a
            # group counts is no number released
            figures = ctx.find_in(pk.pc_figure)
            if figures:
                good = [i for i in good if not self._after_figure(ctx, nums[i], figures)]
        # reference triggers: "among those released", "среди помилованных" -> not a new event
        refs = (
            {
                i
                for i, (sp, _k) in enumerate(trigs)
                # (or inside the cue: "Unter den Begnadigten", "Of those freed")
                if any(
                    (c[1] <= sp[0] and s.gap(c, sp) <= 3 and not _sub_then_verb(text, c, sp, nums))
                    or (c[0] <= sp[0] and sp[1] <= c[1])
                    for c in subs
                )
            }
            if subs
            else set()
        )
        if item["partition"] is None and (pk.sub_after is not None or pk.part_pre is not None):
            part = self._partition(ctx, trigs)
            if part is not None:
                item["partition"] = (idx, *part)
        # greedy trigger <-> number assignment by token distance, within one clause
        pairs: list[tuple[int, int, int, int]] = []
        for ti, (sp, kind) in enumerate(trigs):
            if ti in refs:
                continue
            if kind == "count_only" and not item["swap"] and not _to_country(text, sp):
                # "30 prisoners received pardons": a return word that is dropped below anyway
                # (no swap, no country handed to) takes no figure from the pardon word
                continue
            for ni in good:
                n = nums[ni]
                g = s.gap(sp, (n.start, n.end))
                # (a figure inside the trigger's own span comes first: "des Tauschs „500
                # gegen 500“ kamen 205 Soldaten frei")
                rank = -1 if sp[0] <= n.start and n.end <= sp[1] else g
                if s.clause_of(n.start) != s.clause_of(sp[0]):
                    if not (n.start >= sp[1] and g <= 1 and "," in text[sp[1] : n.start]):
                        continue  # other clause, unless right after a comma ("In return, eight")
                    # ... and then behind a figure in the trigger's own clause ("88 prisoners
                    # freed, 841 still held")
                    rank = g + _MAX_ATTACHED_GAP
                if g >= 3 and self._held_figure(ctx, n):
                    # "siguen encarcelados 1.161 presos políticos y que muchos de los
                    # excarcelados ...": a figure of people still held, a few words before
                    # the trigger (or after it: "после помилования ... по-прежнему остаются
                    # около 1,4 тыс. политзаключённых"), is not the number released
                    continue
                # (the counted-noun test only decides between the two gap limits)
                if g <= _MAX_BARE_GAP or (g <= _MAX_ATTACHED_GAP and self._attached(ctx, n)):
                    pairs.append((rank, 0 if n.start >= sp[1] else 1, ti, ni))
        pairs.sort()
        t_num: dict[int, int] = {}
        used: set[int] = set()
        for _g, _after, ti, ni in pairs:
            if ti in t_num or ni in used:
                continue
            t_num[ti] = ni
            used.add(ni)
        # apposition: "More than 5,900 inmates, including ..., were freed" -> the subject
        # figure sits in an earlier clause; take the nearest counted-noun figure before it
        for ti, (sp, _kind) in enumerate(trigs):
            if ti in t_num or ti in refs:
                continue
            before = [
                ni
                for ni in good
                if ni not in used
                and nums[ni].end <= sp[0]
                and s.gap((nums[ni].start, nums[ni].end), sp) <= 15
                and self._attached(ctx, nums[ni])
                and not self._held_figure(ctx, nums[ni])  # (as in the pairs above)
            ]
            if before and not any(
                t[0][1] <= sp[0] and t[0][0] >= nums[before[-1]].end for t in trigs
            ):
                t_num[ti] = before[-1]
                used.add(before[-1])
        taken.update(used)
        out: list[_Cand] = []
        pub_year = item["pub_year"]
        for ti, (sp, kind) in enumerate(trigs):
            if ti in refs:
                continue
            word = text[sp[0] : sp[1]]
            if s.is_title and _RUBRIC.match(text):
                # "12 de marzo de 2025 – Indultos", "1 August 2024 – Ankara prisoner exchange":
                # a chronicle's dated topic label; the entry's body tells what happened
                continue
            if nonevent or item["title_hist"]:
                if nonevent and not s.is_title:
                    item["body_nonevent"] = True
                continue
            if kind == "ambiguous":
                # "release"/"free" are about people only with detention context, a swap,
                # or a number of people attached ("frees 150 soldiers")
                people = ti in t_num and (
                    self._attached(ctx, nums[t_num[ti]]) or nums[t_num[ti]].formula
                )
                # an exchange word is no evidence of its own swap sense ("el canje de Meadows
                # a Detroit": a baseball trade)
                swap = item["swap"] and not (pk.p_swap is not None and _has_word(pk.p_swap, word))
                # (a product cue: "release" of an album, a phone; asked only here)
                # ("hours after Minsk released 52 prisoners" beside a plane's "software": a
                # figure of people decides)
                if ctx.any_in(pk.product_ctx) and (
                    not people
                    # (a product next to the trigger is its object: "released a report")
                    or ctx.any_in(pk.product_ctx, _words_start(s, sp, 3), _words_end(s, sp, 3))
                ):
                    if not s.is_title:
                        # "postponed the release of prison-management game Prison Architect 2":
                        # the headline's same word is that release too (see _merge)
                        item["other_sense"] = item["other_sense"] | {word.lower()[:5]}
                    continue
                if not (item["detainee"] or swap or people):
                    continue
            if kind == "count_only" and (ti not in t_num or not item["swap"]):
                # (without a swap: "Беларусь перадала Украіне 31 грамадзяніна", convicts
                # handed over to their country, with people counted and a detention context)
                if not (
                    ti in t_num
                    and item["detainee"]
                    and self._attached(ctx, nums[t_num[ti]])
                    and _to_country(text, sp)
                ):
                    continue
            if kind == "count_only" and ti in t_num and pk.sub_after is not None:
                # "Із них 114 людей передано Україні, решту вивезено до Литви": people counted
                # before, and where they were handed over, not a release of their own
                n = nums[t_num[ti]]
                if any(
                    c[1] <= n.start and s.gap(c, (n.start, n.end)) == 0
                    for c in ctx.find_in(pk.sub_after)
                ):
                    continue
            if (
                kind == "count_only"
                and item["swap_n"] < 2
                and any(a < sp[1] and sp[0] < b for a, b in ctx.find_in(pk.p_swap))
            ):
                # "In return, three people were taken off the list": the cue is its own only
                # evidence of a swap
                continue
            if (item["portrait"] and (not s.is_title or ti not in t_num)) or (
                item["former_title"] and ti not in t_num
            ):
                continue  # "Interview with a former political prisoner": her release is past
            if (
                item["served"]
                and not item["swap"]
                and (
                    kind != "strong"
                    # ("вышел на свободу ..., полностью отбыв срок": a strong word that names
                    # no pardon, amnesty or exchange is the same walk out at the term's end)
                    or not (pk.p_grounds is not None and _has_word(pk.p_grounds, word))
                )
            ):
                continue  # "вызваліўся, цалкам адбыўшы тэрмін": the sentence ended
            if pk.postponed is not None and ctx.any_in(pk.postponed, sp[1]):
                far = s.token_ends[min(len(s.token_ends) - 1, s.tok(sp[1] - 1) + 20)]
                if any(
                    c[0] < far
                    and not any(sp[1] <= t[0] < c[0] and s.gap(sp, t) > 3 for t in trig_spans)
                    for c in ctx.find_in(pk.postponed, sp[1])
                ):
                    # "The release of 14 detainees ..., which lawmakers had said was imminent,
                    # has been postponed": the predicate past a relative clause (and past the
                    # triggers of its own phrase: "Звільнення за обміном чи помилуванням ... не
                    # відбулося"; not past another release: "X was freed; Y's release was put off")
                    continue
            if ti not in t_num and ctx.any_in(pk.absentia):
                continue  # "pardons ex-minister convicted in absentia": he was never held
            if ti not in t_num and ctx.any_in(pk.former):
                continue  # "a former political prisoner, freed in 2022, ...": background
            if ti not in t_num and (self._since_before(ctx, sp) or self._since_later(ctx, sp)):
                continue  # "since 2022, exchanges have brought home over 5,800": a running total
            if (
                pk.p_names is not None
                and word[:1].isupper()
                and text[: sp[0]].rstrip()[-1:] not in ("", ".", ":", "!", "?", "«", '"', "“", "„")
                and _has_word(pk.p_names, word)
            ):
                continue  # "Nuoro, nonna Grazia spegne 100 candeline": a woman's name
            if (
                item["kidnap"]
                and not (item["swap"] or item["grounds"])
                # ("... liberati gli ultimi 20 ostaggi. Israele scarcera 1.968 detenuti": a
                # release from prison, in a sentence with no kidnap word, is no kidnap; "Last
                # 20 hostages freed as Israel releases 2,000 prisoners": hostages and
                # prisoners freed together are an exchange)
                and (
                    not ctx.any_in(pk.prison_ctx)
                    or (ctx.any_in(pk.kidnap) and len({t[0] for t in trig_spans}) < 2)
                )
            ):
                continue  # "Four workers abducted at a mine are freed", "police freed hostages"
            if item["title_nonevent"] and kind != "strong" and not item["detainee"]:
                continue  # "Turtles freed at sea" ... "the release was watched by 200 pupils"
            if pretrial_all or any(s.clause_of(p[0]) == s.clause_of(sp[0]) for p in pretrial_spans):
                continue  # "released on bail", "libéré sous contrôle judiciaire"
            if self._remains(ctx, sp, trig_spans):
                continue  # "handed over the bodies of four hostages"
            if item["wild"] or item["turkeys"]:
                continue  # "Zwei junge Bartgeier freigelassen", a turkey pardon
            why = self._blocked(ctx, sp)
            if why:
                if (
                    why in ("hypothetical", "future", "infinitive complement")
                    and ti in t_num
                    and kind != "count_only"
                ):
                    # "будут освобождены около 4 200 человек": not a release of its own, but
                    # what a decreed amnesty or pardon is to free (see _merge)
                    n = nums[t_num[ti]]
                    if self._attached(ctx, n) and item["expected"] is None:
                        q, qtext = self._qualifier(ctx, n)
                        item["expected"] = (n, q, _with_qualifier(qtext, n.text), word)
                continue
            # "помиловал осуждённых в 2021 году", "pardons those jailed in 2021": the year
            # dates the jailing (a participle right after the trigger), not the release
            jailed = next(
                (
                    c
                    for c in ctx.find_in(pk.jailed_part)
                    if c[0] >= sp[1]
                    and s.gap(sp, c) <= 2
                    and s.clause_of(c[0]) == s.clause_of(sp[0])
                ),
                None,
            )
            modifier = None if jailed is None else self._modifier(ctx, jailed, trig_spans, 2)
            hist = self._historical(ctx, sp, pub_year, item["published"], modifier)
            if hist:
                if not s.is_title:
                    item["summary_hist"] = True
                else:
                    item["title_past"] = True
                    if hist is True and pub_year is not None:
                        item["title_years"] = tuple(
                            text[a:b]
                            for _g, (a, b) in find_groups(_YEAR, text)
                            if int(text[a:b]) < pub_year - 1
                        )
                if hist != "recent" or ti not in t_num:
                    continue
                # "Drei Soldatinnen waren bereits im September freigelassen worden" beside
                # today's pardon of 46: a figure of its own, kept only if the item reports
                # a release of today (_merge)
            recent = hist == "recent"
            group = ti in t_num and (nums[t_num[ti]].value or 0) > 1
            if ctx.any_in(pk.rearrest) and (
                ctx.any_in(
                    pk.rearrest,
                    sp[1],
                    # one re-arrest does not undo a group's release ("frees 20, one re-arrested")
                    s.clause_span(sp[0])[1] if group else None,
                )
                # "Detienen de nuevo a un opositor excarcelado en enero"
                or (not group and ctx.any_in(pk.rearrest, s.clause_span(sp[0])[0], sp[0]))
            ):
                # "freed and re-arrested at the gate": no release, and the body's releases
                # are the re-arrested person's past
                if s.is_title:
                    item["title_past"] = item["rearrest"] = True
                continue
            if pk.still_held is not None and ctx.any_in(pk.still_held, sp[1]):
                if s.is_title:
                    item["title_past"] = True
                continue  # "graziata per cinque capi d'accusa ma resta agli arresti"
            if not s.is_title and not recent:
                item["summary_live"] = True
            if not recent:
                ctx.release_live = True
            cand = _Cand("pardon", idx, text, (word,))
            second: _Cand | None = None  # the other figure of "390 and 307 respectively"
            if recent:
                cand.extra["recent_past"] = True
            if kind == "count_only":
                cand.extra["return_side"] = True  # "in return, eight were handed over"
            if ti in t_num:
                n = nums[t_num[ti]]
                if self._cumulative(ctx, sp, n):
                    if s.is_title:
                        item["title_past"] = True
                    continue  # "300 released since January": a running total, not one release
                value = n.value or 0
                notes: list[str] = []
                q, qtext = self._qualifier(ctx, n)
                before = text[max(0, n.start - 20) : n.start]
                lead = n.text.split(" ", 1)
                if n.words and len(lead) == 2 and lead[0].isalpha():
                    # "und dreizehn": the number words took the "and" (German "einundzwanzig")
                    and_before = before + lead[0]
                else:
                    and_before = before
                if (
                    pk.others_before
                    and ctx.has(pk.others_before, and_before)
                    and ctx.has(pk.others_after, text[n.end : n.end + 30])
                ):
                    value += 1  # "X and 13 others" -> 14 people
                    notes.append("+1 for the named person in 'and N others'")
                elif (
                    pk.others_pre is not None
                    and ctx.has(pk.others_pre, before)
                    and not any(ch.isdigit() for ch in before)
                ):
                    value += 1  # "al obispo Álvarez y a otros 18" -> 19 people
                    notes.append("+1 for the named person in 'and N others'")
                addends = [n.value or 0]  # the figures summed (when 'and' joins several)
                apart: Num | None = None  # "390 and 307 respectively": two releases
                # "brings home 84 soldiers and 20 civilians": the nearest figure was the second
                for nj in reversed(good):
                    m0 = nums[nj]
                    if (
                        m0.end <= n.start
                        and nj not in used
                        and s.clause_of(m0.start) == s.clause_of(n.start)
                    ):
                        if (
                            pk.respectively is not None
                            and has(_CONJ, text[m0.end : n.start])
                            and self._respectively(ctx, n.start)
                        ):
                            used.add(nj)
                            apart = m0
                        elif (
                            has(_CONJ, text[m0.end : n.start])
                            and self._attached(ctx, m0)
                            and self._attached(ctx, n)
                        ):
                            value += m0.value or 0
                            used.add(nj)
                            notes.append(f"sum with coordinated '{m0.text}'")
                            addends.append(m0.value or 0)
                        break
                # "released 270 soldiers and 120 civilians" -> one release of 390
                for nj in good:
                    m2 = nums[nj]
                    if (
                        m2.start > n.end
                        and nj not in used
                        and s.clause_of(m2.start) == s.clause_of(n.start)
                    ):
                        if (
                            apart is None
                            and pk.respectively is not None
                            and has(_CONJ, text[n.end : m2.start])
                            and self._respectively(ctx, n.start)
                        ):
                            used.add(nj)
                            apart = m2
                        elif (
                            has(_CONJ, text[n.end : m2.start])
                            and self._attached(ctx, m2)
                            and self._attached(ctx, n)
                        ):
                            value += m2.value or 0
                            used.add(nj)
                            notes.append(f"sum with coordinated '{m2.text}'")
                            addends.append(m2.value or 0)
                        break
                cand.count = value
                cand.count_text = _with_qualifier(qtext, n.text)
                cand.qualifier = q
                cand.formula = n.formula
                cand.num_span = (n.start, n.end)
                cand.extra["clause"] = s.clause_of(n.start)
                cand.extra["joined"] = len(addends) > 1
                cand.extra["addends"] = addends
                cand.extra["stage"] = pk.stage_tail is not None and ctx.has(
                    pk.stage_tail, text[max(0, n.start - 30) : n.start]
                )
                how = f"'{cand.count_text}' -> {value}"
                if q:
                    how += f", qualifier {q}"
                if notes:
                    how += "; " + "; ".join(notes)
                cand.how = how
                if apart is not None or (
                    pk.respectively is not None and self._respectively(ctx, n.start)
                ):
                    cand.extra["apart"] = True  # (not to be joined with another trigger's figure)
                if apart is not None:
                    # ("W piątek i sobotę wróciło odpowiednio 390 i 307 osób")
                    second = replace(
                        cand,
                        count=apart.value,
                        count_text=apart.text,
                        qualifier=None,
                        formula=apart.formula,
                        num_span=(apart.start, apart.end),
                        extra={**cand.extra, "addends": [apart.value or 0], "apart": True},
                        how=f"'{apart.text}' -> {apart.value}; a release of its own "
                        "('respectively')",
                    )
            else:
                cand.how = "no number attached to the trigger -> count None"
            out.append(cand)
            if second is not None:
                out.append(second)
        return out

    # ------------------------------------------------------------- sanctions
    def _sanctions(self, idx: int, ctx: _SentCtx, item: _ItemFacts) -> list[_Cand]:
        s, pk = ctx.s, ctx.pk
        text = s.text
        if pk.s_nouns is None:
            return []
        nouns = ctx.find_in(pk.s_nouns)
        sa_l = ctx.find_in(pk.s_sa_lifted)
        sa_i = ctx.find_in(pk.s_sa_imposed)
        if not (
            nouns or sa_l or sa_i or ctx.any_in(pk.s_list_lifted) or ctx.any_in(pk.s_list_imposed)
        ):
            return []
        if pk.s_blockers and ctx.any_in(pk.s_blockers):
            return []
        if item["s_block"] and _first_in(places().actors, places().actors_set, text) is None:
            # a sports / regulator story ("the league sanctioned the club"): only a sentence
            # that names a state or bloc (EU, US, UN...) can still report sanctions
            return []
        if item["title_hist"]:
            return []  # "Ten years ago ...": the whole item is an anniversary piece
        masks = ctx.find_in(pk.masks)
        nouns = [n for n in nouns if not any_overlap(n, masks)]
        out: list[_Cand] = []
        dirs = [(sp, "lifted") for sp in (ctx.find_in(pk.s_lifted))]
        dirs += [(sp, "imposed") for sp in (ctx.find_in(pk.s_imposed))]
        pub_year = item["pub_year"]
        # "sales drop 26% as sanctions bite": a verb with a percentage is about a quantity
        dirs = [(sp, d) for sp, d in dirs if not _PERCENT_NEXT.match(text, sp[1])]
        if masks:
            # "introduce a bill that would sanction ...": a masked word decides nothing
            dirs = [(sp, d) for sp, d in dirs if not any_overlap(sp, masks)]
        stops = [sp for sp, _d in dirs]  # where a participle phrase ends
        for nsp in nouns:
            best: tuple[int, Span, str] | None = None
            modifier: Span | None = None  # a participle phrase describing the noun
            late = False  # the decision word follows that phrase
            for dsp, d in dirs:
                bridged = False
                if s.clause_of(dsp[0]) != s.clause_of(nsp[0]) and not (dsp[0] <= nsp[0] < dsp[1]):
                    if not _dated_aside(s, dsp, nsp):
                        continue
                    bridged = True
                if dsp == nsp:
                    continue
                if dsp[0] >= nsp[1] and any(
                    nsp[1] <= o[0] and o[1] <= dsp[0] and o != nsp for o in nouns
                ):
                    continue  # "le gel des avoirs et les sanctions imposées": the nearer noun's
                if (
                    dsp[1] <= nsp[0]
                    and pk.s_attrib_pair_pre is not None
                    and ctx.has(pk.s_attrib_pair_pre, text[max(0, dsp[0] - 25) : dsp[0]])
                ):
                    continue  # "z listy osób objętych sankcjami": who is under sanctions
                if (
                    dsp[0] >= nsp[1]
                    and pk.s_new_adj is not None
                    and has(pk.s_new_adj, text[dsp[0] : dsp[1]])
                ):
                    continue  # "Sanktionsausschuss wählt neuen Vorsitz": "new" of another noun
                g = s.gap(nsp, dsp)
                if bridged:
                    g = _words(text[dsp[1] : nsp[0]].rsplit(",", 1)[-1])  # the aside skipped
                if g > 6 and not (g <= 14 and dsp[0] >= nsp[1] and _clause_final(s, dsp)):
                    # (a participle ending its clause governs a longer object: "hat die
                    # Einreiseverbote gegen mehr als 2.500 Personen bis März verlängert")
                    continue
                # (a tie goes to the word before the noun: "extends sanctions and removes ...")
                if best is None or g < best[0] or (g == best[0] and dsp[0] < best[1][0]):
                    best = (g, dsp, d)
            if best is None:
                continue
            _g, dsp, d = best
            if d == "imposed" and dsp[1] <= nsp[0]:
                # "rescinded Sudan's designation as a state sponsor of terrorism", "revoked the
                # listing": the imposing word is the object of a lifting verb right before it
                gov = next(
                    (
                        o
                        for o, od in dirs
                        if od == "lifted"
                        and o[1] <= dsp[0]
                        and s.gap(o, dsp) <= 2
                        and s.clause_of(o[0]) == s.clause_of(dsp[0])
                    ),
                    None,
                )
                if gov is not None:
                    dsp, d = gov, "lifted"
            if 2 <= _g <= 3 and dsp[0] >= nsp[1] and _only_adjectives(text[nsp[1] : dsp[0]]):
                # "de lever ... la plupart des sanctions économiques et financières imposées au
                # Niger": a participle after the noun's adjectives describes it too, when a
                # decision of the other direction comes before the noun
                prior = _opposite_before(s, dirs, nsp, d, 10)
                if prior:
                    _g, dsp, d = min(prior)
            if _g <= 1 and dsp[0] >= nsp[1]:
                # "la levée des sanctions imposées par Trump": a participle right after the
                # noun describes it; a direction word before the noun is the decision
                ci = s.clause_of(nsp[0])
                before = _opposite_before(s, dirs, nsp, d, 6)
                if not before:
                    # "ont décidé de lever « avec effet immédiat » la fermeture des frontières,
                    # le gel des avoirs et les sanctions financières imposées au Niger": the
                    # decision opens a list of what it lifts, in the clauses before
                    before = [
                        (s.gap(nsp, o), o, od)
                        for o, od in dirs
                        if od != d and o[1] <= nsp[0] and s.gap(nsp, o) <= 14
                    ]
                if before:
                    _g, dsp, d = min(before)
                else:
                    # "Sanctions imposed in 2021 were lifted on Monday": the decision follows
                    # the participle phrase
                    phrase = self._modifier(ctx, dsp, stops)
                    after = [
                        (s.gap(phrase, o), o, od)
                        for o, od in dirs
                        if od != d and o[0] >= phrase[1] and s.clause_of(o[0]) == ci
                    ]
                    after = [a for a in after if a[0] <= 2]
                    if after:
                        _g, dsp, d = min(after)
                        modifier, late = phrase, True
            if dsp[1] <= nsp[0]:
                # the decision comes before the noun; a direction word right after it opens a
                # participle phrase describing the noun, and its date is not the decision's
                part = next((o for o, _od in dirs if o[0] >= nsp[1] and s.gap(nsp, o) == 0), None)
                if part is not None:
                    modifier = self._modifier(ctx, part, stops)
            if dsp[0] >= nsp[1] and (
                ctx.any_in(pk.hyp_pre, nsp[1], dsp[0]) or ctx.any_in(pk.post_cues, nsp[1], dsp[0])
            ):
                continue  # "des sanctions ciblées pourraient être imposées": a modal between
            if dsp[1] <= nsp[0] and (
                ctx.any_in(pk.appeal_pre, dsp[1], nsp[0]) or ctx.any_in(pk.hyp_pre, dsp[1], nsp[0])
            ):
                continue  # "aprobó una resolución que pide sanciones": the decision is the call
            # (a late decision word is checked on its own: "... should be lifted")
            span = dsp if late else (min(nsp[0], dsp[0]), max(nsp[1], dsp[1]))
            if self._sanction_blocked(ctx, span, pub_year, modifier):
                continue
            pre = text[max(0, dsp[0] - 30) : dsp[0]]
            if (
                pk.inf_tail is not None
                and ctx.has(pk.inf_tail, pre)
                and not (pk.inf_ok_tail is not None and ctx.has(pk.inf_ok_tail, pre))
            ):
                continue  # "die Sanktionen ... zu verschärfen": a demanded change
            if self._infinitive(ctx, dsp):
                continue  # "предупреждение ужесточить санкции": a warning, not a decision
            pairs = [(dsp, d)]
            if pk.coord is not None and not late:
                # "EU extends Russia sanctions and removes three names": a second decision of
                # the other direction, joined to the first by "and", is about the same list
                lo_c, hi_c = s.clause_span(dsp[0])
                main = (min(nsp[0], dsp[0]), max(nsp[1], dsp[1]))
                for o, od in dirs:
                    if od == d or not lo_c <= o[0] < hi_c or main[0] <= o[0] < main[1]:
                        continue
                    a, b = (main, o) if main[1] <= o[0] else (o, main)
                    cs = ctx.find_in(pk.coord, a[1], b[0]) if 0 < s.gap(a, b) <= 3 else []
                    if (
                        cs
                        and not (
                            # "sanctions économiques et financières imposées": the "and" joins
                            # two adjectives of the noun, and the participle describes it
                            a is main
                            and _only_adjectives(text[a[1] : a[1] + cs[0][0]])
                            and _only_adjectives(text[a[1] + cs[0][1] : b[0]])
                        )
                        and not self._sanction_blocked(ctx, o, pub_year)
                    ):
                        pairs.append((o, od))
                        break
            for psp, pd in pairs:
                first, second = sorted([nsp, psp])
                words = (text[first[0] : first[1]], text[second[0] : second[1]])
                out.append(
                    _Cand(
                        "sanctions",
                        idx,
                        text,
                        words,
                        direction=pd,
                        how=f"'{words[0]}' + '{words[1]}' -> {pd}",
                    )
                )
        lists = [(sp, "lifted", True) for sp in ctx.find_in(pk.s_list_lifted)]
        lists += [(sp, "imposed", True) for sp in ctx.find_in(pk.s_list_imposed)]
        # ("revokes Chevron's general license": the licence inside the revocation grants nothing)
        sa_l = [a for a in sa_l if not any(b[0] <= a[0] and a[1] <= b[1] for b in sa_i)]
        # ("retira de la lista de sancionados": the list's name inside a delisting is none)
        ll = [sp for sp, d, _ctx in lists if d == "lifted"]
        sa_i = [a for a in sa_i if not any(b[0] <= a[0] and a[1] <= b[1] for b in ll)]
        singles = [(sp, "lifted", False) for sp in sa_l] + [(sp, "imposed", False) for sp in sa_i]
        if masks:
            # "let General License 44 expire": a masked word is not that decision either
            # (nor "the Specially Designated Nationals list" a designation)
            singles = [t for t in singles if not any_overlap(t[0], masks)]
            lists = [t for t in lists if not any_overlap(t[0], masks)]
        for sp, d, needs_ctx in singles + lists:
            if needs_ctx and not item["sanctions"]:
                continue  # "added to its list" is about sanctions only in a sanctions story
            if self._sanction_blocked(ctx, sp, pub_year):
                continue
            if (
                not needs_ctx
                and d == "imposed"  # ("issued a general licence" is a decision all the same)
                and pk.s_attrib_pre is not None
                and ctx.has(pk.s_attrib_pre, text[max(0, sp[0] - 25) : sp[0]])
            ):
                continue  # "for sanctioned Russian billionaire X": an adjective, not a decision
            if (
                d == "lifted"
                and not needs_ctx
                and _first_in(places().actors, places().actors_set, text) is None
                and _first_in(places().actors, places().actors_set, item.title) is None
            ):
                continue  # "the bank needs a general licence": no state or bloc grants one here
            w = text[sp[0] : sp[1]]
            out.append(_Cand("sanctions", idx, text, (w,), direction=d, how=f"'{w}' -> {d}"))
        return out

    def _sanction_blocked(
        self, ctx: _SentCtx, span: Span, pub_year: int | None, modifier: Span | None = None
    ) -> bool:
        if self._blocked(ctx, span):
            return True
        pk, s = ctx.pk, ctx.s
        lo, _hi = s.clause_span(span[0])
        if modifier is not None and lo <= modifier[1] <= span[0]:
            # ("sanctions suspended since 2015 are back in force": the participle phrase's
            # "since" is its own background, not the decision's)
            lo = modifier[1]
        if pk.s_background is not None and ctx.any_in(pk.s_background, lo, span[0]):
            return True
        if pk.s_background is not None and any(
            c[0] < span[0]
            for c in ctx.find_in(
                pk.s_background, span[0] - 30 if span[0] > lo + 30 else lo, span[1]
            )
        ):
            # ("ушла из России после введения санкций": a cue that takes the direction word
            # in, "after the imposition of")
            return True
        return bool(self._historical(ctx, span, pub_year, modifier=modifier))

    @staticmethod
    def _modifier(ctx: _SentCtx, part: Span, stops: list[Span], words: int = 6) -> Span:
        """The phrase a participle opens after its noun ("sanctions imposed in 2021 on
        Belavia"): up to `words` words, ending before the clause ends or a word of `stops`."""
        s = ctx.s
        t0 = s.tok(part[1] - 1)
        last = min(len(s.token_ends) - 1, t0 + words)
        end = min(s.token_ends[last], s.clause_span(part[0])[1])
        for o in stops:
            if part[1] <= o[0] < end:
                end = o[0]
        return (part[0], max(end, part[1]))

    # -------------------------------------------------------- prisoner count
    def _prisoner_count(
        self, idx: int, ctx: _SentCtx, item: dict[str, Any], taken: set[int]
    ) -> list[_Cand]:
        s, pk = ctx.s, ctx.pk
        text = s.text
        if pk.pc_phrases is None:
            return []
        phrases = ctx.find_in(pk.pc_phrases)
        if phrases and pk.pc_sources is not None and not ctx.any_in(pk.pc_current):
            # "Stowarzyszenie Pomocy Więźniom Politycznym": a group's name is no count's phrase,
            # unless the sentence says the people are still held ("... (AAPP), plus de 21 000
            # personnes ... sont toujours détenues")
            names = ctx.find_in(pk.pc_sources)
            if names:
                phrases = [p for p in phrases if not any(a <= p[0] and p[1] <= b for a, b in names)]
        if (
            not phrases
            and pk.pc_held is not None
            and ctx.any_in(pk.pc_sources)
            and (
                # (in a count story, a second group's count of the people held: "За даними
                # «ОВД-Інфо», ... ув'язнено понад 1700 людей")
                item["pc_seen"]
                or (
                    ctx.any_in(pk.pc_current)
                    and (
                        _first_in(places().countries, places().countries_set, text) is not None
                        # ("... 27 палітвязьняў ... Паводле «Вясны», за кратамі застаюцца
                        # 1 052 чалавекі": Viasna counts Belarus's prisoners, in an item about
                        # political prisoners; not "OVD-Info: 35 people remain in custody
                        # after Saturday's rally")
                        or (
                            item["pc_item"]
                            and places().source_countries.get(
                                _first_in(places().sources, places().sources_set, text) or ""
                            )
                            is not None
                        )
                    )
                )
            )
        ):
            # "Viasna says 1,400 people remain behind bars in Belarus": a rights group's count
            # of the people a country holds is a count of political prisoners without the
            # phrase ("20 protesters remain in custody", naming no country, is not)
            phrases = ctx.find_in(pk.pc_held)
        figures: list[Span] = []
        if (
            not phrases
            and pk.pc_figure is not None
            and (
                item["pc_seen"]
                # "По данным «Поддержки политзаключённых. Мемориал», в его списках 1 018
                # человек": a named group's own figure, in an item about political prisoners
                or (
                    item["pc_item"]
                    and _first_in(places().sources, places().sources_set, text) is not None
                )
            )
        ):
            # "Foro Penal counts 1,061 ... A separate tally puts the figure at more than 1,200":
            # in a count story, a second group's figure needs no phrase of its own, when the
            # number follows the cue ("la LICADHO en dénombre 58")
            figures = phrases = ctx.find_in(pk.pc_figure)
        if phrases:
            # "400 of 2,500 former political prisoners": people freed before, not held now
            phrases = _unmasked(phrases, ctx.find_in(pk.former))
        if phrases:
            # "12 officials linked to the repression of political prisoners": the phrase is
            # the object of another noun, not the head of a count
            phrases = _unmasked(phrases, ctx.find_in(pk.pc_object))
        if not phrases:
            return []
        if (ctx.release_live or item["title_hist"]) and not ctx.any_in(pk.pc_current):
            # "5,900 inmates, including political detainees, were freed": a release;
            # "35 years ago 200 political prisoners walked free": an anniversary piece
            return []
        nums = ctx.nums
        cands: list[tuple[int, bool, int]] = []  # (index, attached, gap to phrase)
        for i, n in enumerate(nums):
            if n.value is None or n.bad is not None or i in taken or n.formula:
                continue
            if self._is_sub(ctx, n, []):
                continue
            if pk.freed_head is not None and has(pk.freed_head, text[n.end : n.end + 40]):
                continue  # "at least ten of the freed were on its list": people freed, not held
            lo, hi = s.clause_span(n.start)
            if (
                pk.cumul is not None
                # "Since August 2020, Viasna has recognised 3,900 people as ...": the opening
                # adverbial clause makes it a running total too
                and (ctx.any_in(pk.cumul, lo, hi) or self._opening_cumul(ctx, n.start))
                and not self._still_held(ctx, i, hi)
            ):
                continue
            if pk.hyp_pre is not None and ctx.any_in(pk.hyp_pre, lo, n.start):
                continue
            ci = s.clause_of(n.start)
            # (a short opening clause dates the next one: "Hace un año, 135 presos ...")
            plo = (
                s.clause_bounds[ci - 1]
                if ci > 0 and _words(text[s.clause_bounds[ci - 1] : lo]) <= 4
                else lo
            )
            if (
                pk.past_rel is not None
                and ctx.any_in(pk.past_rel, plo, n.start)
                and not ctx.any_in(pk.pc_current, lo, hi)
            ):
                continue  # "last year rights groups recognised over 400 people as ...": a flow
            if self._after_opening(ctx, n.start):
                continue  # "Two years after X put 222 political prisoners on a plane, ...": then
            if pk.hist is not None and ctx.any_in(pk.hist, plo, n.start):
                continue  # "At the time, rights groups counted ...": a count of history
            if (
                item["pub_year"] is not None
                and plo < lo
                and "20" in text[plo:lo]
                and not ctx.any_in(pk.pc_current, lo, hi)
                and _past_year_opening(pk, text[plo:lo], item["pub_year"])
            ):
                continue  # "Il rappelle qu'en 2022, Viasna recensait déjà ...": a past count
            published = item["published"]
            if ctx.months and isinstance(published, datetime) and "20" in text[lo : n.start]:
                when = _month_year(text[lo : n.start])
                if (
                    when is not None
                    and (published.year * 12 + published.month) - (when[0] * 12 + when[1]) >= 6
                    and not ctx.any_in(pk.pc_current, lo, hi)
                ):
                    continue  # "In February 2023 Managua put 222 political prisoners on a plane"
            start = n.start
            if i > 0 and nums[i - 1].end == n.start - 1 and text[n.start - 1] in "-–—":
                start = nums[i - 1].start  # "яшчэ 20–30": the range's cues come before it
            tail = text[max(0, start - 40) : start]
            current = ctx.any_in(pk.pc_current, lo, hi)
            if (
                pk.increment_tail is not None
                and ctx.has(pk.increment_tail, tail)
                and not current
                # ("палітвязнямі ў Беларусі прызнаныя 1 134 чалавекі": the phrase first, then a
                # figure in the hundreds or more, is the standing count of those recognised)
                and not ((n.value or 0) >= 100 and any(p[1] <= start for p in phrases))
            ):
                continue  # "another 12", "ещё 12" (but "ещё 1 150 остаются": still held)
            if pk.only_tail is not None and ctx.has(pk.only_tail, tail) and not current:
                continue  # "seuls deux prisonniers politiques figurent sur la liste": a part
            if pk.increment_head is not None and ctx.has(
                pk.increment_head, text[n.end : n.end + 20]
            ):
                continue  # "15 new political prisoners" is an increment, not the total
            if pk.compare_tail is not None and ctx.has(pk.compare_tail, _unqualified(ctx, tail)):
                continue  # "down from 1,900" (but not the "de" of "plus de 21 000")
            att = self._attached(ctx, n, phrases)
            gap = min(s.gap((n.start, n.end), p) for p in phrases)
            cands.append((i, att, gap))
        if figures:
            chosen = [c for c in cands if self._after_figure(ctx, nums[c[0]], figures)][:1]
        else:
            chosen = [c for c in cands if c[1] and c[2] <= 2 * _MAX_ATTACHED_GAP]
            if len(chosen) > 1:
                # "two people from their list were included, and some 350 political prisoners
                # remain": a figure of the phrase itself wins over one of other people, unless
                # its clause says they are held ("... estimating 1,300 individuals remain")
                own = [
                    c
                    for c in chosen
                    if self._attached_to(ctx, (nums[c[0]].start, nums[c[0]].end), phrases)
                    or ctx.any_in(pk.pc_current, *s.clause_span(nums[c[0]].start))
                ]
                chosen = own or chosen
        if not chosen and not figures:
            after = [c for c in cands if c[2] <= 15]
            chosen = sorted(after, key=lambda c: c[2])[:1]
        second: set[int] = set()
        if chosen and not figures and pk.pc_figure is not None and pk.pc_sources is not None:
            # "Memorial's list now includes more than 800 names, while OVD-Info ... puts the
            # figure at over 1,300": a second group's figure after its own cue, in the same
            # sentence, when two groups are named
            names = ctx.find_in(pk.pc_sources)
            if len({text[a:b].lower() for a, b in names}) >= 2:
                figs = ctx.find_in(pk.pc_figure)
                values = {nums[c[0]].value for c in chosen}
                for c in cands:
                    n = nums[c[0]]
                    if (
                        c not in chosen
                        and n.value not in values
                        and n.start > nums[chosen[0][0]].end
                        and self._after_figure(ctx, n, figs)
                    ):
                        chosen = [*chosen, c]
                        second.add(c[0])
                        break
        out: list[_Cand] = []
        for i, _att, _g in chosen:
            n = nums[i]
            q, qtext = self._qualifier(ctx, n)
            ph = min(phrases, key=lambda p: s.gap((n.start, n.end), p))
            ct = _with_qualifier(qtext, n.text)
            how = f"'{ct}' -> {n.value}" + (f", qualifier {q}" if q else "")
            out.append(
                _Cand(
                    "prisoner_count",
                    idx,
                    text,
                    (text[ph[0] : ph[1]],),
                    count=n.value,
                    count_text=ct,
                    qualifier=q,
                    how=how,
                    num_span=(n.start, n.end),
                    extra={"figure": True} if figures or i in second else {},
                )
            )
        return out

    # ----------------------------------------------------------------- merge
    def _merge(
        self,
        cands: list[_Cand],
        sents: list[Sentence],
        full: str,
        item: _ItemFacts,
        published: Any,
        scans: tuple[LangPack, dict[str, frozenset[int]]] | None = None,
    ) -> list[Event]:
        """The events of an item's candidates. `scans`: the pack and, by text, the scan of
        each sentence and of the full text (lets lookups skip texts without a match)."""
        if not cands:
            return []  # (what the steps below give for no candidate; a third of on-topic items)
        if item["opinion"] or item["analysis"]:
            # an opinion piece (or news analysis) that dates a release to this week: the argument around it
            # ("Clemency should go first to ...", "has the power to grant a pardon") is no
            # news; only a sentence with the day ("on Thursday pardoned 52") reports one, and
            # the sentence right after it goes on with the story ("Washington, in return,
            # lifted sanctions on Belavia")
            dated = {
                c.sent
                for c in cands
                if c.kind != "prisoner_count" and any_word(item.pk.now_words, c.sentence)
            }
            # (a headline that states a decision after its rubric - "Análisis | La UE prorroga
            # un año las sanciones", "Décryptage – Cuba affirme avoir libéré les 553" - reports
            # it: the rubric names the genre of what follows)
            cands = [
                c
                for c in cands
                if c.kind == "prisoner_count"
                or c.sent in dated
                or c.sent - 1 in dated
                or (c.sent == 0 and (c.kind == "sanctions" or c.count is not None))
            ]
            if not cands:
                return []
        released = {c.count for c in cands if c.kind == "pardon" and c.count is not None}
        if released and any(c.kind == "prisoner_count" and c.count in released for c in cands):
            # "Nicaragua destierra a EE. UU. a 222 presos políticos" over "222 presos políticos
            # excarcelados": the same figure of political prisoners is the people released,
            # not a count of those held (unless its sentence says they are still held)
            cands = [
                c
                for c in cands
                if not (
                    c.kind == "prisoner_count"
                    and c.count in released
                    and not any_word(item.pk.pc_current, c.sentence)
                )
            ]
        apt = item.pk.after_prep_tail
        if apt is not None and any(c.kind == "prisoner_count" for c in cands):
            # "1,150 remain behind bars even after the releases", "после освобождения ...
            # остаются 1 150": a count-less release after 'after' / 'despite' in the count's
            # sentence is the count's time reference, no release of its own
            counts = {c.sent for c in cands if c.kind == "prisoner_count"}
            cands = [
                c
                for c in cands
                if not (
                    c.kind == "pardon"
                    and c.count is None
                    and c.sent in counts
                    and has(apt, c.sentence[: max(0, c.sentence.find(c.words[0]))])
                )
            ]
        pardons = [c for c in cands if c.kind == "pardon"]
        has_title = bool(sents) and sents[0].is_title
        if (
            has_title
            and not any(c.sent == 0 for c in pardons)
            and (
                item["title_past"] or any(c.kind == "prisoner_count" and c.sent == 0 for c in cands)
            )
        ):
            # a headline about a running total / a past release, or a political-prisoner
            # count: a count-less release in the body ("despite July's releases") is an echo
            # or background, not news of its own
            pardons = [c for c in pardons if c.count is not None]
        if item["rearrest"]:
            pardons = [c for c in pardons if c.sent == 0]
        if item["other_sense"] and not any(c.sent != 0 for c in pardons):
            # "Prison Architect 2 release pushed back" over "postponed the release of
            # prison-management game Prison Architect 2": the body says what was released
            pardons = [
                c
                for c in pardons
                if not (c.sent == 0 and c.words[0].lower()[:5] in item["other_sense"])
            ]
        if item["body_nonevent"] and not any(c.sent != 0 for c in pardons):
            # "La traversa grazia l'Inter" over "il palo ... grazia i nerazzurri" in a match
            # report: a count-less headline whose body tells the word's other sense
            pardons = [c for c in pardons if c.count is not None]
        if item["title_years"]:
            # "Exhibition recalls the 1986 amnesty" over "the decision of 11 September 1986,
            # under which 225 walked free": the body's figure of that year is the same history
            pardons = [
                c
                for c in pardons
                if c.sent == 0 or not any(y in c.sentence for y in item["title_years"])
            ]
        if item["work_title"] and pardons and item["pub_year"] is not None:
            # "Amnestia 1986. Książka o ...", "«Повернення»: документальний фільм про обміни":
            # a headline about a book, film or exhibition; the releases the body tells are its
            # story (count-less, or dated years back), not news
            py = item["pub_year"]
            pardons = [
                c
                for c in pardons
                if c.count is not None
                and not any(
                    int(c.sentence[a:b]) < py - 1 for _g, (a, b) in find_groups(_YEAR, c.sentence)
                )
            ]
        if item["summary_hist"] and not item["summary_live"]:
            # the body says the release is background; a count-less headline echo goes too
            pardons = [c for c in pardons if not (c.sent == 0 and c.count is None)]
        if pardons and item["partition"] is not None and not item["swap"]:
            # (in an exchange, "Шестнадцать из них были освобождены ... в России" is one side
            # of the total, not the part of a pardon's people that it frees)
            pardons = _apply_partition(pardons, item["partition"])
        if any(c.extra.get("recent_past") for c in pardons):
            # a release months ago is news only beside a release of today with a figure
            # ("pardons 46 ... three had already been freed in September")
            today = [c for c in pardons if c.count is not None and not c.extra.get("recent_past")]
            pardons = [
                c
                for c in pardons
                if not c.extra.get("recent_past")
                or (today and c.count is not None and c.count not in {t.count for t in today})
            ]
        counted = [c for c in pardons if c.count is not None]
        if item.pk.total_tail is not None:
            for c in counted:
                if c.num_span is None or c.num_span[0] < 8:
                    continue
                # "En total, 19 religiosos —dos obispos, quince sacerdotes y dos seminaristas—
                # fueron excarcelados": the parts sit nearer the verb; the total is the count
                for n in find_numbers(c.sentence[: c.num_span[0]], item.pk.langs):
                    if (
                        n.value is not None
                        and n.bad is None
                        and n.value > (c.count or 0)
                        # (in the figure's own clause: not "Загалом ... 780 осіб ...; ... 270
                        # військових і 120 цивільних", a side told after a semicolon)
                        and c.num_span[0] - n.end <= 80
                        and ";" not in c.sentence[n.end : c.num_span[0]]
                        and has(item.pk.total_tail, c.sentence[max(0, n.start - 30) : n.start])
                    ):
                        c.count, c.count_text, c.qualifier = n.value, n.text, None
                        c.how = f"'{n.text}' -> {n.value}; the total the sentence gives first"
                        c.extra["total"] = True
                        break
            for c in counted:
                if c.num_span is None or c.extra.get("total"):
                    continue
                # "altri otto civili, dieci in tutto", "quindici sacerdoti e due seminaristi:
                # in tutto 19 ecclesiastici": the total the sentence gives after the parts
                at = c.num_span[1]
                for n in find_numbers(c.sentence[at : at + 80], item.pk.langs):
                    if n.value is None or n.bad is not None or n.value <= (c.count or 0):
                        continue
                    pre = c.sentence[max(at, at + n.start - 30) : at + n.start]
                    if ";" in c.sentence[at : at + n.start] or (
                        item.pk.p_swap is not None and any_word(item.pk.p_swap, pre)
                    ):
                        break  # ("freed 8 ...; in exchange of 12": the other side)
                    if has(item.pk.total_tail, pre) or (
                        item.pk.total_head is not None
                        and has(item.pk.total_head, c.sentence[at + n.end : at + n.end + 30])
                    ):
                        c.count, c.count_text, c.qualifier = n.value, n.text, None
                        c.how = f"'{n.text}' -> {n.value}; the total the sentence gives after"
                        # (the total's own place: the coordinated parts that took it are
                        # not added up again)
                        c.num_span = (at + n.start, at + n.end)
                    break
        if counted and item["completion"] and item["swap"]:
            # "completed the 1,000-for-1,000 exchange ... another 303 came home on Sunday":
            # the last stage is part of the completed total
            top = max(c.count or 0 for c in counted)
            counted = [c for c in counted if not (c.extra.get("stage") and (c.count or 0) < top)]
        counted = _join_coordinated(counted)
        if len(counted) > 2:
            # "libera a 10 estadounidenses y a 80 presos políticos" summed to 90, while the body
            # tells the 10 and the 80 as releases of their own: the sum is no third release
            for c in list(counted):
                add = c.extra.get("addends") or ()
                others = {o.count for o in counted if o is not c}
                if len(add) > 1 and all(a in others for a in add):
                    counted.remove(c)
        if item["swap"] and has_title:
            # (a figure the headline states, not one summed from its sides, nor "1000 for 1000")
            heads = [
                c.count or 0
                for c in counted
                if c.sent == 0 and not c.extra.get("joined") and not c.formula
            ]
            if heads:
                # "Swap: 24 prisoners walk free" over "Russia freed 16 ...": a smaller body
                # figure is part of the headline's exchange, not a release of its own. Not when
                # the headline's figure is one side (the body repeats it, then gives the other
                # side's) or the body's figures add up to it: each side is then its own release.
                top = max(heads)
                body = [c for c in counted if c.sent != 0]
                # (a body figure the headline also states is its twin, not a part; one the
                # other side handed over is that side's own release)
                smaller = [c for c in body if (c.count or 0) < top and c.count not in heads]
                parts = [c for c in smaller if not c.extra.get("return_side")]
                if sum({c.count or 0 for c in smaller}) == top or _filled_by_body(
                    top, smaller, sents, item.pk.langs
                ):
                    parts = smaller  # the sides add up to the headline's swap: its parts
                # "sono stati liberati 26 prigionieri: 16 rilasciati da Mosca ... e 10": the
                # body repeats the headline's total, then breaks it down in that sentence
                # (the other side's handover is part of it only when the repeated figure is
                # the exchange's own: "обмін 34 ...: Баку передав 32"; "Мінск вызваліў пяцёх
                # ..., а Варшава перадала двух" gives two sides)
                swap_rx = item.pk.p_swap
                twins = {
                    c.sent: swap_rx is not None and any(_has_word(swap_rx, w) for w in c.words)
                    for c in body
                    if c.count == top
                }
                if twins:
                    counted = [
                        c
                        for c in counted
                        if not (
                            c in smaller
                            and c.sent in twins
                            and (twins[c.sent] or not c.extra.get("return_side"))
                        )
                    ]
                if (
                    parts
                    and not any(c.count == top for c in body)
                    and sum({c.count or 0 for c in smaller}) <= top
                ):
                    counted = [c for c in counted if c not in parts]
        if not item["swap"]:
            # "Junta lässt 5.636 Menschen frei, ...: 1.316 wurden begnadigt", "2.476 graziati
            # per la Festa del Trono: liberi tre giornalisti": a smaller release figure that a
            # colon after a release figure introduces in its sentence breaks that one down
            counted = [
                c
                for c in counted
                if not any(
                    b is not c
                    and b.sent == c.sent
                    and b.num_span is not None
                    and c.num_span is not None
                    and b.num_span[1] <= c.num_span[0]
                    and (b.count or 0) > (c.count or 0)
                    and ":" in c.sentence[b.num_span[1] : c.num_span[0]]
                    for b in counted
                )
            ]
        total_rx = item.pk.total_tail if item["swap"] else None
        totals = [
            c
            for c in counted
            if total_rx is not None
            and c.num_span is not None
            and (
                has(total_rx, c.sentence[: c.num_span[0]])
                or (
                    item.pk.total_head is not None
                    and has(item.pk.total_head, c.sentence[c.num_span[1] : c.num_span[1] + 40])
                )
                # "В обмене участвовали 26 человек: Россия ... передали 16 ..., а Россия
                # получила восемь": a figure whose colon opens the breakdown
                or _COLON_NEXT.match(c.sentence, c.num_span[1]) is not None
            )
        ]
        if totals:
            # "Всего освобождены 26 человек. Россия передала 16 ..., вернулись восемь
            # россиян": an exchange's figure called a total has the smaller ones as its sides
            # (without that word a figure may be one side, told before the other side's)
            big = max(totals, key=lambda c: c.count or 0)
            top = big.count or 0
            colon = big.num_span is not None and _COLON_NEXT.match(big.sentence, big.num_span[1])
            # (a figure that is a total only by its breakdown - "390 людей — 270 військових і
            # 120 цивільних" - totals its own sentence's parts, not another day's 307)
            named = big.num_span is not None and (
                has(total_rx, big.sentence[: big.num_span[0]])
                or (
                    item.pk.total_head is not None
                    and has(
                        item.pk.total_head, big.sentence[big.num_span[1] : big.num_span[1] + 40]
                    )
                )
            )
            sides = [
                c
                for c in counted
                if (c.count or 0) < top
                and not c.extra.get("recent_past")
                and (named or c.sent == big.sent)
                # ("Un total de 252 venezolanos ... llegaron ..., en un canje en el que ...
                # excarceló a diez estadounidenses": the other side, told in the total's own
                # sentence without a colon, is a release of its own)
                # (a side told before the total is one of its parts: "chacun libéré 307
                # prisonniers, soit 614 personnes au total")
                and (
                    c.sent != big.sent
                    or colon
                    or (
                        c.num_span is not None
                        and big.num_span is not None
                        and c.num_span[0] < big.num_span[0]
                    )
                )
            ]
            if sum({c.count or 0 for c in sides}) <= top:
                counted = [c for c in counted if c not in sides]
        heads = [c.count or 0 for c in counted if c.sent == 0 and not c.formula]
        if heads and len(counted) > 1:
            # "liberati Álvarez e altri 18" over "ha scarcerato due vescovi, quindici sacerdoti
            # e due seminaristi, diciannove in tutto": a body figure whose own sentence goes on
            # to state the headline's total is one of its parts
            top = max(heads)
            counted = [
                c
                for c in counted
                if not (
                    c.sent != 0
                    and c.num_span is not None
                    and (c.count or 0) < top
                    and any(
                        n.value == top
                        for n in find_numbers(c.sentence[c.num_span[1] :], item.pk.langs)
                    )
                )
            ]
        if heads and not item["swap"]:
            # "Morocco's king pardons 2,476 ... The three journalists left prison overnight":
            # a smaller figure with a definite article (or "only": "помилованы лишь двое") in
            # the body names people the headline already counted, not a release of its own
            # ("at least ten of the freed were on the list": a part of them, told apart)
            top = max(heads)
            pk = item.pk
            counted = [
                c
                for c in counted
                if not (
                    c.sent != 0
                    and c.num_span is not None
                    and not c.extra.get("recent_past")  # (a release of its own, months ago)
                    and (c.count or 0) < top
                    and (
                        (
                            pk.anaphora_tail is not None
                            and has(pk.anaphora_tail, c.sentence[: c.num_span[0]])
                        )
                        or (
                            pk.freed_head is not None
                            and has(pk.freed_head, c.sentence[c.num_span[1] : c.num_span[1] + 40])
                        )
                    )
                )
            ]
        if (
            heads
            and not item["swap"]
            and has_title
            and item.pk.among is not None
            and any_word(item.pk.among, sents[0].text)
        ):
            # "Aliyev pardon frees journalists and activists among 431 convicts" over "Several
            # opposition activists and two journalists walked out of prison": people the
            # headline names among its figure's, counted in the body, are part of its release
            top = max(heads)
            title = sents[0].text
            fig_ends = [c.num_span[1] for c in counted if c.sent == 0 and c.num_span is not None]
            caps = "de" in item.pk.langs  # (German capitalises every noun)
            counted = [
                c
                for c in counted
                if not (
                    c.sent != 0
                    and c.num_span is not None
                    and not c.extra.get("recent_past")
                    and (c.count or 0) < top
                    and _named_in_title(c.sentence[c.num_span[1] :], title, fig_ends, caps)
                )
            ]
        # sub-figures listed apart from their total: 270 + 120 when 390 is also reported
        values = {c.count for c in counted}
        drop: set[int] = set()
        by_sent: dict[int, list[_Cand]] = {}
        for c in counted:
            by_sent.setdefault(c.sent, []).append(c)
        for group in by_sent.values():
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    ga, gb = group[a], group[b]
                    total = (ga.count or 0) + (gb.count or 0)
                    if total not in values or total in (ga.count, gb.count):
                        continue
                    same_clause = ga.extra.get("clause") == gb.extra.get("clause")
                    if same_clause or item["swap"]:
                        # "270 soldiers and 120 civilians" of 390; a swap's two sides of the
                        # 26 it freed: sub-figures of one release
                        drop.update((id(ga), id(gb)))
                    else:
                        # two distinct releases (both sides of a swap): the total is not a third
                        drop.update(id(c) for c in counted if c.count == total)
        counted = [c for c in counted if id(c) not in drop]
        counted = _merge_rounded(counted)
        if any(not c.formula for c in counted):
            counted = [c for c in counted if not c.formula]
        final: list[_Cand] = []
        seen: set[Any] = set()
        for c in counted:
            if c.count not in seen:
                seen.add(c.count)
                final.append(c)
                # the headline usually wins; its body twin often has the date
                c.extra["alt_sentences"] = [
                    o.sentence for o in counted if o.count == c.count and o is not c
                ]
        if not final and pardons:
            final.append(
                next(c for c in pardons if c.count is None)
                if any(c.count is None for c in pardons)
                else pardons[0]
            )
            c = final[-1]
            if (
                c.count is None
                and item["expected"] is not None
                and item.pk.p_decree is not None
                and has(item.pk.p_decree, c.sentence)
            ):
                # "Rahmon signs amnesty law ... about 4,200 will be freed": a decreed release
                # with no count of its own takes the number it is to free
                n, q, ct, w = item["expected"]
                c.count, c.qualifier, c.count_text = n.value, q, ct
                c.how = f"'{ct}' -> {n.value}" + (f", qualifier {q}" if q else "")
                c.how += f"; the number the decree is to free ('{w}')"
        for d in ("lifted", "imposed"):
            for c in cands:
                if c.kind == "sanctions" and c.direction == d:
                    final.append(c)
                    break
        seen_pc: set[Any] = set()
        # (a second group's figure is its own count, however close to the first)
        pcs = _merge_rounded(
            [c for c in cands if c.kind == "prisoner_count" and not c.extra.get("figure")], True
        ) + [c for c in cands if c.kind == "prisoner_count" and c.extra.get("figure")]
        for c in pcs:
            if c.count not in seen_pc:
                seen_pc.add(c.count)
                final.append(c)
        final.sort(key=lambda c: cands.index(c))
        title = sents[0].text if sents and sents[0].is_title else ""
        memo: dict[tuple[int, str], str | None] = {}
        events = [self._event(c, title, full, published, memo, scans) for c in final]
        if item["pub_year"] is not None:
            # "посвящённая обмену 11 февраля 1986 года, когда ... были освобождены": a release
            # its own sentence dates, before its trigger, two or more years before the item
            # is history ("to mark the anniversary of the October 6, 1973 war" after it dates
            # something else)
            events = [
                e
                for e in events
                if not (
                    e.kind == "pardon"
                    and e.date
                    and e.evidence is not None
                    and e.evidence.words
                    and int(e.date[:4]) < item["pub_year"] - 1
                    and _date_before(e.evidence.sentence, e.evidence.words[0])
                )
            ]
        if any(
            e.kind == "pardon" and e.count is None and e.country is None and e.by is None
            for e in events
        ) and not (
            item["swap"]
            or item["pc_item"]
            or item.sc.any(item.pk.detainee_ctx, item.full)
            or item.sc.any(item.pk.persons, item.full)  # ("a reporter ... was pardoned")
        ):
            # "Late rain pardons the vineyards", "La sorte grazia il Torino": a release with no
            # figure, no country, no one who grants it and no prisoner or person anywhere in
            # the item is a figure of speech
            events = [
                e
                for e in events
                if not (
                    e.kind == "pardon" and e.count is None and e.country is None and e.by is None
                )
            ]
        return events

    def _event(
        self,
        c: _Cand,
        title: str,
        full: str,
        published: Any,
        memo: dict[tuple[int, str], str | None] | None = None,
        scans: tuple[LangPack, dict[str, frozenset[int]]] | None = None,
    ) -> Event:
        pl = places()
        seen: dict[tuple[int, str], str | None] = {} if memo is None else memo
        cores: dict[int, int] = {}
        sets: dict[str, frozenset[int]] = {}
        month: int | None = None
        if scans is not None:
            cores = scans[0].table_cores or {}
            month = scans[0].month_core
            sets = scans[1]

        def absent(core: int | None, t: str) -> bool:
            # the scan of t found no atom of the core: no entry / month word in t
            st = sets.get(t)
            return core is not None and st is not None and core not in st

        def first(
            table: tuple[tuple[str, Any], ...], rset: Any, texts: tuple[str, ...]
        ) -> str | None:
            # the first entry found in the first text that names one (memoised per item:
            # the events of an item share the title and the full text)
            for t in texts:
                key = (id(table), t)
                if key in seen:
                    code = seen[key]
                elif absent(cores.get(id(table)), t):
                    code = seen[key] = None
                else:
                    code = seen[key] = _first_in(table, rset, t)
                if code is not None:
                    return code
            return None

        country = first(pl.countries, pl.countries_set, (c.sentence, title, full))
        by = source = target = date = None
        if c.kind == "sanctions":
            by = first(pl.actors, pl.actors_set, (c.sentence, title))
            target = _target(c.sentence, pl)
        if c.kind == "prisoner_count":
            source = first(pl.sources, pl.sources_set, (c.sentence, full))
            if country is None and source is not None:
                country = pl.source_countries.get(source)  # Viasna counts Belarus's prisoners
        if c.kind == "pardon":
            by = first(
                pl.grantors, pl.grantors_set, (c.sentence, *c.extra.get("alt_sentences", ()), title)
            )
            for sent in (c.sentence, *c.extra.get("alt_sentences", ())):
                if absent(month, sent):
                    continue  # (a date names a month)
                date = _find_date(sent, published)
                if date:
                    break
        return Event(
            kind=c.kind,
            count=c.count,
            direction=c.direction,
            qualifier=c.qualifier,
            country=country,
            by=by,
            target=target,
            source=source,
            date=date,
            evidence=Evidence(
                rule=f"builtin:{c.kind}",
                words=c.words,
                sentence=c.sentence,
                count_text=c.count_text,
                how=c.how,
            ),
        )


# "26 человек: ...", "780 осіб — по 390 з кожного боку": the breakdown follows
_COLON_NEXT = re.compile(r"(?:\s+\w+){0,2}\s*(?::\s|[—–]\s(?:\w+\s)?\d)")
_EDGE_PUNCT = ".,;:!?…\"'«»“”„()[]"


def _with_qualifier(qtext: str, num: str) -> str:
    """The count as the text gives it: "more than 1,300", "plus d'un millier" (no space
    after an elided article's apostrophe)."""
    if not qtext:
        return num
    return qtext + num if qtext.endswith(("'", "’")) else f"{qtext} {num}"


def _sub_then_verb(text: str, cue: Span, trig: Span, nums: list[Num]) -> bool:
    """ "26 people, including two minors, were freed": the sub-figure's closing comma, then
    the sentence's own verb, which no reference trigger is ("among those freed"; "серед тих,
    хто повернувся" has its comma but no figure)."""
    return (
        "," in text[cue[1] : trig[0]]
        and any(
            (cue[1] <= n.start and n.end <= trig[0])
            # "18 prisoners, several of them seriously ill, were released"
            or (
                n.end <= cue[0]
                and "," in text[n.end : cue[0]]
                and _words(text[n.end : cue[0]]) <= 4
            )
            for n in nums
        )
    )


def _dated_aside(s: Any, dsp: Span, nsp: Span) -> bool:
    """A decision word and, one or two commas later, the noun that opens its clause, with
    only a short dated aside between: "ha rinnovato per altri sei mesi, fino al 31 luglio,
    le sanzioni", "przedłużyła o sześć miesięcy, do 31 stycznia 2026 r., sankcje"."""
    if dsp[1] > nsp[0]:
        return False
    cd, cn = s.clause_of(dsp[0]), s.clause_of(nsp[0])
    if not 1 <= cn - cd <= 2:
        return False
    between = s.text[dsp[1] : s.clause_bounds[cn]]
    return (
        _words(s.text[s.clause_bounds[cn] : nsp[0]]) <= 1  # (an article)
        and _words(between) <= 10
        and any(ch.isdigit() for ch in between)
        and not any(ch in between for ch in ";:()")
    )


def _clause_final(s: Any, span: Span) -> bool:
    """Nothing but punctuation follows `span` in its clause (a verb-final participle)."""
    hi = s.clause_span(span[0])[1]
    return not any(ch.isalnum() for ch in s.text[span[1] : hi])


def _opposite_before(
    s: Any, dirs: list[tuple[Span, str]], nsp: Span, d: str, most: int
) -> list[tuple[int, Span, str]]:
    """(gap, span, direction) of the direction words other than `d` before the noun at `nsp`,
    in its clause, at most `most` words away."""
    ci = s.clause_of(nsp[0])
    return [
        (g, o, od)
        for o, od in dirs
        if od != d and o[1] <= nsp[0] and s.clause_of(o[0]) == ci and (g := s.gap(nsp, o)) <= most
    ]


def _named_in_title(after: str, title: str, fig_ends: list[int], caps: bool) -> bool:
    """The noun right after a body figure (`after`: the text following it) is named in the
    headline, not after one of its figures (`fig_ends`: where they end) ("two journalists" /
    "frees journalists and activists among 431", not "another 30 prisoners" / "pardons 37
    more political prisoners"). A capitalised word is a name or a nationality ("80
    Venezuelan political prisoners" / "Venezuela frees ..."), unless `caps` (German)."""
    nxt = after[:40].split(maxsplit=1)
    raw = nxt[0].strip(_EDGE_PUNCT) if nxt else ""
    word = raw.lower()
    if len(word) < 5 or not word.isalpha() or (raw[0].isupper() and not caps):
        return False
    stem = word[: max(5, len(word) - 2)]  # ("journalists" / "journalist", "detenidos")
    low = title.lower()
    at = low.find(stem)
    while at >= 0:
        if (at == 0 or not low[at - 1].isalpha()) and not any(
            e <= at <= e + 30 or any(ch.isdigit() for ch in low[max(0, at - 14) : at])
            for e in fig_ends or [-99]
        ):
            return True
        at = low.find(stem, at + 1)
    return False


def _only_adjectives(between: str) -> bool:
    """`between` holds only lower-case words and "and" (no punctuation, figure or name):
    adjectives of the noun before it ("économiques et financières")."""
    w = between.split()
    return bool(w) and all(x.isalpha() and x.islower() for x in w)


def _one_word_at_most(between: str) -> bool:
    """`between` is blank or one lower-case word of five letters or more, an adjective
    ("palästinensische", not "2024 Ankara prisoner swap", "2022 et condamné", "2026 года")."""
    w = between.split()
    return not w or (len(w) == 1 and w[0].isalpha() and w[0].islower() and len(w[0]) >= 5)


def _words(text: str) -> int:
    """Number of words with a letter in `text` (quotes, dashes and "¿" are no words)."""
    return sum(1 for w in text.split() if any(ch.isalpha() for ch in w))


_TARGET_TRIM = " «»\"'’.,;:-"


def _target(sentence: str, pl: Any) -> str | None:
    """The sanctions target after "on / against / contra": "sanctions on the Wagner Group" ->
    "Wagner Group", "против российских банков" -> "российских банков"; not "on Friday"."""
    for spans in find_groups(pl.target_prep, sentence):
        a, b = spans[1]
        words = sentence[a:b].split()
        while words and words[0].strip(_TARGET_TRIM).lower() in pl.target_articles:
            words.pop(0)
        if not words:
            continue
        first = words[0].strip(_TARGET_TRIM)
        if (
            not first
            or first.lower() in pl.target_skip
            or first.lower() in pl.target_stop
            or first.lower().rstrip(".") in pl.months
        ):
            # "on Friday on Russian oligarchs": the greedy match ate the next preposition
            rest = sentence.find(words[0], a) + len(words[0]) if first else b
            return _target(sentence[rest:], pl)
        out = [first]
        if words[0][-1:] not in ",.;:":
            for w in words[1:4]:
                word = w.strip(_TARGET_TRIM)
                low = word.lower()
                if not word or low in pl.target_stop or low in pl.target_articles:
                    break
                if word[:1].islower() and out[-1][:1].islower() and len(out) >= 2:
                    break  # "Iranian officials linked to ...": the phrase has ended
                out.append(word)
                if w[-1:] in ",.;:":
                    break
        return " ".join(out)
    return None


def _unmasked(spans: list[Span], masks: list[Span]) -> list[Span]:
    """The spans not inside a mask ("on bail-free terms" is no bail)."""
    if not masks:
        return spans
    return [p for p in spans if not any(m[0] <= p[0] and p[1] <= m[1] for m in masks)]


def _first_in(table: tuple[tuple[str, Any], ...], rset: Any, text: str) -> str | None:
    """The code of the table entry matching earliest in `text` (first in table order on a
    tie), or None. The Set says which entries occur; only those are searched for a position."""
    best: tuple[int, str] | None = None
    b = text.encode()
    for i in rset._set.Match(b):
        code, rx = table[i]
        hits = find_words(rx, text, b, first=True)  # only the first hit's position counts
        if hits and (best is None or hits[0][0] < best[0]):
            best = (hits[0][0], code)
    return best[1] if best else None


def _unqualified(ctx: _SentCtx, tail: str) -> str:
    """`tail` (a piece of ctx's sentence) without a trailing qualifier ('more than', 'più di',
    'plus de'), whose own preposition is not a comparison cue."""
    rx = ctx.pk.qualifier_tail
    if rx is None:
        return tail
    spans = ctx.search(rx, tail)
    if spans is None:
        return tail
    start = spans[0][0]
    return tail[: start + 1] if start < len(tail) and not tail[start].isalpha() else tail[:start]


def _apply_partition(cands: list[_Cand], partition: tuple[int, Num, str]) -> list[_Cand]:
    """ "Saïed pardons 1,011 prisoners: 387 of them were freed, the others get shorter terms":
    the pardon frees the part. The whole is the largest figure above it, told in the part's
    sentence (before it), the sentence before or the headline; each copy of it takes the part."""
    idx, n, word = partition
    m = n.value or 0
    wholes = [
        c.count or 0
        for c in cands
        if (c.count or 0) > m
        and not c.formula
        and (
            c.sent in (0, idx - 1)
            or (c.sent == idx and c.num_span is not None and c.num_span[1] <= n.start)
        )
    ]
    if not wholes:
        # "Amnestie in Belarus ... Das Dekret betrifft 640 Verurteilte; davon kommen 212 frei":
        # no release took the whole, so the part freed is the release's own count
        for c in cands:
            if c.count is None and not c.formula and c.sent in (0, idx - 1, idx):
                c.count, c.count_text = m, n.text
                c.how = f"'{n.text}' -> {m}: the part of those it covers that is freed ('{word}')"
        return cands
    whole = max(wholes)
    for c in cands:
        if c.count == whole:
            c.count, c.count_text, c.qualifier = m, n.text, None
            c.how = f"'{n.text}' -> {m}: of the {whole} it covers, the number freed ('{word}')"
    return cands


def _swap_cues(pk: LangPack, sc: Any, full: str) -> list[Span]:
    """The exchange cues of `full`, but for an 'in return' whose clause goes on to name
    sanctions: "In return, Washington lifted sanctions on Belavia" is a deal of sanctions for
    prisoners, no exchange of people."""
    spans = sc.find(pk.p_swap, full)
    if not spans or pk.in_return is None or pk.s_nouns is None:
        return spans
    deals = [
        r
        for r in sc.find(pk.in_return, full)
        if any(
            r[1] <= n[0] and not _CLAUSE_END.search(full, r[1], n[0]) and n[0] - r[1] <= 60
            for n in sc.find(pk.s_nouns, full)
        )
    ]
    return [sp for sp in spans if not any(r[0] <= sp[0] and sp[1] <= r[1] for r in deals)]


_CLAUSE_END = re.compile(r"[.;!?\n\d]")


def _filled_by_body(top: int, smaller: list[_Cand], sents: list[Sentence], langs: Any) -> bool:
    """Do other figures of the body, none of them a release found on its own, make up the
    headline's swap total with `smaller`? ("Обмен: на свободу вышли 26" over "На Запад
    отправились 16 ..., в Россию вернулись восемь взрослых и двое детей": 16 + 10; "1000 на
    1000" over "в пятницу возвращены 390, в субботу — 307, в воскресенье — ещё 303")"""
    have = {c.count or 0 for c in smaller}
    rest = top - sum(have)
    if not smaller or rest <= 0:
        return False
    others: list[int] = []
    for s in sents:
        if s.is_title:
            continue
        for n in find_numbers(s.text, langs):
            v = n.value
            if v is None or n.bad is not None or n.formula or v >= top or v in have:
                continue
            if 1900 <= v <= 2100 and not n.words:
                continue  # (a year)
            others.append(v)
    if len(others) > 8:
        return False  # (a body full of figures: a match by chance is too likely)
    return any(
        sum(combo) == rest for k in (1, 2, 3) for combo in combinations(sorted(set(others)), k)
    )


def _join_coordinated(counted: list[_Cand]) -> list[_Cand]:
    """Figures two triggers took from one clause, joined by 'and' ('brings home 84 soldiers
    and 20 civilians in a swap'), are one release: add them up."""
    out = list(counted)
    for a in counted:
        for b in counted:
            if a is b or a not in out or b not in out or a.sent != b.sent:
                continue
            if a.num_span is None or b.num_span is None or a.num_span[1] > b.num_span[0]:
                continue
            if a.extra.get("clause") != b.extra.get("clause"):
                continue
            if a.extra.get("apart") or b.extra.get("apart"):
                continue  # "390 and 307 respectively"
            if has(_CONJ, a.sentence[a.num_span[1] : b.num_span[0]]):
                a.extra["addends"] = [
                    *(a.extra.get("addends") or [a.count or 0]),
                    *(b.extra.get("addends") or [b.count or 0]),
                ]
                a.count = (a.count or 0) + (b.count or 0)
                a.how += f"; sum with coordinated '{b.count_text}'"
                a.extra["joined"] = True
                out.remove(b)
    return out


_MONTH_YEAR: Any = None


@cache
def _group_names(rx: Any) -> tuple[tuple[str, int], ...]:
    """(name, index) of rx's named groups, in the order re2's Match.groupdict() gives them."""
    return tuple(rx.groupindex.items())


_MONTH_ALONE: Any = None
# a comma, semicolon or colon between a number and an "of them" cue: the cue starts a new list
# a chronicle entry's headline: a date with its year, a dash, a topic of a few words
_RUBRIC = re.compile(
    r"\W*\d{1,2}[\s.]+(?:de\s+)?[^\W\d_]+\.?[\s,]+(?:de\s+)?\d{4}(?:\s+[^\W\d_]+\.?)?\s*[–—-]"
    r"\s*(?:\S+\s*){1,4}$"
)
# a wire service's version slug opening a headline ("UPDATE 4-", "ROUNDUP 2:",
# "AGGIORNAMENTO 3-"): the caller checks that the word is in capitals
_WIRE_SLUG = re.compile(r"\s*([^\W\d_]{4,}(?: [^\W\d_]+)?) \d{1,2}\s?[-:–]\s*")
_LIST_BREAK = re.compile(r"[,;:]|\s[–—-]\s")
_PERCENT_NEXT = re.compile(
    r"\s+(?:by\s+|на\s+|um\s+|de\s+|del\s+|o\s+)?[\d.,]+\s?(?:%|percent|per cent|процент|"
    r"відсот|адсот|prozent|pour cent|por ciento|per cento|procent)",
    re.IGNORECASE,
)
_YEAR_NEXT = re.compile(r"(?:\W*\d{1,2}(?:st|nd|rd|th)?)?\W*(?:de\s+|del\s+)?(?:19|20)\d\d")


def _months_ago(text: str, lo: int, hi: int, at: int, published: datetime, near: int = 4) -> bool:
    """A month named without a year in text[lo:hi] (the trigger's clause), within `near` words
    of the trigger at `at` ("freed in January", "3 March", "a gennaio"), three or more months
    before `published`."""
    clause = text[lo:hi]
    at -= lo
    global _MONTH_ALONE
    pl = places()
    if _MONTH_ALONE is None:
        # 'may' / 'mar' are words too ("may be freed", "el mar"): only with a day number
        words = sorted((m for m in pl.months if m not in ("may", "mar")), key=len, reverse=True)
        alt = "|".join(words)
        _MONTH_ALONE = compile_re(
            r"(?i)(?:^|[^\pL\pN])(?:(?:in|on|en|a|im|am|в|у|ў|w|de|del|di|nel|el|le|au mois de"
            # "last July", "lo scorso luglio", "el pasado julio", "im vergangenen Juli"
            r"|last|past|scorso|pasado|vergangenen|letzten)"
            rf"\s+|\d{{1,2}}\.?\s+(?:de\s+)?)({alt}|may|mar)(?:\.|\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
            r"(?:[^\pL\pN]|$)"
        )
    for spans in find_groups(_MONTH_ALONE, clause):
        a, b = spans[1]
        end = spans[0][1]
        word = clause[a:b].lower()
        if word in ("may", "mar") and not clause[max(0, a - 4) : a].strip()[-1:].isdigit():
            continue
        month = pl.months.get(word)
        if month is None or _YEAR_NEXT.match(text, lo + b, lo + end + 12):
            continue  # "January 2024": the month-and-year rule decides
        between = clause[b:at] if b <= at else clause[at:a]
        if len(between.split()) > near:
            continue
        if (published.month - month) % 12 >= 3:
            return True
    return False


def _month_year(text: str) -> tuple[int, int] | None:
    """(year, month) of a 'Month YYYY' / 'D Month YYYY' mention, via the month table."""
    global _MONTH_YEAR
    pl = places()
    if _MONTH_YEAR is None:
        alt = "|".join(sorted(pl.months, key=len, reverse=True))
        _MONTH_YEAR = compile_re(
            rf"(?i)(?:^|[^\pL])({alt})\.?,?\s(?:de\s|del\s)?((?:19|20)\d\d)(?:[^\pN]|$)"
        )
    spans = search_spans(_MONTH_YEAR, text)
    if spans is None:
        return None
    (a1, b1), (a2, b2) = spans[1], spans[2]
    month = pl.months.get(text[a1:b1].lower())
    return (int(text[a2:b2]), month) if month else None


def _approximate(c: _Cand) -> bool:
    return c.qualifier in ("over", "about", "under") or (
        c.count is not None and c.count >= 100 and c.count % 100 == 0
    )


def _merge_rounded(cands: list[_Cand], apart: bool = False) -> list[_Cand]:
    """A rounded figure ('more than 8,000', usually the headline) and a precise one within 15%
    ('8,234') report the same number: keep the precise one, else the one from the body.
    `apart`: a rounded figure in a body sentence of its own is another count ("Viasna
    recognises 1,110 ... Dissidentby puts the number held at about 1,300")."""
    out = list(cands)
    for a in cands:
        for b in cands:
            if a is b or a not in out or b not in out or a.count is None or b.count is None:
                continue
            if a.count == b.count or not (_approximate(a) or _approximate(b)):
                continue
            if abs(a.count - b.count) > 0.15 * max(a.count, b.count):
                continue
            if (
                apart
                and a.sent != b.sent
                and not any(c.sent == 0 and _approximate(c) for c in (a, b))
            ):
                continue
            # drop the rounder / headline one
            a_score = (_approximate(a), a.sent == 0)
            b_score = (_approximate(b), b.sent == 0)
            out.remove(a if a_score > b_score else b)
    return out


def _hist_beyond_recent(hits: list[Span], recent: list[Span]) -> bool:
    """Are a text's history cue spans more than the "five days after the release of 52" of a
    recent release (LangPack.recent_release: news of its own, beside today's)?"""
    if not hits:
        return False
    return not recent or not all(recent[0][0] <= a and b <= recent[0][1] for a, b in hits)


def _blanked(text: str, spans: list[Span]) -> str:
    """`text` with each span replaced by one space."""
    for a, b in reversed(spans):
        text = f"{text[:a]} {text[b:]}"
    return text


def _date_before(sentence: str, word: str) -> bool:
    """Does the sentence's first 'D Month YYYY' / 'Month D, YYYY' mention end before `word`?"""
    pl = places()
    spans = search_spans(pl.date_dmy, sentence) or search_spans(pl.date_mdy, sentence)
    at = sentence.find(word)
    return spans is not None and at >= 0 and spans[0][1] <= at


def _find_date(sentence: str, published: Any) -> str | None:
    """ISO date of a 'D Month [YYYY]' / 'Month D, YYYY' mention, using the month table."""
    pl = places()
    default_year = published.year if isinstance(published, datetime) else None
    spans = search_spans(pl.date_dmy, sentence)
    if spans is not None:
        day, mon, year = (sentence[a:b] if a >= 0 else None for a, b in spans[1:4])
    else:
        spans = search_spans(pl.date_mdy, sentence)
        if spans is None:
            return None
        mon, day, year = (sentence[a:b] if a >= 0 else None for a, b in spans[1:4])
    month = pl.months.get(mon.lower().rstrip("."))
    y = int(year) if year else default_year
    if not month or not y or not (1 <= int(day) <= 31):
        return None
    return f"{y:04d}-{month:02d}-{int(day):02d}"
