"""Admin rules: a small query language on top of the built-in events (see rules/SYNTAX.md).

    kind:pardon country:BY min_count:10
    "Statkevich" OR "Статкевич"
    kind:sanctions direction:lifted -"proposed" regex:/belavia|белавиа/i
    change:prisoner_count source:Viasna by>=10

`parse_rule` turns a spec into an immutable `AdminRule` (or raises `RuleError` naming the
offending character); `Matcher` evaluates the built-in packs plus many admin rules per item
with one pass for all their text terms (rules/atoms.py); `change_alert` and `backtest` are pure helpers.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from releasewatch.errors import RuleError
from releasewatch.models import KINDS, Event, Evidence
from rules import engine as builtin_engine
from rules import evaluate as builtin_evaluate
from rules.atoms import Presence
from rules.text import RE2_LOG_ERRORS, clean, has

MAX_SPEC_LEN = 1000
MAX_TERMS = 50
MAX_DEPTH = 20
MAX_REGEX_LEN = 400
MAX_PROGRAM_SIZE = 5000  # RE2 program instructions per admin regex
REGEX_MAX_MEM = 1 << 20  # bytes RE2 may use for one admin regex

FIELDS = (
    "kind",
    "country",
    "direction",
    "source",
    "lang",
    "by",
    "target",
    "qualifier",
    "min_count",
    "max_count",
)
_QUALIFIERS = ("about", "over", "under", "exactly")
_DIRECTIONS = ("lifted", "imposed")
_RULE_KINDS = (*KINDS, "mention")


# --------------------------------------------------------------------------- AST
@dataclass(frozen=True, slots=True)
class Phrase:
    text: str

    def render(self) -> str:
        return '"' + self.text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True, slots=True)
class Regex:
    pattern: str
    flags: str  # "" or "i"

    def render(self) -> str:
        return f"regex:/{self.pattern}/{self.flags}"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value: str | int

    def render(self) -> str:
        v = self.value
        if isinstance(v, str) and (not v or any(ch.isspace() or ch in '()"' for ch in v)):
            v = Phrase(v).render()
        return f"{self.name}:{v}"


@dataclass(frozen=True, slots=True)
class Not:
    item: Node

    def render(self) -> str:
        inner = self.item.render()
        return "-" + (f"({inner})" if isinstance(self.item, (And, Or)) else inner)


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]

    def render(self) -> str:
        return " ".join(f"({i.render()})" if isinstance(i, Or) else i.render() for i in self.items)


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]

    def render(self) -> str:
        return " OR ".join(
            f"({i.render()})" if isinstance(i, And) else i.render() for i in self.items
        )


Node = Phrase | Regex | Field | Not | And | Or


@dataclass(frozen=True, slots=True)
class ChangeSpec:
    kind: str
    filters: tuple[Field, ...]
    by: int

    def render(self) -> str:
        parts = [f"change:{self.kind}", *(f.render() for f in self.filters), f"by>={self.by}"]
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class AdminRule:
    """A parsed admin rule: either a filter expression or a change rule."""

    spec: str
    expr: Node | None = None
    change: ChangeSpec | None = None

    @property
    def is_change(self) -> bool:
        return self.change is not None

    def normalised(self) -> str:
        """Canonical text (echoed back to the admin; parses to an equal rule)."""
        if self.change is not None:
            return self.change.render()
        assert self.expr is not None
        return self.expr.render()

    def terms(self) -> tuple[Phrase | Regex, ...]:
        return tuple(_walk(self.expr, (Phrase, Regex))) if self.expr is not None else ()

    def fields(self) -> tuple[Field, ...]:
        return tuple(_walk(self.expr, (Field,))) if self.expr is not None else ()

    def required_kinds(self) -> frozenset[str] | None:
        """Kinds an event must have for this rule to pass (None: any kind)."""
        return _required_kinds(self.expr) if self.expr is not None else None


def _walk(node: Node | None, types: tuple[type, ...]) -> Iterable[Any]:
    if node is None:
        return
    if isinstance(node, types):
        yield node
    if isinstance(node, (And, Or)):
        for i in node.items:
            yield from _walk(i, types)
    elif isinstance(node, Not):
        yield from _walk(node.item, types)


def _required_kinds(node: Node) -> frozenset[str] | None:
    if isinstance(node, Field) and node.name == "kind":
        return frozenset([str(node.value)])
    if isinstance(node, And):
        found = [k for k in (_required_kinds(i) for i in node.items) if k is not None]
        if found:
            out = found[0]
            for k in found[1:]:
                out = out & k
            return out
        return None
    if isinstance(node, Or):
        parts = [_required_kinds(i) for i in node.items]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*parts)  # type: ignore[arg-type]
    return None


# ------------------------------------------------------------------------ tokens
@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "(" ")" "-" OR AND NOT phrase regex field word change by
    value: Any
    pos: int


def _tokenize(spec: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(spec)
    while i < n:
        ch = spec[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            toks.append(_Tok(ch, ch, i))
            i += 1
            continue
        if ch == "-" and i + 1 < n and not spec[i + 1].isspace():
            toks.append(_Tok("-", "-", i))
            i += 1
            continue
        if ch == '"':
            j, buf = i + 1, []
            while j < n and spec[j] != '"':
                if spec[j] == "\\" and j + 1 < n:
                    j += 1
                buf.append(spec[j])
                j += 1
            if j >= n:
                raise RuleError("unterminated quoted phrase", position=i)
            text = "".join(buf)
            if not text.strip():
                raise RuleError("empty quoted phrase", position=i)
            toks.append(_Tok("phrase", text, i))
            i = j + 1
            continue
        if spec.startswith("regex:", i):
            j = i + len("regex:")
            if j >= n or spec[j] != "/":
                raise RuleError(
                    "regex must be written regex:/pattern/ or regex:/pattern/i", position=j
                )
            k, buf = j + 1, []
            while k < n and spec[k] != "/":
                if spec[k] == "\\" and k + 1 < n:
                    if spec[k + 1] == "/":
                        k += 1  # "\/" stands for "/"
                    else:
                        buf.append(spec[k])
                        k += 1
                buf.append(spec[k])
                k += 1
            if k >= n:
                raise RuleError("unterminated regex (missing closing '/')", position=j)
            k += 1
            flags = ""
            while k < n and not spec[k].isspace() and spec[k] not in "()":
                if spec[k] != "i" or "i" in flags:
                    raise RuleError(
                        f"unknown regex flag '{spec[k]}' (only 'i' is allowed)", position=k
                    )
                flags += spec[k]
                k += 1
            toks.append(_Tok("regex", ("".join(buf), flags, j + 1), i))
            i = k
            continue
        j = i
        while j < n and not spec[j].isspace() and spec[j] not in '()"':
            j += 1
        word = spec[i:j]
        if word in ("OR", "AND", "NOT"):
            toks.append(_Tok(word, word, i))
        elif word.startswith("by>="):
            toks.append(_Tok("by", word[4:], i))
        elif ":" in word:
            name, _, value = word.partition(":")
            if name == "change":
                toks.append(_Tok("change", value, i))
            else:
                if name not in FIELDS:
                    raise RuleError(
                        f"unknown field '{name}' (known: {', '.join(FIELDS)}, regex, change)",
                        position=i,
                    )
                if not value:
                    # value may be a quoted phrase right after the colon: source:"Foro Penal"
                    if j < n and spec[j] == '"':
                        end = spec.find('"', j + 1)
                        if end < 0:
                            raise RuleError("unterminated quoted value", position=j)
                        value = spec[j + 1 : end]
                        j = end + 1
                    else:
                        raise RuleError(f"field '{name}' needs a value", position=i + len(name) + 1)
                toks.append(_Tok("field", (name, value, i + len(name) + 1), i))
        else:
            toks.append(_Tok("word", word, i))
        i = j
    return toks


def _field(name: str, value: str, pos: int) -> Field:
    v = value.strip()
    if name == "kind":
        if v.lower() not in _RULE_KINDS:
            raise RuleError(f"unknown kind '{v}' (known: {', '.join(_RULE_KINDS)})", position=pos)
        return Field(name, v.lower())
    if name == "direction":
        if v.lower() not in _DIRECTIONS:
            raise RuleError("direction must be 'lifted' or 'imposed'", position=pos)
        return Field(name, v.lower())
    if name == "qualifier":
        if v.lower() not in _QUALIFIERS:
            raise RuleError(f"qualifier must be one of {', '.join(_QUALIFIERS)}", position=pos)
        return Field(name, v.lower())
    if name in ("country", "lang"):
        if len(v) != 2 or not v.isalpha():
            raise RuleError(f"{name} must be a two-letter code", position=pos)
        return Field(name, v.upper() if name == "country" else v.lower())
    if name in ("min_count", "max_count"):
        if not v.isdigit() or len(v) > 9:
            raise RuleError(f"{name} must be a whole number", position=pos)
        return Field(name, int(v))
    return Field(name, v)


def _compile_user_regex(pattern: str, flags: str, pos: int) -> Any:
    if not pattern:
        raise RuleError("empty regex", position=pos)
    if len(pattern) > MAX_REGEX_LEN:
        raise RuleError(f"regex longer than {MAX_REGEX_LEN} characters", position=pos)
    opts = re2.Options()
    opts.log_errors = False
    opts.max_mem = REGEX_MAX_MEM
    try:
        rx = re2.compile(("(?i)" if "i" in flags else "") + pattern, opts)
    except re2.error as exc:
        msg = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise RuleError(f"invalid regex: {msg}", position=pos) from None
    if rx.programsize > MAX_PROGRAM_SIZE:
        raise RuleError(
            f"regex too large ({rx.programsize} > {MAX_PROGRAM_SIZE} RE2 instructions)",
            position=pos,
        )
    return rx


class _Parser:
    def __init__(self, spec: str, toks: list[_Tok]) -> None:
        self.spec, self.toks, self.i = spec, toks, 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expr(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            t = self.peek()
            raise RuleError("expression nested too deeply", position=t.pos if t else len(self.spec))
        items = [self.conj(depth)]
        while (t := self.peek()) is not None and t.kind == "OR":
            self.take()
            if self.peek() is None or self.peek().kind in (")", "OR", "AND"):  # type: ignore[union-attr]
                raise RuleError("OR needs a term on both sides", position=t.pos)
            items.append(self.conj(depth))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def conj(self, depth: int) -> Node:
        items = [self.unary(depth)]
        while (t := self.peek()) is not None and t.kind not in ("OR", ")"):
            if t.kind == "AND":
                self.take()
                if self.peek() is None or self.peek().kind in (")", "OR", "AND"):  # type: ignore[union-attr]
                    raise RuleError("AND needs a term on both sides", position=t.pos)
            items.append(self.unary(depth))
        flat: list[Node] = []
        for it in items:
            flat.extend(it.items if isinstance(it, And) else (it,))
        return flat[0] if len(flat) == 1 else And(tuple(flat))

    def unary(self, depth: int) -> Node:
        t = self.peek()
        if t is None:
            raise RuleError("rule ends where a term was expected", position=len(self.spec))
        if t.kind in ("-", "NOT"):
            self.take()
            if self.peek() is None:
                raise RuleError("nothing to negate", position=t.pos)
            return Not(self.atom(depth))
        return self.atom(depth)

    def atom(self, depth: int) -> Node:
        t = self.take()
        if t.kind == "(":
            node = self.expr(depth + 1)
            close = self.peek()
            if close is None or close.kind != ")":
                raise RuleError("missing ')'", position=t.pos)
            self.take()
            return node
        if t.kind == "phrase":
            return Phrase(t.value)
        if t.kind == "word":
            return Phrase(t.value)
        if t.kind == "regex":
            pattern, flags, ppos = t.value
            _compile_user_regex(pattern, flags, ppos)
            return Regex(pattern, flags)
        if t.kind == "field":
            name, value, vpos = t.value
            return _field(name, value, vpos)
        if t.kind == ")":
            raise RuleError("unexpected ')'", position=t.pos)
        if t.kind in ("change", "by"):
            raise RuleError(
                "change rules are written alone: change:<kind> [filters] by>=N", position=t.pos
            )
        raise RuleError(f"unexpected '{t.value}'", position=t.pos)


def _has_positive(node: Node, negated: bool = False) -> bool:
    if isinstance(node, (Phrase, Regex, Field)):
        return not negated
    if isinstance(node, Not):
        return _has_positive(node.item, not negated)
    if isinstance(node, And):
        return any(_has_positive(i, negated) for i in node.items)
    return all(_has_positive(i, negated) for i in node.items)


def parse_rule(spec: str) -> AdminRule:
    """Parse an admin rule; raise RuleError (with the character position) when invalid."""
    if not isinstance(spec, str) or not spec.strip():
        raise RuleError("empty rule", position=0)
    if len(spec) > MAX_SPEC_LEN:
        raise RuleError(f"rule longer than {MAX_SPEC_LEN} characters", position=MAX_SPEC_LEN)
    toks = _tokenize(spec)
    if toks and toks[0].kind == "change":
        return _parse_change(spec, toks)
    for t in toks:
        if t.kind in ("change", "by"):
            raise RuleError("change rules must start with change:<kind>", position=t.pos)
    parser = _Parser(spec, toks)
    expr = parser.expr(0)
    if parser.peek() is not None:
        t = parser.peek()
        raise RuleError(f"unexpected '{t.value}'", position=t.pos)  # type: ignore[union-attr]
    n_terms = sum(1 for _ in _walk(expr, (Phrase, Regex, Field)))
    if n_terms > MAX_TERMS:
        raise RuleError(f"too many terms ({n_terms} > {MAX_TERMS})", position=0)
    if not _has_positive(expr):
        raise RuleError(
            "a rule needs at least one positive term (it cannot only exclude)", position=0
        )
    return AdminRule(spec=spec, expr=expr)


def _parse_change(spec: str, toks: list[_Tok]) -> AdminRule:
    head = toks[0]
    kind = str(head.value).lower()
    if kind not in ("prisoner_count", "pardon"):
        raise RuleError(
            "change rules track counts: change:prisoner_count or change:pardon",
            position=head.pos + 7,
        )
    filters: list[Field] = []
    by: int | None = None
    for t in toks[1:]:
        if t.kind == "field":
            name, value, vpos = t.value
            if name not in ("source", "country"):
                raise RuleError(
                    "change rules accept only source: and country: filters", position=t.pos
                )
            filters.append(_field(name, value, vpos))
        elif t.kind == "by":
            if by is not None:
                raise RuleError("by>= given twice", position=t.pos)
            if not str(t.value).isdigit() or int(t.value) < 1 or len(str(t.value)) > 9:
                raise RuleError("by>= needs a positive whole number", position=t.pos + 4)
            by = int(t.value)
        else:
            raise RuleError(f"unexpected '{t.value}' in a change rule", position=t.pos)
    if by is None:
        raise RuleError("change rule needs a threshold, e.g. by>=10", position=len(spec))
    return AdminRule(spec=spec, change=ChangeSpec(kind, tuple(filters), by))


# ---------------------------------------------------------------------- matching
_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event) if f.name != "evidence")
_EVIDENCE_FIELDS = tuple(
    f.name for f in dataclasses.fields(Evidence) if f.name not in ("rule", "how")
)
# Positional copies (no per-call dict of field names) while the field order is the one known
# here; any other layout of the models falls back to copying by field name.
_EVENT_VALUES = operator.attrgetter(*_EVENT_FIELDS)
_EVENT_POSITIONAL = len(_EVENT_FIELDS) > 1 and [f.name for f in dataclasses.fields(Event)] == [
    *_EVENT_FIELDS,
    "evidence",
]
_EVIDENCE_POSITIONAL = [f.name for f in dataclasses.fields(Evidence)] == [
    "rule",
    "words",
    "sentence",
    "count_text",
    "how",
]


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule_id: str  # "builtin:pardon" or "admin:7"
    rule_name: str
    event: Event
    item: Any = dataclasses.field(default=None, compare=False, repr=False)  # set by backtest


@dataclass(frozen=True, slots=True)
class ChangeResult:
    rule: AdminRule
    previous: int
    current: int
    delta: int
    text: str  # "Viasna: 1,300 -> 1,177 (-123)"


def _phrase_pattern(text: str) -> str:
    # Unicode word edges (RE2's \b is ASCII-only); inner whitespace matches any run.
    parts = [re2.escape(p) for p in text.split()]
    return r"(?i)(?:^|[^\pL\pN])" + r"\s+".join(parts) + r"(?:[^\pL\pN]|$)"


@dataclass(frozen=True)
class _Compiled:
    rid: int
    name: str
    rule: AdminRule
    term_ids: dict[Phrase | Regex, int]
    kinds: frozenset[str] | None
    has_fields: bool
    pred: Any  # (hits, event | None, lang) -> bool, compiled from the expression
    normalised: str


def _compile_pred(node: Node, ids: dict[Any, int]) -> Any:
    """Turn the AST into one Python function, once, so matching does no type dispatch and
    makes one call per rule per event. The generated source holds only operators, names and
    the term ids; every rule value is bound by name (never pasted into the source)."""
    ns: dict[str, Any] = {"_field_ok": _field_ok}
    src = _pred_source(node, ids, ns)
    return eval(compile(f"lambda hits, e, lang: {src}", "<admin rule>", "eval"), ns)


def _pred_source(node: Node, ids: dict[Any, int], ns: dict[str, Any]) -> str:
    """Python expression for `node`, the same tests (and short-circuits) as the closures
    it replaces: a term is `id in hits`; a field compares the event (None: no event)."""
    if isinstance(node, (Phrase, Regex)):
        return f"({int(ids[node])} in hits)"
    if isinstance(node, Field):
        v = f"v{len(ns)}"
        ns[v] = node.value
        if node.name == "kind":
            return f"(e is not None and e.kind == {v})"
        if node.name == "direction":
            return f"(e is not None and e.direction == {v})"
        if node.name == "country":
            return f'(e is not None and (e.country or "").upper() == {v})'
        if node.name == "lang":
            return f"(lang == {v})"
        if node.name == "min_count":
            return f"(e is not None and e.count is not None and e.count >= {v})"
        ns[v] = node
        return f"_field_ok({v}, e, lang)"
    if isinstance(node, Not):
        return f"(not {_pred_source(node.item, ids, ns)})"
    parts = [_pred_source(i, ids, ns) for i in node.items]
    if not parts:
        return "True" if isinstance(node, And) else "False"  # all(()) / any(())
    return "(" + (" and " if isinstance(node, And) else " or ").join(parts) + ")"


class Matcher:
    """Built-in packs + admin rules. Immutable; `evaluate` is pure and thread-safe."""

    def __init__(self, admin_rules: Sequence[tuple[int, str, AdminRule]] = ()) -> None:
        opts = re2.Options()
        opts.log_errors = RE2_LOG_ERRORS
        opts.max_mem = 64 << 20
        self._presence: Presence | None = None
        self._term_rx: list[Any] = []
        term_index: dict[Phrase | Regex, int] = {}
        compiled: list[_Compiled] = []
        changes: list[tuple[int, str, AdminRule]] = []
        patterns: list[str] = []
        for rid, name, rule in admin_rules:
            if rule.is_change:
                changes.append((rid, name, rule))
                continue
            ids: dict[Phrase | Regex, int] = {}
            for term in rule.terms():
                if term not in term_index:
                    if isinstance(term, Phrase):
                        pat = _phrase_pattern(term.text)
                    else:
                        pat = ("(?i)" if "i" in term.flags else "") + term.pattern
                    term_index[term] = len(patterns)
                    patterns.append(pat)
                ids[term] = term_index[term]
            assert rule.expr is not None
            compiled.append(
                _Compiled(
                    rid,
                    name,
                    rule,
                    ids,
                    rule.required_kinds(),
                    any(f.name != "lang" for f in rule.fields()),  # lang is an item field
                    _compile_pred(rule.expr, ids),
                    rule.normalised(),
                )
            )
        if patterns:
            # every text term of every rule in one Aho-Corasick automaton of literal atoms
            # (rules/atoms.py): one pass per item names the terms that can match, and only
            # those are searched (an RE2 Set of them all cost ~30 us per item never seen
            # before, as its DFA is built from the text it meets)
            self._presence = Presence(patterns)
            # per-term regexes: compiled on first use (start-up), with the same options
            self._term_pats = patterns
            self._term_opts = opts
            self._term_rx = [None] * len(patterns)
        self._rules = tuple(compiled)
        self._by_kind: dict[str, tuple[_Compiled, ...]] = {}
        self._any_kind = tuple(r for r in compiled if r.has_fields and r.kinds is None)
        for k in _RULE_KINDS:
            self._by_kind[k] = tuple(r for r in compiled if r.kinds is not None and k in r.kinds)
        self._text_only = tuple(r for r in compiled if not r.has_fields)
        # inverted index: text term -> text-only rules using it (only those can fire)
        by_term: dict[int, list[_Compiled]] = {}
        for r in self._text_only:
            for i in set(r.term_ids.values()):
                by_term.setdefault(i, []).append(r)
        self._text_by_term = {i: tuple(rs) for i, rs in by_term.items()}
        self.change_rules: tuple[tuple[int, str, AdminRule], ...] = tuple(changes)
        self._cand_cache: dict[frozenset[str], tuple[_Compiled, ...]] = {}

    def evaluate(self, item: Any) -> list[RuleMatch]:
        title = clean(getattr(item, "title", "") or "")
        summary = clean(getattr(item, "summary", "") or "")
        lang = (getattr(item, "lang", None) or "").lower()
        text = f"{title}\n{summary}"
        encoded = text.encode()  # one encoding for the engine's item scans and the rules' terms
        events = builtin_engine().evaluate_clean(
            title, summary, lang, getattr(item, "published", None), encoded
        )
        out = [RuleMatch(f"builtin:{e.kind}", e.kind, e) for e in events]
        if not self._rules:
            return out
        hits = self._hits(text, encoded)
        if events:
            for r in self._candidates(frozenset(e.kind for e in events)):
                for e in events:
                    if r.pred(hits, e, lang):
                        out.append(self._match(r, e))
        if hits:
            text_rules: dict[int, _Compiled] = {}
            for i in hits:
                for r in self._text_by_term.get(i, ()):
                    text_rules[r.rid] = r
            for rid in sorted(text_rules):
                r = text_rules[rid]
                if not r.pred(hits, None, lang):
                    continue
                if events:
                    out.extend(self._match(r, e) for e in events)
                    continue
                words = tuple(self._matched_words(r, hits, text))
                out.append(
                    RuleMatch(
                        f"admin:{r.rid}",
                        r.name,
                        Event(
                            kind="mention",
                            evidence=Evidence(
                                rule=f"admin:{r.rid}",
                                words=words,
                                sentence=_sentence_of(text, words),
                                how=f"admin rule matched: {r.normalised}",
                            ),
                        ),
                    )
                )
        return out

    def _term(self, i: int) -> Any:
        rx = self._term_rx[i]
        if rx is None:
            rx = self._term_rx[i] = re2.compile(self._term_pats[i], self._term_opts)
        return rx

    def _hits(self, text: str, encoded: bytes) -> frozenset[int]:
        """Indexes of the text terms that match in the item."""
        if self._presence is None:
            return frozenset()
        cands = self._presence.candidates(text)
        if not cands:
            return cands
        return frozenset(i for i in cands if has(self._term(i), text, encoded))

    def _candidates(self, kinds: frozenset[str]) -> tuple[_Compiled, ...]:
        """Rules with event fields that can fire for these event kinds, in rule-id order
        (memoised per kind set: there are only a few)."""
        out = self._cand_cache.get(kinds)
        if out is None:
            cands: dict[int, _Compiled] = {r.rid: r for r in self._any_kind}
            for k in kinds:
                for r in self._by_kind.get(k, ()):
                    cands[r.rid] = r
            out = self._cand_cache[kinds] = tuple(cands[rid] for rid in sorted(cands))
        return out

    def _match(self, r: _Compiled, e: Event) -> RuleMatch:
        ev = e.evidence
        rule_id = f"admin:{r.rid}"
        if ev is not None:
            how = f"{ev.how}; admin rule: {r.normalised}"
            if _EVIDENCE_POSITIONAL:
                ev = Evidence(rule_id, ev.words, ev.sentence, ev.count_text, how)
            else:
                ev = Evidence(
                    **{n: getattr(ev, n) for n in _EVIDENCE_FIELDS}, rule=rule_id, how=how
                )
        if _EVENT_POSITIONAL:
            return RuleMatch(rule_id, r.name, Event(*_EVENT_VALUES(e), ev))
        # copy by field names: keeps any field other modules add to Event, faster than replace()
        return RuleMatch(
            rule_id, r.name, Event(**{n: getattr(e, n) for n in _EVENT_FIELDS}, evidence=ev)
        )

    def _matched_words(self, r: _Compiled, hits: frozenset[int], text: str) -> Iterable[str]:
        for _term, i in r.term_ids.items():
            if i in hits:
                m = self._term(i).search(text)
                if m:
                    yield m.group(0).strip(" \n\t.,;:!?\"'()«»")


def _sentence_of(text: str, words: tuple[str, ...]) -> str:
    for line in text.split("\n"):
        for w in words:
            if w and w in line:
                return line[:500]
    return text[:500]


def _field_ok(f: Field, e: Event | None, lang: str) -> bool:
    if f.name == "lang":
        return lang == f.value
    if e is None:
        return False
    if f.name == "min_count":
        return e.count is not None and e.count >= int(f.value)
    if f.name == "max_count":
        return e.count is not None and e.count <= int(f.value)
    actual = getattr(e, f.name, None)
    if actual is None:
        return False
    if f.name in ("by", "target", "source"):
        return str(f.value).casefold() in str(actual).casefold()
    return str(actual).casefold() == str(f.value).casefold()


def change_alert(rule: AdminRule, previous: int | None, event: Event) -> ChangeResult | None:
    """Alert when a tracked count moved by at least the rule's threshold (pure)."""
    spec = rule.change
    if spec is None or event.kind != spec.kind or event.count is None or previous is None:
        return None
    for f in spec.filters:
        if not _field_ok(f, event, ""):
            return None
    delta = event.count - previous
    if abs(delta) < spec.by:
        return None
    label = event.source or next(
        (str(f.value) for f in spec.filters if f.name == "source"), spec.kind
    )
    text = f"{label}: {previous:,} -> {event.count:,} ({delta:+,})"
    return ChangeResult(rule, previous, event.count, delta, text)


def backtest(rule: AdminRule, items: Iterable[Any]) -> list[RuleMatch]:
    """What `rule` would have fired on `items` (in order). Change rules track the count
    from item to item and report the events that moved it by the threshold."""
    if rule.is_change:
        out: list[RuleMatch] = []
        previous: int | None = None
        for item in items:
            for e in builtin_evaluate(item):
                if rule.change is None or e.kind != rule.change.kind or e.count is None:
                    continue
                if not all(_field_ok(f, e, "") for f in rule.change.filters):
                    continue
                res = change_alert(rule, previous, e)
                if res is not None:
                    out.append(RuleMatch("admin:backtest", res.text, e, item))
                previous = e.count
        return out
    matcher = Matcher([(0, "backtest", rule)])
    return [
        dataclasses.replace(m, item=item)
        for item in items
        for m in matcher.evaluate(item)
        if m.rule_id == "admin:0"
    ]
