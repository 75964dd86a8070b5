"""Admin rules: parsing, normalised form, errors with positions, RE2 safety, Matcher semantics,
change rules and backtest."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from releasewatch.errors import RuleError
from releasewatch.models import Event
from rules.admin import (
    MAX_SPEC_LEN,
    Matcher,
    RuleMatch,
    backtest,
    change_alert,
    parse_rule,
)

PUB = datetime(2025, 6, 1, tzinfo=UTC)


def item(title: str, summary: str = "", lang: str = "en") -> SimpleNamespace:
    return SimpleNamespace(title=title, summary=summary, lang=lang, published=PUB)


# ----------------------------------------------------------------------- parsing
VALID = [
    ("kind:pardon country:by min_count:10", "kind:pardon country:BY min_count:10"),
    ('"Statkevich" OR "Статкевич"', '"Statkevich" OR "Статкевич"'),
    ("Statkevich OR Статкевич", '"Statkevich" OR "Статкевич"'),
    ('kind:sanctions  direction:LIFTED -"proposed"', 'kind:sanctions direction:lifted -"proposed"'),
    ('("a b" OR c) AND kind:pardon', '("a b" OR "c") kind:pardon'),
    ("kind:pardon AND (country:BY OR country:RU)", "kind:pardon (country:BY OR country:RU)"),
    ("regex:/belavia|белавиа/i kind:sanctions", "regex:/belavia|белавиа/i kind:sanctions"),
    ('source:"Foro Penal" kind:prisoner_count', 'source:"Foro Penal" kind:prisoner_count'),
    ('NOT "turkey" kind:pardon lang:EN', '-"turkey" kind:pardon lang:en'),
    ("change:prisoner_count source:Viasna by>=10", "change:prisoner_count source:Viasna by>=10"),
    ('"say \\"hi\\""', '"say \\"hi\\""'),
]


@pytest.mark.parametrize(("spec", "normalised"), VALID)
def test_valid_rules_normalise(spec: str, normalised: str) -> None:
    rule = parse_rule(spec)
    assert rule.normalised() == normalised
    # the normalised text is itself a valid rule with the same meaning
    assert parse_rule(rule.normalised()).normalised() == normalised


INVALID = [
    ("kind:parole", 5, "unknown kind"),
    ('"abc', 0, "unterminated"),
    ("regex:/(a/", 7, "invalid regex"),
    ("foo:bar", 0, "unknown field"),
    ("Statkevich OR", 11, "OR needs"),
    ('("a" "b"', 0, "missing ')'"),
    ('"a")', 3, "unexpected ')'"),
    ('-"x"', 0, "positive term"),
    ("regex:/a{1000}{1000}/", 7, "invalid regex"),
    ("regex:/abc/x", 11, "unknown regex flag"),
    ("min_count:ten kind:pardon", 10, "whole number"),
    ("country:BLR", 8, "two-letter"),
    ("direction:up kind:sanctions", 10, "lifted"),
    ("change:prisoner_count source:Viasna", 35, "threshold"),
    ("change:prisoner_count kind:pardon by>=5", 22, "only source"),
    ("kind:pardon by>=3", 12, "must start with change"),
    ('""', 0, "empty"),
    ("", 0, "empty rule"),
]


@pytest.mark.parametrize(("spec", "position", "fragment"), INVALID)
def test_invalid_rules_say_what_and_where(spec: str, position: int, fragment: str) -> None:
    with pytest.raises(RuleError) as exc:
        parse_rule(spec)
    assert exc.value.position == position
    assert fragment in str(exc.value)
    assert f"at character {position + 1}" in str(exc.value)


def test_spec_length_limit() -> None:
    with pytest.raises(RuleError, match="longer than"):
        parse_rule('"' + "x" * MAX_SPEC_LEN + '"')


def test_regex_program_size_limit() -> None:
    with pytest.raises(RuleError, match="too large"):
        parse_rule("regex:/(?:[a-zа-я]{1,50}x){1,19}/")


def test_rules_are_immutable() -> None:
    rule = parse_rule("kind:pardon")
    with pytest.raises(AttributeError):
        rule.spec = "x"  # type: ignore[misc]


def test_catastrophic_backtracking_pattern_is_linear_in_re2() -> None:
    # (a+)+$ takes exponential time in a backtracking engine on "aaaa...b"
    m = Matcher([(1, "evil", parse_rule("regex:/(a+)+$/"))])
    text = "a" * 50_000 + "b"
    start = time.perf_counter()
    matches = m.evaluate(item("x", text))
    elapsed = time.perf_counter() - start
    assert matches == []  # correct: the text does not end in "a"
    ok = m.evaluate(item("x", "a" * 50_000))
    assert [r.rule_id for r in ok] == ["admin:1"]
    assert elapsed < 5  # generous; a backtracking engine would not finish at all


# ---------------------------------------------------------------------- matching
def test_builtin_events_always_reported() -> None:
    out = Matcher().evaluate(item("Lukashenko pardons 32 prisoners"))
    assert [(m.rule_id, m.event.kind, m.event.count) for m in out] == [
        ("builtin:pardon", "pardon", 32)
    ]


def test_field_rule_matches_passing_events_only() -> None:
    m = Matcher(
        [
            (7, "big BY pardons", parse_rule("kind:pardon country:BY min_count:10")),
            (8, "huge", parse_rule("kind:pardon min_count:1000")),
            (9, "lifted", parse_rule("kind:sanctions direction:lifted")),
        ]
    )
    out = m.evaluate(
        item("Lukashenko pardons 32 prisoners", "The US lifted sanctions on Belavia in return.")
    )
    ids = sorted((r.rule_id, r.event.kind) for r in out)
    assert ("admin:7", "pardon") in ids
    assert ("admin:9", "sanctions") in ids
    assert all(r.rule_id != "admin:8" for r in out)
    admin7 = next(r for r in out if r.rule_id == "admin:7")
    assert isinstance(admin7, RuleMatch) and admin7.rule_name == "big BY pardons"
    assert admin7.event.evidence is not None and admin7.event.evidence.rule == "admin:7"


def test_text_terms_must_match_too() -> None:
    m = Matcher([(3, "statkevich pardon", parse_rule('kind:pardon ("Statkevich" OR "Статкевич")'))])
    assert [
        r.rule_id
        for r in m.evaluate(item("Лукашенко помиловал Статкевича и ещё 13 человек", lang="ru"))
    ].count("admin:3") == 0
    hit = m.evaluate(item("Лукашенко помиловал 14 человек", "Среди них Статкевич.", lang="ru"))
    assert [r.rule_id for r in hit].count("admin:3") == 1


def test_negated_phrase_excludes() -> None:
    m = Matcher([(4, "no potash", parse_rule('kind:sanctions -"potash"'))])
    assert not any(r.rule_id == "admin:4" for r in m.evaluate(item("US lifts sanctions on potash")))
    assert any(r.rule_id == "admin:4" for r in m.evaluate(item("US lifts sanctions on airline")))


def test_text_only_rule_gives_mention_without_builtin_events() -> None:
    m = Matcher([(5, "statkevich", parse_rule('"Statkevich" OR "Статкевич"'))])
    (r,) = m.evaluate(item("Statkevich seen in Minsk court", "No decision yet."))
    assert (r.rule_id, r.event.kind) == ("admin:5", "mention")
    assert r.event.evidence is not None and r.event.evidence.words == ("Statkevich",)
    assert "Statkevich" in r.event.evidence.sentence


def test_text_only_rule_yields_builtin_events_when_present() -> None:
    m = Matcher([(5, "statkevich", parse_rule('"Statkevich"'))])
    out = m.evaluate(item("Belarus frees Statkevich and 13 others"))
    assert [(r.rule_id, r.event.kind, r.event.count) for r in out] == [
        ("builtin:pardon", "pardon", 14),
        ("admin:5", "pardon", 14),
    ]


def test_phrase_matches_whole_words_in_any_script() -> None:
    m = Matcher([(6, "vyasna", parse_rule('"Вясна"'))])
    assert m.evaluate(item("Вясна паведаміла", lang="be"))[0].rule_id == "admin:6"
    assert m.evaluate(item("Вясначка паведаміла", lang="be")) == []


def test_lang_filter_and_regex() -> None:
    m = Matcher([(1, "ru belavia", parse_rule("regex:/белави\\w*/i lang:ru"))])
    assert m.evaluate(item("Белавиа возобновит рейсы", lang="ru"))[0].rule_id == "admin:1"
    assert m.evaluate(item("Белавиа возобновит рейсы", lang="be")) == []


def test_change_rules_do_not_match_items() -> None:
    rule = parse_rule("change:prisoner_count source:Viasna by>=10")
    m = Matcher([(2, "viasna moves", rule)])
    out = m.evaluate(item("Viasna counts 1,150 political prisoners"))
    assert [r.rule_id for r in out] == ["builtin:prisoner_count"]
    assert m.change_rules == ((2, "viasna moves", rule),)


def test_many_rules_evaluate_like_one() -> None:
    rules = [
        (i, f"r{i}", parse_rule(f'"word{i}" OR kind:pardon min_count:{i}')) for i in range(1, 101)
    ]
    m = Matcher(rules)
    out = m.evaluate(item("Lukashenko pardons 50 prisoners", "word77 appears"))
    ids = {r.rule_id for r in out}
    assert "admin:77" in ids and "admin:50" in ids and "admin:51" not in ids


# ------------------------------------------------------------------------ change
def test_change_alert_fires_on_threshold() -> None:
    rule = parse_rule("change:prisoner_count source:Viasna by>=10")
    ev = Event(kind="prisoner_count", count=1177, source="Viasna")
    res = change_alert(rule, 1300, ev)
    assert res is not None
    assert (res.previous, res.current, res.delta) == (1300, 1177, -123)
    assert res.text == "Viasna: 1,300 -> 1,177 (-123)"
    assert change_alert(rule, 1180, ev) is None  # moved by 3 < 10
    assert change_alert(rule, None, ev) is None  # no baseline yet
    assert (
        change_alert(rule, 1300, Event(kind="prisoner_count", count=1177, source="Memorial"))
        is None
    )
    assert change_alert(rule, 1300, Event(kind="pardon", count=1177)) is None


def test_change_alert_upward() -> None:
    rule = parse_rule("change:prisoner_count by>=100")
    res = change_alert(rule, 700, Event(kind="prisoner_count", count=853, source="Foro Penal"))
    assert res is not None and res.text == "Foro Penal: 700 -> 853 (+153)"


# ---------------------------------------------------------------------- backtest
def test_backtest_filter_rule() -> None:
    items = [
        item("Lukashenko pardons 32 prisoners"),
        item("Lukashenko pardons 3 prisoners"),
        item("Firefox 140 released"),
    ]
    out = backtest(parse_rule("kind:pardon min_count:10"), items)
    assert [(m.rule_id, m.event.count) for m in out] == [("admin:0", 32)]


def test_backtest_change_rule_tracks_counts() -> None:
    items = [
        item("Viasna counts 1,300 political prisoners"),
        item("Viasna counts 1,295 political prisoners"),
        item("Viasna counts 1,177 political prisoners"),
    ]
    out = backtest(parse_rule("change:prisoner_count by>=10"), items)
    assert [m.rule_name for m in out] == ["Viasna: 1,295 -> 1,177 (-118)"]
