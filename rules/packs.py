"""Load the JSON rule packs and compile them (once) into immutable per-language matchers.

Adding a language = adding its blocks to the JSON files; no code change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

import re2

from rules.atoms import Presence
from rules.numbers import lexicon
from rules.text import LETTER, RE2_LOG_ERRORS, compile_re, has, lexicon_re

_PACKS = Path(__file__).parent / "packs"
_DATA = Path(__file__).parent / "data"
ALL = "*"  # pseudo-language: union of every pack, used when the language is unknown

Rx = Any  # re2._Regexp | None

# pattern of a head / tail regex -> its "core": the fragment alternation alone, without the
# anchors and context around it. A match of the regex in any piece of a sentence holds a match
# of the core, so when the sentence's scan finds no atom of the core, the regex needs no search
# in any piece of that sentence (LangPack.core_index).
_CORE_OF: dict[str, str] = {}
# anchors and boundary assertions make a pattern depend on the text around a match ('^' right
# after '[' negates a class instead)
_ANCHOR = re2.compile(r"\$|\\[bBAz]|(?:^|[^\[])\^")


def _with_core(rx: Rx, core: str) -> Rx:
    """Record `core` for `rx` (see _CORE_OF), unless it has an anchor (then it is no core)."""
    if rx is not None and _ANCHOR.search(core) is None:
        _CORE_OF[rx.pattern] = core
    return rx


def _load(name: str, folder: Path = _PACKS) -> dict[str, Any]:
    with open(folder / name, encoding="utf-8") as f:
        return json.load(f)


@cache
def raw_packs() -> dict[str, dict[str, Any]]:
    return {
        "common": _load("common.json"),
        "pardon": _load("pardon.json"),
        "sanctions": _load("sanctions.json"),
        "prisoner_count": _load("prisoner_count.json"),
        "places": _load("places.json", _DATA),
    }


_LANGS: tuple[Any, tuple[str, ...]] = (None, ())


def languages() -> tuple[str, ...]:
    # asked for every item: remembered per loaded `common` block (a test or a reload that
    # swaps the packs gets a new block, hence a fresh answer)
    global _LANGS
    block = raw_packs()["common"]["languages"]
    if _LANGS[0] is not block or len(_LANGS[1]) != len(block):
        _LANGS = (block, tuple(sorted(block)))
    return _LANGS[1]


@dataclass(frozen=True)
class LangPack:
    """Every compiled regex the engine needs for one language (or the union)."""

    langs: tuple[str, ...]
    # common
    persons: Rx
    detainee_ctx: Rx
    prison_ctx: Rx
    nonevent_ctx: Rx
    product_ctx: Rx
    masks: Rx
    sub_cues: Rx
    neg_pre: Rx
    correction_neg: Rx
    correction_earlier: Rx
    hyp_pre: Rx
    appeal_pre: Rx
    post_cues: Rx
    cue_masks: Rx
    inf_tail: Rx
    inf_ok_tail: Rx
    hist: Rx
    in_return: Rx  # "in return", "w zamian": with a sanctions word after it, no exchange of people
    cumul: Rx
    cumul_release: Rx
    compare_tail: Rx
    increment_tail: Rx
    increment_head: Rx
    others_before: Rx
    others_after: Rx
    other_adj: Rx  # "six other penal colonies": a number of other things, unless people follow
    qualifier_tail: Rx
    vague: Rx
    vague_tail: Rx  # "несколько тысяч", "several thousand": a bare multiplier is no count
    pretrial: Rx  # bail, judicial supervision, house arrest, pending trial: not a pardon
    remains: Rx  # bodies / remains / coffins handed over: not people released
    cumul_start: Rx  # "since the start of the war": a running total
    superlative_tail: Rx  # "the largest swap since the start of the war" is not a total
    completion: Rx  # "completed the 1,000-for-1,000 exchange": the total is the event
    stage_tail: Rx  # "another 303", "the last 303": one stage of a larger release
    inf_word: Rx  # a trigger word in the infinitive ("liberar", "освободить", "uwolnić")
    inf_ok_bare: Rx  # ... after "decided" / "решил" / "acaba de": a done or decided act
    fut_word: Rx  # a trigger verb in the future tense ("excarcelará", "libererà"): a promise
    kidnap: Rx  # kidnapping / ransom / police rescue: a kidnap victim freed is no release
    past_rel: Rx  # "last year", "в прошлом году" next to a trigger: told as background
    sub_after: Rx  # "178 of them", "33 delle quali": a part of a figure named before
    now_words: Rx  # weekdays, today, yesterday: a clause that tells news of its own
    coord: Rx  # "and", "und", "и": joins a second decision ("extends sanctions and removes ...")
    cond_after: Rx  # "бы" after the trigger, past a comma: "Под амнистию, по замыслу, попали бы"
    part_pre: Rx  # "Of the 212, ...": a part of a figure named before, opening the sentence
    others_pre: Rx  # "y a otros 18": the named person(s) before make it N + 1
    respectively: Rx  # "390 and 307 respectively": coordinated figures of two releases
    former: Rx  # "former political prisoner": a count-less release there is background
    absentia: Rx  # "convicted in absentia": a count-less pardon there frees nobody
    postponed: Rx  # "has been postponed" after the trigger: the release did not happen
    tabled: Rx  # "new sanctions ... are on the table" later in the clause: a proposal
    portrait: Rx  # "interview with", "recalls": a headline about a person's past, not news
    pc_object: Rx  # "repression against political prisoners": the phrase is not a count's head
    served: Rx  # "after serving his full term": a release at the end of a sentence
    still_held: Rx  # "... but remains in custody" after the trigger: no release
    rearrest: Rx  # "re-arrested", "снова задержан": a release undone (after the trigger)
    jailed_part: Rx  # "jailed", "осуждённых" after a trigger: its date is the jailing's
    cond_start: Rx  # a clause opening with "if" / "jeśli": the next clause is conditional
    yesno_open: Rx  # a sentence opening a yes/no question ("Will", "Kommt es", "Czy")
    complement_open: Rx  # a clause opening with "aby" / "чтобы": the previous clause governs it
    that_open: Rx  # a clause opening with "that" / "że": a short clause before may govern it
    after_open: Rx  # a clause opening with "Two years after", a main clause following: the past
    colon_hyp: Rx  # "conditions", "demands" right before a colon: what it introduces is one
    work_title: Rx  # "book about", "Кніга тыдня", "wystawa o" in a headline: a work's story
    among: Rx  # "among", "среди", "wśród" in a headline: the people it names are part of its figure
    inf_final: Rx  # a clause ending in "zu verhängen": the previous clause governs it
    hyp_adjacent: Rx  # right before the trigger: "lists for an exchange", "talks on a swap"
    total_tail: Rx  # "in total", "всего" up to three words before a figure: a total, not one side
    total_head: Rx  # "614 personnes au total", "606 in totale": the same word just after it
    topic_of: Rx  # right before the trigger: "a game about a prisoner exchange": a work's subject
    hyp_next: Rx  # right after the trigger: "swap talks", "sanctions-relief hopes": no event
    after_prep_tail: Rx  # "even after" / "после" right before a count-less release word
    wildlife: Rx  # reintroduction, GPS tags, national park: animals set free, not people
    pardoned_animals: Rx  # turkeys: the one animal presidents "pardon"
    only_tail: Rx  # "only" right before a number: a part of people counted elsewhere
    anaphora_tail: Rx  # "the" / "i" / "les" right before a number: people already counted
    freed_head: Rx  # "of the freed" / "вызваленых" right after a number: people already freed
    title_head: Rx  # headline opening "Fact check:", "Ten years since", "Died": no news event
    # "Correction:", "CORRECTED-": with a negation in the headline, a retraction
    correction_head: Rx
    opinion_head: Rx  # headline opening "Editorial:", "Колонка:": news only with "on Tuesday"
    analysis_head: Rx  # "Analysis:", "Разбор:": news dated in it or stated by its headline
    obituary: Rx  # "dies at 88", "умер в возрасте": a death headline; its releases are past
    explainer: Rx  # "explained", "вопросы и ответы", "пояснюємо" in a headline: an explainer
    # the words that tell a year dates the trigger's release (Engine._historical)
    pluperfect_tail: Rx  # "had", "hatte" right before a last-year date
    year_from_tail: Rx  # "z", "from" right before a year ("ułaskawienie ... z 2015 r.")
    year_prep_tail: Rx  # "in", "в", "qu'en" right before a year
    year_before_tail: Rx  # "in", "since", "the", "с", "od" right before a year: a year even
    # when a counted noun follows ("in 2020 prisoners", "the 2020 protesters")
    attr_tail: Rx  # "inhaftierte": an attributive participle closing a phrase between a figure
    # and its counted noun ("16 in Russland und Belarus inhaftierte Menschen")
    year_unit_head: Rx  # a year's "году", "roku" (optional), then the end of its clause
    past_aux: Rx  # "was", "была", "проводилась": a past auxiliary between trigger and year
    since_date: Rx  # "detained since March 2022": a detention's start, no release's date
    recent_release: Rx  # "five days after the release of 52": a recent release of its own
    # pardon
    p_strong: Rx
    p_ambiguous: Rx
    p_count_only: Rx
    p_swap: Rx
    p_grounds: Rx  # what makes a release an event: pardon, amnesty, exchange, commutation
    p_names: Rx  # trigger words that are given names when capitalised mid-sentence ("Grazia")
    p_decree: Rx  # amnesty, decree, law: a release decreed, whose size may be told as future
    # sanctions
    s_nouns: Rx
    s_lifted: Rx
    s_imposed: Rx
    s_sa_lifted: Rx
    s_sa_imposed: Rx
    s_list_lifted: Rx
    s_list_imposed: Rx
    s_authorities: Rx  # OFAC, OFSI: a sanctions office, whose designations are sanctions
    s_blockers: Rx
    s_background: Rx
    s_attrib_pre: Rx  # "for sanctioned Russian billionaire": an adjective, not a decision
    s_attrib_pair_pre: Rx  # "osób objętych sankcjami": people under sanctions, a state
    s_new_adj: Rx  # "new" as a direction word: it only imposes when it comes before the noun
    # prisoner count
    pc_phrases: Rx
    pc_current: Rx
    pc_held: Rx  # "behind bars": a count of people held, when a rights group gives it
    pc_sources: Rx  # the rights groups' names (Viasna, OVD-Info...), in any language
    pc_figure: Rx  # "puts the figure at", "en dénombre": a second group's count, in a count story
    # any trigger at all: one scan rejects most items
    prefilter: Rx
    # The literal atoms of every lexicon above in one Aho-Corasick automaton (rules/atoms.py):
    # one pass per text tells which lexicons can match at all, so the engine skips the others
    # (most of them, for most items). Its cost per byte is the same on text never seen before,
    # where an RE2 Set's lazily built DFA is ~10x slower.
    presence: Presence | None = None
    # the prefilter's atoms: a text without one cannot match it (no regex search at all)
    prefilter_atoms: Presence | None = None
    set_index: dict[int, int] | None = None  # id(lexicon) -> its index in presence.patterns
    # scan indexes of the trigger lexicons (pardon, sanctions, prisoner count): a sentence where
    # none of them can match holds no event. None when some trigger lexicon is not scanned.
    trigger_ids: frozenset[int] | None = None
    # ... the same split by extractor: (pardon, sanctions, prisoner count), with trigger_ids
    trigger_groups: tuple[frozenset[int], frozenset[int], frozenset[int]] | None = None
    # (id(regex), scan index) of the number-word regexes of numbers.lexicon(langs)
    number_words: tuple[tuple[int, int], ...] = ()
    # id(head / tail regex) -> scan index of its core (_CORE_OF): no core match in a sentence,
    # no match of the regex in any piece of it
    core_index: dict[int, int] | None = None
    # scan index of any month word (places().months): a text without one has no date, no
    # month-and-year, no "in January" (None: not scanned)
    month_core: int | None = None
    # id(places() table) -> scan index of the union of its entries: a text without a match of
    # it names no country / actor / source / grantor (no search of the table's own Set)
    table_cores: dict[int, int] | None = None

    def fires(self, text: str, b: bytes | None = None) -> bool:
        """Does the prefilter match in `text` (`b`: its UTF-8, if at hand)? Its atoms first:
        most texts of a feed hold none, and the automaton's answer costs the same on text
        never seen before, where the prefilter's lazily built DFA costs ~10x more."""
        rx = self.prefilter
        if rx is None:
            return False
        if self.prefilter_atoms is not None and not self.prefilter_atoms.any(text):
            return False
        return has(rx, text, b)

    def present(self, text: str, b: bytes | None = None) -> frozenset[int]:
        """Indexes (set_index) of the patterns that can match in `text`: a superset of those
        that do, so a caller only uses it to skip a search (`b`, the text's UTF-8, is not
        needed: kept for the callers that have it)."""
        if self.presence is None:
            return frozenset()
        return self.presence.candidates(text)


# Belarusian alternates word-initial у / ў (short u after a vowel): "увялі" / "ўвялі".
_BE_INNER_U = re.compile(r"(?<= )[уў](?= )")
_BE_INITIAL_U = {"у": "[уў]", "ў": "[уў]", "У": "[уў]"}
# Belarusian in the classical orthography (taraškievica, used by Radio Svaboda and Nasha Niva)
# writes a soft sign where the official one assimilates softness silently: палітвязьні
# (палітвязні), вызваленьне (вызваленне), сьпіс (спіс). Every Belarusian fragment takes an
# optional soft sign between such a consonant and the consonant after it, so one lexicon
# reads both spellings (a letter inside a [...] class is left alone).
_BE_SOFT = re.compile(r"\[[^\]]*\]|([зсцнл])(?=[бвгдзйклмнпрстфхцчшщ])", re.IGNORECASE)


def _be_soft_signs(fragment: str) -> str:
    return _BE_SOFT.sub(lambda m: m.group(1) + "ь?" if m.group(1) else m.group(0), fragment)


def _title_head_re(genres: list[str], anniversaries: list[str], deaths: list[str]) -> Rx:
    """Headline openings that announce no news event: "Analysis: ...", "Ten years since ...",
    "Died ..." (an obituary)."""

    def alt(frags: list[str]) -> str:
        return "|".join(sorted(set(frags), key=len, reverse=True))

    # (a hyphen only as a dash: "Opinion - ...", not "Opinion-page fodder aside, ...")
    # (and a slash: "Spiegone / ...", "L'editoriale / ...")
    heads = [rf"(?:{alt(genres)})(?:\s*[:|—–/]|\s*-(?:\s|$))"] if genres else []
    heads += [rf"(?:{alt(f)})(?:[^\pL\pN]|$)" for f in (anniversaries, deaths) if f]
    # (after any emoji, bullet or quote: "👀 RUMOUR: ...", "📅 Un año de ...")
    return compile_re(r"(?i)^[^\pL\pN]*(?:" + "|".join(heads) + ")", lazy=True) if heads else None


def _correction_head_re(words: list[str]) -> Rx:
    """A correction's headline opening: "Correction: ...", "CORRECTED-...", "ВИПРАВЛЕНО. ..."
    (a wire's hyphen or full stop right after the word counts as the colon)."""
    if not words:
        return None
    alt = "|".join(sorted(set(words), key=len, reverse=True))
    return compile_re(rf"(?i)^[^\pL\pN]*(?:{alt})(?:\s*[:|—–.]|\s*-)", lazy=True)


def _collect(section: dict[str, Any], langs: tuple[str, ...], key: str) -> list[str]:
    out: list[str] = []
    for lang in langs:
        frags = section["languages"].get(lang, {}).get(key, [])
        if lang == "be":
            # (the preposition у / ў inside a fragment too: "уступілі ў сілу")
            frags = [
                _be_soft_signs(_BE_INITIAL_U.get(f[:1], f[:1]) + _BE_INNER_U.sub("[уў]", f[1:]))
                if f
                else f
                for f in frags
            ]
        out.extend(frags)
    return out


def _source_words(pc: dict[str, Any]) -> list[str]:
    """The rights groups' names as a count's attribution: "Вясна" is also the Belarusian word
    for spring, so its Cyrillic forms count only in quotes ("«Вясна»")."""
    return [
        '[«“"„]' + w if w.startswith("вясн") else w for ws in pc["sources"].values() for w in ws
    ]


def _year_only(fragment: str) -> bool:
    """'in 2019'-type cues (a date for a release) as opposed to 'since 2019' (a running total)."""
    return "\\pN{4}" in fragment and fragment.split(" ", 1)[0] in (
        "in",
        "в",
        "у",
        "en",
        "nel",
        "im",
        "w",
    )


def _tail_re(frags: list[str], words_between: int = 0) -> Rx:
    """Regex that matches when the text *ends* with one of the fragments (+ up to N words)."""
    if not frags:
        return None
    alt = "|".join(sorted({f.rstrip("$") for f in frags}, key=len, reverse=True))
    # (a word may hold an en dash or a slash: "the largest East–West swap since ...")
    between = (
        rf"(?:\s+[\pL\pN.'’-]+(?:[–—/][\pL\pN.'’-]+)*){{0,{words_between}}}"
        if words_between
        else ""
    )
    rx = compile_re(rf"(?i)(?:^|[^\pL\pN])(?:{alt}){between}\s*$", lazy=True)
    return _with_core(rx, rf"(?i)(?:{alt})")


def _head_re(frags: list[str], *, letters: bool = False, end: str = r"(?:[^\pL]|$)") -> Rx:
    """Regex that matches when the text *starts* with one of the fragments (after spaces)."""
    if not frags:
        return None
    alt = "|".join(sorted(set(frags), key=len, reverse=True))
    if letters:
        alt = alt.replace("\\pL", LETTER)
    return _with_core(compile_re(rf"(?i)^\s*(?:{alt}){end}", lazy=True), rf"(?i)(?:{alt})")


def _head_words_re(frags: list[str], words_between: int) -> Rx:
    """Regex that matches when the text starts with up to N words and then a fragment."""
    if not frags:
        return None
    alt = "|".join(sorted(set(frags), key=len, reverse=True))
    rx = compile_re(
        rf"(?i)^(?:\s+[\pL\pN.'’-]+){{0,{words_between}}}\s+(?:{alt})(?:[^\pL\pN]|$)", lazy=True
    )
    return _with_core(rx, rf"(?i)(?:{alt})")


def _suffix_re(suffixes: list[str]) -> Rx:
    """A whole word ending in one of the suffixes ("liberar", "excarcelará")."""
    if not suffixes:
        return None
    return compile_re(rf"(?i)^{LETTER}+(?:{'|'.join(suffixes)})$", lazy=True)


def _whole_word_re(words: list[str]) -> Rx:
    """One of the words, the whole word ("Grazia")."""
    if not words:
        return None
    return compile_re(rf"(?i)^(?:{'|'.join(words)})$", lazy=True)


@cache
def pack(lang: str) -> LangPack:
    raw = raw_packs()
    common, pardon, sanc, pc = raw["common"], raw["pardon"], raw["sanctions"], raw["prisoner_count"]
    langs = languages() if lang == ALL else (lang,)

    def c(key: str) -> list[str]:
        return _collect(common, langs, key)

    quals: dict[str, list[str]] = {}
    for lg in langs:
        for name, frags in common["languages"].get(lg, {}).get("qualifiers", {}).items():
            quals.setdefault(name, []).extend(frags)
    qual_alt = "|".join(
        f"(?P<{name}>{'|'.join(sorted(set(fr), key=len, reverse=True))})"
        for name, fr in quals.items()
    )
    vague_words = []
    nums = json.loads((_DATA / "numbers.json").read_text(encoding="utf-8"))
    for lg in langs:
        vague_words.extend(nums["vague"].get(lg, []))

    p_strong = _collect(pardon, langs, "strong")
    p_amb = _collect(pardon, langs, "ambiguous")
    p_cnt = _collect(pardon, langs, "count_only")
    s_nouns = _collect(sanc, langs, "nouns")
    s_sl = _collect(sanc, langs, "standalone_lifted")
    s_si = _collect(sanc, langs, "standalone_imposed")
    pcs = _collect(pc, langs, "phrases")
    lp = LangPack(
        langs=langs,
        persons=lexicon_re(c("persons")),
        detainee_ctx=lexicon_re(c("detainee_ctx")),
        prison_ctx=lexicon_re(c("prison_ctx")),
        # (the end-of-term cues ('served') are non-event cues in their own sentence too,
        # unless a mask holds them: see Engine._pardon and _ItemFacts "title_nonevent")
        nonevent_ctx=lexicon_re(c("nonevent_ctx")),
        product_ctx=lexicon_re(c("product_ctx")),
        masks=lexicon_re(c("masks")),
        sub_cues=lexicon_re(c("sub_cues")),
        neg_pre=lexicon_re(c("neg_pre")),
        correction_neg=lexicon_re(c("correction_neg")),
        correction_earlier=lexicon_re(c("correction_earlier")),
        hyp_pre=lexicon_re(c("hyp_pre")),
        appeal_pre=lexicon_re(c("appeal_pre")),
        post_cues=lexicon_re(c("post_cues")),
        cue_masks=lexicon_re(c("cue_masks")),
        inf_tail=_tail_re(c("inf_pre")),
        # "agreed to", "voted 14-0 to", "agreed on Monday to": up to two words between
        inf_ok_tail=_tail_re(
            [f"(?:{w})\\s+(?:\\S+\\s+){{0,2}}(?:{t})" for w in c("inf_ok") for t in c("inf_pre")]
        ),
        hist=lexicon_re(c("hist")),
        in_return=lexicon_re(c("in_return")),
        cumul=lexicon_re(c("cumul")),
        # for releases, a bare "in 2019" is a date, not a running total: keep "since ..." cues
        cumul_release=lexicon_re([f for f in c("cumul") if not _year_only(f)]),
        compare_tail=_tail_re(c("compare"), 3),
        increment_tail=_tail_re(c("increment"), 1),
        increment_head=_head_re(c("increment_after"), letters=True),
        others_before=_tail_re(c("and_others")),
        others_after=_head_re(c("others_after")),
        other_adj=_head_re(c("other_adj")),
        qualifier_tail=_with_core(
            compile_re(rf"(?i)(?:^|[^\pL\pN])(?:{qual_alt})\s*$", lazy=True), f"(?i)(?:{qual_alt})"
        )
        if quals
        else None,
        vague=lexicon_re(vague_words),
        vague_tail=_tail_re(vague_words),
        pretrial=lexicon_re(c("pretrial")),
        remains=lexicon_re(c("remains")),
        cumul_start=lexicon_re(c("cumul_start")),
        superlative_tail=_tail_re(c("superlative"), 3),
        completion=lexicon_re(c("completion")),
        stage_tail=_tail_re(c("increment") + c("stage"), 1),
        inf_word=_suffix_re(c("inf_suffix")),
        inf_ok_bare=_tail_re(c("inf_ok"), 2),
        fut_word=_suffix_re(c("fut_suffix")),
        kidnap=lexicon_re(c("kidnap")),
        past_rel=lexicon_re(c("past_rel")),
        sub_after=lexicon_re(c("sub_after")),
        part_pre=lexicon_re(c("part_pre")),
        now_words=lexicon_re(c("now_words")),
        coord=lexicon_re(c("coord")),
        cond_after=lexicon_re(c("cond_after")),
        others_pre=_tail_re(c("others_pre")),
        respectively=lexicon_re(c("respectively")),
        former=lexicon_re(c("former")),
        absentia=lexicon_re(c("absentia")),
        postponed=lexicon_re(c("postponed")),
        tabled=lexicon_re(c("tabled")),
        portrait=lexicon_re(c("portrait")),
        pc_object=lexicon_re(c("pc_object")),
        served=lexicon_re(c("served")),
        still_held=lexicon_re(c("still_held")),
        rearrest=lexicon_re(c("rearrest")),
        jailed_part=lexicon_re(c("jailed_part")),
        cond_start=_head_re(c("cond_start"), end=r"(?:[^\pL\pN]|$)"),
        complement_open=_head_re(c("complement_open"), end=r"(?:[^\pL\pN]|$)"),
        that_open=_head_re(c("that_open"), end=r"(?:[^\pL\pN]|$)"),
        after_open=_head_re(c("after_open"), end=r"(?:[^\pL\pN]|$)"),
        colon_hyp=lexicon_re(c("colon_hyp")),
        work_title=lexicon_re(c("work_title")),
        among=lexicon_re(c("among")),
        yesno_open=_head_re(c("yesno_open"), end=r"(?:[^\pL\pN]|$)"),
        inf_final=_tail_re(c("inf_final")),
        hyp_adjacent=_tail_re(c("hyp_adjacent")),
        topic_of=_tail_re(c("topic_of"), 2),
        hyp_next=_head_re(c("hyp_after")),
        after_prep_tail=_tail_re(c("after_prep"), 2),
        total_tail=_tail_re(c("total"), 3),
        total_head=_head_words_re(
            [f.rstrip(",") for f in c("total") if not f.endswith((" of", " de", " di", " von"))], 2
        ),
        wildlife=lexicon_re(c("wildlife")),
        pardoned_animals=lexicon_re(c("pardoned_animals")),
        anaphora_tail=_tail_re(c("anaphora") + c("only")),
        only_tail=_tail_re(c("only")),
        freed_head=_head_re(c("freed_group")),
        title_head=_title_head_re(c("genre_title"), c("anniv_title"), c("obit_head")),
        opinion_head=_title_head_re(c("opinion_title"), [], []),
        analysis_head=_title_head_re(c("analysis_title"), [], []),
        correction_head=_correction_head_re(c("correction_title")),
        obituary=lexicon_re(c("obituary")),
        explainer=lexicon_re(c("explainer")),
        pluperfect_tail=_tail_re(c("pluperfect")),
        year_from_tail=_tail_re(c("year_from")),
        year_prep_tail=_tail_re(c("year_prep")),
        year_before_tail=_tail_re(c("year_before")),
        attr_tail=_tail_re(c("attr_end")),
        year_unit_head=compile_re(
            r"(?i)^(?:\s+(?:"
            + "|".join(sorted(set(c("year_unit")), key=len, reverse=True))
            + r"))?\s*(?:[.;:!?…)]|,\s|$)"
            if c("year_unit")
            else r"^\s*(?:[.;:!?…)]|,\s|$)",
            lazy=True,
        ),
        past_aux=lexicon_re(c("past_aux")),
        since_date=lexicon_re(c("since_date")),
        recent_release=lexicon_re(c("recent_release")),
        p_strong=lexicon_re(p_strong),
        p_ambiguous=lexicon_re(p_amb),
        p_count_only=lexicon_re(p_cnt),
        p_swap=lexicon_re(_collect(pardon, langs, "swap_cues")),
        p_grounds=lexicon_re(_collect(pardon, langs, "grounds")),
        p_names=_whole_word_re(_collect(pardon, langs, "names")),
        p_decree=lexicon_re(_collect(pardon, langs, "decree")),
        s_nouns=lexicon_re(s_nouns),
        s_lifted=lexicon_re(_collect(sanc, langs, "lifted")),
        s_imposed=lexicon_re(_collect(sanc, langs, "imposed")),
        s_sa_lifted=lexicon_re(s_sl),
        s_sa_imposed=lexicon_re(s_si),
        s_list_lifted=lexicon_re(_collect(sanc, langs, "list_lifted")),
        s_list_imposed=lexicon_re(_collect(sanc, langs, "list_imposed")),
        s_authorities=lexicon_re(_collect(sanc, langs, "authorities")),
        s_blockers=lexicon_re(_collect(sanc, langs, "blockers")),
        s_background=lexicon_re(_collect(sanc, langs, "background")),
        s_attrib_pre=_tail_re(_collect(sanc, langs, "attrib_pre")),
        s_attrib_pair_pre=_tail_re(_collect(sanc, langs, "attrib_pair_pre")),
        s_new_adj=_head_re(_collect(sanc, langs, "new_adj")),
        pc_phrases=lexicon_re(pcs),
        pc_current=lexicon_re(_collect(pc, langs, "current")),
        pc_held=lexicon_re(_collect(pc, langs, "held")),
        pc_sources=lexicon_re(_source_words(pc)),
        pc_figure=lexicon_re(_collect(pc, langs, "figure")),
        # count-only words ("received", "retour") report a release only in an item with a
        # swap cue, so the swap cues stand in for them: common words no longer let
        # off-topic items past the one-scan prefilter (same events)
        prefilter=lexicon_re(
            p_strong
            + p_amb
            + _collect(pardon, langs, "swap_cues")
            + s_nouns
            + s_sl
            + s_si
            + pcs
            + _source_words(pc)
            + _collect(sanc, langs, "list_lifted")
            + _collect(sanc, langs, "list_imposed"),
            big=True,  # (met by every item: a DFA that fits its cache)
        ),
    )
    tails = {
        "langs",
        "compare_tail",
        "increment_tail",
        "others_before",
        "others_after",
        "other_adj",
        "qualifier_tail",
        "inf_tail",
        "superlative_tail",
        "stage_tail",
        "inf_word",
        "inf_ok_bare",
        "fut_word",
        "p_names",
        "others_pre",
        "s_attrib_pre",
        "s_attrib_pair_pre",
        "s_new_adj",
        "cond_start",
        "complement_open",
        "that_open",
        "after_open",
        "inf_final",
        "yesno_open",
        "hyp_adjacent",
        "topic_of",
        "total_tail",
        "total_head",
        "anaphora_tail",
        "only_tail",
        "freed_head",
        "hyp_next",
        "after_prep_tail",
        "title_head",
        "opinion_head",
        "analysis_head",
        "correction_head",
        "pluperfect_tail",
        "year_from_tail",
        "year_prep_tail",
        "year_before_tail",
        "attr_tail",
        "year_unit_head",
        # never looked up in the scan (only tested on their own with has(), or unused), so
        # leaving them out changes no answer; the prefilter is the union of the trigger
        # lexicons, which are scanned
        "prefilter",
        "increment_head",
        "vague",
        "vague_tail",
    }
    nlex = lexicon(langs)
    words = [nlex.forms_re, *(rx for _lang, rx in nlex.roots), nlex.approx_re]
    # the head / tail regexes take part through their cores (added last: the lexicons keep
    # their scan indexes)
    with_core = [
        rx
        for f in fields(lp)
        if f.name in tails and getattr(rx := getattr(lp, f.name), "pattern", None) in _CORE_OF
    ]
    pl = places()
    tables = (pl.countries, pl.actors, pl.sources, pl.grantors)
    patterns, index = _set_patterns(
        [getattr(lp, f.name) for f in fields(lp) if f.name not in tails] + words,
        (
            *(_CORE_OF[rx.pattern] for rx in with_core),
            pl.month_core,
            *("|".join(f"(?:{rx.pattern})" for _code, rx in table) for table in tables),
        ),
    )
    n = len(index)
    object.__setattr__(lp, "core_index", {id(rx): n + k for k, rx in enumerate(with_core)})
    n += len(with_core)
    object.__setattr__(lp, "month_core", n)
    object.__setattr__(lp, "table_cores", {id(t): n + 1 + k for k, t in enumerate(tables)})
    object.__setattr__(
        lp, "number_words", tuple((id(rx), index[id(rx)]) for rx in words if id(rx) in index)
    )
    object.__setattr__(lp, "presence", Presence(patterns))
    if lp.prefilter is not None:
        object.__setattr__(lp, "prefilter_atoms", Presence([lp.prefilter.pattern]))
    object.__setattr__(lp, "set_index", index)
    trig = [getattr(lp, name) for name in TRIGGERS]
    if all(rx is None or id(rx) in index for rx in trig):
        ids = frozenset(index[id(rx)] for rx in trig if rx is not None)
        object.__setattr__(lp, "trigger_ids", ids)
        groups = tuple(
            frozenset(index[id(rx)] for rx in (getattr(lp, n) for n in names) if rx is not None)
            for names in TRIGGER_GROUPS
        )
        object.__setattr__(lp, "trigger_groups", groups)
    return lp


# The lexicons an extractor needs a match of before it looks at anything else in a sentence,
# by extractor (pardon, sanctions, prisoner count).
TRIGGER_GROUPS = (
    ("p_strong", "p_ambiguous", "p_count_only"),
    ("s_nouns", "s_sa_lifted", "s_sa_imposed", "s_list_lifted", "s_list_imposed"),
    ("pc_phrases", "pc_sources", "pc_figure"),
)
TRIGGERS = tuple(name for names in TRIGGER_GROUPS for name in names)


def _set_patterns(
    regexes: list[Any], extra: tuple[str, ...] = ()
) -> tuple[list[str], dict[int, int]]:
    """The regexes' patterns and id(regex) -> index in that list; then the `extra` patterns,
    with the indexes that follow (in order)."""
    patterns: list[str] = []
    index: dict[int, int] = {}
    for rx in regexes:
        if rx is None or not hasattr(rx, "pattern") or id(rx) in index:
            continue
        index[id(rx)] = len(patterns)
        patterns.append(rx.pattern)
    patterns.extend(extra)
    return patterns, index


def _build_set(regexes: list[Any]) -> tuple[Any, dict[int, int]]:
    """An RE2 Set of the regexes' patterns and id(regex) -> Set index."""
    patterns, index = _set_patterns(regexes)
    return _compile_set(patterns), index


def _compile_set(patterns: list[str]) -> Any:
    opts = re2.Options()
    opts.log_errors = RE2_LOG_ERRORS
    opts.max_mem = 256 << 20  # (a cap: RE2 takes what its DFA states need)
    rset = re2.Set.SearchSet(opts)
    for k, pattern in enumerate(patterns):
        assert rset.Add(pattern) == k
    rset.Compile()
    return rset


def table_set(table: tuple[tuple[str, Rx], ...]) -> Any:
    return _build_set([rx for _c, rx in table])


@dataclass(frozen=True)
class Places:
    countries: tuple[tuple[str, Rx], ...]
    actors: tuple[tuple[str, Rx], ...]
    sources: tuple[tuple[str, Rx], ...]
    countries_set: Any
    actors_set: Any
    grantors: tuple[tuple[str, Rx], ...]
    grantors_set: Any
    sources_set: Any
    source_countries: dict[str, str]  # a rights group -> the country whose prisoners it counts
    months: dict[str, int]
    date_dmy: Rx
    date_mdy: Rx
    target_prep: Rx
    target_articles: frozenset[str]  # dropped before a sanctions target ("on the Wagner Group")
    target_skip: frozenset[str]  # no target starts with one ("on Friday")
    target_stop: frozenset[str]  # a target ends before one ("on Iran over its nuclear ...")
    # a month word after a non-letter (or at the start): the date regexes' month on a whole
    # sentence, and the engine's month regexes' one in a clause, always follows one (a
    # whitespace, or a clause start)
    month_core: str


@cache
def places() -> Places:
    raw = raw_packs()
    pl = raw["places"]
    months: dict[str, int] = {}
    for num, words in pl["months"].items():
        for w in words:
            months[w.rstrip("?")] = int(num)
    malt = "|".join(sorted((w for ws in pl["months"].values() for w in ws), key=len, reverse=True))
    countries = tuple((code, lexicon_re(words)) for code, words in pl["countries"].items())
    actors = tuple((code, lexicon_re(words)) for code, words in raw["sanctions"]["actors"].items())
    sources = tuple(
        (name, lexicon_re(words)) for name, words in raw["prisoner_count"]["sources"].items()
    )
    grantors = tuple((name, lexicon_re(words)) for name, words in pl.get("grantors", {}).items())
    return Places(
        countries=countries,
        actors=actors,
        sources=sources,
        countries_set=_build_set([rx for _c, rx in countries])[0],
        actors_set=_build_set([rx for _c, rx in actors])[0],
        sources_set=_build_set([rx for _c, rx in sources])[0],
        source_countries=dict(raw["prisoner_count"].get("source_countries", {})),
        grantors=grantors,
        grantors_set=_build_set([rx for _c, rx in grantors])[0],
        months=months,
        date_dmy=compile_re(
            rf"(?i)(?:^|[^\pL\pN])(\d{{1,2}})(?:\.|-?(?:го|е|er|º))?\s(?:de\s)?({malt})\.?(?:\s(?:de\s)?(\d{{4}}))?(?:[^\pL]|$)",
            lazy=True,
        ),
        date_mdy=compile_re(
            rf"(?i)(?:^|[^\pL\pN])({malt})\.?\s(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(\d{{4}}))?(?:[^\pN]|$)",
            lazy=True,
        ),
        month_core=rf"(?i)(?:^|[^\pL])(?:{malt})",
        target_prep=compile_re(
            r"(?:^|[^\pL])(?:on|against|против|супраць|проти|gegen|contre|visant|contra|contro|wobec|przeciwko)\s+((?:[\pL\pN«»\"'’.,-]+\s+){0,4}[\pL\pN»\"'’.,-]+)",
            lazy=True,
        ),
        target_articles=frozenset(pl["targets"]["articles"]),
        target_skip=frozenset(pl["targets"]["skip"]),
        target_stop=frozenset(pl["targets"]["stop"]),
    )
