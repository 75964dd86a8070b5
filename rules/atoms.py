"""Literal atoms of a pattern, and a scan that finds which patterns can match in a text.

RE2 builds its DFA states lazily, from the text it meets: a regex or Set costs far more on
text it has never seen (each item of a feed, once) than on text it has (benchmarks/
rules_speed.py, the 'at first sight' rows). An Aho-Corasick automaton is built whole, before
any text, so its cost per byte is the same on any text. `Presence` keeps, for each pattern, a
few literal strings ("atoms") one of which every match of the pattern contains, all in one
automaton: one pass over a text gives the patterns that *can* match there, a superset of
those that do. The engine only uses that answer to skip work (a pattern that cannot match is
not searched; one that can is searched by its own regex), so the superset changes no result.

The atoms come from the pattern's syntax tree (RE2's FilteredRE2 does the same in C++, but
the Python binding does not expose it). The tree is the standard library's regex parser's,
after the RE2-only escapes are rewritten: RE2 and Python read the constructs of our patterns
(literals, classes, groups, alternation, repeats, anchors) the same way. A pattern the parser
refuses gets no atoms and is a candidate in every text: slower, never wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

try:  # the standard library's regex parser (Python 3.11+: re._parser)
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - a Python without it: no atoms (see atoms())
    _c = _parser = None  # type: ignore[assignment]

# At most this many strings in an exact set (a cross product grows fast): past it, the part
# is reduced to its best atoms.
_EXACT_MAX = 16
# A class of at most this many letters ([ае], [iíì]) is spelt out; a wider one is "any".
_CLASS_MAX = 8

# A pattern with a one-letter atom ("e", "и": a conjunction's lexicon) is a candidate in
# every text anyway: it is one without taking a hit per letter of the text.
_ATOM_MIN = 2

_X_ESCAPE = re.compile(r"\\x\{([0-9A-Fa-f]+)\}")
_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")


class _Exact:
    """The part matches exactly one of `s` (casefolded), "" included."""

    __slots__ = ("s",)

    def __init__(self, s: Iterable[str]) -> None:
        self.s = frozenset(s)


class _Atoms:
    """Every match of the part contains one of `s` (non-empty, casefolded)."""

    __slots__ = ("s",)

    def __init__(self, s: Iterable[str]) -> None:
        self.s = frozenset(s)


_Info = _Exact | _Atoms | None  # None: nothing known (the part may match any text)


def _reduce(info: _Info) -> _Atoms | None:
    if info is None or isinstance(info, _Atoms):
        return info
    if not info.s or "" in info.s:
        return None  # the part may match the empty string: no atom
    return _Atoms(info.s)


def _selectivity(a: _Atoms) -> tuple[int, int]:
    # the shortest atom says how often the set will hit ordinary text; then fewer is better
    return (min(len(x) for x in a.s), -len(a.s))


def _class(items: Sequence[tuple[Any, Any]]) -> _Info:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av).casefold())
        elif op is _c.RANGE and av[1] - av[0] < _CLASS_MAX:
            out.update(chr(ch).casefold() for ch in range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category (\s, \w), a wide range
        if len(out) > _CLASS_MAX:
            return None
    return _Exact(out)


def _node(op: Any, av: Any) -> _Info:
    if op is _c.LITERAL:
        return _Exact({chr(av).casefold()})
    if op is _c.IN:
        return _class(av)
    if op is _c.AT:
        return _Exact({""})  # ^, $, \b: a position, no text
    if op is _c.SUBPATTERN:
        return _seq(av[-1])
    if op is _c.BRANCH:
        kids = [_seq(branch) for branch in av[1]]
        if all(isinstance(k, _Exact) for k in kids):
            union = frozenset().union(*(k.s for k in kids if isinstance(k, _Exact)))
            if len(union) <= _EXACT_MAX:
                return _Exact(union)
        reduced = [_reduce(k) for k in kids]
        if any(r is None for r in reduced):
            return None  # one branch may match without any atom
        return _Atoms(frozenset().union(*(r.s for r in reduced if r is not None)))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, sub = av
        inner = _seq(sub)
        if lo == 0:
            if hi == 1 and isinstance(inner, _Exact) and len(inner.s) < _EXACT_MAX:
                return _Exact(inner.s | {""})  # "prisoners?"
            return None  # x*, x{0,3}: any text, or none
        if lo == hi and isinstance(inner, _Exact):
            cur = frozenset({""})
            for _ in range(lo):
                cur = frozenset(a + b for a in cur for b in inner.s)
                if len(cur) > _EXACT_MAX:
                    return _reduce(inner)
            return _Exact(cur)
        return _reduce(inner)  # x+, x{2,5}: every match holds a match of x
    return None  # ., negated literals, look-arounds, back references: nothing known


def _seq(items: Iterable[tuple[Any, Any]]) -> _Info:
    """A concatenation: exact while every part is (and the product stays small); else the
    most selective atoms of any part (a match holds a match of each part)."""
    cands: list[_Atoms] = []
    cur: frozenset[str] = frozenset({""})
    exact = True

    def flush() -> None:
        if cur != {""}:
            r = _reduce(_Exact(cur))
            if r is not None:
                cands.append(r)

    for op, av in items:
        info = _node(op, av)
        if isinstance(info, _Exact):
            if "" in info.s and len(info.s) == 1:
                continue  # an anchor
            product = frozenset(a + b for a in cur for b in info.s)
            if len(product) <= _EXACT_MAX:
                cur = product
                continue
            flush()
            cur, exact = frozenset({""}), False
            r = _reduce(info)
            if r is not None:
                cands.append(r)
            continue
        flush()
        cur, exact = frozenset({""}), False
        if info is not None:
            cands.append(info)
    if exact:
        return _Exact(cur)
    flush()
    return max(cands, key=_selectivity) if cands else None


def _to_python(pattern: str) -> str:
    # RE2-only syntax the parser does not know, rewritten to what it reads the same way for
    # atoms: \x{HHHH} is one character; a Unicode property class (\pL, \p{Lu}) is wide, as \w
    # is (inside a class as well); inline flags are dropped (atoms are casefolded anyway)
    pattern = _X_ESCAPE.sub(lambda m: f"\\U{int(m.group(1), 16):08X}", pattern)
    pattern = _PROPERTY.sub(r"\\w", pattern)
    return pattern.replace("(?i)", "").replace("(?-i:", "(?:")


def atoms(pattern: str) -> frozenset[str] | None:
    """Casefolded literal strings one of which every match of `pattern` (RE2 syntax)
    contains; None when no such set is known (the pattern may match without any)."""
    if _parser is None or "[:" in pattern:
        # (a POSIX class, [[:alpha:]], is one class in RE2 and a few letters to the parser)
        return None
    try:
        tree = _parser.parse(_to_python(pattern))
    except (re.error, ValueError, OverflowError, RecursionError):
        return None
    reduced = _reduce(_seq(list(tree)))
    return None if reduced is None else reduced.s


class Presence:
    """Which of a list of patterns can match in a text: one Aho-Corasick pass over the
    casefolded text (a superset of the patterns that match; see the module's docstring)."""

    __slots__ = ("_always", "_automaton", "patterns")

    def __init__(self, patterns: Sequence[str]) -> None:
        by_atom: dict[str, set[int]] = {}
        always: set[int] = set()
        for i, pattern in enumerate(patterns):
            found = atoms(pattern)
            if found is None or min(map(len, found)) < _ATOM_MIN:
                always.add(i)
                continue
            for atom in found:
                if not any(a != atom and a in atom for a in found):
                    # ("pardons" is found wherever "pardon" is)
                    by_atom.setdefault(atom, set()).add(i)
        automaton = ahocorasick.Automaton()
        for atom, ids in by_atom.items():
            automaton.add_word(atom, frozenset(ids))
        if by_atom:
            automaton.make_automaton()
        self._automaton = automaton if by_atom else None
        self._always = frozenset(always)  # patterns without atoms: a candidate everywhere
        self.patterns = tuple(patterns)

    @property
    def always(self) -> frozenset[int]:
        return self._always

    def candidates(self, text: str) -> frozenset[int]:
        """Indexes of the patterns that can match somewhere in `text`."""
        if self._automaton is None:
            return self._always
        out = set(self._always)
        for _end, ids in self._automaton.iter(text.casefold()):
            out |= ids
        return frozenset(out)

    def any(self, text: str) -> bool:
        """Can any of the patterns match in `text`? (Stops at the first atom.)"""
        if self._always:
            return True
        if self._automaton is None:
            return False
        return next(self._automaton.iter(text.casefold()), None) is not None
