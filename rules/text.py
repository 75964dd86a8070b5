"""Text helpers: HTML reduction, sentence/clause splitting and word tokens.

All patterns run in RE2 (linear time); none of them is user supplied.
"""

from __future__ import annotations

import html
import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any

import re2

# RELEASEWATCH_RE2_LOG_ERRORS=1: RE2 says on stderr when a search's DFA outgrows its memory
# budget and falls back to the NFA, which is about ten times slower ("DFA out of memory");
# the regex-budget test turns it on to catch a lexicon that outgrew its budget
RE2_LOG_ERRORS = os.environ.get("RELEASEWATCH_RE2_LOG_ERRORS") == "1"

_OPTS = re2.Options()
_OPTS.log_errors = RE2_LOG_ERRORS

_TAG = re2.compile(r"<[^<>]{0,1000}>", _OPTS)
# the tags that end a block of text (a paragraph, a line, a list item, a heading, a cell)
_BLOCK_TAG = re2.compile(
    r"(?i)</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|header|footer|table)"
    r"(?:[\s/][^<>]{0,1000})?>",
    _OPTS,
)
_WS = re2.compile(r"[ \t\x{00a0}\x{202f}\x{2009}\x{2007}]+", _OPTS)
# Internal, fixed tokenisers (never user supplied, linear): stdlib `re` is used here only
# because RE2's Python wrapper costs ~5 us per match object and these run on every token.
# Sentence ends: RE2's r"[.!?…]+[\"»”’')]*\s+|\n+" in stdlib `re`, same matches. [\t\n\f\r ]
# is RE2's \s (stdlib's \s also takes Unicode spaces). The three classes are disjoint, so the
# possessive quantifiers and the look-behind (a run of stops is only tried from its first
# stop) change no match; they keep the scan linear, and starting with a plain class lets
# `re` skip to candidate characters (4x faster).
_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<![.!?…]{2})[.!?…]*+[\"»”’')]*+[\t\n\f\r ]+)")
# Word tokens: r"[^\W_]+(?:['’ʼ][^\W_]+)*", as one capture group: split() gives separator,
# token, separator, ... as strings, without a match object per token (1.5x faster than
# finditer + span()). Nothing follows the repeats, so their first (greedy) try is the match:
# possessive repeats give the same tokens without keeping backtracking state (1.2x faster).
_WORD_SPLIT = re.compile(r"([^\W_]++(?:['’ʼ][^\W_]++)*+)")
# ... for ASCII text, where [^\W_] is [A-Za-z0-9] and the apostrophes are just "'": plain
# ranges instead of a Unicode category test per character (1.3x faster)
_WORD_SPLIT_ASCII = re.compile(r"([A-Za-z0-9]++(?:'[A-Za-z0-9]++)*+)")
# Clause breaks: r"[,;:()\[\]]\s|\s[—–-]\s|[;:]" with ';' / ':' taken first (the branches
# start with disjoint characters, so at any position at most one applies and the order does
# not matter): the same matches, 1.6x faster to scan. The first character is taken by one
# class and a look-behind on it picks the branch (the same matches again): a pattern that
# starts with a plain class lets `re` skip to candidate characters (another 1.4x).
_CLAUSE = re.compile(r"[;:,()\[\]\s](?:(?<=[;:])\s?|(?<=[,()\[\]])\s|(?<=\s)[—–-]\s)")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " "})
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = frozenset(
    "u.s us mr mrs ms dr st no nos jan feb mar apr aug sept sep oct nov dec r г гг тыс ок ok tys "
    "m.in p проф prof gen sen rep gov lt col ca ст ул etc vs incl approx млн mln mld ee".split()
)


# Words that open a sentence, not a noun after a German / Polish ordinal ("... waren es
# noch rund 300. Die Regierung ...": a figure ends the sentence before them)
_SENT_OPENERS = frozenset(
    "Die Der Das Den Dem Ein Eine Es Er Sie Wir Ich Im In Am Auch Doch Aber Und Nach Zuvor "
    "Diese Dieser Dies Damit Dabei Laut Nun Jetzt W We Na Po Jak Ale To Nie Od Do Według".split()
)


def compile_re(
    pattern: str, *, longest: bool = False, lazy: bool = False, big: bool = False
) -> re2._Regexp:
    """Compile an internal pattern in RE2 (errors raise re2.error). `lazy`: compile on first
    use instead (start-up: many pack lexicons are never needed by a process). `big`: give
    it the 256 MB DFA budget whatever its length (a prefilter that every item meets)."""
    if lazy:
        return LazyRe(pattern, longest, big)  # type: ignore[return-value]
    opts = re2.Options()
    opts.log_errors = RE2_LOG_ERRORS
    opts.longest_match = longest
    # RE2's default budget (8 MB for the program and its DFA cache) is too small for most pack
    # regexes: a \pL class is hundreds of ranges, so a 400-character tail regex is a
    # 20,000-instruction program whose DFA cache fills, is flushed, and falls back to the NFA,
    # about ten times slower (tests/test_rules_regex_budget.py found twelve such regexes; the
    # all-language prefilter once took ~500 us per item instead of ~6 us, and at 64 MB it
    # later tipped over again: 33 us per real feed item instead of 3.4). RE2 takes only the
    # memory its DFA states need, so a generous budget costs nothing where it is not used.
    opts.max_mem = 256 << 20 if big or len(pattern) > _HUGE_PATTERN else 64 << 20
    return re2.compile(pattern, opts)


_HUGE_PATTERN = 100_000  # chars; the union of all languages' trigger lexicons


class LazyRe:
    """Stands in for a compiled RE2 regex and compiles it on first use.

    `pattern` is there at once (RE2 Sets are built from it); the first access to the compiled
    program (`_regexp`, as find_words / has use it) or to any other regex attribute compiles
    it, once: later `_regexp` reads are plain slot reads."""

    __slots__ = ("_big", "_compiled", "_longest", "_regexp", "pattern")

    def __init__(self, pattern: str, longest: bool, big: bool = False) -> None:
        self.pattern = pattern
        self._longest = longest
        self._big = big

    def _compile(self) -> re2._Regexp:
        rx = compile_re(self.pattern, longest=self._longest, big=self._big)
        self._regexp = rx._regexp
        self._compiled = rx
        return rx

    def __getattr__(self, name: str) -> Any:
        # only reached for a slot not yet set (before the first compile) or a regex attribute
        if name == "_regexp":
            return self._compile()._regexp
        if name == "_compiled" or name.startswith("__"):
            raise AttributeError(name)
        try:
            rx = self._compiled
        except AttributeError:
            rx = self._compile()
        return getattr(rx, name)


def clean(text: str | None) -> str:
    """Plain text: tags removed, entities decoded, runs of spaces folded (newlines kept)."""
    if not text:
        return ""
    if "<" in text:
        # Block tags become sentence breaks so "<p>a</p><p>b</p>" stays two sentences; inline
        # tags are spaces ("una nueva <b>licencia general</b> que ..." is one sentence)
        if "</p>" in text or "<br" in text:
            text = _BLOCK_TAG.sub(" \n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    # fold runs of spaces (NBSP etc. included) but keep newlines as sentence breaks
    if not text.isascii():
        for ch in "\u00a0\u202f\u2009\u2007":
            if ch in text:
                text = text.replace(ch, " ")
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # the usual feed text is folded already: the only whitespace character that
        # isprintable() lets through is the ASCII space (every other one is a separator or a
        # control character), here never doubled nor at either end; split() + join() would
        # give it back unchanged (at ~40 ns a character)
        return text
    if "\n" not in text:
        return " ".join(text.split())  # one line: already stripped
    if (
        text.replace("\n", "").isprintable()
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text.strip()  # (the same test, line by line: every line is folded already)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def split_sentences(text: str) -> list[str]:
    """Split into sentences; cheap and conservative (abbreviations, '19. pakiet')."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        nxt = text[end : end + 1]
        stop = m.group(0)
        if stop.strip() and not stop.startswith("\n"):
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"«„“'(<•▪●►"):
                continue
            # word before the full stop: from the last space or newline (a word with any
            # other whitespace in it is not printable: then the character walk)
            j = m.start()
            k = max(start, text.rfind(" ", start, j) + 1, text.rfind("\n", start, j) + 1)
            if not text[k:j].isprintable():
                k = j
                while k > start and not text[k - 1].isspace():
                    k -= 1
            prev = text[k:j].lower().strip("(\"'«")
            if prev in _ABBREV or (len(prev) == 1 and prev.isalpha()):
                continue
            if prev.isdigit() and len(prev) <= 3 and stop.startswith(".") and nxt.isupper():
                # "Zum 77. Jahrestag": German/Polish ordinal, not a sentence end
                word = text[end:].split(" ", 1)[0]
                if end < len(text) and not word.isupper() and word not in _SENT_OPENERS:
                    continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


class Sentence:
    """A sentence with (lazily computed) token offsets and clause boundaries.

    Tokens are only needed for sentences that hold a trigger, so they are computed on demand.
    """

    __slots__ = ("_bounds", "_ends", "_starts", "is_title", "text")

    def __init__(self, text: str, *, is_title: bool = False) -> None:
        self.text = text
        self.is_title = is_title
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._bounds: list[int] | None = None

    @classmethod
    def build(cls, text: str, *, is_title: bool = False) -> Sentence:
        return cls(text, is_title=is_title)

    def _tokens(self) -> None:
        # parts alternate separator / token (2n + 1 strings for n tokens, separators may be
        # empty): the running sums of their lengths are the token starts and ends in turn
        text = self.text
        parts = (_WORD_SPLIT_ASCII if text.isascii() else _WORD_SPLIT).split(text)
        pos = list(accumulate(map(len, parts), initial=0))
        self._starts = pos[1:-1:2]
        self._ends = pos[2:-1:2]

    @property
    def token_starts(self) -> list[int]:
        if self._starts is None:
            self._tokens()
        return self._starts  # type: ignore[return-value]

    @property
    def token_ends(self) -> list[int]:
        if self._ends is None:
            self._tokens()
        return self._ends  # type: ignore[return-value]

    @property
    def clause_bounds(self) -> list[int]:
        if self._bounds is None:
            self._bounds = [0, *(m.end() for m in _CLAUSE.finditer(self.text))]
        return self._bounds

    def tok(self, pos: int) -> int:
        """Index of the token at or before char offset `pos`."""
        starts = self._starts
        if starts is None:
            self._tokens()
            starts = self._starts
        i = bisect_right(starts, pos) - 1  # type: ignore[arg-type]
        return i if i > 0 else 0

    def clause_of(self, pos: int) -> int:
        bounds = self._bounds if self._bounds is not None else self.clause_bounds
        return bisect_right(bounds, pos) - 1

    def clause_span(self, pos: int) -> tuple[int, int]:
        bounds = self._bounds if self._bounds is not None else self.clause_bounds
        i = bisect_right(bounds, pos) - 1
        return bounds[i], (bounds[i + 1] if i + 1 < len(bounds) else len(self.text))

    def gap(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        """Number of tokens strictly between spans a and b (0 when adjacent/overlapping)."""
        if a[1] <= b[0]:
            first, second = a, b
        elif b[1] <= a[0]:
            first, second = b, a
        else:
            return 0
        starts = self._starts
        if starts is None:
            self._tokens()
            starts = self._starts
        # tok(second start) - tok(last char of first) - 1, at least 0
        j = bisect_right(starts, second[0]) - 1  # type: ignore[arg-type]
        last = first[1] - 1
        i = bisect_right(starts, last if last > first[0] else first[0]) - 1  # type: ignore[arg-type]
        g = (j if j > 0 else 0) - (i if i > 0 else 0) - 1
        return g if g > 0 else 0


_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START
# Byte offsets from RE2 become char offsets as len(b[:i].decode()): RE2 matches whole UTF-8
# characters, so every offset is a character boundary, and slicing + decoding in CPython is
# cheaper than a call into the extension (re2._re2.BytesToCharLen) through pybind11.


def _next_char(b: bytes, i: int) -> int:
    """Byte offset of the UTF-8 character after the one starting at b[i]."""
    lead = b[i]
    return i + (1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4)


def find_words(
    rx: re2._Regexp, text: str, b: bytes | None = None, *, first: bool = False
) -> list[tuple[int, int]]:
    """Spans (char offsets) of lexicon matches that start and end at word edges; with `first`,
    only the first one (the search stops there). `b`: text.encode(), when the caller has it.

    Calls RE2's matcher directly on the UTF-8 bytes: the Python wrapper's generator and match
    objects cost more than the match itself on these short sentences.
    """
    if b is None:
        b = text.encode()
    n = len(b)
    match = rx._regexp.Match
    s, e = match(_UNANCHORED, b, 0, n)[0]
    if s < 0:
        return []  # the common case: no match at all
    out: list[tuple[int, int]] = []
    ascii_only = n == len(text)
    tlen = len(text)
    while True:
        if ascii_only:
            cs, ce = s, e
        else:
            cs = len(b[:s].decode())
            ce = cs + len(b[s:e].decode())
        if cs < ce and not text[cs].isalnum():
            cs += 1  # the consumed word-edge character
        if not (ce < tlen and text[ce].isalnum()):
            out.append((cs, ce))
            if first:
                break
            pos = e if e > s else e + 1
        else:
            # a match that ends inside a word is no match, but must not hide a shorter one
            # from the same start that ends at a word edge ("no a|plica" hid "no"): RE2 gives
            # the longest match only, so try again with the text cut at each word edge
            # inside it, the last edge first
            short = _shorter_match(match, text, b, s, cs, ce, ascii_only)
            if short is not None:
                out.append((cs, short))
                if first:
                    break
                pos = _char_to_byte(text, b, short, ascii_only)
                s, e = match(_UNANCHORED, b, pos, n)[0]
                if s < 0:
                    break
                continue
            # ... nor one that starts within it: ("акції за|кликали": the cue "закликали"
            # starts inside the longest match, which ends mid-word): search again from the
            # next character
            pos = _next_char(b, s)
        if pos > n:
            break
        s, e = match(_UNANCHORED, b, pos, n)[0]
        if s < 0:
            break
    return out


def _char_to_byte(text: str, b: bytes, c: int, ascii_only: bool) -> int:
    return c if ascii_only else len(text[:c].encode())


def _shorter_match(
    match: Any, text: str, b: bytes, s: int, cs: int, ce: int, ascii_only: bool
) -> int | None:
    """The end (char offset) of the longest match starting at byte `s` that ends at a word
    edge before `ce` (the longest match's end, inside a word), or None."""
    for k in range(ce - 1, cs, -1):
        if text[k - 1].isalnum() and not text[k].isalnum():
            kb = _char_to_byte(text, b, k, ascii_only)
            ms, me = match(_ANCHOR_START, b, s, kb)[0]
            if ms == s and me == kb:
                return k
    return None


def find_groups(rx: re2._Regexp, text: str) -> list[list[tuple[int, int]]]:
    """All matches of `rx`, each as the char spans of group 0..n ((-1, -1) when unset)."""
    out: list[list[tuple[int, int]]] = []
    b = text.encode()
    n = len(b)
    ascii_only = n == len(text)
    match = rx._regexp.Match
    pos = 0
    while pos <= n:
        spans = match(_UNANCHORED, b, pos, n)
        s, e = spans[0]
        if s < 0:
            break
        if ascii_only:
            out.append(list(spans))
        else:
            out.append(
                [
                    (len(b[:a].decode()), len(b[:z].decode())) if a >= 0 else (-1, -1)
                    for a, z in spans
                ]
            )
        pos = e if e > s else e + 1
    return out


def any_word(rx: re2._Regexp, text: str, b: bytes | None = None) -> bool:
    """bool(find_words(rx, text)), but stops at the first word-edged match. `b`:
    text.encode(), when the caller has it."""
    if b is None:
        b = text.encode()
    n = len(b)
    match = rx._regexp.Match
    s, e = match(_UNANCHORED, b, 0, n)[0]
    if s < 0:
        return False
    ascii_only = n == len(text)
    tlen = len(text)
    while True:
        ce = e if ascii_only else len(b[:e].decode())
        if not (ce < tlen and text[ce].isalnum()):
            return True
        cs = s if ascii_only else len(b[:s].decode())
        if cs < ce and not text[cs].isalnum():
            cs += 1
        if _shorter_match(match, text, b, s, cs, ce, ascii_only) is not None:
            return True  # (as in find_words: a shorter match from the same start)
        pos = _next_char(b, s)  # (as in find_words: a cue may start inside a rejected match)
        if pos > n:
            return False
        s, e = match(_UNANCHORED, b, pos, n)[0]
        if s < 0:
            return False


def search_spans(rx: re2._Regexp, text: str) -> list[tuple[int, int]] | None:
    """Char spans of group 0..n of the first match ((-1, -1) when a group is unset), or None:
    `rx.search(text)` without the wrapper's match object."""
    b = text.encode()
    spans = rx._regexp.Match(_UNANCHORED, b, 0, len(b))
    if spans[0][0] < 0:
        return None
    if len(b) == len(text):
        return spans
    return [(len(b[:a].decode()), len(b[:z].decode())) if a >= 0 else (-1, -1) for a, z in spans]


def has(rx: re2._Regexp, text: str, b: bytes | None = None) -> bool:
    """Does `rx` match anywhere in `text` (no span bookkeeping)? `b`: text.encode(), when
    the caller has it."""
    if b is None:
        b = text.encode()
    return rx._regexp.Match(_UNANCHORED, b, 0, len(b))[0][0] >= 0


# Letters of the scripts the packs cover (Latin incl. accents, Greek, Cyrillic). Pack fragments
# write \pL for readability; expanding it to these ranges keeps each compiled program (and
# compile time) ~10x smaller than the full Unicode letter class under (?i).
LETTER = r"[a-zA-Z\x{00AA}\x{00B5}\x{00BA}\x{00C0}-\x{00D6}\x{00D8}-\x{00F6}\x{00F8}-\x{024F}\x{0370}-\x{03FF}\x{0400}-\x{052F}\x{1E00}-\x{1EFF}]"


def lexicon_re(fragments: Iterable[str], *, big: bool = False) -> re2._Regexp | None:
    """One case-insensitive RE2 for a list of fragments, anchored at word starts. `big`: see
    compile_re."""
    frags = sorted({f.replace("\\pL", LETTER) for f in fragments if f}, key=len, reverse=True)
    if not frags:
        return None
    # No capture group: RE2 can then answer with its fast DFA instead of the NFA. Compiled on
    # first use (RE2 Sets are built from the pattern text).
    return compile_re(
        r"(?i)(?:^|[^\pL\pN])(?:" + "|".join(frags) + ")", longest=True, lazy=True, big=big
    )


def any_overlap(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


# ------------------------------------------------------------------ Belarusian Łacinka
# Some Belarusian outlets publish in the Latin alphabet (Łacinka). The packs are Cyrillic, so
# an item declared "be" and written in Łacinka is read through a letter-for-letter
# transliteration (the standard correspondences: "ia/ie/io/iu" after a consonant and "ja..."
# elsewhere are я/е/ё/ю; "l" is the soft л and "ł" the hard one; "ć/ś/ź/ń" are soft: ць/сь/
# зь/нь, without the soft sign before another consonant, as the official spelling writes it).
_LAC_MARK_RE = re.compile("[ŭŬłŁčČšŠžŽćĆśŚźŹńŃ]")
_LAC_LATIN_RE = re.compile("[A-Za-z]")
_LAC_CYR_RE = re.compile("[\u0400-\u04ff]")
_LAC_VOWELS = "aeiouy"
_LAC_IOT = {"a": "я", "e": "е", "o": "ё", "u": "ю"}
_LAC_PLAIN = {
    "a": "а", "b": "б", "c": "ц", "č": "ч", "d": "д", "e": "э", "f": "ф", "g": "г", "h": "г",
    "i": "і", "k": "к", "ł": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
    "š": "ш", "t": "т", "u": "у", "ŭ": "ў", "v": "в", "w": "в", "y": "ы", "z": "з", "ž": "ж",
    "j": "й", "x": "кс", "q": "к",
}  # fmt: skip
_LAC_SOFT = {"ć": "ц", "ś": "с", "ź": "з", "ń": "н", "l": "л"}


def is_lacinka(text: str) -> bool:
    """Mostly Latin letters and at least two Łacinka-only letters (ŭ, ł, č, ś ...)."""
    # (fixed internal patterns in stdlib `re`: a C scan, no Python loop per character)
    marks = len(_LAC_MARK_RE.findall(text))
    if marks < 2:
        return False
    latin = marks + len(_LAC_LATIN_RE.findall(text))
    return latin > 3 * len(_LAC_CYR_RE.findall(text))


def lacinka_to_cyrillic(text: str) -> str:
    """Belarusian Łacinka to Cyrillic, keeping case and every non-letter as it is (the
    Cyrillic text has the same words, so a sentence's evidence reads like the original)."""
    out: list[str] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        low = ch.lower()
        up = ch != low
        nxt = text[i + 1].lower() if i + 1 < n else ""
        prev = text[i - 1].lower() if i > 0 else ""
        if low == "c" and nxt == "h":
            res, i = "х", i + 2
        elif (
            low in "ij"
            and nxt in _LAC_IOT
            and (low == "j" or (prev.isalpha() and prev not in _LAC_VOWELS))
        ):
            # "ia" after a consonant, "ja" anywhere: one iotated vowel
            res, i = _LAC_IOT[nxt], i + 2
        elif low == "l" and nxt in _LAC_IOT:
            res, i = "л" + _LAC_IOT[nxt], i + 2
        elif low == "l" and nxt == "i":
            res, i = "л", i + 1
        elif low in _LAC_SOFT:
            soft_next = nxt.isalpha() and nxt not in _LAC_VOWELS
            res, i = _LAC_SOFT[low] + ("" if soft_next else "ь"), i + 1
        else:
            res, i = _LAC_PLAIN.get(low, ch if not up else low), i + 1
            if res == low and not low.isalpha():
                res = ch
        out.append(res[:1].upper() + res[1:] if up else res)
    return "".join(out)
