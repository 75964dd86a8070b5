"""Built-in rules: per-language positives and hard negatives (sentences written for these tests,
not taken from the corpus), number notations, seeds, evidence."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from releasewatch.models import Item
from rules import evaluate
from rules.numbers import find_numbers
from rules.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
PUB = datetime(2025, 6, 1, tzinfo=UTC)


def item(
    title: str, summary: str = "", lang: str | None = "en", published: datetime = PUB
) -> SimpleNamespace:
    return SimpleNamespace(title=title, summary=summary, lang=lang, published=published)


def kinds(events) -> list[tuple[str, object]]:
    return sorted((e.kind, e.direction if e.kind == "sanctions" else e.count) for e in events)


# --------------------------------------------------------------------- positives
POSITIVES = [
    # (lang, title, summary, expected events)
    (
        "en",
        "Turkmenistan pardons 412 prisoners for Independence Day",
        "The presidential decree covers 412 convicts, state TV said.",
        [("pardon", 412)],
    ),
    (
        "en",
        "Iran frees twenty-five protesters held since January",
        "The judiciary said twenty-five people detained during the protests were released on bail-free terms.",
        [("pardon", 25)],
    ),
    ("en", "Kazakhstan releases more than 300 inmates under amnesty law", "", [("pardon", 300)]),
    (
        "ru",
        "Президент помиловал 47 осуждённых",
        "Указ о помиловании сорока семи человек подписан в пятницу.",
        [("pardon", 47)],
    ),
    ("ru", "В Белоруссии помилованы четырнадцать политзаключённых", "", [("pardon", 14)]),
    (
        "be",
        "Лукашэнка памілаваў дваццаць тры чалавекі",
        "На волю выйшлі 23 асуджаныя.",
        [("pardon", 23)],
    ),
    (
        "uk",
        "Україна повернула з полону 64 захисників",
        "Обмін полоненими відбувся за посередництва ОАЕ; додому повернулися 64 військових.",
        [("pardon", 64)],
    ),
    ("uk", "Лукашенко помилував чотирнадцять в’язнів", "", [("pardon", 14)]),
    (
        "pl",
        "Prezydent ułaskawił trzydziestu skazanych",
        "Na wolność wyszło 30 osób.",
        [("pardon", 30)],
    ),
    ("pl", "Białoruś uwolniła 19 więźniów politycznych", "", [("pardon", 19)]),
    (
        "de",
        "Ägypten begnadigt 1.200 Häftlinge zum Fest",
        "Präsident al-Sisi hat 1.200 Gefangene begnadigt.",
        [("pardon", 1200)],
    ),
    ("de", "Belarus lässt 40 politische Gefangene frei", "", [("pardon", 40)]),
    ("fr", "Le président gracie 350 détenus pour la fête nationale", "", [("pardon", 350)]),
    (
        "fr",
        "Cuba : quarante-deux opposants libérés",
        "Quarante-deux prisonniers politiques ont été libérés lundi.",
        [("pardon", 42)],
    ),
    (
        "es",
        "El régimen excarcela a 60 presos políticos",
        "Sesenta opositores fueron liberados el domingo.",
        [("pardon", 60)],
    ),
    ("es", "El Gobierno indultó a doce condenados", "", [("pardon", 12)]),
    ("it", "Iran, graziati 800 detenuti per la festa nazionale", "", [("pardon", 800)]),
    ("it", "Bielorussia, liberati venticinque prigionieri politici", "", [("pardon", 25)]),
    ("en", "EU imposes new sanctions on Iranian drone makers", "", [("sanctions", "imposed")]),
    ("en", "US Treasury lifts sanctions on Belarusian airline", "", [("sanctions", "lifted")]),
    ("ru", "Евросоюз продлил санкции против Белоруссии", "", [("sanctions", "imposed")]),
    ("ru", "США сняли санкции с белорусского калия", "", [("sanctions", "lifted")]),
    ("be", "ЗША знялі санкцыі з беларускай авіякампаніі", "", [("sanctions", "lifted")]),
    ("uk", "Україна запровадила санкції проти 30 компаній", "", [("sanctions", "imposed")]),
    ("pl", "UE przyjęła nowy pakiet sankcji wobec Rosji", "", [("sanctions", "imposed")]),
    ("de", "EU lockert Sanktionen gegen Syrien", "", [("sanctions", "lifted")]),
    ("fr", "Londres impose de nouvelles sanctions à Moscou", "", [("sanctions", "imposed")]),
    (
        "es",
        "Washington levanta las sanciones a la aerolínea estatal",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "it",
        "Ue, approvato il nuovo pacchetto di sanzioni contro Mosca",
        "",
        [("sanctions", "imposed")],
    ),
    ("en", "Monitor counts 2,140 political prisoners in Myanmar", "", [("prisoner_count", 2140)]),
    ("ru", "Правозащитники насчитали 1 090 политзаключённых", "", [("prisoner_count", 1090)]),
    ("be", "Цяпер у Беларусі больш за 1 100 палітвязняў", "", [("prisoner_count", 1100)]),
    ("uk", "У Криму понад 200 політв’язнів", "", [("prisoner_count", 200)]),
    ("pl", "Na Białorusi jest 1150 więźniów politycznych", "", [("prisoner_count", 1150)]),
    (
        "de",
        "In Venezuela sitzen rund 900 politische Gefangene in Haft",
        "",
        [("prisoner_count", 900)],
    ),
    ("fr", "Le Nicaragua détient 140 prisonniers politiques", "", [("prisoner_count", 140)]),
    ("es", "Cuba mantiene a 1.050 presos políticos", "", [("prisoner_count", 1050)]),
    ("it", "In Bielorussia restano 1.150 prigionieri politici", "", [("prisoner_count", 1150)]),
]


@pytest.mark.parametrize(("lang", "title", "summary", "expected"), POSITIVES)
def test_positive(lang: str, title: str, summary: str, expected: list[tuple[str, object]]) -> None:
    assert kinds(evaluate(item(title, summary, lang))) == sorted(expected)


# ------------------------------------------------------------------ hard negatives
NEGATIVES = [
    (
        "en",
        "Opposition calls for release of 30 jailed activists",
        "Rights groups urged the authorities to free all political prisoners.",
    ),
    (
        "en",
        "Lukashenko could pardon more prisoners, envoy says",
        "The envoy said Minsk might release another group if talks succeed.",
    ),
    (
        "en",
        "Governor refuses clemency for death row inmate",
        "The board denied the petition on Tuesday.",
    ),
    (
        "en",
        "Studio releases new trailer for spy thriller",
        "The film will be released in 2,000 cinemas in March.",
    ),
    ("en", "White House pardons two turkeys before Thanksgiving", "The birds will live on a farm."),
    (
        "en",
        "Senators propose new sanctions on Russian oil",
        "The bill has not yet been put to a vote.",
    ),
    (
        "en",
        "FIFA sanctions club over unpaid transfer fees",
        "The club is banned from registering players.",
    ),
    (
        "en",
        "Record 87,000 people held in prisons, ministry says",
        "The prison population rose by 2% this year.",
    ),
    (
        "en",
        "40 years since dissidents were freed in a Cold War swap",
        "On this day in 1985, 23 prisoners were exchanged at the Glienicke bridge.",
    ),
    ("ru", "Президент освободил от должности министра", "Указ опубликован в понедельник."),
    ("ru", "Лукашенко может помиловать ещё 20 человек", "Об этом сообщают источники."),
    (
        "ru",
        "Мать политзаключённого просит о помиловании",
        "Она направила прошение в администрацию президента.",
    ),
    ("ru", "Пенсионеров освободят от налога на землю", "Законопроект принят в первом чтении."),
    (
        "be",
        "Дэпутаты абмяркоўваюць законапраект аб амністыі",
        "Амністыя можа закрануць каля 5 тысяч чалавек.",
    ),
    ("uk", "Україна готує новий обмін полоненими", "Дату поки не визначено."),
    ("uk", "Уряд звільнив з посади голову податкової", ""),
    (
        "pl",
        "Apel o uwolnienie skazanego dziennikarza",
        "Organizacje wzywają władze do uwolnienia więźniów.",
    ),
    ("pl", "Zwolnienia grupowe: pracę straci 800 osób", ""),
    ("de", "Merz fordert neue Sanktionen gegen Moskau", ""),
    ("de", "Zehn Wölfe in der Lausitz freigelassen", "Die Tiere tragen Sender."),
    ("fr", "Des ONG réclament la libération de 12 militants", ""),
    ("fr", "Ligue 1 : sanction de deux matches pour un joueur", ""),
    ("es", "Familias piden la excarcelación de 200 presos", ""),
    ("es", "Liberan 150 tortugas en una playa de Jalisco", ""),
    ("it", "Petizione per la grazia a un ex terrorista", "Raccolta firme: oltre 10mila adesioni."),
    ("it", "Uefa, sanzioni alla Juventus per cori razzisti", ""),
    ("it", "Rilasciata la nuova versione dell'app con 40 correzioni", ""),
]


@pytest.mark.parametrize(("lang", "title", "summary"), NEGATIVES)
def test_negative(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang)) == []


# ---------------------------------------------------------------------- numbers
NUMBERS = [
    ("Belarus freed 1,300 prisoners", "en", 1300),
    ("Belarus freed 1.300 prisoners", "en", 1300),
    ("Belarus freed 1 300 prisoners", "en", 1300),
    ("Belarus freed 1\u00a0300 prisoners", "en", 1300),
    ("Belarus freed 1\u202f300 prisoners", "en", 1300),
    ("Belarus freed 1300 prisoners", "en", 1300),
    ("Лукашенко помиловал более 1,2 тыс. осуждённых", "ru", 1200),
    ("Khamenei grazia oltre 2mila detenuti", "it", 2000),
    ("Амнистия: освобождены 4 тысяч осуждённых", "ru", 4000),
    ("Myanmar junta frees 5.864 prisoners", "en", 5864),
    ("Лукашенко помиловал двадцать пять человек", "ru", 25),
    ("Лукашенко помиловал двадцати пяти осуждённым", "ru", 25),
    ("Лукашенко помиловал четырнадцать человек", "ru", 14),
    ("Лукашэнка памілаваў дваццаць тры чалавекі", "be", 23),
    ("Лукашэнка памілаваў дваццаці трох асуджаных", "be", 23),
    ("Лукашенко помилував чотирнадцять в’язнів", "uk", 14),
    ("Łukaszenka ułaskawił dwudziestu pięciu więźniów", "pl", 25),
    ("Łukaszenka ułaskawił czternastu więźniów", "pl", 14),
    ("Łukaszenka ułaskawił trzydziestu więźniów", "pl", 30),
    ("Spain pardons twenty-five prisoners", "en", 25),
    ("Lukaschenko begnadigt fünfundzwanzig Gefangene", "de", 25),
    ("Loukachenko gracie vingt-cinq prisonniers", "fr", 25),
    ("Lukashenko indultó a veinticinco presos", "es", 25),
    ("Lukashenko ha graziato venticinque prigionieri", "it", 25),
]


@pytest.mark.parametrize(("title", "lang", "count"), NUMBERS)
def test_number_notations(title: str, lang: str, count: int) -> None:
    events = evaluate(item(title, "", lang))
    assert [(e.kind, e.count) for e in events] == [("pardon", count)]


QUALIFIERS = [
    ("Belarus freed more than 40 prisoners", "en", 40, "over"),
    ("Belarus freed about 40 prisoners", "en", 40, "about"),
    ("Belarus freed nearly 40 prisoners", "en", 40, "under"),
    ("Лукашенко помиловал около 40 человек", "ru", 40, "about"),
    ("Лукашенко помиловал свыше 40 человек", "ru", 40, "over"),
    ("Лукашенко помилував понад 40 людей", "uk", 40, "over"),
    ("Лукашэнка памілаваў каля 40 чалавек", "be", 40, "about"),
    ("Khamenei ha graziato più di 40 detenuti", "it", 40, "over"),
    ("Lukaschenko begnadigt mehr als 40 Gefangene", "de", 40, "over"),
    ("Le roi gracie plus de 40 détenus", "fr", 40, "over"),
    ("El Gobierno indultó a casi 40 presos", "es", 40, "under"),
    ("Prezydent ułaskawił około 40 skazanych", "pl", 40, "about"),
]


@pytest.mark.parametrize(("title", "lang", "count", "qualifier"), QUALIFIERS)
def test_qualifiers(title: str, lang: str, count: int, qualifier: str) -> None:
    (e,) = evaluate(item(title, "", lang))
    assert (e.count, e.qualifier) == (count, qualifier)


NOT_COUNTS = [
    ("The 43-year-old was freed on Monday", "en", "modifier"),
    ("He was freed, aged 70, on Monday", "en", "age"),
    ("Ему 73 года", "ru", "duration"),
    ("He served an 18 years term", "en", "duration"),
    ("The EU adopted its 16th package", "en", "ordinal"),
    ("UE przyjęła 19. pakiet sankcji", "pl", "ordinal"),
    ("fined €50,000 on Monday", "en", "money"),
    ("долг в размере 1,3 млн евро", "ru", "money"),
    ("up 91% on last year", "en", "percent"),
    ("released in 2019 after talks", "en", "year"),
    ("freed on September 11 after talks", "en", "date"),
    ("con motivo del 45.º aniversario de la revolución", "es", "ordinal"),
    ("por el 1.ª vez en la historia", "es", "ordinal"),
    ("из колонии №7 вышли на свободу", "ru", "identifier"),
    ("inmates of Penal Colony No. 3 walked free", "en", "identifier"),
    ("więźniowie Zakładu Karnego nr 2", "pl", "identifier"),
]


def test_a_number_word_glued_to_an_apostrophe_is_part_of_a_word() -> None:
    # Belarusian and Ukrainian spell words with an apostrophe: "сем'і" (families), "сім'я"
    assert find_numbers("дапамога сем'ям палітвязняў", ("be",)) == []
    assert [n.value for n in find_numbers("вызвалілі сем чалавек", ("be",))] == [7]
    assert [n.value for n in find_numbers("звільнили п'ять осіб", ("uk",))] == [5]
    # one and a half, only of a thousand
    assert [n.value for n in find_numbers("около полутора тысяч человек", ("ru",))] == [1500]
    assert [n.value for n in find_numbers("паўтары тысячы вязняў", ("be",))] == [1500]
    assert [n.value for n in find_numbers("półtora tysiąca osób", ("pl",))] == [1500]
    assert find_numbers("полтора человека", ("ru",)) == []


@pytest.mark.parametrize(("text", "lang", "reason"), NOT_COUNTS)
def test_numbers_that_are_not_counts(text: str, lang: str, reason: str) -> None:
    nums = [n for n in find_numbers(text, (lang,)) if n.value is not None]
    assert nums and all(n.bad is not None for n in nums)
    assert nums[0].bad == reason


def test_vague_amounts_give_no_count() -> None:
    (e,) = evaluate(item("Лукашенко помиловал несколько десятков осуждённых", "", "ru"))
    assert (e.kind, e.count) == ("pardon", None)
    (e,) = evaluate(item("Belarus frees dozens of political prisoners", "", "en"))
    assert (e.kind, e.count) == ("pardon", None)


@pytest.mark.parametrize(
    ("title", "lang", "count"),
    [
        ("Tebboune gracie une soixantaine de détenus du Hirak", "fr", 60),
        ("Une centaine de prisonniers politiques libérés au Nicaragua", "fr", 100),
        ("Graziati un centinaio di prigionieri politici", "it", 100),
        ("Liberati una ventina di detenuti politici in Bielorussia", "it", 20),
        ("El Gobierno indultó a una veintena de presos políticos", "es", 20),
    ],
)
def test_nouns_of_approximation_give_about_that_many(title: str, lang: str, count: int) -> None:
    (e,) = evaluate(item(title, "", lang))
    assert (e.kind, e.count, e.qualifier) == ("pardon", count, "about")
    assert e.evidence.how.endswith("qualifier about")


def test_plural_or_ambiguous_nouns_of_approximation_stay_vague() -> None:
    # "dozens of", "quarantaine" (quarantine), "quinzaine" (a fortnight) are no count
    assert [n.value for n in find_numbers("plusieurs dizaines de détenus", ("fr",))] == []
    assert [n.value for n in find_numbers("une quarantaine de détenus", ("fr",))] == []
    assert [n.value for n in find_numbers("una cuarentena de presos", ("es",))] == []
    (n,) = find_numbers("una trentina di detenuti", ("it",))
    assert (n.value, n.text, n.approx) == (30, "una trentina", True)


def test_subfigures_are_not_separate_events() -> None:
    events = evaluate(
        item(
            "Belarus pardons 31 prisoners",
            "Lukashenko pardoned 31 people, including 11 women and 20 men. "
            "In a separate move, 9 foreigners were released on Friday.",
        )
    )
    assert kinds(events) == [("pardon", 9), ("pardon", 31)]


def test_coordinated_groups_sum_to_one_release() -> None:
    events = evaluate(item("Swap: Ukraine frees 150 soldiers and 30 civilians", "", "en"))
    assert kinds(events) == [("pardon", 180)]


def test_and_n_others_counts_the_named_person() -> None:
    events = evaluate(item("Belarus frees activist Ivanou and 9 others", "", "en"))
    assert kinds(events) == [("pardon", 10)]


def test_rounded_headline_and_exact_body_are_one_event() -> None:
    events = evaluate(
        item(
            "Junta frees more than 3,000 prisoners",
            "The amnesty covers 3,112 prisoners, state TV said.",
            "en",
        )
    )
    assert kinds(events) == [("pardon", 3112)]


def test_title_and_summary_are_deduplicated() -> None:
    events = evaluate(
        item(
            "Lukashenko pardons 18 prisoners",
            "Alexander Lukashenko pardoned 18 people on Friday.",
            "en",
        )
    )
    assert len(events) == 1


def test_both_sanction_directions() -> None:
    events = evaluate(
        item(
            "EU lifts sanctions on Syrian banks but imposes new sanctions on militia leaders",
            "",
            "en",
        )
    )
    assert kinds(events) == [("sanctions", "imposed"), ("sanctions", "lifted")]


def test_unknown_language_tries_all_packs() -> None:
    events = evaluate(item("Лукашэнка памілаваў 16 чалавек", "", lang=None))
    assert kinds(events) == [("pardon", 16)]


def test_historical_release_by_date() -> None:
    events = evaluate(
        item(
            "Dissident recalls his release",
            "He was released on 5 March 2019 after four years in jail.",
            "en",
        )
    )
    assert events == []


def test_evidence_explains_the_event() -> None:
    (e,) = evaluate(item("Мирзиёев помиловал более 1,2 тыс. осуждённых", "", "ru"))
    ev = e.evidence
    assert ev is not None and ev.rule == "builtin:pardon"
    assert ev.words == ("помиловал",)
    assert ev.count_text == "более 1,2 тыс."
    assert "1200" in ev.how and "over" in ev.how
    assert ev.sentence.startswith("Мирзиёев")
    assert e.country == "UZ"


def test_fields_by_country_date_source() -> None:
    (s,) = evaluate(item("US lifts sanctions on Belavia", "", "en"))
    assert (s.by, s.target) == ("US", "Belavia")
    # the target after its preposition: articles dropped, no weekday, ends before "over"
    for title, lang, target in (
        ("EU imposes sanctions on the Wagner Group", "en", "Wagner Group"),
        ("EU imposes sanctions on Friday on Russian oligarchs", "en", "Russian oligarchs"),
        ("UK sanctions against Iranian officials linked to executions", "en", "Iranian officials"),
        ("ЕС ввёл санкции против российских банков и компаний", "ru", "российских банков"),
        ("EU verhängt Sanktionen gegen die Regierung in Minsk", "de", "Regierung"),
    ):
        (s,) = evaluate(item(title, "", lang))
        assert s.target == target, title
    (s,) = evaluate(item("EU imposes sanctions on Friday", "", "en"))
    assert s.target is None
    (p,) = evaluate(
        item(
            "Belarus frees 52 prisoners",
            "Belarus released 52 prisoners on September 11, 2025.",
            "en",
        )
    )
    assert (p.country, p.date) == ("BY", "2025-09-11")
    (c,) = evaluate(item("Viasna counts 1,150 political prisoners", "", "en"))
    assert (c.source, c.count) == ("Viasna", 1150)


def test_works_on_real_item_type_and_html() -> None:
    it = Item(
        key="k",
        title="Belarus frees 20 prisoners",
        summary="<p>Belarus <b>freed</b> 20 prisoners &amp; activists.</p>",
        link=None,
        published=PUB,
        lang="en",
    )
    assert kinds(evaluate(it)) == [("pardon", 20)]


def test_item_without_published_is_accepted() -> None:
    it = SimpleNamespace(title="Lukashenko pardons 12 prisoners", summary="", lang="en")
    assert kinds(evaluate(it)) == [("pardon", 12)]


# ------------------------------------------------------------------------- seeds
def _seed(lang: str) -> dict:
    for line in (
        (ROOT / "releasewatch" / "samples" / "corpus" / "seeds.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        row = json.loads(line)
        if row["lang"] == lang:
            return row
    raise AssertionError(lang)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_seed_articles_give_exactly_their_gold_events(lang: str) -> None:
    row = _seed(lang)
    it = item(
        row["title"],
        row["summary"],
        row["lang"],
        datetime.fromisoformat(row["published"]).replace(tzinfo=UTC),
    )
    gold = sorted(
        (e["kind"], e.get("direction") if e["kind"] == "sanctions" else e.get("count"))
        for e in row["events"]
    )
    assert kinds(evaluate(it)) == gold
    assert gold == sorted(
        [
            ("pardon", 25),
            ("pardon", 52),
            ("sanctions", "lifted"),
            ("prisoner_count", 1000),
            ("prisoner_count", 1300),
        ]
    )


def test_evaluate_is_pure() -> None:
    it = item("Lukashenko pardons 30 prisoners", "", "en")
    assert evaluate(it) == evaluate(it)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Лукашэнка памілаваў 16 чалавек, паведаміла прэс-служба", "be"),
        ("Лукашенко помиловал 16 человек, сообщила пресс-служба", "ru"),
        ("Лукашенко помилував 16 людей, про це повідомила його пресслужба", "uk"),
        ("Prezydent ułaskawił 16 osób, poinformowała kancelaria", "pl"),
        ("Der Präsident hat 16 Gefangene begnadigt, teilte das Amt mit", "de"),
        ("Le président a gracié 16 détenus, selon la présidence", "fr"),
        ("El presidente indultó a 16 presos, según la presidencia", "es"),
        ("Il presidente ha graziato 16 detenuti, secondo la presidenza", "it"),
        ("The president pardoned 16 prisoners, the office said", "en"),
    ],
)
def test_language_detection_when_lang_missing(text: str, lang: str) -> None:
    from rules.engine import detect_language

    assert detect_language(text) == lang
    (e,) = evaluate(item(text, "", lang=None))
    assert (e.kind, e.count) == ("pardon", 16)


# ------------------------------------------------- generality: one block per general cause
# Sentences written for these tests (other countries / wording than any corpus item); each
# block exercises one cause found on unseen news, in several languages.
GENERAL_POSITIVES = [
    # sanctions verbs in other inflections / synonyms; Belarusian у/ў; German compounds
    (
        "be",
        "Канада ўвяла санкцыі супраць беларускіх прапагандыстаў",
        "",
        [("sanctions", "imposed")],
    ),
    ("uk", "Японія знімає санкції з трьох банків", "", [("sanctions", "lifted")]),
    ("uk", "Зеленський увів у дію санкції проти 40 компаній", "", [("sanctions", "imposed")]),
    ("it", "Il Regno Unito rinnova le sanzioni contro l'Iran", "", [("sanctions", "imposed")]),
    ("pl", "Stany Zjednoczone znoszą część sankcji wobec Syrii", "", [("sanctions", "lifted")]),
    ("es", "La UE renueva las sanciones contra Nicaragua", "", [("sanctions", "imposed")]),
    (
        "de",
        "Kanada verhängt Finanzsanktionen gegen iranische Beamte",
        "",
        [("sanctions", "imposed")],
    ),
    ("de", "Die Schweiz hebt Reisesanktionen gegen Syrien auf", "", [("sanctions", "lifted")]),
    (
        "it",
        "Venezuela, via libera al petrolio",
        "Washington concede una deroga alle sanzioni per le forniture di greggio.",
        [("sanctions", "lifted")],
    ),
    # the second event of an item sits in another sentence
    (
        "pl",
        "Wenezuela uwolniła 30 więźniów politycznych",
        "W odpowiedzi USA znoszą sankcje na państwowy koncern naftowy.",
        [("pardon", 30), ("sanctions", "lifted")],
    ),
    (
        "be",
        "Улады вызвалілі 18 палітвязняў",
        "Вашынгтон здымае санкцыі з дзяржаўнай авіякампаніі.",
        [("pardon", 18), ("sanctions", "lifted")],
    ),
    # freedom regained / prison left: release verbs other than "release"
    (
        "ru",
        "Свободу обрели 12 заключённых, осуждённых по политическим статьям",
        "",
        [("pardon", 12)],
    ),
    ("es", "Recuperan la libertad 35 presos políticos en Nicaragua", "", [("pardon", 35)]),
    ("fr", "Au Bélarus, 20 prisonniers politiques ont retrouvé la liberté", "", [("pardon", 20)]),
    ("de", "In Myanmar haben 5.000 Häftlinge das Gefängnis verlassen", "", [("pardon", 5000)]),
    ("it", "Egitto, tornati in libertà 12 attivisti detenuti", "", [("pardon", 12)]),
    ("en", "Twelve activists regained their freedom in Baku", "", [("pardon", 12)]),
    ("de", "Zwölf Oppositionelle kommen in Belarus frei", "", [("pardon", 12)]),
    # exchanges: separable German verb, "handed over" with the figure
    ("de", "Armenien und Aserbaidschan tauschen je fünf Gefangene aus", "", [("pardon", 5)]),
    (
        "es",
        "Rusia y Ucrania se entregaron 300 prisioneros en un nuevo canje",
        "",
        [("pardon", 300)],
    ),
    # German ordinals are followed by a capitalised noun
    ("de", "Zum 70. Unabhängigkeitstag begnadigt Myanmar 2.000 Häftlinge", "", [("pardon", 2000)]),
    # "made possible" is not a hypothetical
    ("en", "Qatari mediation made possible the release of eight prisoners", "", [("pardon", 8)]),
    (
        "it",
        "La mediazione vaticana ha reso possibile la liberazione di 10 detenuti politici",
        "",
        [("pardon", 10)],
    ),
    # a figure added to the list is an increment, not the total
    (
        "ru",
        "В России 800 политзаключённых",
        "За месяц в список добавлены 25 человек.",
        [("prisoner_count", 800)],
    ),
    (
        "pl",
        "Na Białorusi jest 1150 więźniów politycznych",
        "W marcu na listę dopisano 30 osób.",
        [("prisoner_count", 1150)],
    ),
    (
        "uk",
        "У Криму 220 політв’язнів",
        "У березні до переліку додано 12 осіб.",
        [("prisoner_count", 220)],
    ),
]


@pytest.mark.parametrize(("lang", "title", "summary", "expected"), GENERAL_POSITIVES)
def test_general_positive(
    lang: str, title: str, summary: str, expected: list[tuple[str, object]]
) -> None:
    assert kinds(evaluate(item(title, summary, lang))) == sorted(expected)


GENERAL_NEGATIVES = [
    # sports / regulator sanctions: the cue is elsewhere in the item, not in the sentence
    (
        "de",
        "Sanktionen gegen Hansa Rostock verhängt",
        "Der Verein muss nach Pyrotechnik-Vorfällen beim Spiel gegen Köln 50.000 Euro zahlen.",
    ),
    (
        "it",
        "Il giudice ha sanzionato il Napoli",
        "La squadra giocherà una partita a porte chiuse dopo gli scontri tra tifosi.",
    ),
    ("ru", "КДК ввёл санкции против «Локомотива»", "Клубу запрещено проводить два домашних матча."),
    (
        "uk",
        "Антидопінгове агентство наклало санкції на трьох важкоатлетів",
        "Спортсменів відсторонено.",
    ),
    (
        "pl",
        "Komisja Ligi nałożyła sankcje na Wisłę",
        "Kibice nie wejdą na stadion przez dwa mecze.",
    ),
    # refusals, rule-outs and hopes
    ("en", "Minsk keeps Babaryka behind bars, ruling out a pardon for now", ""),
    ("de", "Kreml schließt Freilassung des Reporters aus", ""),
    ("fr", "Téhéran : la famille espère la libération de deux Français détenus", ""),
    ("it", "La famiglia spera nella grazia per il giornalista detenuto in Iran", ""),
    ("es", "La Audiencia deniega el indulto a un exconcejal condenado", ""),
    ("ru", "Родные надеются на помилование осуждённого журналиста", ""),
    ("pl", "Rodzina ma nadzieję na ułaskawienie dziennikarza", ""),
    ("uk", "Родина сподівається на звільнення журналіста з полону", ""),
    # animals and indexes are "pardoned" / "released" too
    ("en", "Governor pardons a horse named Lucky at the state fair", ""),
    ("fr", "Un taureau gracié lors de la feria de Nîmes", ""),
    ("en", "Freedom House releases its annual index; jailed bloggers cited", ""),
    # anniversaries and running totals of political prisoners
    ("de", "Vor 25 Jahren zählte Memorial 500 politische Gefangene", ""),
    ("pl", "Od sierpnia 2020 roku przez więzienia przeszło ponad 3 tys. więźniów politycznych", ""),
    ("ru", "С августа 2020 года через колонии прошли более 4 тысяч политзаключённых", ""),
    ("es", "Entre 1999 y 2024 pasaron por las cárceles más de 18.000 presos políticos", ""),
    (
        "be",
        "Дваццаць гадоў таму вызвалілі 30 палітвязняў",
        "Праз год ЕС прыпыніў частку санкцый.",
    ),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES)
def test_general_negative(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang)) == []


@pytest.mark.parametrize(
    ("title", "summary", "declared", "expected"),
    [
        # an English-labelled feed carrying Italian / Russian / Polish items
        (
            "Cuba, liberati 553 detenuti politici",
            "Il governo ha annunciato la scarcerazione dei detenuti dopo la mediazione del Vaticano.",
            "en",
            [("pardon", 553)],
        ),
        (
            "В Беларуси помилованы 18 человек",
            "Об этом сообщила пресс-служба президента, указ подписан в пятницу.",
            "en",
            [("pardon", 18)],
        ),
        (
            "Litwa: UE nałożyła nowe sankcje na Białoruś",
            "Decyzję podjęli ministrowie spraw zagranicznych w Brukseli.",
            "de",
            [("sanctions", "imposed")],
        ),
    ],
)
def test_mislabelled_feed_language_falls_back_to_the_text_language(
    title: str, summary: str, declared: str, expected: list[tuple[str, object]]
) -> None:
    assert kinds(evaluate(item(title, summary, declared))) == sorted(expected)


def test_declared_language_with_its_stopwords_is_not_second_guessed() -> None:
    # English text (stopwords present) that the English pack rejects stays rejected
    it = item("The band will release a new album", "It was recorded in Milan and Kyiv.", "en")
    assert evaluate(it) == []


def test_union_prefilter_admits_whatever_a_language_pack_admits() -> None:
    # evaluate() skips language detection when the all-language prefilter finds nothing:
    # that is only safe while it matches every text some language pack's prefilter matches
    from rules.packs import ALL, languages, pack
    from rules.text import has

    union = pack(ALL).prefilter
    texts = [
        f"{r['title']}\n{r['summary']}"
        for name in ("dev.jsonl", "seeds.jsonl")
        for r in map(json.loads, (ROOT / "releasewatch" / "samples" / "corpus" / name).open())
    ]
    admitted = 0
    for lang in languages():
        rx = pack(lang).prefilter
        assert rx is not None
        for text in texts:
            if has(rx, text):
                admitted += 1
                assert has(union, text), (lang, text[:80])
    assert admitted > len(texts)  # most texts pass their own pack's (and some others')


def test_unlabelled_items_need_a_trigger_in_some_language() -> None:
    assert evaluate(item("Stock markets close higher", "Oil prices rose on Monday.", None)) == []
    # no language declared: detected from the text, the Russian pack reports the pardon
    evs = evaluate(item("Лукашенко помиловал 25 человек", "Об этом сообщила пресс-служба.", None))
    assert kinds(evs) == [("pardon", 25)]


def test_engine_accessor_survives_evaluate() -> None:
    import rules

    evaluate(item("Lukashenko pardons 30 prisoners", "", "en"))
    assert callable(rules.engine) and rules.engine() is rules.engine()


# ------------------------------------ generality 2: causes found on independent_holdout_2
# Sentences written for these tests (other countries / wording than the holdout items).
GENERAL_POSITIVES_2 = [
    # a release of people named as political prisoners counts even with precautionary
    # measures; a pardon story with a bail release elsewhere keeps its pardon
    (
        "es",
        "Excarcelan a 15 presos políticos en Venezuela con medidas cautelares",
        "",
        [("pardon", 15)],
    ),
    (
        "en",
        "Azerbaijan pardons 150 prisoners",
        "Separately, one journalist was released on bail last week.",
        [("pardon", 150)],
    ),
    # a release next to a handover of bodies keeps its own figure
    (
        "en",
        "Hamas freed three hostages and handed over the bodies of four others",
        "",
        [("pardon", 3)],
    ),
    # "the largest swap since the start of the war" is not a running total
    (
        "en",
        "Russia and Ukraine swap 250 prisoners each in the largest exchange since the start of the war",
        "",
        [("pardon", 250)],
    ),
    # a figure stays a current count when a 'still held' cue follows it, despite 'since';
    # a qualifier's own preposition ('più di', 'plus de') is not a comparison
    (
        "es",
        "Foro Penal: más de 800 personas detenidas desde las elecciones siguen siendo presos políticos",
        "",
        [("prisoner_count", 800)],
    ),
    (
        "it",
        "In Bielorussia restano più di 1.100 prigionieri politici",
        "",
        [("prisoner_count", 1100)],
    ),
    (
        "fr",
        "Selon Viasna, il y a plus de 1 100 prisonniers politiques en Biélorussie",
        "",
        [("prisoner_count", 1100)],
    ),
    (
        "ru",
        "«ОВД-Инфо»: в заключении по политически мотивированным делам находятся 1 200 человек",
        "",
        [("prisoner_count", 1200)],
    ),
    # completed multi-stage exchange: the last stage is part of the total
    (
        "en",
        "Armenia and Azerbaijan complete a 100-for-100 prisoner swap",
        "The last 40 soldiers were flown home on Sunday.",
        [("pardon", 100)],
    ),
    (
        "uk",
        "Завершено обмін «500 на 500»",
        "У неділю додому повернулися ще 120 захисників.",
        [("pardon", 500)],
    ),
    # an infinitive governed by 'decided' is a decision taken
    ("es", "Cuba decidió liberar a 553 presos políticos", "", [("pardon", 553)]),
    ("ru", "Лукашенко решил помиловать 20 осуждённых", "", [("pardon", 20)]),
    # sanctions verbs / list removals in other inflections and word orders
    ("it", "L'Ue sanziona tre ministri bielorussi", "", [("sanctions", "imposed")]),
    ("uk", "Канада скасовує санкції проти двох сирійських банків", "", [("sanctions", "lifted")]),
    (
        "pl",
        "Z unijnej listy sankcyjnej usunięto trzech biznesmenów",
        "Rada UE przedłużyła sankcje wobec Rosji o pół roku.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "pl",
        "Na wniosek Węgier z listy sankcyjnej zdjęto trzech oligarchów",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "de",
        "Liechtenstein übernimmt die neuen EU-Sanktionen gegen Belarus",
        "",
        [("sanctions", "imposed")],
    ),
]


@pytest.mark.parametrize(("lang", "title", "summary", "expected"), GENERAL_POSITIVES_2)
def test_general_positive_2(
    lang: str, title: str, summary: str, expected: list[tuple[str, object]]
) -> None:
    assert kinds(evaluate(item(title, summary, lang))) == sorted(expected)


GENERAL_NEGATIVES_2 = [
    # released by a court pending trial: bail, house arrest, judicial supervision, expiry
    ("en", "Hong Kong court frees two activists on bail pending appeal", ""),
    ("es", "Un juez de Lima deja en libertad bajo fianza a tres manifestantes detenidos", ""),
    ("ru", "Суд отпустил блогера под домашний арест до суда", ""),
    ("it", "Scarcerati per scadenza dei termini tre indagati per corruzione a Napoli", ""),
    ("de", "Gericht lässt zwei Aktivisten gegen Kaution frei", ""),
    ("en", "Dozens of protesters were detained and later released in Tbilisi", ""),
    # bodies / remains handed over are not people released
    ("uk", "У межах обміну Україні передали тіла 909 загиблих", ""),
    ("de", "Im Austausch wurden die Überreste von 40 Soldaten übergeben", ""),
    # animals: in the headline, the whole item is about them
    ("ru", "В Тверской области на волю выпустили трёх медведей", ""),
    ("fr", "Douze cigognes relâchées en Alsace après des soins", ""),
    ("en", "Rehabilitated eagles released in Scotland", "The release was watched by 40 pupils."),
    ("it", "Abruzzo, liberati nel parco sei lupi curati dal centro recupero", ""),
    # hypothetical / open-to / until / provides-for / on the table / requires
    ("ru", "Обмен заключёнными между США и Россией возможен до конца года", ""),
    ("de", "Teheran zeigt sich offen für Freilassung inhaftierter Europäer", ""),
    ("es", "Las familias acampan frente a la prisión hasta que los detenidos sean liberados", ""),
    (
        "pl",
        "Sejm zajmie się projektem ustawy",
        "Dokument przewiduje amnestię dla około 2 tysięcy skazanych.",
    ),
    ("it", "Sul tavolo di Bruxelles nuove sanzioni contro l'Iran", ""),
    ("de", "Für neue Sanktionen gegen Georgien ist Einstimmigkeit erforderlich", ""),
    ("uk", "У Брюсселі допустили посилення санкцій проти Ірану", ""),
    ("es", "Londres estudia nuevas sanciones, incluyendo un embargo de armas", ""),
    # struggles for / requests for a pardon
    ("fr", "La longue lutte pour la libération des prisonniers politiques sahraouis", ""),
    ("de", "Der Oppositionelle hat bei Präsident Tokajew um Begnadigung gebeten", ""),
    # bare infinitives: a wish or a call, not a decision
    ("ru", "Депутаты Европарламента: ужесточить санкции против Ирана", ""),
    ("pl", "Opozycja chce uwolnić więźniów politycznych", ""),
    ("es", "El objetivo es liberar a los 40 rehenes", ""),
    # an exchange word alone is not a prisoner swap (sports trades)
    ("es", "Los Dodgers cierran un canje con Boston", "El canje incluye a dos lanzadores."),
    # a regulator's fine, "Pardon?" the interjection
    ("it", "Bankitalia sanziona due banche per carenze antiriciclaggio", ""),
    ("en", "Pardon? Half of Britons mishear their doctors, survey finds", ""),
    ("en", "Why we say 'pardon' instead of 'what'", ""),
    # a running total since the start of the war is not one release
    ("ru", "С начала войны из плена удалось вернуть более 3 тысяч человек", ""),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES_2)
def test_general_negative_2(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang)) == []


# ------------------------------------------------------------ round 4: background, kidnaps
GENERAL_NEGATIVES_3 = [
    # kidnap victims freed by police or by their kidnappers are not released from detention
    ("en", "Police free three tourists kidnapped in southern Mexico", ""),
    ("ru", "Полиция освободила похищенного бизнесмена в Дагестане", ""),
    ("pl", "Antyterroryści uwolnili zakładników w sklepie w Poznaniu", ""),
    ("it", "Liberato l'imprenditore rapito in Calabria", "I rapitori chiedevano un riscatto."),
    ("de", "Entführte Touristen in Kolumbien freigelassen", ""),
    # a past release told as background in a feature about a person (ru/pl/it: year, last
    # year, a month name months before publication)
    ("ru", "Бывший политзаключённый открыл книжный магазин", "Его помиловали в прошлом году."),
    (
        "pl",
        "Były więzień napisał książkę",
        "Mężczyzna, ułaskawiony w zeszłym roku, mieszka w Wilnie.",
    ),
    (
        "it",
        "L'attivista torna a parlare in pubblico a Milano",
        "Liberata a gennaio, racconterà la detenzione in Iran.",
    ),
    (
        "be",
        "Былы палітвязень выдаў кнігу вершаў",
        "Памілаваны ў 2024 годзе, ён цяпер жыве ў Вільні.",
    ),
    # a promise in the future tense
    ("es", "El Gobierno indultará a los presos en las próximas semanas", ""),
    ("it", "Il governo libererà i detenuti nei prossimi giorni", ""),
    # sanctions only as a cause, an adjective, or a quantity next to a direction word
    ("en", "Exports fall 12% as sanctions bite", ""),
    ("en", "Firm fined for managing assets of a sanctioned Russian tycoon", ""),
    ("it", "Il commercio crolla per effetto delle sanzioni adottate contro Mosca", ""),
    ("de", "Trotz der Sanktionen wächst der Handel mit Russland", ""),
    # 'un' (French article), 'us' (pronoun) are not the UN or the US: a sports story stays one
    ("fr", "Le club sanctionné d'un match à huis clos", "La commission de discipline a tranché."),
    # a vague 'several thousand' is no count
    ("ru", "Правозащитники: через статус политзаключённого прошли несколько тысяч человек", ""),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES_3)
def test_general_negative_3(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC))) == []


GENERAL_POSITIVES_3 = [
    # a kidnap word does not hide a pardon or an exchange
    ("en", "Belarus pardons activist abducted by KGB agents in 2021", "", [("pardon", None)]),
    (
        "es",
        "Canje de prisioneros: Venezuela libera a 10 estadounidenses",
        "Entre ellos hay personas que su familia considera secuestradas.",
        [("pardon", 10)],
    ),
    # a month in the weeks before publication is news, not background
    ("it", "Bielorussia, liberati 12 detenuti politici a giugno", "", [("pardon", 12)]),
    # 'y a otros N' / 'i N innych': the named person makes N + 1
    (
        "es",
        "Nicaragua excarcela al periodista Juan Pérez y a otros 12 presos",
        "",
        [("pardon", 13)],
    ),
    (
        "pl",
        "Białoruś uwolniła aktywistę Jana Kowalskiego i 12 innych więźniów",
        "",
        [("pardon", 13)],
    ),
    # a sub-figure after the number ("40 of them") does not become its own count
    (
        "en",
        "Rights group counts 1,200 political prisoners",
        "The group said 1,200 political prisoners are held, 40 of them women.",
        [("prisoner_count", 1200)],
    ),
    # the terrorism-sponsor list is a sanctions list
    ("en", "US takes Cuba off state sponsors of terrorism list", "", [("sanctions", "lifted")]),
    (
        "en",
        "Japan adds 11 Russian firms and 3 people to its sanctions list",
        "",
        [("sanctions", "imposed")],
    ),
    # the UN / US / EU written in the languages' own spellings are still found
    ("en", "New US sanctions hit Iranian oil", "", [("sanctions", "imposed")]),
]


@pytest.mark.parametrize(("lang", "title", "summary", "expected"), GENERAL_POSITIVES_3)
def test_general_positive_3(
    lang: str, title: str, summary: str, expected: list[tuple[str, object]]
) -> None:
    got = evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC)))
    assert kinds(got) == sorted(expected)


def test_actors_acronyms_are_case_sensitive() -> None:
    (s,) = evaluate(item("Ue, prorogate le sanzioni contro la Russia", "", "it"))
    assert s.by == "EU"
    (s,) = evaluate(item("Le Conseil de sécurité de l'ONU renouvelle les sanctions", "", "fr"))
    assert s.by == "UN"
    (s,) = evaluate(item("Canada imposes new sanctions on a Russian bank", "", "en"))
    assert s.by == "CA"  # not 'US' from a word that merely starts with "us"


def test_background_release_explains_nothing_fired() -> None:
    """A past release next to 'last year' gives no event, but the same release as news does."""
    pub = datetime(2025, 6, 20, tzinfo=UTC)
    assert evaluate(item("Activist, pardoned last year, opens a bookshop", "", "en", pub)) == []
    (p,) = evaluate(item("Belarus pardons 16 political prisoners", "", "en", pub))
    assert p.count == 16


GENERAL_NEGATIVES_4 = [
    # a release at the end of the term, from police custody after hours, or under conditions
    ("ru", "Активист вышел на свободу, полностью отбыв срок", "Он освободился в понедельник."),
    ("de", "Reporterin nach 24 Stunden aus Polizeigewahrsam entlassen", ""),
    ("en", "Journalist released from police custody after questioning", ""),
    # "former political prisoner" features: the release is background
    ("uk", "Колишній політв'язень, звільнений у 2023 році, відкрив кав'ярню", ""),
    ("es", "El expreso político, excarcelado en 2023, presenta su libro en Madrid", ""),
    # a pardon that frees nobody, a pardon idiom, the institution of pardon
    ("en", "Governor grants posthumous pardon to man executed in 1950", ""),
    ("ru", "«Помилуйте, какая инфляция?»: министр о ценах", ""),
    ("pl", "Posłowie chcą ograniczyć prawo łaski prezydenta", ""),
    ("es", "El tribunal informa en contra del indulto al exalcalde", ""),
    # a running total since a year, before the figure
    ("uk", "З 2022 року з полону повернулися понад 4 000 українців", ""),
    # sanctions discussed, a film called "Grace", a hostage freed in a police raid
    ("ru", "ЕС продолжит обсуждение 20-го пакета санкций", ""),
    ("fr", "Le film « La Grâce » sort en salles mercredi", ""),
    ("en", "Hostage freed after police raid in Ohio", ""),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES_4)
def test_general_negative_4(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC))) == []


def test_applying_the_right_of_pardon_is_a_pardon() -> None:
    got = evaluate(
        item(
            "Prezydent zastosował prawo łaski wobec dwóch opozycjonistów",
            "",
            "pl",
            datetime(2025, 6, 20, tzinfo=UTC),
        )
    )
    assert kinds(got) == [("pardon", 2)]


@pytest.mark.parametrize(
    ("title", "lang", "count"),
    [
        ("Минск освободил шестерых граждан Литвы", "ru", 6),
        ("Венесуела звільнила п'ятеро американців", "uk", 5),
        ("Беларусь вызваліла траіх амерыканцаў", "be", 3),
    ],
)
def test_collective_numerals_count_people(title: str, lang: str, count: int) -> None:
    (p,) = evaluate(item(title, "", lang))
    assert (p.kind, p.count) == ("pardon", count)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("США освободили Венгрию от санкций за покупку нефти", "ru"),
        ("USA zwolniły Węgry z sankcji na rosyjską ropę", "pl"),
        ("USA nehmen Ungarn von den Ölsanktionen aus", "de"),
    ],
)
def test_exemption_from_sanctions_is_lifted(title: str, lang: str) -> None:
    assert kinds(evaluate(item(title, "", lang))) == [("sanctions", "lifted")]


def test_warning_about_restored_sanctions_is_no_event() -> None:
    text = "Le ministre a averti que le rétablissement des sanctions entraînerait une réponse."
    assert evaluate(item("Iran : mise en garde", text, "fr")) == []


# ------------------------------------ round 5: causes found on independent_holdout_6
GENERAL_NEGATIVES_5 = [
    # an anniversary piece, a release told "N months after"
    ("en", "25 years on, Helsinki remembers the spy swap that freed Mr Orlov", ""),
    ("ru", "30 лет с обмена: как помиловали узников Лефортово", ""),
    ("pl", "Dziennikarz dwa miesiące po ułaskawieniu: „Nadal śnię o celi”", ""),
    ("es", "El periodista, tres meses después de su excarcelación, vuelve a escribir", ""),
    # a running total over a year / since a month
    ("be", "За год на волю выйшлі больш за 150 палітвязняў", ""),
    ("en", "Since March 2024, Minsk has pardoned 400 political prisoners", ""),
    # a request, a discharge from military service, a denial
    ("be", "Сваякі папрасілі аб вызваленні палітвязня", ""),
    ("uk", "Закон про звільнення з військової служби після полону ухвалено", ""),
    ("de", "Regierung dementiert Berichte über Freilassung des Bloggers", ""),
    # idioms, hostages freed from captors
    ("it", "Il caro-affitti è il colpo di grazia per 8mila botteghe", ""),
    ("ru", "Спецназ освободил 12 заложников в торговом центре", ""),
    # a pardon on some charges, the person still held
    ("en", "Junta pardons jailed leader on three charges but she remains in custody", ""),
    ("fr", "L'opposant gracié pour deux chefs d'accusation, mais il reste en prison", ""),
    # a conditional clause, a plan right before the trigger, an alleged swap
    ("en", "If talks fail, London slaps new sanctions on Moscow's banks", ""),
    ("pl", "Jeżeli Mińsk nie ustąpi, Unia nałoży kolejne sankcje", ""),
    ("ru", "Стороны согласовывают списки на обмен пленными", ""),
    ("de", "Medien: Ein angeblich bevorstehender Gefangenenaustausch sorgt für Unruhe", ""),
    # animals set free (with their wildlife cues elsewhere in the item)
    (
        "de",
        "Drei Wildkatzen im Harz freigelassen",
        "Die Tiere tragen GPS-Sender; das Auswilderungsprojekt läuft seit 2000.",
    ),
    (
        "fr",
        "Deux vautours relâchés dans les Alpes",
        "Nés en captivité, ils ont été équipés de balises GPS.",
    ),
    (
        "pl",
        "Na wolność wypuszczono 15 sów",
        "Ptaki wyposażono w nadajniki GPS w ramach programu restytucji.",
    ),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES_5)
def test_general_negative_5(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC))) == []


GENERAL_POSITIVES_5 = [
    # both sides of a swap, each with its own verb ("received", "got back", "récupéré")
    (
        "en",
        "Kyiv brings home 120 in prisoner swap",
        "Ukraine said 120 of its soldiers returned home. Russia's defence ministry said it received 95 servicemen.",
        [("pardon", 95), ("pardon", 120)],
    ),
    (
        "fr",
        "Nouvel échange de prisonniers entre Kyiv et Moscou",
        "Cent dix Ukrainiens sont rentrés chez eux. Moscou a récupéré 84 soldats.",
        [("pardon", 84), ("pardon", 110)],
    ),
    # sanctions re-imposed, taken off, waived; "lifting of sanctions imposed by ..." is lifted
    ("es", "Estados Unidos reimpone sanciones al sector minero", "", [("sanctions", "imposed")]),
    ("pl", "Kanada zdjęła sankcje z dwóch banków", "", [("sanctions", "lifted")]),
    (
        "de",
        "Washington verzichtet auf Sanktionen gegen die Reederei",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "fr",
        "Ottawa annonce la levée des sanctions imposées par son prédécesseur à un armateur",
        "",
        [("sanctions", "lifted")],
    ),
    # "tens of thousands" is no count; the free men are still counted after a pardon
    ("pl", "Prezydent ułaskawił dziesiątkom tysięcy skazanych", "", [("pardon", None)]),
    (
        "en",
        "Junta frees 900 prisoners, including 4 pardoned on charges of sedition",
        "",
        [("pardon", 900)],
    ),
]


@pytest.mark.parametrize(("lang", "title", "summary", "expected"), GENERAL_POSITIVES_5)
def test_general_positive_5(
    lang: str, title: str, summary: str, expected: list[tuple[str, object]]
) -> None:
    got = evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC)))
    assert kinds(got) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "lang", "bad"),
    [
        ("pardoned on five of 19 charges", "en", "charges"),
        ("graziato per tre capi d'accusa", "it", "charges"),
        ("in vier von 12 Anklagepunkten freigesprochen", "de", "charges"),
    ],
)
def test_counts_of_an_indictment_are_no_people(text: str, lang: str, bad: str) -> None:
    nums = find_numbers(text, (lang,))
    assert nums and all(n.bad == bad for n in nums)


# ------------------------------------ round 6: causes found on independent_holdout_3
GENERAL_NEGATIVES_6 = [
    # commentary and anniversary headlines
    ("en", "Opinion: why the latest pardons in Minsk change little", ""),
    ("es", "Veinte años del indulto que cambió la política chilena", ""),
    ("de", "Zehn Jahre seit dem großen Gefangenenaustausch: ein Rückblick", ""),
    # an opening "Since ..." clause makes a count a running total
    (
        "en",
        "Repression in figures",
        "Since August 2021, Memorial has counted more than 2,100 political prisoners.",
    ),
    # "may happen" after the trigger, a village liberated, a package being prepared / presented
    ("be", "Палітолагі: новыя вызваленні палітвязняў могуць адбыцца ўвосень", ""),
    (
        "uk",
        "ЗСУ звільнили село на Запорізькому напрямку",
        "Бої тривають, взято в полон 5 окупантів.",
    ),
    ("ru", "Еврокомиссия начала подготовку нового пакета санкций", ""),
    ("it", "Bruxelles presenta il nuovo pacchetto di sanzioni contro l'Iran", ""),
    # a short opening clause that is a plan: "Планується, що ..."
    ("uk", "Обмін", "Планується, що додому повернуться 300 захисників."),
    # "no pardon", a veto, opposition to a pardon, a threat of a veto
    ("it", "Niente grazia per l'ex sindaco condannato", ""),
    ("es", "China veta la ampliación de las sanciones a Birmania", ""),
    ("es", "La Fiscalía se opone al indulto del exconsejero", ""),
    ("pl", "Węgry grożą wetem wobec nowych sankcji", ""),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES_6)
def test_general_negative_6(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC))) == []


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("pl", "Kanada usunęła armatora z listy podmiotów objętych sankcjami"),
        ("pl", "Kanada zdjęła sankcje z armatora z listy podmiotów objętych sankcjami"),
        ("es", "Washington retira las sanciones a diez personas sancionadas por error"),
    ],
)
def test_people_under_sanctions_is_a_state_not_a_new_designation(lang: str, title: str) -> None:
    assert kinds(evaluate(item(title, "", lang))) == [("sanctions", "lifted")]


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Two years after his arrest, Belarus pardons journalist Ivan Petrov"),
        ("ru", "Журналист вышел на свободу по помилованию спустя 3 года заключения"),
        ("pl", "Po 4 latach w kolonii karnej dziennikarz ułaskawiony"),
        ("es", "Indultado el periodista tras tres años en prisión"),
    ],
)
def test_years_after_an_arrest_do_not_make_a_release_background(lang: str, title: str) -> None:
    assert [e.kind for e in evaluate(item(title, "", lang))] == ["pardon"]


# ------------------------------------ generality 7: causes found on independent_holdout_7
# Sentences written for these tests (other people, places and wording than the holdout items).
GENERAL_NEGATIVES_7 = [
    # obituaries: the release they mention is the dead person's past
    (
        "en",
        "Samizdat poet Ivan Petrenko dies at 91",
        "Petrenko, who spent eleven years in camps, was among about 300 political prisoners "
        "Gorbachev released, his publisher said.",
    ),
    (
        "be",
        "Памерла былая палітвязніца Ганна Лось",
        "Яе памілавалі разам з 20 іншымі палітвязнямі, паведаміла сям'я.",
    ),
    # a quoted title that is a release word: a film, a play, a novel
    ("pl", "„Ułaskawienie” Nowaka w konkursie głównym festiwalu w Gdyni", ""),
    ("uk", "«Помилування» — новий роман Тетяни Коваль вийшов друком", ""),
    ("ru", "Спектакль «Помилование» покажут в 12 городах", ""),
    # a review headline
    ("en", "Review: Freed, a memoir", "The author was released with 30 other prisoners."),
    ("es", "Crítica: excarcelados, el documental de la temporada", ""),
    # a referee "pardons" a player
    ("it", "L'arbitro grazia il portiere: niente rosso dopo il fallo", ""),
    ("en", "Referee pardons striker as VAR stays silent", ""),
    # an authority rules early releases out (German verb bracket: "schloss ... aus")
    (
        "de",
        "Haftanstalten voll",
        "Vorzeitige Freilassungen schloss die Landesregierung am Montag aus.",
    ),
    # Polish "o + accusative": an appeal for a release
    ("pl", "Rodzina od miesięcy zabiega", "O ułaskawienie więźnia apelują też jego koledzy."),
    # freed at the end of the term and re-arrested at the gate
    (
        "en",
        "Activist walks free after five years, is re-arrested minutes later",
        "Police detained him again outside the colony.",
    ),
    ("ru", "Активиста освободили и сразу снова задержали у ворот колонии", ""),
    ("de", "Oppositioneller nach Haftende freigelassen und sofort erneut festgenommen", ""),
    # a re-arrest headline: the body's pardon is the person's past
    (
        "en",
        "Blogger freed by Lukashenko is arrested again",
        "Ivan Sidorov was pardoned together with 30 others, his wife said.",
    ),
    (
        "ru",
        "Помилованного блогера снова задержали в Минске",
        "Иван Сидоров был помилован вместе с 30 другими политзаключёнными, сообщила его жена.",
    ),
    # a running total opened by "since <year>", with no figure on the trigger
    ("pl", "Jeńcy wciąż w niewoli", "Od 2023 r. w wyniku wymian wróciło do domu wielu żołnierzy."),
    # animals
    ("uk", "На Житомирщині випустили на волю 6 сов", ""),
]


@pytest.mark.parametrize(("lang", "title", "summary"), GENERAL_NEGATIVES_7)
def test_general_negative_7(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC))) == []


GENERAL_POSITIVES_7 = [
    # a death in custody in the same headline does not make a release an obituary
    (
        "en",
        "Belarus frees 18 political prisoners as jailed blogger dies in custody",
        "",
        [("pardon", 18)],
    ),
    # a quotation that is more than the trigger word is not a title
    (
        "ru",
        "Лукашенко помиловал 12 человек",
        "«Помилованы 12 осуждённых», — сообщили в администрации.",
        [("pardon", 12)],
    ),
    # one person re-arrested does not undo a group's release
    (
        "en",
        "Belarus frees 20 political prisoners, one re-arrested at the gate",
        "",
        [("pardon", 20)],
    ),
    ("en", "Freed activist re-arrested as Minsk pardons 15 others", "", [("pardon", 15)]),
    # "88 freed, 841 still held": the release takes the figure in its own clause, the count
    # of those still held the other
    (
        "es",
        "Nicaragua: 40 presos políticos excarcelados, 160 siguen detenidos según el Mecanismo",
        "",
        [("pardon", 40), ("prisoner_count", 160)],
    ),
    # the singular form of a political prisoner count (Belarusian / Ukrainian)
    (
        "be",
        "Новыя даныя праваабаронцаў",
        "Паводле падлікаў «Вясны», у Беларусі застаецца 1 021 палітвязень.",
        [("prisoner_count", 1021)],
    ),
    # "the largest exchange since 2022" is not a running total
    (
        "en",
        "Russia and Ukraine swap prisoners in largest exchange since 2022",
        "",
        [("pardon", None)],
    ),
]


@pytest.mark.parametrize(("lang", "title", "summary", "expected"), GENERAL_POSITIVES_7)
def test_general_positive_7(
    lang: str, title: str, summary: str, expected: list[tuple[str, object]]
) -> None:
    got = evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC)))
    assert kinds(got) == sorted(expected)


# ----------------------------------------------------------- session 6: generality
GENERAL_POSITIVES_8 = [
    # "a further N" is an increment, not a plan ("further" is a hypothetical cue otherwise);
    # a headline pardon undone by "remains in prison" does not hide the body's release
    (
        "en",
        "Junta pardons ex-leader on two charges, but she remains in prison",
        "A further 3,150 inmates were pardoned under the amnesty marking the new year.",
        [("pardon", 3150)],
    ),
    ("ru", "Очередные 16 политзаключённых вышли на свободу", "", [("pardon", 16)]),
    # a participle after the noun dates the sanctions, not the decision
    (
        "en",
        "US lifts sanctions imposed in 2021 on Belavia",
        "The Treasury announced the move on Monday.",
        [("sanctions", "lifted")],
    ),
    (
        "fr",
        "Washington annonce la levée des sanctions imposées en 2022 contre Belavia",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "en",
        "Sanctions imposed in 2021 on Belarusian potash were lifted on Monday",
        "",
        [("sanctions", "lifted")],
    ),
    # ... and a conviction participle after the trigger dates the conviction
    (
        "ru",
        "Лукашенко помиловал осуждённых в 2021 году активистов",
        "Указ подписан в понедельник.",
        [("pardon", None)],
    ),
    # an amnesty for the anniversary of a territory's liberation is news, not background
    (
        "it",
        "Al-Sisi concede la grazia a 900 detenuti per l'anniversario della liberazione del Sinai",
        "",
        [("pardon", 900)],
    ),
    # parole granted is an early release
    (
        "es",
        "El Gobierno concede la libertad condicional a 30 presos políticos",
        "Los excarcelados salieron el lunes de la prisión.",
        [("pardon", 30)],
    ),
    # "behind bars for political reasons", "détenus d'opinion": political prisoners
    (
        "es",
        "Cuba: 21 presos excarcelados; otras 350 personas siguen tras las rejas por razones políticas",
        "",
        [("pardon", 21), ("prisoner_count", 350)],
    ),
    (
        "fr",
        "Le CNLD recense plus de 200 détenus d'opinion en Algérie",
        "",
        [("prisoner_count", 200)],
    ),
    # "w tym roku" (this year) is not "w tym" (including): the second release is its own event
    (
        "pl",
        "Łukaszenka ułaskawił 12 osób",
        "To trzecia taka decyzja w tym roku: w maju na wolność wyszło 18 więźniów.",
        [("pardon", 12), ("pardon", 18)],
    ),
    # "недружественные действия" (actions) is not "действуют" (in force)
    (
        "ru",
        "Ответные меры Москвы",
        "В ответ на «недружественные действия» Лондона в российский «стоп-лист» внесены 15 граждан Великобритании.",
        [("sanctions", "imposed")],
    ),
    # an asset freeze is a sanction in Italian too
    (
        "it",
        "L'Ue ha disposto il congelamento dei beni di sei funzionari iraniani",
        "",
        [("sanctions", "imposed")],
    ),
    # "27 más que el mes anterior" is the change, not a second count
    (
        "es",
        "Prisoners Defenders cuenta 1.100 presos políticos en Cuba",
        "La ONG contabilizó en octubre 1.100 presos políticos, 30 más que el mes anterior.",
        [("prisoner_count", 1100)],
    ),
]


GENERAL_NEGATIVES_8 = [
    # the decision after a participle phrase is still checked for its own cues
    ("en", "Sanctions imposed in 2021 should be lifted, envoy says", "He spoke in Vilnius."),
    ("en", "Sanctions imposed in 2014 remain in force, EU says", ""),
    ("en", "Critics of the sanctions imposed in 2022 call for them to be lifted", ""),
    # "further" / "очередной" before a noun is still a plan cue
    ("en", "Further releases of political prisoners depend on Washington, Minsk says", ""),
    ("en", "Any further sanctions must target oil, Kallas says", ""),
    ("ru", "Очередной пакет санкций ЕС обсудят в понедельник", ""),
    # places after a number are not people
    (
        "es",
        "Amnistía Internacional publica su informe anual",
        "La organización denuncia el aumento de presos de conciencia en 20 países.",
    ),
    # discussions on a swap are a plan; a committee named for a release is an organisation
    ("fr", "Kyiv et Moscou reprennent les discussions sur un échange de prisonniers", ""),
    (
        "fr",
        "Le Comité pour la libération des détenus organise un rassemblement à Alger",
        "Des dizaines de familles sont attendues samedi.",
    ),
    ("pl", "Łukaszenka sugeruje, że rozważyłby uwolnienie dziennikarza", ""),
    # the absence of parole is no release
    ("es", "Tres condenados a cadena perpetua sin posibilidad de libertad condicional", ""),
    # "so far this year" is a running total
    ("pl", "W tym roku na wolność wyszło już 300 osób, podaje Wiasna", ""),
    ("en", "So far this year Minsk has released 300 political prisoners", ""),
]

# set 9's causes: separable German verbs over a thousands dot, relative times, two sides...
GENERAL_POSITIVES_9 = [
    (
        "de",
        "Iran lässt zum Nouruz-Fest mehr als 2.000 Häftlinge frei",
        "Die Justiz gab die Zahl am Sonntag bekannt.",
        [("pardon", 2000)],
    ),
    (
        "de",
        "Am Nationalfeiertag: 90 Ukrainer kehren aus russischer Gefangenschaft zurück",
        "Im Gegenzug erhielt Russland ebenso viele Soldaten zurück.",
        [("pardon", 90)],
    ),
    (
        "it",
        "Mosca e Kiev si scambiano duecento prigionieri",
        "Lo scambio è stato mediato dagli Emirati.",
        [("pardon", 200)],
    ),
    (
        "ru",
        "США сняли санкции с «Белавиа» после освобождения 52 заключённых",
        "Минфин исключил авиакомпанию из санкционного списка через несколько часов после того, как Минск освободил 52 человека.",
        [("pardon", 52), ("sanctions", "lifted")],
    ),
    (
        "ru",
        "«Мемориал»: по политическим мотивам за решёткой более тысячи человек",
        "Проект сообщил о новых данных.",
        [("prisoner_count", 1000)],
    ),
    (
        "en",
        "Kyiv and Moscow swap 150 prisoners each",
        "It was the first exchange between the two sides in three months.",
        [("pardon", 150)],
    ),
    (
        "de",
        "Myanmar amnestiert 3.000 Häftlinge",
        "Das berichtete das Staatsfernsehen am Donnerstag.",
        [("pardon", 3000)],
    ),
]


# statistics, former prisoners, threats, police rescues, sports, efforts, calls, slogans,
# anniversary headlines
GENERAL_NEGATIVES_9 = [
    (
        "en",
        "US prison population rose again last year",
        "Releases from prison fell for a second straight year, the statistics bureau said.",
    ),
    (
        "be",
        "Апытанне былых палітвязняў",
        "Ініцыятыва апытала 300 з больш чым 2 000 былых палітвязняў.",
    ),
    ("be", "Вільня пагражае Мінску новымі санкцыямі", "Рашэнне пакуль не прынятае."),
    ("uk", "Поліція звільнила заручницю у відділенні банку", "Нападника затримали."),
    ("it", "Il Milan grazia l'Inter: rigore sbagliato al 90'", "La partita finisce 0-0."),
    ("it", "Tajani: «Lavoriamo per la liberazione di Trentini»", "I contatti proseguono."),
    (
        "de",
        "RSF fordert Freilassung inhaftierter Blogger",
        "Die Organisation rief die Regierung auf, sich für die Freilassung der Blogger einzusetzen.",
    ),
    ("uk", "«Звільніть Азов»: акція на Майдані", "Сотні людей вийшли на акцію."),
    (
        "pl",
        "Rok od wielkiej wymiany więźniów",
        "1 sierpnia 2024 r. uwolniono 16 osób w zamian za ośmiu Rosjan.",
    ),
]


# Session 7: causes found in blind sets 10 and 11, written as new sentences (not the sets')
GENERAL_POSITIVES_10 = [
    (
        "en",
        "Belarus frees 25 political prisoners held since 2021",
        "They crossed into Lithuania on Thursday.",
        [("pardon", 25)],
    ),
    (
        "en",
        "Treasury lifts sanctions on former minister",
        "The Treasury removed him from its list on Monday, two years after the previous "
        "administration designated him.",
        [("sanctions", "lifted")],
    ),
    (
        "be",
        "Канада ўвяла санкцыі супраць беларускіх суддзяў",
        "Пад санкцыі трапілі 15 чалавек, датычных да рэпрэсій супраць палітвязняў.",
        [("sanctions", "imposed")],
    ),
    (
        "es",
        "El Gobierno acuerda liberar a cuarenta presos políticos",
        "La medida se aplicará esta semana.",
        [("pardon", 40)],
    ),
    (
        "it",
        "Mosca e Kiev si scambiano trecento prigionieri",
        "Lo scambio è stato mediato dalla Turchia.",
        [("pardon", 300)],
    ),
]

GENERAL_NEGATIVES_10 = [
    (
        "en",
        "Documentary on jailed Belarusian artists gets US release date",
        "The film opens in 30 cinemas in May.",
    ),
    (
        "en",
        "Over 2,500 prisoners freed in swaps since 2022, Kyiv says",
        "Officials gave no new figure for the latest month.",
    ),
    (
        "en",
        "Thirty years after his release, a dissident returns to Perm-36",
        "He was freed from the camp in a 1987 amnesty.",
    ),
    ("en", "Judge sanctions airline's debt restructuring plan", "Creditors had backed the plan."),
    (
        "en",
        "Viasna counts political prisoners",
        "The number of political prisoners rose, three sources said.",
    ),
    (
        "en",
        "Opposition ends boycott of the talks",
        "In return, three people were appointed to the electoral commission.",
    ),
    ("ru", "Суд освободил застройщика от уплаты штрафа", "Решение вступило в силу."),
    ("ru", "Блогера задержали сразу после освобождения из колонии", "Против него новое дело."),
    (
        "ru",
        "«Я думал, что не доживу»: интервью с бывшим политзаключённым",
        "Его помиловали, и теперь он живёт в Варшаве.",
    ),
    ("it", "Blitz dei carabinieri, liberati tre ostaggi in una villa", "Arrestati due uomini."),
    ("it", "Il Senato boccia l'amnistia per i reati minori", "La proposta non passa."),
    ("it", "Una mostra per Grazia Deledda a Nuoro", "L'esposizione apre a dicembre."),
    ("es", "La Policía Nacional libera a cuatro rehenes en Sevilla", "Hay dos detenidos."),
    ("fr", "Législatives : le parti sanctionne une candidate dissidente", "Elle est exclue."),
    ("fr", "Les libérations anticipées en hausse de 8 % l'an dernier", "Selon le ministère."),
    (
        "pl",
        "Mińsk gotów uwolnić więźniów w zamian za zniesienie sankcji",
        "Nie podano terminów.",
    ),
    (
        "pl",
        "Była więźniarka polityczna: „Nie wierzyłam w wolność”",
        "Wyszła na wolność w maju ubiegłego roku, ułaskawiona razem z 20 innymi.",
    ),
    ("uk", "Волонтери випустили на волю чотирьох ведмежат", "Тварин лікували пів року."),
    (
        "de",
        "Ein Jahr nach seiner Freilassung spricht der Oppositionelle über die Haft",
        "Er lebt heute in Berlin.",
    ),
    ("en", "Jailed blogger's clemency plea turned down again", "His lawyer will appeal."),
    (
        "uk",
        "«Я думав лише про дім»: звільнений з полону прикордонник — про рік у Таганрозі",
        "Він повернувся під час обміну, розповів він.",
    ),
    ("uk", "Стрічка про звільнених з полону захисників вийде в прокат восени", "Прем'єра в Києві."),
    ("it", "Giustizia, liberati 200 milioni per le carceri", "Fondi per nuovi padiglioni."),
    ("it", "Appello al Quirinale: «Conceda la grazia a Marco»", "La famiglia attende."),
    (
        "fr",
        "Bilan de la guerre",
        "Plus de 3 000 soldats ont été rapatriés lors de dizaines d'échanges depuis le début "
        "de l'invasion.",
    ),
    ("es", "Detienen de nuevo a un periodista excarcelado en mayo", "Su paradero se desconoce."),
]


# Session 8: causes found on blind set 13, each in new words
GENERAL_POSITIVES_11 = [
    # "removes N names from its list" with an object between the verb and the list
    (
        "es",
        "Washington amplía las sanciones a Caracas y retira a cuatro empresarios de su lista",
        "La medida entra en vigor el lunes.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "ru",
        "США продлили санкции против Минска и исключили трёх бизнесменов из перечня",
        "Решение опубликовано Минфином.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "uk",
        "Британія розширила санкції проти Ірану, двох осіб вилучено з переліку",
        "Рішення набуло чинності в понеділок.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    # a number sign names a prison, it counts no one
    (
        "en",
        "Eleven inmates of Penal Colony No. 4 freed under amnesty",
        "They walked out on Friday morning.",
        [("pardon", 11)],
    ),
    (
        "pl",
        "Z Zakładu Karnego nr 2 wyszło na wolność 14 więźniów objętych amnestią",
        "Opuścili zakład w piątek.",
        [("pardon", 14)],
    ),
    # a question in another clause leaves the trigger's clause a report
    (
        "en",
        "Belarus frees 52 prisoners: what changed?",
        "Analysts point to talks with Washington.",
        [("pardon", 52)],
    ),
    # "sanctions against X" is no "voted against"
    (
        "en",
        "EU extends sanctions against Iran and removes two firms from its list",
        "The decision takes effect on Monday.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_11 = [
    # a question made of the trigger's phrase asks, it does not report
    (
        "en",
        "Fresh sanctions on Myanmar's generals? Ministers meet next month",
        "Foreign ministers gather in Brussels.",
    ),
    ("es", "¿Nuevas sanciones contra Managua?", "Los cancilleres se reúnen el jueves en Bruselas."),
    # rallies, vigils and marches for a release are appeals
    (
        "de",
        "Mahnwache in Berlin für die Freilassung inhaftierter Journalisten",
        "Rund 200 Menschen versammelten sich vor der Botschaft.",
    ),
    (
        "pl",
        "Manifestacja w Krakowie o uwolnienie więźniów politycznych",
        "Przed konsulatem zebrało się kilkaset osób.",
    ),
    ("en", "Vigil outside embassy for the release of detained reporters", "Candles were lit."),
    # a cue word that starts inside a longer, rejected lexicon match still counts
    (
        "uk",
        "Учасники маршу закликали уряд домогтися звільнення всіх полонених",
        "Акція тривала дві години.",
    ),
    # political prisoners as the topic of a film, a book, an exhibition
    (
        "en",
        "Exhibition of portraits of political prisoners opens in Vilnius",
        "The show runs in 12 galleries until March.",
    ),
    (
        "de",
        "Dokumentarfilm über politische Gefangene startet in 25 Kinos",
        "Regie führte eine Exil-Journalistin.",
    ),
    # aid and payments to people freed name a group, not a release
    (
        "ru",
        "Правительство выделило 2 млрд рублей на помощь освобождённым из плена",
        "Выплаты получат военнослужащие и их семьи.",
    ),
    # "since early 2023", "dalla fine del 2022": a running total
    ("en", "Over 150 detainees released since early 2023, group says", "Arrests continue."),
    ("it", "Oltre 200 detenuti liberati dalla fine del 2022", "Lo riferisce un'associazione."),
    # "mają wyjść na wolność": is to be released, a plan
    ("pl", "Dwaj dziennikarze mają wyjść na wolność w poniedziałek", "Tak twierdzi ich obrońca."),
    # talks on a *new* swap are talks
    ("en", "Talks on a new prisoner swap resume in Abu Dhabi", "No date has been set."),
    ("ru", "Переговоры о новом обмене пленными продолжаются", "Сроки не называются."),
    # "l'eventualità di nuove sanzioni": a possibility
    (
        "it",
        "Ue, l'eventualità di nuove sanzioni alla Bielorussia",
        "I ministri si riuniranno giovedì.",
    ),
]


# Session 8: causes found on set 14 (blind until scored at this session's start), new words
GENERAL_POSITIVES_12 = [
    # a past-release cue far from a participle that does not open its clause is another's
    (
        "pl",
        "Prezydent ułaskawił 12 więźniów skazanych w zeszłym roku",
        "Wyszli w piątek.",
        [("pardon", 12)],
    ),
]

GENERAL_POSITIVES_13 = [
    # sanctions coming (back) into force are imposed
    (
        "en",
        "UN sanctions on Tehran come back into force",
        "Diplomats said the measures apply from Sunday.",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "EU-Sanktionen gegen Minsk treten in Kraft",
        "Das Amtsblatt veröffentlichte die Liste.",
        [("sanctions", "imposed")],
    ),
    (
        "it",
        "Gli Usa reintroducono le sanzioni sul greggio iraniano",
        "Le aziende hanno 30 giorni per adeguarsi.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_13 = [
    # memoirs tell the author's past
    (
        "de",
        "Oppositioneller stellt in Berlin seine Memoiren vor",
        "Nach seiner Freilassung war er nach Litauen gezogen.",
    ),
    # "life after release", postponed decisions, pardon applications
    (
        "uk",
        "Виставка про життя після звільнення з полону відкрилася у Львові",
        "Експозиція триватиме місяць.",
    ),
    ("en", "Court postpones ruling on release of jailed activist", "A new hearing is set for May."),
    ("ru", "Суд отложил решение об освобождении журналиста", "Следующее заседание в мае."),
    ("it", "Arrivate al Colle quattro domande di grazia", "Riguardano detenuti anziani."),
    # a former political prisoner (Belarusian nominative)
    (
        "be",
        "Былы палітвязень, які выйшаў на волю, адкрыў кавярню ў Вільні",
        "Ён працуе там кухарам.",
    ),
    # "since the start of the protests ... recognised": a running total
    (
        "ru",
        "Правозащитники: с начала протестов политзаключёнными признаны более 3 000 человек",
        "Данные публикует «Мемориал».",
    ),
]

GENERAL_NEGATIVES_12 = [
    # a participle opening its clause is dated by its whole phrase
    (
        "pl",
        "Uwolniony w ramach wymiany w zeszłym roku dziennikarz opowiada o emigracji",
        "Mieszka w Berlinie.",
    ),
    (
        "ru",
        "Освобождённый в результате обмена в прошлом году журналист рассказал о жизни в Берлине",
        "Интервью вышло в субботу.",
    ),
    # proposals and wishes are not decisions
    (
        "uk",
        "Литва передала Брюсселю пропозиції до нового пакета санкцій",
        "Їх ще мають погодити всі держави.",
    ),
    ("pl", "Rząd chce objęcia sankcjami rosyjskich banków", "Decyzja należy do Rady UE."),
    # turkeys in every language
    ("de", "Präsident begnadigt zwei Truthähne im Weißen Haus", "Eine alte Tradition."),
    ("pl", "Prezydent USA ułaskawił dwa indyki", "Ptaki trafią na farmę."),
    ("es", "El presidente indulta a dos pavos en la Casa Blanca", "Es una tradición."),
    # idioms and anniversaries
    ("it", "Nazionale in stato di grazia, battuta la Francia", "Tre gol nel primo tempo."),
    ("en", "Half a century since the amnesty that emptied the jails", "Historians look back."),
    ("pl", "Pół wieku od amnestii, która otworzyła więzienia", "Historycy wspominają."),
    # a film title with an article
    ("en", "'The Pardon' premieres at Sundance", "The drama follows a state governor."),
    ("de", "„Die Begnadigung“ läuft ab Donnerstag im Kino", "Ein Drama über einen Richter."),
    # a song is a product
    ("be", "Гурт выпусціў новую песню пра волю", "Кліп знялі ў Вільні."),
    # the families of political prisoners, not a count
    ("en", "Families of political prisoners meet in Vilnius", "About 40 relatives attended."),
    ("be", "Валанцёры сабралі грошы для сем'яў палітвязняў", "Збор доўжыўся месяц."),
]


GENERAL_POSITIVES_14 = [
    # the workplace of the people freed is no effort for their release
    (
        "en",
        "A reporter working for the BBC was pardoned and freed on Tuesday.",
        "",
        [("pardon", None)],
    ),
    (
        "it",
        "Tre giornalisti che lavoravano per la Rai sono stati graziati martedì.",
        "",
        [("pardon", 3)],
    ),
    (
        "es",
        "Cuatro periodistas que trabajaban para La Prensa fueron excarcelados el martes.",
        "",
        [("pardon", 4)],
    ),
    (
        "fr",
        "Deux journalistes travaillant pour RFI ont été graciés et libérés mardi.",
        "",
        [("pardon", 2)],
    ),
    # a smaller body figure is part of the headline's exchange
    (
        "de",
        "Gefangenenaustausch an der Grenze: 30 Häftlinge kommen frei",
        "Russland hat 18 Gefangene freigelassen, darunter zwei Journalisten.",
        [("pardon", 30)],
    ),
    # Belarusian collective numerals
    ("be", "Мінск вызваліў шасцёх палітвязняў", "", [("pardon", 6)]),
    # a figure of people still held, before a later release word, is not the number released
    (
        "es",
        "Liberados 40 presos políticos",
        "La ONG dijo que aún permanecen encarcelados 800 presos políticos y que varios de los "
        "liberados siguen bajo arresto domiciliario.",
        [("pardon", 40), ("prisoner_count", 800)],
    ),
    # political prisoners banished or deported are not a count of those held
    (
        "es",
        "Managua destierra a 135 presos políticos a Guatemala",
        "El régimen los excarceló el jueves y los subió a un avión.",
        [("pardon", None)],
    ),
    (
        "ru",
        "Белоруссия выслала в Литву 14 политзаключённых",
        "Их освободили ночью и вывезли к границе.",
        [("pardon", None)],
    ),
    # asset freezes in the plural
    (
        "it",
        "Bruxelles adotta congelamenti di beni contro dieci funzionari",
        "La decisione è stata presa lunedì.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_14 = [
    # freed from rubble by rescuers: a rescue
    ("en", "Rescuers freed six people from the rubble after the strike", "The search goes on."),
    ("pl", "Strażacy uwolnili spod gruzów trzy osoby", "Akcja trwała całą noc."),
    # a demand in the infinitive
    (
        "ru",
        "Сотни человек вышли на площадь, чтобы требовать освобождения политзаключённых",
        "Акция прошла мирно.",
    ),
    (
        "be",
        "Студэнты сабраліся ў парку, каб патрабаваць вызвалення палітвязняў",
        "Міліцыя не ўмешвалася.",
    ),
    # working for a release, with words between the verb and the release
    (
        "de",
        "Zwei Reporter in Iran festgehalten",
        "Das Auswärtige Amt arbeitet gemeinsam mit Katar an der Freilassung der zwei Reporter.",
    ),
    # "..., starting with X": the apposition is still what was demanded
    (
        "it",
        "Carceri sovraffollate",
        "I radicali hanno chiesto al governo provvedimenti contro il sovraffollamento, "
        "a cominciare dall'amnistia.",
    ),
    (
        "es",
        "Cárceles llenas",
        "La oposición exigió medidas urgentes, empezando por la excarcelación de los presos políticos.",
    ),
    # a participle phrase dated months back is background
    (
        "en",
        "A café in Vilnius run by Marek L.",
        "Marek L., pardoned by the president in November, serves coffee to other exiles.",
    ),
    (
        "es",
        "Una librería en Madrid",
        "Lucía M., indultada por el Gobierno el pasado octubre, abrió una librería en Madrid.",
    ),
]


GENERAL_POSITIVES_15 = [
    # a long object between 'remove' and the sanctions list; "voted 13-0 to" decides
    (
        "en",
        "Security Council takes two ministers off its list",
        "The council voted 13-0 to remove the ministers of defence and finance of the "
        "transitional government from its Al-Shabaab sanctions list.",
        [("sanctions", "lifted")],
    ),
    (
        "en",
        "EU sanctions on Belarus potash snap back",
        "The measures apply again from Monday.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_15 = [
    # "despite (last summer's) releases": told before, not news
    (
        "en",
        "Jail population in Scotland hits new high",
        "Numbers rose to 8,400, despite last summer's early release of hundreds of short-term "
        "prisoners.",
    ),
    (
        "de",
        "Trotz mehrerer Freilassungswellen sitzen in Nicaragua noch rund 70 Oppositionelle in Haft",
        "Das meldet eine Menschenrechtsgruppe.",
    ),
    # a turkey pardon named in the body only
    ("en", "Trump pardons Peach and Blossom", "The two turkeys from Iowa will live on a farm."),
    # agreeing to a swap plans one
    ("en", "Kyiv and Moscow agree to exchange 500 prisoners each", "No date was set."),
    # an imperative with a pronoun
    (
        "it",
        "«Liberatelo subito»",
        "Lo hanno gridato centinaia di persone in piazza a Roma per il giornalista detenuto.",
    ),
    # a pardons board is an institution
    (
        "de",
        "Gnadenausschuss lehnt Gesuch ab",
        "Der Begnadigungsausschuss des Bundesstaates stimmte gegen eine Umwandlung der Strafe.",
    ),
    # a listing challenged in court
    (
        "ru",
        "Бизнесмен проиграл суд против ЕС",
        "Бизнесмен оспаривал включение в санкционный список ЕС.",
    ),
    # sounding out a swap
    (
        "de",
        "Berlin und Minsk sondieren einen Gefangenenaustausch",
        "Eine Entscheidung gibt es nicht.",
    ),
    # covered by an amnesty is not freed by it
    ("ru", "Под амнистию попали 9 тысяч осуждённых", "Большинству из них лишь сократили сроки."),
    # "via libera": a green light
    (
        "it",
        "Siria, via libera alla ricostruzione",
        "I ministri hanno dato il via libera politico al piano.",
    ),
]


GENERAL_POSITIVES_16 = [
    # Belarusian in the classical orthography (taraškievica): soft signs in the clusters
    (
        "be",
        "«Вясна»: палітвязьняў цяпер 1 140",
        "Праваабаронцы абнавілі сьпіс: за кратамі застаюцца 1 140 палітвязьняў.",
        [("prisoner_count", 1140)],
    ),
    ("be", "Лукашэнка вызваліў 23 зьняволеных", "", [("pardon", 23)]),
    # Ukrainian collective numerals for 11 to 30
    ("uk", "Лукашенко помилував дванадцятьох політв’язнів", "", [("pardon", 12)]),
    ("uk", "Звільнено тридцятеро політв’язнів", "Їх вивезли до Литви.", [("pardon", 30)]),
    # a headline verb "sanctions" with a number or quantifier after it
    ("en", "Canada sanctions 14 Iranian prison officials", "", [("sanctions", "imposed")]),
    ("en", "EU sanctions three Chinese drone makers", "", [("sanctions", "imposed")]),
    # exempted from sanctions, in the separable German verb and the Polish imperfective
    (
        "de",
        "Brüssel nimmt zwei Banken aus den Sanktionen gegen Russland aus",
        "",
        [("sanctions", "lifted")],
    ),
    ("pl", "Waszyngton zwalnia Słowację z sankcji na rosyjski gaz", "", [("sanctions", "lifted")]),
    # "ended up on the list" / Italian "inserimento nella lista nera" in a sanctions story
    (
        "pl",
        "Birma pod presją Ottawy",
        "W ramach sankcji na czarną listę trafiło trzech generałów junty.",
        [("sanctions", "imposed")],
    ),
    (
        "it",
        "Londra, sanzioni contro la giunta birmana",
        "Il Foreign Office ha annunciato l'inserimento di sei generali nella lista nera.",
        [("sanctions", "imposed")],
    ),
    # "lets N go" releases them
    ("en", "Baku lets four jailed journalists go", "", [("pardon", 4)]),
    # the named person plus "the other N" / "les N autres" / "und die N anderen"
    (
        "es",
        "Cuba excarcela a José Daniel Ferrer y a los otros cuatro opositores",
        "",
        [("pardon", 5)],
    ),
    ("fr", "Tunis libère l'avocat Ahmed Souab et les six autres détenus", "", [("pardon", 7)]),
    (
        "de",
        "Aserbaidschan lässt den Blogger Afgan Sadygow und die drei anderen Häftlinge frei",
        "",
        [("pardon", 4)],
    ),
    # "the two journalists" in the body: people the headline's figure already counts
    (
        "it",
        "L'Algeria grazia 4.000 detenuti per l'anniversario dell'indipendenza",
        "I due giornalisti di El Watan hanno lasciato il carcere in serata.",
        [("pardon", 4000)],
    ),
    (
        "fr",
        "Le roi du Maroc gracie 1 304 détenus",
        "Les cinq militants du Hirak ont quitté la prison d'Oukacha dans la nuit.",
        [("pardon", 1304)],
    ),
    # released at the end of their sentences: no pardon, the count stands alone
    (
        "en",
        "Azerbaijan holds 360 political prisoners, rights union says",
        "In March 11 new names were added, while 6 people walked free after completing their "
        "sentences.",
        [("prisoner_count", 360)],
    ),
    # a rights group's count of the people a country holds, without the phrase
    (
        "ru",
        "Правозащитники подвели итоги года",
        "По данным «Вясны», за решёткой в Беларуси по-прежнему остаются 1 190 человек.",
        [("prisoner_count", 1190)],
    ),
]

GENERAL_NEGATIVES_16 = [
    # "at least six of the freed were on its list": part of the release, not a count held
    (
        "de",
        "Menschenrechtler: Unter den Begnadigten auch Oppositionelle",
        "Mindestens sechs der Freigelassenen standen auf der Liste politischer Gefangener.",
    ),
    # boilerplate and interviews
    (
        "en",
        "Political prisoners' support group — statement",
        "For immediate release. The group opens an archive of court files.",
    ),
    (
        "it",
        "La madre del detenuto: «Sta male»",
        "In un'intervista rilasciata a un settimanale, la madre del detenuto ha parlato delle "
        "sue condizioni in carcere.",
    ),
    # an imperative in quotes: a demand
    ("it", "Appello di Human Rights Watch: «Liberate il blogger condannato»", ""),
    # a bill in first reading is not yet law
    (
        "en",
        "Uzbek senators back amnesty law in first reading; 3,000 to benefit",
        "",
    ),
    # released years ago, told as background
    (
        "en",
        "Ex-dissident wins poetry prize",
        "Twelve years after she was freed from a Uzbek prison, the poet has published her "
        "fifth collection.",
    ),
    # a swap that two sides are said to be close to
    (
        "en",
        "Ankara and Tehran close to prisoner exchange",
        "Ankara and Tehran are close to a prisoner exchange involving four Turkish citizens, "
        "diplomats said.",
    ),
    # recognised as political prisoners over five years: a running total
    ("uk", "За чотири роки правозахисники визнали політв’язнями понад 2 тисячі кримчан", ""),
    # a general licence let lapse or revoked is no easing
    (
        "en",
        "Treasury revokes general licence for Chevron in Venezuela",
        "The oil major must wind down its operations under the sanctions regime.",
    ),
    (
        "es",
        "Estados Unidos deja expirar la licencia general para el gas venezolano",
        "Las sanciones vuelven a aplicarse a las petroleras extranjeras.",
    ),
    # a newspaper called «Libération»
    (
        "fr",
        "« Libération » publie les lettres de prisonniers d'opinion égyptiens",
        "Le quotidien consacre huit pages aux détenus d'Alaa Abdel Fattah et de ses codétenus.",
    ),
    # prison breaks and raids free inmates; nobody releases them
    (
        "en",
        "Gunmen storm prison in Nigeria, freeing 240 inmates",
        "Police said the attackers used explosives on the main gate.",
    ),
    (
        "es",
        "Fuga masiva en Ecuador: pandilleros liberan a 90 reos",
        "El asalto a la cárcel de Esmeraldas duró dos horas.",
    ),
    # a ship's crew set free by its hijackers: hostages
    (
        "de",
        "Miliz lässt Besatzung eines griechischen Tankers frei",
        "Die 19 Seeleute sind wohlauf, teilte die Reederei mit.",
    ),
    # a rights group's count of protesters in custody, naming no country
    (
        "en",
        "OVD-Info: 35 people remain in custody after Saturday's rally",
        "Most face fines, the group said.",
    ),
]

GENERAL_POSITIVES_17 = [
    # in a count story, a second group's figure needs no phrase of its own
    (
        "en",
        "Egypt holds 1,200 political prisoners, rights group says",
        "The Egyptian Initiative for Personal Rights says 1,200 political prisoners remain "
        "jailed. Another monitor puts the number at nearly 3,000.",
        [("prisoner_count", 1200), ("prisoner_count", 3000)],
    ),
    (
        "es",
        "Nicaragua: el Mecanismo cuenta 73 presos políticos",
        "El Mecanismo para el Reconocimiento de Personas Presas Políticas registró 73 presos "
        "políticos en julio. La Unidad de Defensa Jurídica eleva la cifra a 95.",
        [("prisoner_count", 73), ("prisoner_count", 95)],
    ),
    (
        "fr",
        "Algérie : 215 détenus d'opinion selon le CNLD",
        "Le Comité national pour la libération des détenus compte 215 détenus d'opinion. "
        "Une autre association en recense plus de 250.",
        [("prisoner_count", 215), ("prisoner_count", 250)],
    ),
    (
        "ru",
        "В Азербайджане 375 политзаключённых — правозащитники",
        "Правозащитники насчитывают 375 политзаключённых. Другой союз называет цифру около 400.",
        [("prisoner_count", 375), ("prisoner_count", 400)],
    ),
    # (a part of the count is not a second figure)
    (
        "en",
        "Vietnam jails 160 political prisoners, The 88 Project says",
        "The 88 Project says 160 political prisoners are behind bars. It counted 40 bloggers "
        "among them.",
        [("prisoner_count", 160)],
    ),
    # a general licence is an easing, with an article and without the word "sanctions"
    (
        "en",
        "Treasury issues a general license for Serbian refiner NIS",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "uk",
        "Мінфін США видав генеральну ліцензію для «Газпромбанку»",
        "",
        [("sanctions", "lifted")],
    ),
    ("be", "ЗША выдалі генеральную ліцэнзію для «Белавіі»", "", [("sanctions", "lifted")]),
    ("pl", "USA wydają licencję ogólną dla rafinerii w Serbii", "", [("sanctions", "lifted")]),
    (
        "fr",
        "Washington accorde une licence générale au raffineur serbe NIS",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "it",
        "Washington rilascia una licenza generale per la raffineria serba",
        "",
        [("sanctions", "lifted")],
    ),
    # sanctions back in force
    (
        "es",
        "Las sanciones de la ONU contra Irán están de nuevo en vigor",
        "",
        [("sanctions", "imposed")],
    ),
    ("be", "Санкцыі ААН супраць Ірана зноў ўступілі ў сілу", "", [("sanctions", "imposed")]),
    # walked out of a named prison; "six other prisons" is no count of people
    (
        "en",
        "Mass release in the Philippines",
        "Some 640 inmates walked out of Davao Penal Colony and four other prisons on Monday "
        "after their sentences were recomputed.",
        [("pardon", 640)],
    ),
]

GENERAL_NEGATIVES_17 = [
    # a clemency commission is an institution, not a clemency
    (
        "en",
        "Governor rejects pardon for former mayor",
        "The governor turned down the plea on Friday, the state clemency board said.",
    ),
    (
        "ru",
        "Глава региона отклонил прошение о помиловании",
        "Об этом сообщила комиссия по вопросам помилования.",
    ),
    # open to / available for / offered: no swap yet
    ("it", "Ankara «aperta» a uno scambio di detenuti con Damasco", ""),
    ("it", "Baku è disponibile a uno scambio di prigionieri con Erevan", ""),
    (
        "es",
        "Ortega ofreció a Washington la excarcelación de opositores a cambio de alivio",
        "",
    ),
    (
        "de",
        "Minsk bot die Freilassung zweier Litauer im Austausch gegen einen Agenten an",
        "",
    ),
    # a decision still to come
    (
        "fr",
        "Le roi doit choisir d'accorder ou non sa grâce à trois militants",
        "",
    ),
    # nobody grants a general licence here
    (
        "en",
        "Shipping firm seeks general license",
        "The company says it needs a general license to keep paying its crews.",
    ),
    # medical leave from prison is no release
    ("en", "Jailed blogger granted 10-day leave from prison to attend funeral", ""),
]

GENERAL_POSITIVES_18 = [
    # a figure that heads "political prisoners" with 'remain' after it is a count held,
    # not the size of the release the sentence mentions
    (
        "en",
        "Emir pardons 210 prisoners for Eid",
        "The emir pardoned 210 prisoners on Sunday. A Geneva-based rights group said at least "
        "90 political prisoners remained in Doha jails after the releases.",
        [("pardon", 210), ("prisoner_count", 90)],
    ),
    # in a count story, a second group's count of the people held, after 'according to'
    (
        "ru",
        "«Мемориал»: в России 790 политзаключённых",
        "Проект «Поддержка политзаключённых» насчитал 790 политзаключённых. По данным "
        "«ОВД-Инфо», за решёткой по политическим делам находятся более 1 500 человек.",
        [("prisoner_count", 790), ("prisoner_count", 1500)],
    ),
    # additions to a sanctions list, and an extension in French
    (
        "pl",
        "UE zdejmuje sankcje z dwóch osób, dopisuje siedem nowych",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "it",
        "Il Consiglio Ue toglie due nomi dalla lista nera e ne aggiunge nove",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "fr",
        "L'ONU proroge de six mois les sanctions contre le Mali",
        "",
        [("sanctions", "imposed")],
    ),
    # drug trafficking is no road traffic
    (
        "es",
        "EE.UU. sanciona a doce personas por tráfico de fentanilo desde México",
        "",
        [("sanctions", "imposed")],
    ),
    # a decreed amnesty takes the number it is to free, told in the future
    (
        "uk",
        "Президент Киргизстану підписав указ про амністію",
        "За даними Генпрокуратури, з колоній будуть звільнені близько 1 800 засуджених.",
        [("pardon", 1800)],
    ),
    (
        "de",
        "Usbekistan erlässt Amnestie zum Verfassungstag",
        "Etwa 950 Häftlinge sollen freikommen, teilte die Staatsanwaltschaft mit.",
        [("pardon", 950)],
    ),
    # (not a release without a decree, nor a hope for more)
    (
        "en",
        "Azerbaijan frees opposition journalist",
        "The president pardoned the journalist on Friday. Activists hope 40 more prisoners "
        "will be freed soon.",
        [("pardon", None)],
    ),
    # "on the 60th anniversary" is no count
    (
        "es",
        "Indulto a 1.500 presos en Marruecos",
        "El rey firmó los indultos con motivo del 26 aniversario de su llegada al trono.",
        [("pardon", 1500)],
    ),
]

GENERAL_NEGATIVES_18 = [
    # a refusal after the trigger word
    ("be", "У памілаванні блогеру адмоўлена", ""),
    ("ru", "В помиловании журналисту отказано", ""),
    # a condition: "must", "only in exchange for"
    (
        "ru",
        "Оппозиция: любое смягчение санкций должно происходить только в обмен на свободу всех "
        "политзаключённых",
        "",
    ),
    # bodies handed back are not people released
    (
        "ru",
        "Обмен телами",
        "Россия передала Украине тела 757 погибших, получив взамен тела 41 военного.",
    ),
    ("en", "Kyiv receives 1,000 bodies in repatriation deal", ""),
    # "despite 18 rounds of sanctions": background
    (
        "uk",
        "Нафта дешевшає",
        "Попри 19 пакетів санкцій ЄС, експорт російської нафти скоротився лише на 4%.",
    ),
    (
        "en",
        "Oil exports",
        "Despite the EU's 19 new sanctions packages, Russian oil exports fell 4%.",
    ),
    # a regulator's fine
    ("de", "Brüssel sanktioniert App-Anbieter mit 500 Millionen Euro", ""),
]

GENERAL_POSITIVES_19 = [
    # inline tags in a feed's HTML summary do not cut the sentence
    (
        "en",
        "US eases curbs on Syrian bank",
        "<p>OFAC on Monday issued a new <b>general license</b> for payments to the "
        "Commercial Bank of Syria.</p><p>Officials said more steps would follow.</p>",
        [("sanctions", "lifted")],
    ),
    # a place named "... City" is no liberated city
    (
        "en",
        "Managua frees 48 political prisoners",
        "The government freed 48 political prisoners and flew them to Mexico City.",
        [("pardon", 48)],
    ),
    # a delisting and additions, in one sanctions story
    (
        "en",
        "Japan adds 22 Russian firms to sanctions list, delists four",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "en",
        "UK announces asset freezes and travel bans on six Iranian officials",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "pl",
        "Nowa lista sankcyjna MSWiA",
        "Minister dopisał do listy sankcyjnej dziewięć spółek i wykreślił z niej dwie osoby.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "fr",
        "L'UE lève ses sanctions contre deux banques syriennes",
        "Bruxelles a retiré deux banques de sa liste tout en imposant de nouvelles mesures à "
        "cinq miliciens.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_19 = [
    # balloons, and a film's plot
    ("it", "Liberazione di 3.000 palloncini annullata a Verona", ""),
    (
        "en",
        "New thriller starts shooting in Jordan",
        "The movie follows a negotiator who secures the release of 12 hostages.",
    ),
    ("en", "Studio news", "The prison drama is due for release in March, the studio said."),
    # sanctions floated, not decided
    (
        "de",
        "Wadephul bringt neue Sanktionen gegen Teheran ins Gespräch",
        "",
    ),
    # goods under sanctions, seized at the border
    ("pl", "Celnicy zatrzymali ładunek objęty sankcjami", ""),
]


GENERAL_POSITIVES_20 = [
    # the part of a pardon's people that it frees, the rest getting shorter terms
    (
        "de",
        "Staatschef begnadigt 640 Verurteilte zum Nationalfeiertag",
        "Davon kommen 212 sofort frei, den übrigen wird die Haftzeit verkürzt.",
        [("pardon", 212)],
    ),
    (
        "en",
        "Emir pardons 350 inmates for Eid",
        "Of the 350, 120 walked out of prison on Sunday; the others had their terms reduced.",
        [("pardon", 120)],
    ),
    (
        "uk",
        "Президент помилував 90 засуджених",
        "Указ стосується 90 осіб, з них 35 вийшли на волю, решті скоротили строки.",
        [("pardon", 35)],
    ),
    # one and a half thousand, in words
    (
        "pl",
        "Amnestia w Kirgistanie",
        "Na mocy ustawy amnestyjnej z kolonii wyszło półtora tysiąca skazanych.",
        [("pardon", 1500)],
    ),
    (
        "uk",
        "Амністія до Дня Незалежності",
        "За законом про амністію на волю вийшли понад півтори тисячі в'язнів.",
        [("pardon", 1500)],
    ),
    # a sanctions office's designations need no "sanctions" word
    (
        "en",
        "Treasury hits arms brokers",
        "OFAC on Tuesday designated seven firms in Turkey and Malaysia that it says shipped "
        "drone parts to Tehran.",
        [("sanctions", "imposed")],
    ),
    (
        "es",
        "Washington golpea a una red de contrabando",
        "La OFAC designó a nueve empresas de Panamá vinculadas al contrabando de petróleo.",
        [("sanctions", "imposed")],
    ),
    # a rights group that counts one country's prisoners names that country
    (
        "ru",
        "Ещё 14 человек вышли на свободу",
        "В пятницу на свободу вышли 14 политзаключённых. По подсчётам «Вясны», за решёткой "
        "по-прежнему остаются 1 140 человек.",
        [("pardon", 14), ("prisoner_count", 1140)],
    ),
    # more ways to say "released"
    (
        "es",
        "Reforma penal en Honduras",
        "Unos 600 reclusos salieron en libertad condicional en la primera semana de la amnistía.",
        [("pardon", 600)],
    ),
    (
        "en",
        "Sri Lanka marks Vesak",
        "About 450 prisoners were let out early under a presidential pardon.",
        [("pardon", 450)],
    ),
    # a semicolon ends the figure's list: "davon" after it names a new part
    (
        "de",
        "Amnestie in Usbekistan",
        "Per Amnestie wurden 318 Häftlinge begnadigt; davon kamen 96 aus Frauenkolonien.",
        [("pardon", 318)],
    ),
]

GENERAL_POSITIVES_21 = [
    # a plural "thousands" standing alone is vague; "более тысячи" is over 1,000
    (
        "uk",
        "Амністія: на волю виходять тисячі",
        "За перший тиждень дії закону з колоній звільнено 1 874 засуджених.",
        [("pardon", 1874)],
    ),
    (
        "ru",
        "Амнистия в Узбекистане",
        "По амнистии освобождены более тысячи осуждённых.",
        [("pardon", 1000)],
    ),
    # a figure a rights group counts is no number released
    (
        "en",
        "Junta releases 3,110 in holiday amnesty as monitors tally 22,000 detainees",
        "",
        [("pardon", 3110)],
    ),
    # "зь іх" (taraškievica) names a part of the count
    (
        "be",
        "«Вясна»: палітвязьняў — 1 096",
        "Паводле «Вясны», у вязьніцах застаюцца 1 096 палітвязьняў, зь іх 164 жанчыны.",
        [("prisoner_count", 1096)],
    ),
    # a state names whom it sanctions; "announced sanctions against"
    ("en", "Norway sanctions Sudanese generals over El Fasher", "", [("sanctions", "imposed")]),
    (
        "en",
        "Ottawa targets Haitian gang leaders",
        "Global Affairs Canada announced sanctions against four gang leaders and two politicians.",
        [("sanctions", "imposed")],
    ),
    # assets unfrozen; a long list between "removed" and "from its sanctions list"
    (
        "en",
        "Switzerland unfreezes assets of Syrian state airline",
        "The decision follows the EU's easing of sanctions.",
        [("sanctions", "lifted")],
    ),
    (
        "en",
        "London eases Syria measures",
        "The UK has removed 12 Syrian entities, among them the Commercial Bank of Syria, "
        "two oil firms and the national airline, from its sanctions list.",
        [("sanctions", "lifted")],
    ),
    # "in place of those freed" refers to a release, it reports none
    (
        "ru",
        "Лукашенко помиловал 18 человек",
        "Правозащитники насчитывают 1 190 политзаключённых: на место освобождённых в список "
        "попадают новые.",
        [("pardon", 18), ("prisoner_count", 1190)],
    ),
    # "announced sanctions against", unfrozen assets and lists, in other languages
    (
        "uk",
        "Японія вдарила по російських банкірах",
        "Токіо оголосив санкції проти шести банкірів.",
        [("sanctions", "imposed")],
    ),
    (
        "it",
        "L'Australia colpisce i generali birmani",
        "Canberra ha annunciato nuove sanzioni contro tre generali.",
        [("sanctions", "imposed")],
    ),
    (
        "pl",
        "Norwegia odmraża aktywa",
        "Oslo odmroziło aktywa syryjskiego przewoźnika, objętego sankcjami od 2012 roku.",
        [("sanctions", "lifted")],
    ),
    (
        "de",
        "Kanada listet Reeder",
        "Ottawa hat neun Reedereien auf ihre Sanktionsliste gesetzt.",
        [("sanctions", "imposed")],
    ),
    # a short opening date dates the sentence, unless the later clause has a day of its own
    (
        "es",
        "Nicaragua",
        "En 2023, el Gobierno desterró a 222 opositores, y este jueves excarceló a otros 18.",
        [("pardon", 18)],
    ),
]

GENERAL_NEGATIVES_20 = [
    # a video game's title
    (
        "en",
        "Indie hit",
        "Bluefox Games said the prison title Amnesty, in which you lead 30 convicts, comes out "
        "in May.",
    ),
    # a court upholding sanctions, not a decision to change them
    (
        "pl",
        "Sąd utrzymał sankcje wobec biznesmena",
        "Sąd oddalił skargę przedsiębiorcy na decyzję, którą nałożono na niego sankcje.",
    ),
    (
        "ru",
        "Суд оставил в силе санкции",
        "Арбитражный суд отказал компании в иске об отмене решения, которым были введены "
        "санкции против неё.",
    ),
    (
        "fr",
        "Sanctions : un oligarque débouté",
        "Le tribunal a rejeté le recours de l'homme d'affaires contre les sanctions imposées "
        "par le Conseil.",
    ),
    # releases of recent months, told as background in a count story
    (
        "uk",
        "Правозахисники: кількість політв'язнів зменшилася",
        "Правозахисники пов'язують це зі звільненнями останніх місяців.",
    ),
    # a headline's topic, then a bill
    ("es", "Amnistía, el proyecto de ley llega al pleno", ""),
    # a short opening date: the whole sentence is background
    (
        "en",
        "A decade after the thaw",
        "In December 2014, the two governments restored ties, and Havana later freed 53 "
        "dissidents.",
    ),
    # governments invited to grant an amnesty
    (
        "fr",
        "Jubilé",
        "Dans son message, le pape a invité les gouvernements à des gestes d'amnistie envers "
        "les détenus.",
    ),
]


GENERAL_POSITIVES_22 = [
    # a second decision of the other direction, joined by "and", is about the same list
    (
        "en",
        "UK renews Iran sanctions and drops four names",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "fr",
        "Le Canada retire deux entités et prolonge les sanctions contre le Nicaragua",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    # a verb-final participle governs a long object
    (
        "de",
        "Schweiz",
        "Der Bundesrat hat die Finanzsanktionen gegen rund 1.200 Personen und Firmen aus "
        "Myanmar bis Ende Juni verlängert.",
        [("sanctions", "imposed")],
    ),
    # the reversed political-prisoner phrase ("по политическим мотивам ... лишены свободы")
    (
        "ru",
        "Правозащитники обновили данные",
        "Сейчас в Азербайджане по политическим мотивам лишены свободы более 350 человек.",
        [("prisoner_count", 350)],
    ),
    (
        "uk",
        "Правозахисники",
        "Зараз у Криму за політичними мотивами позбавлені волі 218 людей.",
        [("prisoner_count", 218)],
    ),
    (
        "ru",
        "Данные правозащитников",
        "В Таджикистане в заключении по политическим делам находятся 412 человек.",
        [("prisoner_count", 412)],
    ),
    # "the largest group" is a part of the release already counted
    (
        "en",
        "Myanmar junta frees 5,600 in new year amnesty",
        "The biggest group, 900 inmates, left Insein prison in Yangon.",
        [("pardon", 5600)],
    ),
    (
        "es",
        "Cuba excarcela a 553 presos",
        "El grupo más numeroso, 130 personas, salió de la prisión de Boniato.",
        [("pardon", 553)],
    ),
    # an aside inside a separable verb is no partition: the count stays the pardon's
    (
        "de",
        "Tokajew begnadigt 47 Verurteilte",
        "Die Begnadigten kommen, darunter fünf Frauen, bis Freitag frei.",
        [("pardon", 47)],
    ),
    # leaving a named place in an exchange
    (
        "es",
        "Canje de prisioneros entre Rusia y Ucrania",
        "En el intercambio, 84 soldados salieron del centro de detención de Olenivka.",
        [("pardon", 84)],
    ),
    # an appeal court is no appeal
    ("en", "Appeal court frees 14 activists jailed over protests", "", [("pardon", 14)]),
    # "of those freed, N were women": a part of the release, no second one
    (
        "en",
        "Kazakhstan frees 930 prisoners in Constitution Day amnesty",
        "Of those released, 115 were women.",
        [("pardon", 930)],
    ),
    (
        "uk",
        "Росія передала Україні 150 полонених",
        "Серед звільнених 22 — цивільні.",
        [("pardon", 150)],
    ),
    (
        "es",
        "Venezuela excarcela a 88 detenidos",
        "Entre los excarcelados, 12 son adolescentes.",
        [("pardon", 88)],
    ),
    # "those freed include N": a part of the release; "the amnesty includes N" is its count
    (
        "en",
        "Cambodia pardons 2,140 inmates for Khmer New Year",
        "Those released include 31 foreigners who will be deported.",
        [("pardon", 2140)],
    ),
    ("en", "Uzbek amnesty includes 860 prisoners", "", [("pardon", 860)]),
    (
        "es",
        "Nicaragua excarcela a 135 presos",
        "Los excarcelados incluyen 18 estudiantes.",
        [("pardon", 135)],
    ),
    # a participle after "noun + adjective" describes the noun; its "since" is its own
    (
        "fr",
        "Corée du Nord",
        "Les sanctions onusiennes suspendues depuis 2018 sont de nouveau en vigueur depuis lundi.",
        [("sanctions", "imposed")],
    ),
    (
        "fr",
        "Syrie",
        "Le Conseil a réintroduit mardi les sanctions sectorielles levées en janvier.",
        [("sanctions", "imposed")],
    ),
    # "N foreigners will be deported after their release": the release already counted
    (
        "uk",
        "У В'єтнамі амністували 2 200 засуджених",
        "40 іноземців після звільнення будуть депортовані.",
        [("pardon", 2200)],
    ),
    (
        "fr",
        "Le Cambodge gracie 1 050 détenus",
        "Dix-huit étrangers seront expulsés après leur libération.",
        [("pardon", 1050)],
    ),
    # a rights group's name is no count's phrase unless the people are still held
    (
        "pl",
        "Birma: ponad 21 tys. więźniów politycznych",
        "Od zamachu stanu zatrzymano ponad 27 tys. osób, podaje Stowarzyszenie Pomocy Więźniom "
        "Politycznym.",
        [("prisoner_count", 21000)],
    ),
    # a second group's figure of other things ("6,200 killings") is no count
    (
        "en",
        "Rights group: 21,500 political prisoners held in Myanmar",
        "The group has also documented at least 6,100 killings by the security forces.",
        [("prisoner_count", 21500)],
    ),
    # an asset-freeze list is a sanctions list; announcing an asset freeze is a decision
    (
        "en",
        "Canada",
        "Ottawa has added nine officials and two firms in Belarus to its asset-freeze list.",
        [("sanctions", "imposed")],
    ),
    (
        "fr",
        "Sanctions",
        "La Suisse annonce le gel des avoirs de douze personnes liées au régime iranien.",
        [("sanctions", "imposed")],
    ),
    # "together with 19 others" adds the named person
    (
        "en",
        "Tajikistan",
        "The journalist walked free on Monday together with 14 other convicts pardoned by Rahmon.",
        [("pardon", 15)],
    ),
    (
        "pl",
        "Amnestia w Kirgistanie",
        "Z kolonii karnych w całym kraju wyszło 640 osób.",
        [("pardon", 640)],
    ),
    # revoking a licence in a sanctions story is a tightening
    ("en", "OFAC revokes Repsol's general license for Venezuela", "", [("sanctions", "imposed")]),
    # the part freed is the count when no release took the whole
    (
        "de",
        "Amnestie in Usbekistan",
        "Der Erlass betrifft 2.100 Verurteilte; davon kommen 730 frei.",
        [("pardon", 730)],
    ),
    (
        "en",
        "Clemency decree in Laos",
        "It covers 450 convicts; of them, 120 will be freed this week.",
        [("pardon", 120)],
    ),
]

GENERAL_NEGATIVES_21 = [
    # released from quarantine / isolation is no release from detention
    (
        "en",
        "Lusaka prison lifts measles quarantine",
        "Health officials said 140 inmates were released from isolation on Tuesday.",
    ),
    (
        "fr",
        "Maison d'arrêt de Nîmes",
        "Après une épidémie de gale, 38 détenus ont été libérés de la quarantaine.",
    ),
    (
        "ru",
        "В колонии сняли карантин",
        "Все 75 осуждённых освобождены из карантина и вернулись в отряды.",
    ),
    # released from a police station after a protest detention
    (
        "uk",
        "Затримання на акції",
        "Поліція затримала 30 учасників пікету, увечері всіх відпустили з відділку поліції.",
    ),
    (
        "es",
        "Protesta en Quito",
        "Los 22 estudiantes detenidos fueron liberados de la comisaría esa misma noche.",
    ),
    # birds / turtles set free, raised in captivity
    (
        "it",
        "Liberati 40 pappagalli sequestrati",
        "Gli uccelli, cresciuti in cattività, sono stati liberati in Sardegna.",
    ),
    (
        "de",
        "Artenschutz an der Ostsee",
        "Helfer ließen 200 junge Schildkröten frei, die in Gefangenschaft aufgezogen wurden.",
    ),
    # a short heading that names an appeal governs its colon's clause
    (
        "en",
        "Petition to Tokayev: pardon the 12 strikers",
        "",
    ),
    (
        "fr",
        "Appel au président : « Graciez les 25 militants »",
        "",
    ),
    # "every exchange", "кожен обмін": generic, no event
    (
        "ru",
        "Штаб: только официальные сообщения",
        "В штабе напомнили, что о каждом обмене сообщают только официальные каналы.",
    ),
    # rumours denied
    (
        "uk",
        "Омбудсман спростував чутки про звільнення полонених цього тижня",
        "",
    ),
    # taraškievica negation after the trigger
    ("be", "Лукашэнка: «Амністыі ня будзе для палітычных»", ""),
    # a history piece
    ("ru", "История: как в 2015 году вышел на свободу Николай Статкевич", ""),
    # a conditional particle past the clause's end
    (
        "ru",
        "Законопроект об амнистии",
        "Под амнистию, как предполагают депутаты, попали бы осуждённые старше 60 лет.",
    ),
    # a sanctions programme ended is no new sanction ("programma sanzionatorio")
    (
        "it",
        "Stati Uniti",
        "Il decreto pone fine al programma sanzionatorio contro il Sudan dal 1° marzo.",
    ),
    # "in the coming hours", "working on the 19th package", "sanctionnée par un diplôme"
    ("it", "Nessuna conferma", "Le voci di una scarcerazione nei prossimi giorni restano tali."),
    ("pl", "Rada UE", "Ministrowie: pracujemy nad 19. pakietem sankcji wobec Rosji."),
    ("fr", "Éducation", "Le nouveau cursus sera sanctionné par un diplôme d'État."),
    # "there is none" after the trigger (be)
    ("be", "Навіны", "«Інфармацыі пра вызваленьне ў нас няма», — сказаў адвакат."),
    # a court putting off its decision on a release
    (
        "fr",
        "La cour d'appel repousse sa décision sur la libération de l'opposant",
        "",
    ),
]


GENERAL_POSITIVES_23 = [
    # a live blog's timestamps ("11:40") are no counts
    (
        "uk",
        "Пряма трансляція",
        "09:15 Повернення додому: з полону звільнено 84 військових. 09:50 Обмін відбувся "
        "за посередництва Катару.",
        [("pardon", 84)],
    ),
    (
        "pl",
        "Relacja",
        "14:20 Władze Kazachstanu ułaskawiły 37 skazanych — podała agencja.",
        [("pardon", 37)],
    ),
    (
        "de",
        "Liveblog",
        "16:45 Uhr: Das Regime hat 31 Häftlinge freigelassen. 17:05 Uhr: Die Regierung "
        "fordert die Freilassung aller politischen Gefangenen.",
        [("pardon", 31)],
    ),
    # "begins to release" and "its decision to free" report a release decided
    (
        "es",
        "Nicaragua empieza a liberar a 135 reos",
        "",
        [("pardon", 135)],
    ),
    # asset freezes in German word order, and names added to a list in a sanctions story
    (
        "de",
        "Kanada",
        "Ottawa hat die Konten von sieben Generälen und vier Firmen aus Myanmar eingefroren, "
        "wie es in der Mitteilung zu den Sanktionen heißt.",
        [("sanctions", "imposed")],
    ),
    (
        "it",
        "Sanzioni, la Svizzera si allinea",
        "Berna ha adottato le nuove misure dell'Ue: nove persone sono state aggiunte alla lista.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_22 = [
    # a rights group's name is no amnesty
    (
        "es",
        "Amnistía Internacional denuncia torturas en una cárcel de Guatemala",
        "Según el informe, 14 reclusos siguen aislados.",
    ),
    (
        "ru",
        "Международная амнистия: в Таджикистане задержаны 6 журналистов",
        "Все они остаются под стражей.",
    ),
    # "sancionar" a law or budget is enacting it
    ("es", "Argentina", "El Senado sancionó la nueva ley de alquileres con 40 votos."),
    # a call in the clause before a "zu" / "aby" / "чтобы" clause governs it
    (
        "de",
        "Europarat",
        "Die Versammlung rief die Mitgliedstaaten auf, Einreiseverbote gegen zwölf Richter "
        "zu verhängen.",
    ),
    (
        "pl",
        "Sejm",
        "Posłowie wezwali rząd, aby nałożył sankcje na 15 urzędników z Gruzji.",
    ),
    (
        "en",
        "Senate",
        "In a non-binding resolution, senators said Washington should sanction 30 officials.",
    ),
    # "could have" after a swap
    (
        "ru",
        "СМИ",
        "По данным издания, обмен мог охватить до 20 человек, однако Кремль это отрицает.",
    ),
    # people newly recognised as political prisoners are no count of those held
    (
        "be",
        "Навіны",
        "За тыдзень праваабаронцы прызналі палітвязьнямі яшчэ 11 чалавек.",
    ),
    # "over that time" and "since the coup": running totals
    (
        "uk",
        "Правозахисники",
        "За цей час на волю вийшли понад 2 000 людей, але арешти тривають.",
    ),
    (
        "en",
        "Myanmar",
        "Since the coup, more than 30,000 people have been arrested and 1,500 freed.",
    ),
    # "four of those" the group counts is a part, not a count
    (
        "ru",
        "Азербайджан",
        "Правозащитники отмечают, что в список попали лишь трое из тех, кого они считают "
        "политзаключёнными.",
    ),
]


GENERAL_POSITIVES_24 = [
    # a swap's two sides that add up to the headline's figure are its parts
    (
        "pl",
        "Wymiana więźniów na granicy: na wolność wyszło 19 osób",
        "Mińsk uwolnił 12 więźniów, a Litwa zwolniła 7 obywateli Białorusi.",
        [("pardon", 19)],
    ),
    # a figure still held after the pardon belongs to the count, not to the pardon
    (
        "de",
        "Nach der Amnestie",
        "Nach der Begnadigung sitzen laut Wjasna weiterhin rund 1.150 politische Gefangene "
        "in Haft.",
        [("pardon", None), ("prisoner_count", 1150)],
    ),
    # joining another bloc's sanctions is imposing them
    (
        "fr",
        "La Norvège s’aligne sur le dernier paquet de sanctions de l’UE",
        "",
        [("sanctions", "imposed")],
    ),
    ("ru", "Швейцария присоединилась к новому пакету санкций ЕС", "", [("sanctions", "imposed")]),
    # a designation under a national sanctions law, and names removed "from the list"
    (
        "en",
        "Canada designates 8 Nicaraguan officials under Special Economic Measures regulations",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "en",
        "UK extends Belarus asset freezes",
        "London renewed the measures on Tuesday while removing two people, one of them "
        "deceased, from the list.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    # the taraškievica spelling of eighteen
    ("be", "Навіны", "Лукашэнка памілаваў васемнаццаць асуджаных.", [("pardon", 18)]),
]

GENERAL_NEGATIVES_23 = [
    # a fact check of a pardon that did not happen
    (
        "en",
        "Fact check: Tajikistan did not free 300 prisoners",
        "A viral post claims a decree freed 300 people this week; no such decree exists.",
    ),
    (
        "de",
        "Faktencheck: Keine Massenbegnadigung in Aserbaidschan",
        "Ein Beitrag behauptet, 500 Häftlinge seien freigelassen worden.",
    ),
    # a statistics release; data released; exempt from mobilisation
    (
        "en",
        "Prison numbers",
        "The jail population in Scotland was 8,300, the latest statistical release shows.",
    ),
    ("es", "Transparencia", "El Ministerio libera los datos de 68 centros penitenciarios."),
    ("ru", "Отсрочка", "От мобилизации освобождены более 12 тысяч студентов."),
    # joining calls for sanctions is a call
    ("en", "Lithuania joins calls for sanctions on Georgian officials", ""),
]


GENERAL_NEGATIVES_24 = [
    # a day of the month before a sentence's full stop is no count
    (
        "de",
        "Gedenktag",
        "Menschenrechtler erinnern an die politischen Gefangenen, wie jedes Jahr am 30. Oktober.",
    ),
    # a film about a release: its director, its cinemas
    (
        "it",
        "Al cinema",
        "Il thriller, che esce in 250 sale, racconta la liberazione di un prigioniero politico.",
    ),
    # organisations are no people
    (
        "uk",
        "Звернення",
        "Понад тридцять правозахисних організацій вимагають звільнити політв'язнів.",
    ),
    # a running total in the figure's clause, the release in a later one
    (
        "ru",
        "Итоги",
        "Всего с 2021 года политзаключёнными признаны более 2 900 человек, включая тех, кто "
        "уже вышел на свободу.",
    ),
    # "sancionadas por delitos": penalised, no sanctions
    (
        "es",
        "Justicia",
        "Las 40 personas sancionadas por delitos menores pagarán una multa.",
    ),
]


GENERAL_POSITIVES_25 = [
    # a release months ago, with its own figure, beside today's: a second event
    (
        "en",
        "Junta pardons 31 jailed protesters",
        "Four other protesters had already been freed in August on health grounds.",
        [("pardon", 31), ("pardon", 4)],
    ),
    # a swap's total repeated in the body, then broken down in that sentence
    (
        "es",
        "Canje en Abu Dabi: 18 presos en libertad",
        "Fueron liberados 18 prisioneros: 11 excarcelados por Moscú y 7 entregados a Rusia.",
        [("pardon", 18)],
    ),
    # lifting a list of measures, one of them "imposed after the coup"
    (
        "fr",
        "La CEEAC et le Gabon",
        "Les chefs d'État ont décidé de lever la suspension, le gel des avoirs et les "
        "sanctions économiques imposées au Gabon après le putsch.",
        [("sanctions", "lifted")],
    ),
    # "establishes an embargo"
    (
        "es",
        "Consejo de Seguridad",
        "La resolución establece un embargo de armas contra las milicias del norte.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_25 = [
    # a yes/no question in the headline
    ("en", "Will Tehran free the detained aid workers?", "Diplomats see no sign of a deal."),
    ("pl", "Czy Mińsk uwolni kolejnych więźniów politycznych?", ""),
    # a modal between the noun and its verb; "otherwise" sanctions
    (
        "fr",
        "Ultimatum",
        "Le bloc a donné deux semaines à la junte, faute de quoi des sanctions pourraient être "
        "adoptées.",
    ),
    ("en", "Ultimatum", "Sanctions could be imposed on the junta if it delays the vote."),
    # a newspaper named Libération
    (
        "fr",
        "Revue de presse",
        "Libération consacre sa une aux détenus politiques du Sahel.",
    ),
]


GENERAL_POSITIVES_26 = [
    # benefiting from an early release is one
    (
        "fr",
        "Tchad",
        "Par ailleurs, 41 détenus ont bénéficié d'une libération conditionnelle anticipée.",
        [("pardon", 41)],
    ),
]

GENERAL_NEGATIVES_26 = [
    # a podcast about an old swap; interviews with people freed long ago
    ("en", "Spy stories", "Season two of the podcast 'Bridges' was released on Tuesday."),
    (
        "uk",
        "Доповідь",
        "Звіт спирається на інтерв'ю з 80 звільненими.",
    ),
]


GENERAL_POSITIVES_27 = [
    # an Italian number word with "cento" elided before "ottanta"
    (
        "it",
        "Indulto di Capodanno",
        "Il presidente ha graziato duecentottantuno detenuti.",
        [("pardon", 281)],
    ),
    # protest detainees let out under precautionary measures; a pluperfect release days before
    (
        "es",
        "Nicaragua: excarcelan a 63 detenidos durante las protestas",
        "Los liberados deberán cumplir medidas cautelares.",
        [("pardon", 63)],
    ),
    (
        "es",
        "Cuba excarcela a 40 opositores",
        "Tres días antes ya habían quedado en libertad otros 12.",
        [("pardon", 12), ("pardon", 40)],
    ),
    # an exchange's figure called a total: the figures after it are its sides
    (
        "de",
        "Austausch: 18 Gefangene frei",
        "Insgesamt kamen 18 Menschen frei. Moskau übergab elf Häftlinge, zurück kehrten fünf "
        "Russen und zwei Kinder.",
        [("pardon", 18)],
    ),
    # a renewal in a participle clause beside a lifting; a removal from the list as a noun
    (
        "fr",
        "Mali",
        "L'UE a levé le gel des avoirs de deux ministres, tout en reconduisant pour six mois les "
        "autres sanctions.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "it",
        "Sanzioni",
        "Il Consiglio ha annunciato la rimozione di tre oligarchi dall'elenco delle persone "
        "designate.",
        [("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_27 = [
    # a game about an exchange; convicts who "will be able to" leave early
    ("ru", "Инди-студия из Казани выпустила игру об обмене пленными", ""),
    (
        "ru",
        "Осуждённые смогут выходить на свободу досрочно ради контракта",
        "Закон вступит в силу.",
    ),
    # released from non-custodial punishments
    (
        "uk",
        "Підсумки року",
        "Ще близько 3 тисяч людей звільнено від покарань, не пов'язаних з позбавленням волі.",
    ),
    # speculation; a tally that includes those already freed; a fact check
    (
        "it",
        "Roma smentisce",
        "Il ministero ha definito speculazioni le notizie sulla scarcerazione di 20 detenuti "
        "politici.",
    ),
    (
        "en",
        "Numbers",
        "Foro Penal has logged 9,000 political detentions since 2018, a figure that includes "
        "those already freed.",
    ),
    (
        "pl",
        "Fałszywa wiadomość: nie uwolniono 50 więźniów",
        "W sieci krąży wpis sugerujący, że w piątek uwolniono 50 więźniów politycznych.",
    ),
]


GENERAL_POSITIVES_28 = [
    # "blacklists" as a verb beside a lifting
    (
        "en",
        "UK eases Syria sanctions, blacklists militia leaders",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    # the phrase's own figure wins over a figure of other people ("were included" is no
    # "including" scope)
    (
        "en",
        "Report",
        "Monitors said four people from their list were included, and that about 820 political "
        "prisoners remain in custody.",
        [("prisoner_count", 820)],
    ),
    # "only" before a body figure: a part of the headline's pardon or of its list
    (
        "fr",
        "Maroc",
        "Le roi a gracié 300 détenus ; seuls trois prisonniers politiques figurent sur la liste.",
        [("pardon", 300)],
    ),
    (
        "ru",
        "Токаев помиловал 150 осуждённых",
        "Правозащитники отмечают, что из их списка помилованы лишь трое.",
        [("pardon", 150)],
    ),
    # Belarusian in Łacinka is read through its Cyrillic transliteration
    ("be", "Łukašenka pamiłavaŭ 23 čałavieki", "Usie jany ŭžo vyjšli na volu.", [("pardon", 23)]),
    (
        "be",
        "«Viasna»: u turmach zastajecca 1140 palitviaźniaŭ",
        "",
        [("prisoner_count", 1140)],
    ),
]

GENERAL_NEGATIVES_28 = [
    # a pardon of someone convicted in absentia frees nobody
    ("en", "Departing governor pardons businessman convicted in absentia", ""),
    # "verlangen", "evalúa", "imminent", "Berichte über"
    (
        "de",
        "Offener Brief",
        "In dem Schreiben verlangen Abgeordnete die sofortige Freilassung der Blogger.",
    ),
    ("es", "Bruselas evalúa nuevas sanciones contra Caracas", ""),
    ("fr", "Algérie", "Plusieurs médias évoquent une grâce imminente pour le blogueur condamné."),
    ("en", "Kyiv", "Sources describe a prisoner swap as imminent."),
    ("de", "Berichte über baldige Begnadigung", "Die Regierung schweigt."),
]


GENERAL_POSITIVES_29 = [
    # "opposants" is no "s'opposer"; part of a term served is an early release
    ("fr", "Biélorussie : 19 opposants libérés", "", [("pardon", 19)]),
    (
        "de",
        "Belarus: Drei Aktivistinnen vorzeitig aus der Haft entlassen",
        "Die Frauen kamen nach Verbüßung von zwei Dritteln ihrer Strafe frei.",
        [("pardon", 3)],
    ),
    # soldiers returned "from territory controlled by Kyiv": an exchange
    (
        "ru",
        "Минобороны",
        "С подконтрольной Киеву территории возвращены 84 военнослужащих.",
        [("pardon", 84)],
    ),
    # the list's name inside a delisting; a rights group confirming part of a pardon
    (
        "es",
        "OFAC retira de la lista de sancionados a dos empresarios",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "ru",
        "Лукашенко помиловал 22 человека",
        "«Вясна» подтвердила освобождение как минимум восьмерых.",
        [("pardon", 22)],
    ),
]

GENERAL_NEGATIVES_29 = [
    # a bill introduced; a swap that collapsed; a draft that "envisages" releases
    ("en", "Lawmakers introduce legislation that would sanction Sudanese generals", ""),
    ("uk", "Обмін полоненими зірвався", ""),
    (
        "ru",
        "Законопроект об амнистии",
        "Документ предполагает освобождение около 5 тысяч осуждённых.",
    ),
    # a year ending the trigger's clause; an "imminent" release dismissed; an acquittal
    ("ru", "Итоги", "Последнее массовое помилование в стране было объявлено в 2016 году."),
    ("en", "Blogger's family dismisses talk of imminent release", ""),
    (
        "ru",
        "Присяжные оправдали бывшего вице-губернатора",
        "Экс-чиновник, проведший год в СИЗО, был освобождён из-под стражи в зале суда.",
    ),
    # a figure in a conditional ("incluiría")
    (
        "es",
        "Rumores",
        "Según cuentas en redes, una nueva lista de presos políticos incluiría a 150 personas.",
    ),
]


GENERAL_POSITIVES_30 = [
    # measures named without the word "sanctions": an asset freeze, economic measures, a
    # licence granted
    ("ru", "Москва заморозила активы трёх британских фондов", "", [("sanctions", "imposed")]),
    (
        "pl",
        "Sankcje",
        "Rada UE zdecydowała o zamrożeniu aktywów 14 osób.",
        [("sanctions", "imposed")],
    ),
    ("de", "EU verlängert Wirtschaftsmaßnahmen gegen Belarus", "", [("sanctions", "imposed")]),
    (
        "fr",
        "Washington accorde une licence à une compagnie aérienne biélorusse",
        "",
        [("sanctions", "lifted")],
    ),
    # the name of the list a delisting removes from is no designation
    (
        "en",
        "Belavia removed from U.S. Treasury blacklist",
        "OFAC removed the airline from the Specially Designated Nationals list.",
        [("sanctions", "lifted")],
    ),
    # "N of them were freed in Russia" in an exchange is one side of the total
    (
        "ru",
        "Обмен в Стамбуле: на свободе 14 человек",
        "В общей сложности освобождены 14 человек. Девять из них были освобождены в России, "
        "остальные пятеро — в Польше.",
        [("pardon", 14)],
    ),
    # a common spelling of 52 in Belarusian
    (
        "be",
        "Вызваленыя",
        "Пяцьдзесят два чалавекі вызваленыя з беларускіх турмаў.",
        [("pardon", 52)],
    ),
    # a release today beside another one postponed
    (
        "en",
        "Minsk",
        "The authorities freed 20 prisoners on Monday, while the release of a second group has "
        "been postponed.",
        [("pardon", 20)],
    ),
    # "designates" under a sanctions programme
    (
        "en",
        "Treasury designates two Eritrean firms under Horn of Africa sanctions programme",
        "",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_30 = [
    # a threat after the noun; names added to a tally; a swap that slips
    ("de", "Drohung", "Der Präsident hat Caracas mit neuen Sanktionen gedroht."),
    ("en", "Viasna adds 31 names as political prisoner tally rises", ""),
    ("it", "Slitta lo scambio di detenuti", ""),
    # disciplinary and sports sanctions (uk, be); claims that someone was freed
    ("uk", "ВРП застосувала дисциплінарну санкцію до судді", ""),
    ("be", "Федэрацыя падоўжыла спартовыя санкцыі супраць зборнай", ""),
    ("es", "Bulos", "Mensajes en redes aseguraban que el opositor había sido excarcelado."),
    # a release or exchange "postponed" past a relative clause
    (
        "en",
        "Caracas",
        "The release of 22 detainees held at the Rodeo I prison, which officials had called "
        "imminent, has been postponed again.",
    ),
    (
        "es",
        "Managua",
        "La excarcelación de los presos de la cárcel La Modelo, anunciada por la Iglesia la semana "
        "pasada, fue aplazada sin explicación.",
    ),
    (
        "uk",
        "Координаційний штаб",
        "Обмін полоненими, про який домовилися за посередництва Катару, перенесено на "
        "невизначений термін.",
    ),
    (
        "en",
        "Numbers",
        "Viasna said she was the 4,300th person recognised as a political prisoner, a figure that "
        "includes those who have since been freed.",
    ),
]


GENERAL_POSITIVES_31 = [
    # an exchange's total three words before its figure, or 'a swap of N'; a decision and its
    # noun around a short dated aside; a release under supervision; lists and frozen assets
    (
        "ru",
        "Обмен в Стамбуле",
        "Россия передала шестерых, Украина — четверых; всего на родину вернулись десять человек.",
        [("pardon", 10)],
    ),
    (
        "es",
        "Frontera",
        "Perú entregó a cuatro ciudadanos bolivianos y Bolivia liberó a dos militares peruanos en un canje de seis personas.",
        [("pardon", 6)],
    ),
    (
        "fr",
        "Bruxelles",
        "Le Conseil de l'UE a prolongé de six mois, jusqu'au 31 janvier 2026, les sanctions économiques contre la Russie.",
        [("sanctions", "imposed")],
    ),
    (
        "es",
        "Bruselas",
        "El Consejo prorrogó por un año, hasta el 28 de febrero de 2026, las sanciones contra Irán.",
        [("sanctions", "imposed")],
    ),
    (
        "it",
        "Cuba ha completato la scarcerazione di 553 detenuti",
        "Molti restano in libertà vigilata.",
        [("pardon", 553)],
    ),
    (
        "ru",
        "Минфин США внёс три банка и пять судов в список SDN",
        "Решение объявило OFAC.",
        [("sanctions", "imposed")],
    ),
    (
        "ru",
        "OFAC",
        "Минфин США заблокировал активы двух судоходных компаний из Гонконга.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_31 = [
    # release after police paperwork; a bill; an appeal heading; unconfirmed and conditional;
    # last year's recognitions and a dated old count; sanctions that remain; exchanges that did
    # not take place; 'would go free'; a product; a proposal past 'EE. UU.'; an anniversary
    (
        "ru",
        "Пикет в Екатеринбурге",
        "Большинство задержанных на пикете отпустили после составления протоколов.",
    ),
    ("uk", "Депутати внесли законопроєкт про санкції проти імпортерів іранської нафти", ""),
    ("it", "Appello di giuristi e scrittori italiani: «Grazia per il blogger in carcere»", ""),
    ("fr", "Une amnistie pour les détenus politiques évoquée, sans confirmation", ""),
    ("pl", "Gdyby UE zniosła embargo na nawozy, rolnicy by stracili", ""),
    ("ru", "Итоги", "В прошлом году правозащитники признали политзаключёнными более 300 человек."),
    (
        "en",
        "Archive",
        "In February 2022 the authorities put 180 political prisoners on a plane to Madrid.",
    ),
    ("pl", "Banki", "Pozostałe banki nadal objęte są sankcjami."),
    ("de", "Reedereien", "Drei Reedereien bleiben weiterhin sanktioniert."),
    ("ru", "Женева", "Обмен пленными, о котором договорились в Женеве, не состоялся."),
    ("uk", "Обмін полоненими знову відклали", ""),
    ("pl", "Media", "Według mediów na wolność miałoby wyjść 15 osób."),
    (
        "ru",
        "Коротко: амнистия, Apple",
        "• В Думу внесён законопроект об амнистии для 5 тысяч осуждённых. • Apple выпустила iOS 19 с новыми функциями.",
    ),
    (
        "es",
        "Propuesta",
        "Bukele propuso devolver a los deportados por EE. UU. a cambio de la liberación de presos políticos.",
    ),
    ("ru", "Год после большого обмена: как живут освобождённые", ""),
    (
        "de",
        "Bilanz",
        "Im Laufe des Jahres wurden mehr als 300 Menschen als politische Gefangene anerkannt.",
    ),
]


GENERAL_POSITIVES_32 = [
    # a total after a comma or after the figure; sanctions restored
    (
        "en",
        "Prisoner swap completed",
        "Both sides handed over 150 prisoners each. In total, 300 people were freed on Friday.",
        [("pardon", 300)],
    ),
    (
        "fr",
        "Échange",
        "Moscou et Kiev ont chacun libéré 120 prisonniers, soit 240 personnes au total, lors de l'échange de mardi.",
        [("pardon", 240)],
    ),
    ("uk", "ЄС: санкції проти Сирії відновлено в повному обсязі", "", [("sanctions", "imposed")]),
]

GENERAL_NEGATIVES_32 = [
    # the group Amnesty; habitual and planned releases; 'avrebbe'; 'new' of another noun; a
    # newspaper; at liberty with a deferred sentence; an opinion poll; talk of a release
    ("en", "Amnesty urges Tunisia to free jailed journalists", ""),
    ("en", "Eid", "Families hope for news before Eid, when pardons are traditionally announced."),
    ("ru", "Запланированный на пятницу обмен пленными: что известно", ""),
    ("it", "Indiscrezioni", "Secondo la stampa, lo scambio avrebbe riguardato dieci detenuti."),
    ("de", "Sanktionsausschuss wählt neuen Vorsitzenden", ""),
    (
        "pl",
        "Statystyki",
        "Na wolności pozostaje ok. 30 tys. skazanych z odroczonym wykonaniem kary.",
    ),
    ("pl", "Sondaż: 55 proc. badanych popiera zaostrzenie sankcji wobec Białorusi", ""),
    ("fr", "Diplomatie", "Des responsables évoquent la libération de deux journalistes."),
]


GENERAL_POSITIVES_33 = [
    # lists with objects between ('внёс X в список SDN', 'setzen X auf die Sanktionsliste':
    # 'aus Hongkong' is no 'setzt ... aus'); 'mit Sanktionen belegt'; countermeasures; visa bans
    (
        "ru",
        "Минфин США внёс два банка и судоходную компанию в список SDN",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "Washington",
        "Das US-Finanzministerium hat drei iranische Reedereien mit Sanktionen belegt.",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "USA setzen drei Reedereien aus Hongkong auf ihre Sanktionsliste",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "Peking verhängt Gegenmaßnahmen gegen zwei Drohnenhersteller",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "es",
        "Washington",
        "El Departamento de Estado anunció restricciones de visado contra 40 jueces de Nicaragua.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_33 = [
    # a song's quoted title; a film review; an exchange deal said to be close
    (
        "ru",
        "Новый альбом",
        "Песня «Дорога на свободу» с нового альбома группы набрала миллион прослушиваний.",
    ),
    ("de", "Filmkritik: Ein Gefangenenaustausch als Agententhriller", ""),
    (
        "fr",
        "Diplomatie",
        "Selon le ministre, un accord d'échange de prisonniers avec Bakou est « proche ».",
    ),
    ("en", "Talks", "Officials said a prisoner exchange deal with Tehran was close."),
]


GENERAL_POSITIVES_34 = [
    # a headline's 'grâce royale pour'; Swiss 'Massnahmen'; 'der sanktionierten' inside a delisting
    ("fr", "Maroc : grâce royale pour 1 200 détenus", "", [("pardon", 1200)]),
    ("de", "Bundesrat übernimmt neue EU-Massnahmen gegen Iran", "", [("sanctions", "imposed")]),
    (
        "de",
        "Washington",
        "Die Reederei wurde von der Liste der sanktionierten Unternehmen gestrichen.",
        [("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_34 = [
    # a band's EP; an explainer; feared swaps; police custody; a bargaining chip
    ("en", "Punk trio Lockdown announce 'Pardon Me' EP, first release in three years", ""),
    ("it", "Indulto: cos'è, chi ne beneficia e come funziona", ""),
    ("de", "Sorge", "Seine Anwälte befürchten einen Austausch gegen einen verurteilten Agenten."),
    ("fr", "Nantes", "Les dix personnes gardées à vue ont été relâchées sans poursuites."),
    ("fr", "Famille", "Pour Téhéran, les deux Français sont une monnaie d'échange."),
]


GENERAL_POSITIVES_35 = [
    # convicts handed over to their country without a swap word
    (
        "uk",
        "Молдова передала Україні 9 громадян",
        "На кордоні Україні передали 9 громадян, які відбували покарання в молдовських в'язницях, повідомило відомство. Серед звільнених — двоє волонтерів.",
        [("pardon", 9)],
    ),
]


GENERAL_NEGATIVES_35 = [
    # 'since sanctions were introduced'; a TV character; a pardon reported as considered, denied
    ("pl", "Import z Białorusi spadł o 40 proc. od wprowadzenia sankcji", ""),
    ("pl", "Serial", "Bohaterka grana przez znaną aktorkę wyjdzie na wolność w finale sezonu."),
    ("de", "Kreml", "Berichte, wonach Moskau eine Begnadigung erwäge, seien nicht zutreffend."),
]


GENERAL_POSITIVES_36 = [
    # 'X und elf weitere': the number words took the 'und'
    ("de", "Minsk lässt Bjaljazki und elf weitere Gefangene frei", "", [("pardon", 12)]),
]

GENERAL_NEGATIVES_36 = [
    # 'Nuova Delhi' is no 'new'; 'starebbero'; a staging; a year ago, told in a short clause
    (
        "it",
        "Washington",
        "Il segretario di Stato ha avvertito Nuova Delhi che potrebbe imporre sanzioni.",
    ),
    (
        "it",
        "Indiscrezioni",
        "Secondo la stampa, Roma e Teheran starebbero lavorando a uno scambio di detenuti.",
    ),
    ("de", "Premiere", "Die neue Inszenierung erzählt von der Befreiung politischer Gefangener."),
    ("es", "Aniversario", "Hace un año, 222 presos políticos llegaban a Washington."),
]


GENERAL_POSITIVES_37 = [
    # a quoted count of people after 'X:' is speech, not a work's title
    (
        "it",
        "Zelensky: «Tornati a casa trecento soldati»",
        "Lo scambio di prigionieri si è chiuso in serata.",
        [("pardon", 300)],
    ),
    # 'aus russischer Kriegsgefangenschaft zurückgekehrt': a compound captivity word
    (
        "de",
        "Heimkehr",
        "Am Freitag sind 84 Soldaten aus russischer Kriegsgefangenschaft zurückgekehrt.",
        [("pardon", 84)],
    ),
    # Polish 'objęła restrykcjami' / 'zamraża aktywa': sanctions imposed
    ("pl", "Kanada objęła restrykcjami 40 statków floty cieni", "", [("sanctions", "imposed")]),
    ("pl", "Australia zamraża aktywa dwóch rosyjskich bankierów", "", [("sanctions", "imposed")]),
    # 'scattano le sanzioni': sanctions kick in
    (
        "it",
        "Siria, scattano le sanzioni dell'Ue contro altri sei generali",
        "",
        [("sanctions", "imposed")],
    ),
    # the EU's 'Nth package' without the word 'sanctions'
    ("en", "Brussels signs off 17th package of measures on Moscow", "", [("sanctions", "imposed")]),
    # German: ships added to the list in an amended regulation on restrictive measures
    (
        "de",
        "Restriktive Maßnahmen",
        "Mit der Verordnung werden 60 weitere Schiffe in die Liste der Schiffe mit Hafenverbot aufgenommen.",
        [("sanctions", "imposed")],
    ),
    # commutations that free people
    (
        "en",
        "Clemency",
        "About 1,200 people held on minor drug charges had their sentences commuted by the governor on Monday.",
        [("pardon", 1200)],
    ),
    (
        "pl",
        "Prawo łaski",
        "Prezydent złagodził kary 40 skazanym za udział w protestach.",
        [("pardon", 40)],
    ),
    # two standing counts from two groups, the second rounded, in sentences of their own
    (
        "ru",
        "Политзаключённые",
        "По данным «Вясны», политзаключёнными признаны 1 172 человека. По оценке другой инициативы, по политическим мотивам за решёткой находятся около 1 300 человек.",
        [("prisoner_count", 1172), ("prisoner_count", 1300)],
    ),
]

GENERAL_NEGATIVES_37 = [
    # an agreement to exchange, or a denied agreement to release
    ("ru", "Стороны договорились об обмене пленными «500 на 500»", "Дата обмена не определена."),
    (
        "uk",
        "Спростування",
        "Речник назвав вигадкою повідомлення про домовленість щодо звільнення 20 українських цивільних.",
    ),
    (
        "de",
        "Istanbul",
        "Beide Seiten vereinbaren einen Austausch von je 300 Kriegsgefangenen; ein Datum gibt es nicht.",
    ),
    (
        "de",
        "Gespräche",
        "Die Delegationen haben sich auf einen Austausch von jeweils 1.200 Gefangenen geeinigt.",
    ),
    # a court calling a release premature; an amnesty 'being discussed'; 'counts on' releases
    ("uk", "Суд", "Суд визнав передчасним умовно-дострокове звільнення засудженого."),
    (
        "be",
        "Парламент",
        "Сакратар заявіў, што ідэя новага закона аб амністыі «абмяркоўваецца», але тэрмінаў не назваў.",
    ),
    ("be", "Пасол", "Дыпламат разлічвае на вызваленне палітвязняў да канца года."),
    # a football transfer 'frees' a club
    ("it", "Calciomercato, lo scambio che libera il Napoli", "Il centrocampista va al Torino."),
    # a financial watchdog's penalty; a regulator fining a bank; enforcement of existing sanctions
    (
        "en",
        "OFSI",
        "The Office of Financial Sanctions Implementation imposed a £120,000 monetary penalty on a shipping broker.",
    ),
    (
        "uk",
        "Нацбанк застосував санкції до страховика",
        "Регулятор оштрафував компанію на 3 млн грн.",
    ),
    (
        "uk",
        "Аналітики",
        "Експерти вказують на прогалини у застосуванні чинних санкцій проти Ірану.",
    ),
    # a package that stalls; a package only proposed
    ("ru", "Новый пакет санкций против Ирана буксует", ""),
    (
        "de",
        "Brüssel",
        "Die Kommission hat den Staaten ein neues Paket mit Strafmaßnahmen gegen Belarus vorgeschlagen.",
    ),
    # designated groups that stay blocked; welfare 'sanzioni'
    ("en", "Treasury", "OFAC said designated terrorist groups remain blocked under the order."),
    (
        "it",
        "Assegno di inclusione, scattano le sanzioni per chi salta i colloqui",
        "L'Inps ha già sospeso 3mila assegni.",
    ),
    # a release at the end of the term
    ("ru", "Активист вышел на свободу", "Он вышел на свободу, полностью отбыв срок в колонии."),
    # a Spanish bull 'indultado'
    (
        "es",
        "Indultado «Lucero» en Las Ventas",
        "El presidente concedió el indulto al toro de la ganadería.",
    ),
    # a running total since a month and year, told through a 'when' clause
    (
        "be",
        "Падлік",
        "Праваабаронцы падлічылі, што з пачатку жніўня 2024 года, калі пачаліся памілаванні, на волю выйшлі больш за 250 чалавек.",
    ),
    # a headline's old amnesty, and the body's figure of that same year
    (
        "pl",
        "Muzeum przypomina amnestię z 1984 roku",
        "Wystawa opowiada o decyzji z 22 lipca 1984 roku, na mocy której na wolność wyszło 600 więźniów politycznych.",
    ),
    # a documentary recalls a past count
    (
        "fr",
        "Documentaire",
        "Le film rappelle qu'en 2021, l'ONG recensait déjà près de 600 prisonniers politiques.",
    ),
    # a death sentence commuted to life frees nobody
    ("en", "Governor commutes death sentences of 12 inmates to life", ""),
    (
        "de",
        "Gnade",
        "Der Präsident wandelte die Todesstrafe von fünf Männern in lebenslange Haft um.",
    ),
]


GENERAL_POSITIVES_38 = [
    # 'let out of Iranian jails': a release, so the sentence's 'political prisoners' are those freed
    (
        "en",
        "Tehran",
        "Forty people whom activists call political prisoners were let out of Iranian jails on Monday.",
        [("pardon", 40)],
    ),
    # 'al no renovar': a 'no' that says how the sanctions return, not whether
    (
        "es",
        "Washington restablece las sanciones a Caracas al no renovar la licencia 41",
        "",
        [("sanctions", "imposed")],
    ),
    # a pardon and a standing count in one headline, with colloquial 'лишаються'
    (
        "uk",
        "Лукашенко помилував ще 18 осіб, за ґратами лишаються близько 1 200 політв'язнів",
        "",
        [("pardon", 18), ("prisoner_count", 1200)],
    ),
    # 'liberi anche due attivisti': people among the pardoned, no second release
    ("it", "Il re grazia 1.200 persone: liberi anche due attivisti", "", [("pardon", 1200)]),
]

GENERAL_NEGATIVES_38 = [
    # idioms and figures of speech
    (
        "en",
        "Pardon our mess: the library's renovation runs late",
        "The reading room will reopen in May.",
    ),
    ("ru", "Налоги", "Компания считала себя «помилованной» налоговой службой."),
    ("pl", "Zabytkowa lipa „ułaskawiona”. Droga ominie drzewo", ""),
    ("fr", "Municipales", "Le nouveau maire profite encore de l'état de grâce."),
    ("it", "Grandinata in collina, i vigneti sono stati graziati", ""),
    (
        "it",
        "Il palo grazia la Roma",
        "Nel finale il palo grazia i giallorossi, che strappano il pareggio.",
    ),
    # animals back into the wild
    ("de", "Nach dem Winter", "Dreißig Igel wurden in Gärten wieder freigelassen."),
    # rumours of an imminent release; a stalemate; talks; pressing for a package
    ("be", "Тэлеграм", "У тэлеграм-каналах пішуць пра хуткае вызваленне групы палітвязняў."),
    ("it", "Carceri sovraffollate, stallo sulla liberazione anticipata", ""),
    (
        "de",
        "Diplomatie",
        "Diplomaten verhandelten über die Freilassung weiterer Deutscher im Austausch gegen einen Agenten.",
    ),
    ("pl", "Litwa naciska na szybkie przyjęcie nowego pakietu sankcji", ""),
    # figures of organisations and portraits are no count of prisoners
    (
        "es",
        "Venezuela",
        "Una treintena de organizaciones pidió la libertad de las personas detenidas por razones políticas.",
    ),
    ("it", "Mostra", "In mostra 80 ritratti di prigionieri politici iraniani."),
]


GENERAL_POSITIVES_39 = [
    # a count-less release with a country or a grantor still reports one
    ("en", "Lukashenko pardons opposition blogger", "", [("pardon", None)]),
]

GENERAL_NEGATIVES_39 = [
    # no figure, no country, no grantor and no prisoner anywhere: a figure of speech
    ("en", "Late rain pardons the vineyards of Sonoma", ""),
    ("it", "La sorte grazia il Torino all'ultimo minuto", ""),
    ("fr", "Le destin gracie les Verts", ""),
    ("de", "Das Glück begnadigt die Bayern", ""),
]


GENERAL_POSITIVES_40 = [
    # a 'mutual release' is an exchange (so sailors 'seized' at sea are no kidnap victims)
    (
        "uk",
        "Україна повернула 22 своїх громадян",
        "У результаті взаємного звільнення утримуваних осіб додому повернулися 22 українці, серед них 10 моряків, захоплених біля острова Зміїний.",
        [("pardon", 22)],
    ),
    # sanctions phrasing: 'colpito con sanzioni', 'nimmt von den Sanktionen aus', a licence withdrawn, the SDN list
    (
        "it",
        "Londra",
        "Il governo britannico ha colpito con sanzioni tre banche iraniane.",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "USA nehmen Raffinerie von Sanktionen aus – Erleichterung in Leuna",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "es",
        "EE UU retira a Eni la licencia para exportar crudo venezolano",
        "",
        [("sanctions", "imposed")],
    ),
    ("ru", "Банки", "Минфин США внёс в SDN-лист три российских банка.", [("sanctions", "imposed")]),
    # 'à lui et à trois autres détenus': four people
    (
        "fr",
        "Grâce",
        "Le militant a été libéré après une grâce accordée à lui et à trois autres détenus.",
        [("pardon", 4)],
    ),
    # people released beside a plane's software: the figure of people decides
    (
        "en",
        "Airline",
        "The carrier can now buy software and spare parts, a day after Minsk released 14 prisoners.",
        [("pardon", 14)],
    ),
    # parts followed by the headline's total in the same sentence; a total whose colon opens the sides
    (
        "it",
        "Nicaragua, liberati il vescovo e altri 11 religiosi",
        "Il regime ha scarcerato due vescovi, sette sacerdoti e tre seminaristi, dodici in tutto.",
        [("pardon", 12)],
    ),
    (
        "ru",
        "Обмен",
        "В обмене участвовали 26 человек: Россия и Беларусь передали Западу 16 заключённых, а Россия получила восемь человек.",
        [("pardon", 26)],
    ),
    # a year inside an apposition does not date the release
    (
        "fr",
        "Grâce",
        "Figure de la contestation de 2019, le blogueur a été gracié mercredi par le président.",
        [("pardon", None)],
    ),
]

GENERAL_NEGATIVES_40 = [
    # a bill introduced; an adjective; a game's release; an album's tracks; a report's release
    ("ru", "Сенатор внёс законопроект о жёстких санкциях против Ирана", ""),
    ("en", "Treasury fines fund for serving sanctioned oligarch", ""),
    (
        "en",
        "Prison Tycoon 2 release pushed back",
        "The studio postponed the release of prison-management game Prison Tycoon 2.",
    ),
    ("ru", "Альбом", "В альбом вошли 14 треков, в том числе песня, посвящённая политзаключённым."),
    (
        "en",
        "Rights group",
        "The group released a report saying 120 people were executed last year.",
    ),
    # an exhibition's headline; a release dated by day, month and year
    ("de", "Ausstellung zum Freikauf: Bonn kaufte 30.000 politische Häftlinge frei", ""),
    ("es", "Aniversario", "El 7 de octubre de 1995, el presidente indultó a varios militares."),
]


GENERAL_POSITIVES_41 = [
    # 'visée par des sanctions'; added to its list of sanctioned people, a long object between
    (
        "fr",
        "La juge Maria Rossi visée par des sanctions américaines",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "fr",
        "Sanctions",
        "Washington a ajouté jeudi trois procureurs de la Cour, dont l'Italien Marco Bianchi, à sa liste de personnes sanctionnées.",
        [("sanctions", "imposed")],
    ),
    # 'En total, 14' before the parts: the total is the count
    (
        "es",
        "Ortega",
        "En total, 14 presos —un obispo, diez sacerdotes y tres laicos— fueron excarcelados y enviados a Roma.",
        [("pardon", 14)],
    ),
    # a long German sentence bracket around 'kamen ... frei'
    (
        "de",
        "Weihnachten",
        "In Hamburg kamen nach Angaben der Justizbehörde der Hansestadt rund 60 Gefangene im Zuge der Weihnachtsregelung frei.",
        [("pardon", 60)],
    ),
]

GENERAL_NEGATIVES_41 = [
    # a library's fines amnesty; an album's label; release plans; a film about former prisoners
    (
        "en",
        "Library fines amnesty brings back 900 overdue books",
        "Staff said the amnesty also brought about 200 lapsed members back.",
    ),
    ("en", "Band", "The record, released on a small Dublin label, includes a prison ballad."),
    ("en", "Governors warn of fresh early-release plans as jails fill up", ""),
    (
        "be",
        "Фільм",
        "Стужка распавядае пра дзве сям'і былых палітвязняў, якія пасля вызвалення жывуць у Польшчы.",
    ),
    # a city hall's fines; a licence that used to ease sanctions, not renewed
    ("es", "El Ayuntamiento de Málaga sanciona a 25 bares por exceso de ruido", ""),
    (
        "es",
        "Licencia",
        "El Tesoro no renovará la licencia general 8, que aliviaba las sanciones sobre el gas.",
    ),
]


GENERAL_POSITIVES_42 = [
    # 'en échange de N' is the other side, not 'an exchange of N'
    (
        "fr",
        "Le Bélarus libère cinq Polonais, en échange de 12 Bélarusses détenus en Pologne",
        "",
        [("pardon", 5), ("pardon", 12)],
    ),
    # the other side told after a total in the total's own sentence is a release of its own
    (
        "es",
        "Canje",
        "Un total de 80 venezolanos que Washington había deportado a El Salvador llegaron este viernes a Venezuela, en un canje en el que el Gobierno excarceló a seis estadounidenses.",
        [("pardon", 6), ("pardon", 80)],
    ),
    # a breakdown after a dash ('— по 150 з кожного боку') is the total's parts
    ("uk", "Обмін", "Загалом на волю вийшли 300 осіб — по 150 з кожного боку.", [("pardon", 300)]),
]


GENERAL_POSITIVES_43 = [
    # 'conditional release' is a release, and its 'conditional' no hypothetical
    (
        "en",
        "Tunisia",
        "The president pardoned 900 prisoners; in a separate decision a further 300 inmates were granted conditional release.",
        [("pardon", 300), ("pardon", 900)],
    ),
]

GENERAL_NEGATIVES_43 = [
    # sanctions 'on the table', however far the clause's predicate
    (
        "it",
        "Bruxelles",
        "Il ministro ha detto che nuove sanzioni contro l'Iran e misure sul petrolio restano «sul tavolo» se Teheran non cede.",
    ),
    (
        "fr",
        "Diplomatie",
        "La ministre a affirmé que de nouvelles sanctions contre des colons violents et un gel des avoirs « sont sur la table ».",
    ),
    (
        "es",
        "UE",
        "El ministro afirmó que nuevas sanciones contra Irán y un embargo parcial «están sobre la mesa».",
    ),
    # a review that ends with no changes; conditional relief urged; a sanctions-policy post
    ("en", "UN sanctions panel ends its annual review with no changes", ""),
    ("en", "Think tank urges phased, conditional sanctions relief for Venezuela", ""),
    ("uk", "Уряд", "Уряд призначив нового уповноваженого з питань санкційної політики."),
    # an exhibition's memories; an exchange only 'envisagé' past a long subject
    (
        "de",
        "Ausstellung erinnert an freigekaufte DDR-Häftlinge",
        "Zeitzeugen berichten von ihrer Entlassung in den Westen.",
    ),
    (
        "fr",
        "Iran",
        "Un échange entre deux Français détenus en Iran et un Iranien arrêté en France est « envisagé », selon une source diplomatique.",
    ),
]


GENERAL_POSITIVES_44 = [
    # 'a week after the release of 52': a recent release of its own beside today's
    (
        "en",
        "Lukashenko pardons 16 more prisoners",
        "Lukashenko pardoned 16 more prisoners on Tuesday, a week after the release of 31 political prisoners.",
        [("pardon", 16), ("pardon", 31)],
    ),
    (
        "de",
        "Lukaschenko begnadigt weitere 16 Häftlinge",
        "Eine Woche nach der Freilassung von 31 Gefangenen hat Lukaschenko weitere 16 Verurteilte begnadigt.",
        [("pardon", 16), ("pardon", 31)],
    ),
    # the Nth package adopted, newly listed people, 'a year since' as 'per year'
    (
        "it",
        "Ue",
        "I ministri hanno revocato le sanzioni alla Siria e approvato il diciassettesimo pacchetto contro Mosca.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "de",
        "EU",
        "Zugleich wurden zwölf Personen und drei Milizen wegen der Gewalt neu gelistet, teilte die Außenbeauftragte zu den Sanktionen mit.",
        [("sanctions", "imposed")],
    ),
    (
        "en",
        "EU",
        "Ministers lifted the remaining economic sanctions on Syria, ending curbs that had cost €2bn a year since 2011.",
        [("sanctions", "lifted")],
    ),
    # 'Grazia' at a sentence's start is a pardon
    (
        "it",
        "Mattarella",
        "Grazia per l'ex sindaco: il presidente ha firmato il decreto e l'uomo è uscito dal carcere.",
        [("pardon", None)],
    ),
    # politicians counted; a date after 'since' starts a detention; 'y de los otros cinco'
    (
        "de",
        "Polen",
        "Die zwei CDU-Politiker wurden nach der Begnadigung am Abend aus der Haft entlassen.",
        [("pardon", 2)],
    ),
    (
        "fr",
        "Iran",
        "Les deux Français détenus à Téhéran depuis mars 2022 ont été libérés vendredi, a annoncé l'Élysée.",
        [("pardon", 2)],
    ),
    (
        "es",
        "Indultos",
        "El Gobierno aprobó los indultos de la exalcaldesa y de los otros cinco condenados, que saldrán hoy de prisión.",
        [("pardon", 6)],
    ),
    # 'and imposes new ones against'; a US-drafted resolution; 'Opinion-page' is no genre label
    (
        "de",
        "EU hebt Sanktionen gegen Syrien auf und verhängt neue gegen Milizenführer",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "en",
        "UN",
        "The council voted to lift the arms embargo on the government and adopted a US-drafted resolution that imposed a targeted embargo on the militia.",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    (
        "en",
        "Opinion-page chatter aside, Treasury's new oil sanctions are a real shift",
        "The Treasury on Wednesday designated two oil majors and 30 subsidiaries, imposing the first major sanctions on Moscow this year.",
        [("sanctions", "imposed")],
    ),
    # the two sides of a 'N for N' formula are no count; 'come home' is
    ("en", "LIVE: first 300 come home as '500 for 500' swap begins", "", [("pardon", 300)]),
    # a main clause after "N years after"; a colon after an exchange (not after "conditions")
    (
        "en",
        "Belarus",
        "Five years after the protests, Lukashenko pardoned 14 political prisoners on Thursday.",
        [("pardon", 14)],
    ),
    (
        "uk",
        "Обмін",
        "Україна провела черговий обмін полоненими: додому повернулися 84 захисники.",
        [("pardon", 84)],
    ),
    # a release in the past tense that stays a release when a conditional clause is far away
    (
        "en",
        "Belarus",
        "Belarus pardoned 16 political prisoners on Tuesday and said more could follow if the EU eased sanctions.",
        [("pardon", 16)],
    ),
    # a lifting hours or a day before today's release is news of the same day
    (
        "en",
        "Cuba frees prisoners",
        "The first of them walked out of prison on Wednesday. The move came hours after the"
        " administration removed the island from the list of state sponsors of terrorism.",
        [("pardon", None), ("sanctions", "lifted")],
    ),
    (
        "es",
        "La Habana",
        "Cuba excarceló a los primeros presos políticos un día después de que Washington"
        " retirara a la isla de la lista estadounidense de Estados patrocinadores del terrorismo.",
        [("pardon", None), ("sanctions", "lifted")],
    ),
    # a figure that is a total only by its own dash breakdown totals its own sentence's parts
    (
        "uk",
        "Другий етап обміну: додому повернулися ще 210 українців",
        "У суботу з російського полону звільнено 210 українських захисників. Напередодні, на"
        " першому етапі обміну, додому повернулися 300 людей — 200 військових і 100 цивільних.",
        [("pardon", 210), ("pardon", 300)],
    ),
    # a headline that gives today's release and a recent one of its own: both
    (
        "en",
        "Belarus frees 40 prisoners as US eases sanctions on Belavia; 16 released in March",
        "",
        [("pardon", 16), ("pardon", 40), ("sanctions", "lifted")],
    ),
    # a swap's side brought back with a separable verb
    (
        "de",
        "Gefangenenaustausch",
        "Russland und die Ukraine tauschten erneut Gefangene aus: Kiew holte 150 Soldaten zurück.",
        [("pardon", 150)],
    ),
]

GENERAL_NEGATIVES_44 = [
    # need, necessity, threats, drafts, habitual rarity, conditioning, hopes pinned on a pardon
    (
        "it",
        "Giustizia",
        "Il garante dei detenuti: «Servirebbe un indulto per fermare il sovraffollamento».",
    ),
    ("be", "Лукашэнка: «Вызваленне трэба заслужыць»", ""),
    ("uk", "Трамп пригрозив Ірану новими санкціями", ""),
    (
        "ru",
        "Брюссель",
        "Еврокомиссия разослала столицам наметки нового пакета санкций против Ирана.",
    ),
    (
        "es",
        "Gobierno",
        "El Ejecutivo tiene la última palabra, aunque rara vez concede indultos contra el criterio del tribunal.",
    ),
    ("es", "Washington condiciona el alivio de sanciones a Caracas a la liberación de presos", ""),
    (
        "fr",
        "Justice",
        "Ses proches misent désormais sur une grâce présidentielle à l'occasion du 14-Juillet.",
    ),
    (
        "de",
        "Weißes Haus",
        "Der Präsident sagte, er dürfe den früheren Senator begnadigen, habe aber noch nicht entschieden.",
    ),
    ("de", "Iran", "Eine Freilassung der Deutschen lehnt die Justiz in Teheran bislang ab."),
    # a correction notice; an erroneous earlier report
    (
        "ru",
        "Поправка: активист остаётся в колонии",
        "Ранее мы сообщили, что он был освобождён по помилованию.",
    ),
    (
        "pl",
        "Redakcja",
        "W poprzedniej wersji artykułu błędnie podaliśmy, że dziennikarz został ułaskawiony.",
    ),
    # a release by exchange or pardon that never happened; a clause of 'if' right after;
    # the conditional mood
    (
        "uk",
        "Правозахисник вийшов на волю після відбуття терміну",
        "Звільнення через обмін чи помилування для нього так і не відбулося.",
    ),
    (
        "ru",
        "Вашингтон",
        "Министр заявил, что Вашингтон введёт новые санкции против иранских банков, если Тегеран не вернётся к переговорам.",
    ),
    (
        "es",
        "Casa Blanca",
        "El secretario advirtió de que Washington impondría sanciones a los bancos del país si no se liberaba a los detenidos.",
    ),
    (
        "it",
        "Bruxelles",
        "Secondo i diplomatici, l'Ue revocherebbe le sanzioni solo dopo un accordo di pace.",
    ),
    # a clause opening "N years after" tells the past; the imposition as a point in time
    (
        "en",
        "Exiles",
        "Two years after the government expelled 222 political prisoners to the United States, many of them still have no papers.",
    ),
    (
        "ru",
        "Рынок",
        "Производитель, ушедший из России после введения западных санкций, продал завод местному партнёру.",
    ),
    # a headline's topic, then what becomes of it after the colon; postponed; 'no topic'
    ("uk", "Новий пакет санкцій ЄС: Словаччина блокує, рішення відкладено", ""),
    ("ru", "Новый пакет санкций ЕС: что в него может войти", ""),
    ("de", "Brüssel: Verschärfung der Iran-Sanktionen vertagt", ""),
    (
        "de",
        "Außenminister",
        "Der Minister wies Berichte zurück, die EU könne ihre Sanktionen gegen Minsk bald lockern.",
    ),
    # the markets 'sanction' a company; a count of history; a pardon dated by 'from 2019'
    ("fr", "Les marchés sanctionnent le groupe après un avertissement sur ses marges", ""),
    (
        "de",
        "Ausstellung",
        "Wie Bonn aus der DDR rund 30.000 politische Häftlinge freikaufte, zeigt eine Schau in Marienfelde.",
    ),
    (
        "en",
        "Looking back",
        "At the time, rights groups counted some 1,200 political prisoners in the country.",
    ),
    ("pl", "Trybunał: ułaskawienie dwóch posłów z 2019 r. było nieważne", ""),
    # what a colon after 'conditions' introduces; layoffs
    (
        "be",
        "Ціханоўская",
        "Лідарка апазіцыі назвала ўмовы зняцця санкцый: вызваленне ўсіх палітвязняў і спыненне рэпрэсій.",
    ),
    (
        "pl",
        "Fabryka opon zapowiada zwolnienia 800 osób",
        "Producent tłumaczy redukcję zatrudnienia spadkiem zamówień.",
    ),
    # a headline about a book, film or exhibition: the body tells its story
    (
        "pl",
        "Książka o amnestii z 1984 roku",
        "W lipcu 1984 roku władze ogłosiły amnestię, na mocy której z więzień wyszło ok. 600 więźniów politycznych.",
    ),
    (
        "uk",
        "«Додому»: документальний фільм про обміни полоненими",
        "Стрічка розповідає історії звільнених захисників та їхніх родин.",
    ),
    (
        "ru",
        "Роман «Амнистия»: история одного лагеря",
        "Книга рассказывает о заключённых, которых освободили после смерти Сталина.",
    ),
    # sport, screening software, assets that stay frozen
    (
        "ru",
        "CAS смягчил санкции против российских спортсменов",
        "Спортивный арбитражный суд сократил срок санкций с четырёх лет до двух.",
    ),
    ("de", "Neue Version der Sanktionslisten-Prüfsoftware erschienen", ""),
    (
        "en",
        "Court",
        "The court dismissed the tycoon's challenge; his assets in the EU remain frozen.",
    ),
    # exemptions from visas; funds released; lists and letters exchanged; interviews with the freed
    ("ru", "Таиланд освобождает граждан Казахстана от виз", ""),
    ("es", "El Banco Mundial aprueba la liberación de 500 millones de dólares para Ecuador", ""),
    (
        "en",
        "Lists",
        "Both governments exchanged, through their embassies in the two capitals, lists of prisoners held in each other's jails.",
    ),
    ("uk", "Місія", "Звіт ґрунтується на інтерв'ю зі 120 звільненими полоненими."),
    # purpose, readiness, 'to facilitate', pending, a proposal that found no unanimity
    (
        "uk",
        "МЗС",
        "Міністерство закликало партнерів посилити тиск на Москву з метою звільнення всіх утримуваних громадян.",
    ),
    (
        "de",
        "Kreml",
        "Moskau sei «grundsätzlich offen» für einen weiteren Gefangenenaustausch, sagte der Sprecher.",
    ),
    (
        "fr",
        "CICR",
        "Le Comité s'est dit prêt à faciliter la libération de détenus si les parties concluent un accord.",
    ),
    (
        "es",
        "Amnistía",
        "La aplicación de la amnistía al delito de malversación sigue pendiente del Tribunal Supremo.",
    ),
    (
        "de",
        "Brüssel",
        "Beim Treffen fand der Vorschlag, Strafmaßnahmen gegen zwei Minister zu verhängen, nicht die nötige Einstimmigkeit.",
    ),
    # a modal seven words after the trigger; a pluperfect release dated last year
    (
        "fr",
        "Téhéran",
        "Selon la presse iranienne, une libération des deux chercheurs français détenus à Evin pourrait intervenir bientôt.",
    ),
    (
        "de",
        "Amnesty fordert Freilassung eines Arztes",
        "Schweden hatte 2024 im Austausch mit Teheran zwei eigene Staatsbürger zurückgeholt.",
    ),
    # a woman's name; a fake; a conditional in the clause; 'will support'; a podcast
    ("it", "Sassari, zia Grazia compie 102 anni", "Festa in famiglia con 12 nipoti."),
    ("uk", "ЦПД: чутки про «обмін полоненими» у соцмережах — фейк", ""),
    (
        "pl",
        "Kreml",
        "Rzecznik zaprzeczył doniesieniom o wymianie, w której miałby zostać uwolniony polski dziennikarz.",
    ),
    (
        "it",
        "Roma",
        "Il ministro ha detto che l'Italia sosterrà un nuovo pacchetto di sanzioni se Mosca rifiuterà la tregua.",
    ),
    ("en", "Podcast: Inside the secret talks behind a prisoner swap", ""),
    # goods that fell under sanctions; ministers divided over new sanctions; information about
    (
        "ru",
        "Дайджест",
        "Правительство обсуждает, чем заменить товары, которые попали под западные санкции.",
    ),
    ("de", "EU-Staaten uneinig über neue Russland-Sanktionen", ""),
    (
        "ru",
        "Штаб",
        "«Официальную информацию об обменах публикует только координационный штаб», — заявили в ведомстве.",
    ),
    # a question in the headline asks
    ("it", "Ostaggio in Mali, si avvicina la liberazione? La Farnesina frena", ""),
    ("fr", "Deux Français bientôt graciés ? Paris appelle à la prudence", ""),
    # anniversaries counted in months; a documentary that revisits old swaps
    ("ru", "Полгода назад 16 политзаключённых вышли на свободу. Что с ними сейчас", ""),
    (
        "en",
        "Festival documentary retraces the spy swaps of the 1980s",
        "The film follows agents freed on a bridge in Berlin.",
    ),
]


GENERAL_POSITIVES_45 = [
    # a headline's "N days after the release of M": a recent release beside today's, not history
    (
        "en",
        "Minsk frees 18 more prisoners, four days after the release of 31",
        "",
        [("pardon", 18), ("pardon", 31)],
    ),
    (
        "ru",
        "Лукашенко помиловал ещё 18 человек спустя четыре дня после освобождения 31 заключённого",
        "",
        [("pardon", 18), ("pardon", 31)],
    ),
    (
        "pl",
        "Łukaszenka ułaskawił kolejnych 18 osób, cztery dni po uwolnieniu 31 więźniów",
        "",
        [("pardon", 18), ("pardon", 31)],
    ),
    (
        "fr",
        "Minsk libère 18 détenus, quatre jours après la libération de 31 prisonniers",
        "",
        [("pardon", 18), ("pardon", 31)],
    ),
    # "with N other prisoners": the named person too
    (
        "fr",
        "Iran",
        "L'humanitaire Olivier Grondeau a été libéré avec deux autres détenus européens.",
        [("pardon", 3)],
    ),
    (
        "de",
        "Belarus",
        "Der Journalist wurde zusammen mit elf weiteren Häftlingen freigelassen.",
        [("pardon", 12)],
    ),
    (
        "it",
        "Bielorussia",
        "Il blogger è stato liberato insieme a sei altri prigionieri politici.",
        [("pardon", 7)],
    ),
    # return-home verbs and leaving a prison with a figure
    (
        "de",
        "Austausch",
        "Im Rahmen des Austauschs kehren 120 ukrainische Soldaten heim.",
        [("pardon", 120)],
    ),
    (
        "it",
        "Scambio di prigionieri",
        "Dopo lo scambio tornano a casa 95 militari ucraini.",
        [("pardon", 95)],
    ),
    (
        "en",
        "Deal",
        "Under the deal, 40 Venezuelans leave the Salvadoran mega-prison and fly to Caracas.",
        [("pardon", 40)],
    ),
    # a signed bill is law: its lifting of sanctions is done
    (
        "en",
        "Sanctions",
        "The president signed the defence bill lifting sanctions on the country's central bank.",
        [("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_45 = [
    # explainers of how pardons work in general
    (
        "ru",
        "Как работает президентское помилование: объясняем по шагам",
        "Кто подаёт прошение и сколько его рассматривают.",
    ),
    (
        "uk",
        "Чим помилування відрізняється від амністії",
        "Помилування — індивідуальне рішення президента, амністія — закон.",
    ),
    (
        "pl",
        "Jak działa prawo łaski prezydenta",
        "Ułaskawienie może dotyczyć każdego skazanego prawomocnym wyrokiem.",
    ),
    (
        "de",
        "Wie funktioniert eine Amnestie in Russland?",
        "Die Duma beschließt sie, entlassen werden Häftlinge mit kurzen Strafen.",
    ),
    # a quiz; a correction or fact-check headline
    (
        "en",
        "Quiz: pardons, parole or amnesty, can you tell the difference?",
        "Ten questions on how prisoners are released.",
    ),
    (
        "es",
        "Aclaración: la Santa Sede no ha dado cifras de excarcelaciones",
        "En una nota anterior atribuimos al Vaticano la cifra de 300 presos liberados.",
    ),
    ("it", "Falso che il governo abbia concesso un indulto a 5.000 detenuti", ""),
    # idioms of grace; a school or parliament's sanctions; doping
    ("it", "Calcio", "La squadra vive un periodo di grazia: sei vittorie di fila."),
    (
        "fr",
        "Éducation",
        "Le ministère durcit les sanctions contre les élèves auteurs de harcèlement.",
    ),
    ("es", "La Mesa del Congreso sanciona a una diputada con quince días sin sueldo", ""),
    ("en", "Cycling", "The anti-doping agency sanctioned the rider with a four-year ban."),
    # vessels and migrants in immigration detention released by a court
    ("uk", "Суд звільнив з-під арешту танкер під прапором Ліберії", ""),
    ("it", "Il giudice non convalida: liberati 14 migranti dal Cpr di Gradisca", ""),
    # recognised as political prisoners: a new designation, not a count held
    ("it", "Memorial riconosce come prigionieri politici sei attivisti", ""),
    ("en", "Memorial recognises five journalists as political prisoners", ""),
    # a possible, eventual lifting; interrupted or appositive hypotheticals
    ("fr", "Énergie", "Une éventuelle levée des sanctions ferait baisser les prix du pétrole."),
    (
        "it",
        "Iran",
        "Il governo sta valutando, insieme ai partner europei, nuove sanzioni contro Teheran.",
    ),
    (
        "fr",
        "Iran",
        "Un accord nucléaire, assorti d'une levée des sanctions, pourrait ramener du brut iranien.",
    ),
    ("pl", "Analitycy: ewentualne zniesienie sankcji obniży ceny nawozów", ""),
    # a lifting told as last year's; an exhibition about a decades-old swap
    (
        "be",
        "Авіяцыя",
        "Пасля таго як летась ЗША знялі з перавозчыка санкцыі, кампанія вяртае рэйсы.",
    ),
    (
        "ru",
        "Выставка",
        "Экспозиция посвящена обмену 11 февраля 1986 года, когда трое агентов были освобождены.",
    ),
    # promises, preparations, talks
    ("uk", "Полонені", "Посередники обіцяють пришвидшити звільнення полонених за гроші."),
    ("uk", "Коордштаб: новий обмін полоненими готується", ""),
    (
        "de",
        "Regierung",
        "Nach Berichten über Gespräche zu einem neuen Gefangenenaustausch schweigt die Regierung.",
    ),
]


GENERAL_POSITIVES_46 = [
    # a smaller figure a colon after a release figure introduces is its breakdown
    (
        "en",
        "Morocco",
        "The king pardoned 1,304 prisoners on Throne Day: four journalists walked free in the evening.",
        [("pardon", 1304)],
    ),
    (
        "de",
        "Myanmar",
        "Die Junta ließ 3.000 Häftlinge frei, darunter Demonstranten: 800 Verurteilte wurden begnadigt.",
        [("pardon", 3000)],
    ),
    # a lifting the sentence tells beside a pluperfect that is background
    (
        "en",
        "Sanctions",
        "The Treasury lifted the sanctions that the previous administration had imposed on the shipping firm.",
        [("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_46 = [
    # fear or threat of new sanctions moves markets
    ("it", "Borsa", "Milano chiude in calo sul timore di nuove sanzioni contro le banche."),
    ("es", "Mercados", "El petróleo sube ante el temor a nuevas sanciones de Washington."),
    ("pl", "Giełda", "Kurs rubla spada po groźbie nowych sankcji USA."),
    # a rumoured release denied: still behind bars
    (
        "be",
        "Сацсеткі",
        "Пішуць, што журналіста вызвалілі, але сваякі кажуць, што ён па-ранейшаму за кратамі.",
    ),
    # a minister dismissed; every time a swap is announced; a fake about an exchange
    ("uk", "Рада звільнила заступника міністра", ""),
    ("uk", "Родини", "Кожного разу, коли оголошують обмін, вона шукає сина в списках."),
    ("ru", "Соцсети", "Фейк про обмен всех на всех распространяют мошенники."),
    # hopes in quotes; a decision postponed; a year on
    ("it", "Famiglia", "«Speriamo in una liberazione entro l'estate», dice la sorella."),
    ("fr", "Justice", "La décision sur sa libération a été reportée à septembre."),
    ("en", "The hostage, a year on: 'I still dream of my release'", ""),
    ("en", "From the archive: the Potsdam bridge exchange, thirty years on", ""),
    # probabilities
    (
        "en",
        "Outlook",
        "We put the probability of a release of more than 40 people this year at one in three.",
    ),
    # a sanctions package that stalls
    ("it", "Ue", "Il nuovo pacchetto di sanzioni si arena sul veto di Budapest."),
    # aid to the freed; a tax fine of a footballer; a figure for comparison
    ("uk", "Фонд", "Кошти спрямують фонду, що допомагає звільненим з полону."),
    ("es", "Hacienda sanciona a un futbolista con 800.000 euros", ""),
    ("be", "Вясна", "Для параўнання, у 2023 годзе спіс налічваў больш за 1 500 палітвязняў."),
]


GENERAL_POSITIVES_47 = [
    # a present-tense lifting in Belarusian; an exchange's "participated" figure is its total
    ("be", "ЗША знімаюць санкцыі з беларускай авіякампаніі", "", [("sanctions", "lifted")]),
]

GENERAL_NEGATIVES_47 = [
    # genre labels after an emoji
    ("en", "🚨 RUMOUR: Minsk to free 30 prisoners this week", ""),
    ("it", "❌ FAKE: 'l'Ue revoca le sanzioni alla Russia' — il video è del 2022", ""),
    (
        "es",
        "📅 Un año de la liberación de los 222 presos nicaragüenses",
        "Repasamos qué fue de ellos.",
    ),
    # history: GULAG-era figures and decade ranges
    (
        "ru",
        "История",
        "В 1930–1950-е годы через лагеря ГУЛАГа прошли около двух миллионов политзаключённых.",
    ),
    (
        "en",
        "Museum",
        "Historians estimate that 15 million people passed through the Gulag, many of them political prisoners.",
    ),
    # warnings, claims, "unless"; a pardon refused
    (
        "en",
        "Iran",
        "European powers warned Tehran of renewed UN sanctions unless inspectors return.",
    ),
    ("en", "Channels", "Pro-government channels claim a new prisoner exchange is all but agreed."),
    ("de", "Baku", "Eine Begnadigung hat der Präsident dem Aktivisten erneut verweigert."),
    # a minister dismissed; a bill registered; forms of amnesty; messages exchanged; hopes
    (
        "de",
        "Kanzler entlässt Justizminister",
        "Der Bundespräsident hat den Minister aus seinem Amt entlassen.",
    ),
    (
        "es",
        "Congreso",
        "El grupo registró una proposición de ley de amnistía para los condenados por el procés.",
    ),
    ("it", "Vescovi", "La Cei chiede forme di amnistia per i detenuti malati."),
    ("fr", "Politique", "Le journal publie des SMS échangés entre conseillers de l'Élysée."),
    ("pl", "Rodzina", "Bliscy liczą, że prezydent skorzysta z prawa łaski."),
]


GENERAL_POSITIVES_48 = [
    # "sancionó" a law is to enact it, but a state's sanctions on people still are sanctions
    (
        "es",
        "EE. UU.",
        "El Tesoro sancionó este martes a seis funcionarios venezolanos por la represión.",
        [("sanctions", "imposed")],
    ),
]

GENERAL_NEGATIVES_48 = [
    # insisting on staged swaps; a needed package; imminent releases announced by rumours
    ("ru", "Переговоры", "Москва отвергла идею, настаивая на поэтапных обменах пленными."),
    ("pl", "Minister: potrzebny nowy pakiet sankcji wobec Moskwy", ""),
    ("es", "Redes", "Mensajes virales anunciaban la inminente liberación de decenas de presos."),
    # a band's album; voters who sanction a party; a senate that passes a law
    ("uk", "Гурт випустив альбом «Полон»", "Двоє музикантів повернулися з полону ще у 2022 році."),
    ("fr", "Législatives : le parti au pouvoir sanctionné par les électeurs", ""),
    ("es", "El Senado sancionó este miércoles la ley de presupuesto", ""),
    # an anniversary counted in years after the amnesty
    ("pl", "35 lat po amnestii z 1986 r.: jak wychodzili więźniowie polityczni", ""),
]


GENERAL_POSITIVES_49 = [
    # stems that caught other words: negotiation, the United States, 'another', the EU bloc,
    # 'partially', parole, students, a representative, discrediting, Medvedev, drones, 'stage'
    (
        "es",
        "Nicaragua",
        "Tras la negociación, Nicaragua excarcela a 135 presos políticos.",
        [("pardon", 135)],
    ),
    (
        "de",
        "Belarus",
        "Die Vereinigten Staaten heben Sanktionen gegen Belaruskali auf.",
        [("sanctions", "lifted")],
    ),
    (
        "ru",
        "Обмен",
        "Россия и Украина провели очередной обмен пленными: вернулись по 150 человек.",
        [("pardon", 150)],
    ),
    (
        "es",
        "Siria",
        "El bloque comunitario levanta las sanciones a Siria.",
        [("sanctions", "lifted")],
    ),
    ("pl", "Białoruś", "USA częściowo znoszą sankcje wobec Białorusi.", [("sanctions", "lifted")]),
    (
        "es",
        "Cuba",
        "Veinte estudiantes presos políticos fueron excarcelados el lunes.",
        [("pardon", 20)],
    ),
    ("pl", "Przedstawiciel ONZ: uwolniono 52 więźniów politycznych", "", [("pardon", 52)]),
    ("ru", "Минск", "Освобождены 12 человек, осуждённых за дискредитацию армии.", [("pardon", 12)]),
    (
        "de",
        "Iran",
        "Wegen Drohnenlieferungen verhängt die EU neue Sanktionen gegen Teheran.",
        [("sanctions", "imposed")],
    ),
    (
        "fr",
        "Syrie",
        "À ce stade, l'UE lève les sanctions contre la Syrie.",
        [("sanctions", "lifted")],
    ),
    (
        "uk",
        "Обмін",
        "У ході обміну за посередництва ОАЕ Росія повернула 20 цивільних.",
        [("pardon", 20)],
    ),
    # the UN and the Security Council by their Polish names beside a club; an overflight ban
    (
        "pl",
        "Sankcje ONZ wobec Iranu przywrócone",
        "Kluby sportowe z Teheranu tracą sponsorów.",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "Luftraum",
        "Der Rat hat ein Überflugverbot für russische Maschinen verhängt.",
        [("sanctions", "imposed")],
    ),
    # a figure right after 'remain' that heads a political-prisoner phrase
    (
        "ru",
        "Данные «Мемориала»",
        "После освобождения в колониях остаются 1 150 политзаключённых, сообщает «Мемориал».",
        [("prisoner_count", 1150)],
    ),
    # words that only began like a cue: priests, students, the Church, control, 'urgent'
    (
        "fr",
        "Nicaragua",
        "Trois prêtres ont été libérés samedi et expulsés vers Rome.",
        [("pardon", 3)],
    ),
    ("fr", "Iran", "Vingt étudiants ont été libérés lundi par les autorités.", [("pardon", 20)]),
    (
        "it",
        "Nicaragua",
        "La Chiesa ha accolto i 12 sacerdoti liberati ieri dal regime.",
        [("pardon", 12)],
    ),
    (
        "uk",
        "Обмін",
        "Під контролем Червоного Хреста з полону повернулися 90 українців.",
        [("pardon", 90)],
    ),
    ("es", "URGENTE: Ortega excarcela a 135 presos políticos", "", [("pardon", 135)]),
    (
        "pl",
        "Białoruś",
        "Po odmrożeniu rozmów Mińsk uwolnił 18 więźniów politycznych.",
        [("pardon", 18)],
    ),
    # the total a sentence gives after its parts
    (
        "it",
        "Scambio",
        "Sono tornati a casa tre sacerdoti e altri sette civili, dieci in tutto.",
        [("pardon", 10)],
    ),
    # the same figure of political prisoners, released: no count of those held
    (
        "es",
        "Managua expulsa a 135 presos políticos",
        "Un vuelo con 135 presos políticos excarcelados aterrizó en Guatemala.",
        [("pardon", 135)],
    ),
    # a stage of a "five hundred for five hundred" exchange: the formula is no count
    (
        "ru",
        "Обмен пленными",
        "Стороны провели второй этап обмена «пятьсот на пятьсот»: домой вернулись 307 человек.",
        [("pardon", 307)],
    ),
    # children who flew in with the freed; of them, N handed over to a country
    (
        "be",
        "Лукашэнка вызваліў 14 палітвязняў",
        "Разам з вызваленымі ў Вільню прыехалі трое дзяцей.",
        [("pardon", 14)],
    ),
    (
        "uk",
        "Мінськ звільнив 40 в'язнів",
        "Режим звільнив 40 в'язнів. Із них 31 людину передано Литві, решту вивезено до Польщі.",
        [("pardon", 40)],
    ),
    # a figure 'still held as political prisoners' is the count, not the releases' number
    (
        "en",
        "Weekly rights round-up",
        "In Cuba, Prisoners Defenders says 1,080 people are still held as political prisoners, despite January's releases.",
        [("prisoner_count", 1080)],
    ),
    # an opinion piece that dates a release or a sanctions decision to this week reports it
    (
        "de",
        "Leitartikel: Ein Tauschgeschäft mit bitterem Beigeschmack",
        "Am Freitag begnadigte Lukaschenko 31 Gefangene; sie wurden an die litauische Grenze gebracht. Ein Zeichen der Milde ist das nicht.",
        [("pardon", 31)],
    ),
    (
        "it",
        "Editoriale: la grazia che non cancella le colpe del regime",
        "Ieri il presidente ha concesso la grazia a 14 detenuti politici. Ma le carceri restano piene.",
        [("pardon", 14)],
    ),
    (
        "pl",
        "Felieton: sankcje zniesione, problem został",
        "W poniedziałek Waszyngton zniósł sankcje wobec białoruskiego przewoźnika. To gest, nie zmiana kursu.",
        [("sanctions", "lifted")],
    ),
]

GENERAL_NEGATIVES_49 = [
    # the narrowed cues still catch what they were for
    ("es", "Moncloa", "Los expedientes de indulto se encuentran en fase de estudio."),
    ("ru", "РФС объявил амнистию для дисквалифицированных футболистов", ""),
    ("de", "Trainer", "Die Liga droht dem Klub mit Sanktionen."),
    # administrative fines on carriers; a dry-cargo ship freed from arrest
    ("pl", "Urząd nałożył sankcje administracyjne na przewoźnika", ""),
    ("es", "Consumo sanciona a tres aerolíneas con 150 millones", ""),
    ("uk", "Порт", "Суд звільнив суховантаж з-під арешту."),
    # canon law's sanctions; a priest dismissed from the clerical state; a divided EU
    ("en", "Vatican tightens penal sanctions in canon law", ""),
    ("de", "Bistum", "Der frühere Priester wurde aus dem Klerikerstand entlassen."),
    ("fr", "Les Vingt-Sept divisés sur de nouvelles sanctions contre Minsk", ""),
    # exchange students
    ("de", "Hochschule", "Rund 400 Austauschstudenten kamen im Rahmen des Erasmus-Programms."),
    # released from a contract; a film premiere about an amnesty; a swap years back
    ("ru", "Хоккей", "«Авангард» освободил от контракта двух легионеров."),
    ("es", "Se estrena «La fuga», sobre los presos que pedían la amnistía", ""),
    (
        "uk",
        "Виставка у Львові",
        "Художник, якого звільнили у 2019 році під час обміну 35 на 35, відкрив виставку.",
    ),
    # a resolution that calls for sanctions; staff laid off; a TV season; an amnesty that never came
    (
        "es",
        "Estrasburgo",
        "El Parlamento Europeo aprobó este jueves un informe que reclama sanciones contra los jueces de Nicaragua.",
    ),
    (
        "uk",
        "Ринок праці",
        "Мережа супермаркетів звільнила понад 300 працівників через закриття магазинів.",
    ),
    ("it", "Streaming", "Netflix rilascia a sorpresa la quarta stagione della serie."),
    (
        "en",
        "Prisons",
        "A Christmas amnesty for minor offenders, floated by several MPs, never materialised.",
    ),
    ("de", "Justiz", "Die von Verbänden geforderte Amnestie für Schwarzfahrer blieb bislang aus."),
    # the trigger names what talk, hope, a plea or a documentary is about
    ("en", "Minsk shrugs off fresh amnesty rumours", ""),
    ("en", "Streaming giant orders a prisoner-exchange documentary", ""),
    ("en", "Shares of Caracas-listed firms climb on sanctions-easing hopes", ""),
    ("en", "Kremlin brushes aside new swap talk", ""),
    # an opinion piece's argument about pardons in general, or its old releases
    (
        "en",
        "Opinion: Mercy is a power presidents use too rarely",
        "A pardon exists for the cases the courts cannot fix. Governors ought to grant clemency far more often than they do.",
    ),
    (
        "fr",
        "Tribune : libérer les prisonniers d'opinion n'est pas une faveur",
        "Le régime a gracié des opposants en 2019 puis les a remis en prison. Il faut exiger davantage.",
    ),
    (
        "uk",
        "Колонка: помилування — це не милість",
        "Цього тижня у Києві обговорювали законопроєкт про пробацію. Помилування існує саме для таких випадків, але застосовують його рідко.",
    ),
]


GENERAL_POSITIVES_50 = [
    # the narrowed trigger words still fire on what they are for
    (
        "fr",
        "Maroc",
        "Le roi a gracié 1 304 détenus à l'occasion de la fête du Trône.",
        [("pardon", 1304)],
    ),
    (
        "uk",
        "Обмін полоненими",
        "Україна і Росія провели обмін: додому повернулися 84 військових.",
        [("pardon", 84)],
    ),
    (
        "de",
        "Belarus",
        "Die USA lockern die Sanktionen gegen die staatliche Fluggesellschaft.",
        [("sanctions", "lifted")],
    ),
    (
        "es",
        "Venezuela",
        "EE. UU. amplió las sanciones contra funcionarios del chavismo.",
        [("sanctions", "imposed")],
    ),
    (
        "it",
        "Commutate le pene",
        "Il presidente ha commutato le pene di 12 detenuti politici, che sono usciti dal carcere.",
        [("pardon", 12)],
    ),
]

GENERAL_NEGATIVES_50 = [
    # words that began like a trigger: free of charge, liberals, widened, leave, commuters,
    # plenary, slaves, exchange offices, photos, renewables, taxes, 'exclusively', a lever
    ("fr", "Stationnement", "La mairie met gracieusement à disposition 200 places de parking."),
    ("fr", "Parlement", "Les libéraux réclament 300 places de prison supplémentaires."),
    ("fr", "Aides", "Le dispositif a été élargi à 300 personnes supplémentaires."),
    ("uk", "Армія", "Уряд надав відпустку 500 військовослужбовцям."),
    ("en", "Transport", "Some 300,000 people commute to Manhattan every day."),
    ("ru", "Дума", "На пленарном заседании 120 депутатов вернулись к обсуждению бюджета."),
    ("pl", "Ghana", "Potomkowie niewolników: do Ghany wróciło 200 osób."),
    ("uk", "Валюта", "Обмінники: 300 клієнтів отримали гроші назад."),
    ("pl", "Porty", "Sankcje na zdjęciach satelitarnych: puste nabrzeża."),
    ("en", "Energy", "Sanctions push Moscow toward renewable energy, analysts say."),
    ("es", "Comercio", "Las sanciones y los impuestos golpean a los exportadores."),
    ("ru", "Экономика", "Санкции исключительно болезненны для российской экономики."),
    ("de", "Druck", "Sanktionen sind ein wichtiger Hebel, um Druck auf Moskau auszuüben."),
    ("be", "Санкцыі і лёс зняволеных у Беларусі", ""),
    ("en", "Currency", "China and Russia renew a 150 billion yuan currency swap."),
    ("pl", "Miasto wprowadziło zakaz wjazdu ciężarówek do centrum", ""),
]


GENERAL_POSITIVES_51 = [
    # a figure, then "including ..., were freed": the sentence's own verb, not a reference
    (
        "en",
        "Iran",
        "Forty-one detainees, including three journalists, were freed on Friday.",
        [("pardon", 41)],
    ),
    # a spaced dash ends an "among them" scope before it
    (
        "de",
        "Aserbaidschan",
        "Alijew begnadigt zwölf Oppositionelle – darunter zwei Blogger",
        [("pardon", 12)],
    ),
    # package adoption with an ordinal, in five languages
    ("it", "Sanzioni Ue: adottato il 19° pacchetto contro Mosca", "", [("sanctions", "imposed")]),
    ("de", "Der Rat hat das 19. Sanktionspaket angenommen", "", [("sanctions", "imposed")]),
    (
        "ru",
        "Евросоюз утвердил девятнадцатый пакет",
        "Санкции затронули банки и танкеры.",
        [("sanctions", "imposed")],
    ),
    (
        "es",
        "Bruselas aprueba el 19.º paquete contra Moscú",
        "Las sanciones apuntan a la flota fantasma.",
        [("sanctions", "imposed")],
    ),
    (
        "en",
        "EU adopts 19th Russia package",
        "The sanctions target shadow-fleet tankers.",
        [("sanctions", "imposed")],
    ),
    # German "weitere ... gelistet" and "1000 gegen 1000" as a formula, not a count
    (
        "de",
        "Neue Sanktionen",
        "Außerdem wurden 45 weitere Tanker gelistet.",
        [("sanctions", "imposed")],
    ),
    (
        "de",
        "Austausch",
        "In der zweiten Runde des Tauschs „500 gegen 500“ kamen 205 Soldaten frei.",
        [("pardon", 205)],
    ),
    # a licence that expires unrenewed puts the sanctions back
    (
        "fr",
        "Venezuela",
        "La licence générale 41, prolongée depuis 2022, a expiré lundi sans être renouvelée : les sanctions pétrolières sont rétablies.",
        [("sanctions", "imposed")],
    ),
    # a rights group's own list as a count
    (
        "ru",
        "Политзаключённые в России: новые данные",
        "По данным «Мемориала», в его списках 1 120 человек.",
        [("prisoner_count", 1120)],
    ),
    # a wire version slug is no count; a correction without a negation is the report
    ("en", "UPDATE 3-Belarus frees 14 prisoners ahead of Independence Day", "", [("pardon", 14)]),
    (
        "de",
        "KORREKTUR: Kasachstan begnadigt 40 Häftlinge",
        "(Berichtigt wird das Datum im zweiten Absatz)",
        [("pardon", 40)],
    ),
    # a release from prison beside a kidnap story in the same item
    (
        "it",
        "Il Mali scarcera 30 detenuti politici",
        "Nel nord del Paese sono stati liberati anche due ostaggi rapiti a gennaio.",
        [("pardon", 30)],
    ),
    # about a thousand; "mais en impose de nouvelles"
    ("es", "Nicaragua", "El régimen excarceló a un millar de presos.", [("pardon", 1000)]),
    (
        "fr",
        "L'UE allège les sanctions contre Damas mais en adopte de nouvelles",
        "",
        [("sanctions", "imposed"), ("sanctions", "lifted")],
    ),
    # "з неволі" returns; a headline "N Häftlinge frei"
    ("uk", "Повернення", "З російської неволі повернулися 95 українців.", [("pardon", 95)]),
    ("de", "Belarus: 23 Häftlinge frei", "", [("pardon", 23)]),
    # "калі" after a time phrase is "when"
    (
        "be",
        "Памілаванне",
        "Лукашэнка памілаваў 16 асуджаных, як і пасля лютага, калі на волю выйшлі 9 чалавек.",
        [("pardon", 16), ("pardon", 9)],
    ),
    # the country Turkey in a dateline is no turkey
    ("en", "Swap", "Istanbul, Turkey - In a swap, Russia freed seven people.", [("pardon", 7)]),
    # a shorter lexicon match from the same start ("no" before "aplica") is still a cue
    ("es", "Venezuela", "Maduro indultó a 15 presos políticos.", [("pardon", 15)]),
    # an episode's number is no count; 'im Gegenzug für die' is no opinion; a promised release done
    (
        "ru",
        "Подкаст «Неволя», выпуск 12: политзаключённые",
        "По данным «Мемориала», сейчас в заключении остаются более 800 человек, признанных политзаключёнными.",
        [("prisoner_count", 800)],
    ),
    (
        "de",
        "Kali",
        "Im Gegenzug für die Freilassung von 52 Gefangenen haben die USA die Sanktionen aufgehoben.",
        [("pardon", 52), ("sanctions", "lifted")],
    ),
    (
        "fr",
        "Cuba",
        "La Havane a achevé la remise en liberté des 553 détenus promise en janvier.",
        [("pardon", 553)],
    ),
]

GENERAL_NEGATIVES_51 = [
    # probation and a draft amnesty's future scope
    ("uk", "Пробація", "Троє з них звільнені від відбування покарання з випробуванням."),
    (
        "ru",
        "Законопроект об амнистии",
        "Действие амнистии, согласно проекту, не будет распространяться на осуждённых по «экстремистским» статьям.",
    ),
    # "diniego", document "rilascio", exam results released
    ("it", "Sorveglianza", "Confermato il diniego della liberazione anticipata per un detenuto."),
    ("it", "Anagrafe", "Carta d'identità elettronica: rilascio in 48 ore in tutti i municipi."),
    ("en", "Campus", "Final exam results were released early on the student portal."),
    # academic sanctions; "liberi il sabato"; letters to political prisoners
    ("pl", "Uczelnia", "Rzecznik dyscyplinarny ukarał sankcjami 12 studentów za plagiat."),
    ("it", "Scuola", "Dal prossimo anno gli alunni saranno liberi il sabato."),
    (
        "en",
        "Solidarity evening",
        "Volunteers wrote more than 300 letters to political prisoners in Belarus.",
    ),
    # a retraction: the headline's negation, or an earlier version cited under a headline
    # with no release word
    (
        "en",
        "CORRECTION: Activist not freed, remains in custody",
        "An earlier version of this story wrongly said she had been released.",
    ),
    (
        "uk",
        "Уточнення: журналіст залишається в колонії",
        "Раніше ми повідомили, що його було звільнено за помилуванням.",
    ),
    # rumours circulating online; talk of easing; "No all'amnistia"
    ("es", "Redes", "Circulan en redes mensajes que anuncian la excarcelación de 200 presos."),
    ("ru", "Рынки", "Рубль укрепился на фоне разговоров о смягчении санкций."),
    ("it", "Governo", "Il ministro: «No all'amnistia, servono nuove carceri»."),
    ("es", "Supremo", "El Supremo NO aplica la amnistía al exconseller por malversación."),
    # plans in preparation; student exchanges; a chronicle's topic headline over a refusal
    ("de", "Bericht", "Ein weiterer Gefangenenaustausch mit Belarus ist in Vorbereitung."),
    (
        "ru",
        "Образование",
        "Более 200 студентов уехали в Германию по программе академического обмена.",
    ),
    (
        "es",
        "3 de abril de 2025 – Indultos",
        "El Gobierno deniega el indulto a un exdiputado condenado por cohecho.",
    ),
    # a package of tax measures is no sanctions package
    ("it", "Manovra", "Il Consiglio dei ministri ha approvato il 2° pacchetto di misure fiscali."),
    # how the pardon procedure works; a report released; welfare sanctions; a book tour; a poll
    ("de", "Gnadenrecht", "Eine Anwältin erklärt, wer in Deutschland begnadigen darf."),
    ("ru", "Подкаст", "Юрист объясняет, как работает процедура помилования."),
    ("en", "Report", "Amnesty International released findings accusing police of abuses."),
    (
        "en",
        "Election",
        "The party pledged tougher benefit sanctions for jobseekers who refuse work.",
    ),
    (
        "it",
        "Patrick Zaki presenta il suo nuovo libro a Torino",
        "Lo studente, liberato dopo la grazia, ha parlato davanti a 300 persone.",
    ),
    ("de", "Umfrage: Mehrheit der Befragten für Aufhebung der Sanktionen", ""),
]


GENERAL_POSITIVES_52 = [
    # a figure from 1900 to 2100 with a counted noun right after it is a count, not a year
    ("en", "Vietnam frees 2015 prisoners in National Day amnesty", "", [("pardon", 2015)]),
    ("ru", "В Узбекистане помилованы 1950 осуждённых", "", [("pardon", 1950)]),
    ("pl", "Junta uwolniła ponad 2000 więźniów", "", [("pardon", 2000)]),
    # "respectively": two releases, not one sum
    (
        "en",
        "Swap completed",
        "Russia and Ukraine exchanged 146 and 84 soldiers on Monday and Tuesday respectively.",
        [("pardon", 146), ("pardon", 84)],
    ),
    (
        "es",
        "Canje",
        "El lunes y el martes volvieron a casa 95 y 103 soldados, respectivamente, en el marco del canje.",
        [("pardon", 95), ("pardon", 103)],
    ),
    # part of a term served is an early release
    (
        "en",
        "Early release",
        "About 900 inmates were freed on Thursday after serving half of their sentences under the new scheme.",
        [("pardon", 900)],
    ),
    # a thousands dot inside a separable German verb's span
    (
        "de",
        "Gefangenenaustausch",
        "Im Rahmen des Austauschs kehrten 1.200 Soldaten in die Ukraine zurück.",
        [("pardon", 1200)],
    ),
    # how many people an exchange involved
    ("ru", "Обмен пленными", "В обмене участвовали 190 военнопленных.", [("pardon", 190)]),
    (
        "it",
        "Scambio di prigionieri",
        "Nello scambio sono stati coinvolti 58 detenuti.",
        [("pardon", 58)],
    ),
    # the pardon word keeps the figure a return word beside it would take
    ("en", "Amnesty", "Some 60 prisoners received pardons on Monday.", [("pardon", 60)]),
    ("ru", "Помилование", "45 осуждённых получили помилование в понедельник.", [("pardon", 45)]),
    # an export-control blacklist is a sanctions list
    (
        "en",
        "Commerce adds 12 Chinese firms to Entity List",
        "The companies were placed on the Entity List for supplying drone parts.",
        [("sanctions", "imposed")],
    ),
    (
        "es",
        "Washington",
        "El Departamento de Comercio añadió a su Entity List a 30 empresas.",
        [("sanctions", "imposed")],
    ),
    # closing airspace to another state's aircraft
    ("fr", "L'UE ferme son espace aérien aux avions biélorusses", "", [("sanctions", "imposed")]),
    (
        "pl",
        "UE zamyka przestrzeń powietrzną dla rosyjskich samolotów",
        "",
        [("sanctions", "imposed")],
    ),
    # forms a paradigm check found missing
    ("es", "Nicaragua", "El régimen puso en libertad a 40 presos políticos.", [("pardon", 40)]),
    ("it", "Mosca e Kiev si scambiano 150 prigionieri", "", [("pardon", 150)]),
    ("de", "EU weitet Sanktionen gegen Iran aus", "", [("sanctions", "imposed")]),
    ("it", "Gli Usa tolgono le sanzioni alla Bielorussia", "", [("sanctions", "lifted")]),
    (
        "fr",
        "Trois militants sortent de prison",
        "Ils avaient été graciés par le président.",
        [("pardon", 3)],
    ),
    # the French US Treasury names a state
    (
        "fr",
        "Le Trésor américain lève les sanctions visant un fabricant d'engrais",
        "Les développeurs de logiciels n'y voient aucun lien.",
        [("sanctions", "lifted")],
    ),
    # a decision to blacklist is taken
    (
        "en",
        "Treasury",
        "Washington's decision on Tuesday to blacklist two Iranian banks was welcomed in Kyiv.",
        [("sanctions", "imposed")],
    ),
    # a UN sanctions regime restored
    ("ru", "Совбез ООН вернул санкции против КНДР", "", [("sanctions", "imposed")]),
    # a former prisoner in a caption's headline; the body's counted release is news
    (
        "es",
        "Foto: un expreso político abraza a su madre",
        "El Gobierno excarceló el martes a 60 presos políticos.",
        [("pardon", 60)],
    ),
]

GENERAL_NEGATIVES_52 = [
    # sanctions in games and under data-protection law
    ("en", "Studio lifts sanctions on 300 players flagged for cheating", ""),
    ("ru", "Разработчик ввёл санкции против аккаунтов читеров", ""),
    (
        "de",
        "Datenschutzbehörde verhängt Sanktionen gegen Online-Händler",
        "Grundlage ist die DSGVO.",
    ),
    # water released from a reservoir, bags released by customs
    ("es", "La presa liberó 200 hectómetros cúbicos", "El embalse tiene agua de sobra."),
    ("pl", "Celnicy zwolnili zatrzymane paczki", "Przesyłki trafiły do odbiorców."),
    # a package still being drafted; a package blocked
    ("en", "The EU's next sanctions package is still on the drawing board", ""),
    ("uk", "Новий пакет санкцій заблоковано", ""),
    # a promise of releases; talk of a swap
    (
        "es",
        "Ortega promete excarcelaciones",
        "El mandatario aseguró que habrá más excarcelaciones en diciembre.",
    ),
    ("en", "Swap talks", "Officials are talking about a new prisoner exchange."),
    # explainers of what a pardon is
    (
        "uk",
        "Що таке помилування",
        "Помилування — це рішення президента звільнити людину від покарання.",
    ),
    ("it", "Cos'è la grazia", "La grazia è un atto del presidente che cancella la pena."),
    # an appeal phrased as a request
    ("pl", "List dziennikarzy", "Proszą o uwolnienie reportera."),
    # Amnesty's lab, and Amnesty credited as a source
    ("en", "Amnesty's Security Lab finds spyware on phones of 20 activists", ""),
    # a memories headline
    ("es", "Recuerdos: la excarcelación de 1978", "Un lector recuerda aquel día."),
    # let go from a police cell after a brawl
    (
        "ru",
        "Участников драки отпустили из ИВС",
        "Троих мужчин отпустили из изолятора временного содержания.",
    ),
    # a release that is out of question
    (
        "de",
        "Gericht",
        "Eine Entlassung nach Verbüßung von zwei Dritteln der Strafe kommt nicht in Betracht.",
    ),
    # a film about the struggle for an amnesty
    ("es", "Cine", "La película narra la lucha de los presos por la amnistía."),
    # a fraction of a term is no count
    (
        "de",
        "Strafvollzug",
        "Häftlinge können nach Verbüßung von zwei Dritteln der Strafe auf Bewährung freikommen, wenn das Gericht zustimmt, was es selten tut, sagte der Sprecher.",
    ),
]


GENERAL_POSITIVES_53 = [
    # "free" before a figure is a verb (not "free 16 GB", which has no detainee context)
    ("en", "Minsk, Vilnius free 6 in border prisoner swap", "", [("pardon", 6)]),
    # a German figure, a phrase, then an attributive participle before its noun
    (
        "de",
        "Austausch",
        "Bei dem Austausch kamen 24 in Russland und Belarus festgehaltene Menschen frei.",
        [("pardon", 24)],
    ),
    # a year-like figure with one adjective before its noun
    ("de", "Israel lässt rund 1900 palästinensische Gefangene frei", "", [("pardon", 1900)]),
    # "some" before a definite figure in words is no vague amount
    (
        "en",
        "Rights group: some fourteen hundred political prisoners remain in Belarus",
        "",
        [("prisoner_count", 1400)],
    ),
    # a semicolon ends an "among them" scope
    (
        "de",
        "Lukaschenko begnadigt 30 Häftlinge",
        "Oppositionelle waren nicht darunter; nach Angaben von Viasna sitzen derzeit mehr als 1.100 politische Gefangene in Haft.",
        [("pardon", 30), ("prisoner_count", 1100)],
    ),
    # rescinding, and a designation revoked, lift
    ("en", "US rescinds sanctions on Sudanese central bank", "", [("sanctions", "lifted")]),
    (
        "en",
        "Washington revokes Cuba's designation as a state sponsor of terrorism",
        "",
        [("sanctions", "lifted")],
    ),
    # Belarusian forms of cancelling
    ("be", "ЕС скасоўвае частку санкцый супраць Сірыі", "", [("sanctions", "lifted")]),
    ("be", "Трамп падпісаў указ аб адмене санкцый супраць Сірыі", "", [("sanctions", "lifted")]),
    # a participle after the noun's adjectives describes the sanctions being lifted
    (
        "fr",
        "Sommet",
        "Les dirigeants ont décidé de lever les sanctions commerciales et financières imposées au Mali.",
        [("sanctions", "lifted")],
    ),
    # rolling over a regime extends it; a veto dropped is no lifting
    (
        "en",
        "EU rolls over sectoral sanctions on Russia after Slovakia drops its veto",
        "",
        [("sanctions", "imposed")],
    ),
    # a visa ban is a sanction
    ("fr", "Washington interdit de visa deux juges de la CPI", "", [("sanctions", "imposed")]),
    # a Polish verb with words between it and the prison
    (
        "pl",
        "Ułaskawienie",
        "Trzech opozycjonistów opuściło w środę rano zakład karny po ułaskawieniu przez prezydenta.",
        [("pardon", 3)],
    ),
    # two groups' figures in one sentence
    (
        "en",
        "Russia's political prisoners",
        "OVD-Info said more than 1,100 people are held as political prisoners, while Memorial puts the figure at over 700.",
        [("prisoner_count", 1100), ("prisoner_count", 700)],
    ),
    # people the headline names among its figure are part of it
    (
        "en",
        "Tokayev pardon frees bloggers among 200 convicts",
        "Kazakhstan's president pardoned 200 prisoners on Friday. Three bloggers walked out of prison the same evening.",
        [("pardon", 200)],
    ),
    # "despite a wave of releases" dates the count
    (
        "en",
        "Viasna counts 1,100 political prisoners despite a wave of releases",
        "",
        [("prisoner_count", 1100)],
    ),
]

GENERAL_NEGATIVES_53 = [
    # a court ruling on a listing is no decision of the state or bloc that sanctions
    (
        "en",
        "EU General Court annuls sanctions on Russian banker",
        "The bloc's court said the Council had not proved his links to the Kremlin.",
    ),
    ("ru", "Общий суд ЕС отменил санкции против российского бизнесмена", ""),
    (
        "es",
        "El Tribunal General de la UE anula la inclusión de un empresario en la lista de sanciones",
        "",
    ),
    ("pl", "Sąd UE uchylił sankcje wobec rosyjskiego biznesmena", ""),
    # conditions, proposals and avoidance
    ("de", "Außenministerin: Lockerung der Sanktionen nur bei echtem Frieden", ""),
    ("es", "Bruselas", "Varios países han planteado ampliar las sanciones contra Irán."),
    ("pl", "Litwa postuluje nowe sankcje wobec Rosji", ""),
    ("en", "Banks tighten checks to avoid secondary sanctions", ""),
    ("es", "Las navieras endurecen sus controles para evitar sanciones", ""),
    ("de", "Orbán", "Ungarn will die Verlängerung der Sanktionen blockieren."),
    # a debate about amnesty, and about the pardon power
    (
        "it",
        "Carceri piene",
        "Il sovraffollamento ha riaperto la discussione su amnistia e indulto per oltre 60mila detenuti.",
    ),
    ("pl", "Konstytucjonaliści spierają się o prawo łaski", ""),
    # a clause that opens with a year years back
    (
        "uk",
        "Нові арешти журналістів",
        "У 2019 році тодішній уряд звільнив сотні політв'язнів, але тепер репресії повернулися.",
    ),
    # a game's players, a prison hospital
    (
        "en",
        "Prison-break game delayed",
        "In the co-op title, where players free 8 inmates from a fortress, the studio found new bugs.",
    ),
    ("pl", "Więzień polityczny opuścił szpital więzienny", ""),
]


def test_bullets_and_ee_uu_in_sentence_splitting() -> None:
    """A digest's bullets start sentences; "EE. UU." in mid-sentence does not end one."""
    assert split_sentences("• Heat: up to +34 °C. • Rights groups count 1 172.") == [
        "• Heat: up to +34 °C.",
        "• Rights groups count 1 172.",
    ]
    assert len(split_sentences("Deportados por EE. UU. a cambio de presos. Otro.")) == 2
    # a figure that ends a German sentence is no ordinal when an article opens the next one
    assert split_sentences(
        "Es waren noch rund 300. Die Regierung schweigt. Zum 77. Jahrestag."
    ) == [
        "Es waren noch rund 300.",
        "Die Regierung schweigt.",
        "Zum 77. Jahrestag.",
    ]


def test_lacinka_transliteration() -> None:
    from rules.text import is_lacinka, lacinka_to_cyrillic

    text = "Łukašenka pamiłavaŭ čałaviek; «Viasna»: palitviaźniaŭ zastajecca, ich imiony, ludzi"
    assert is_lacinka(text)
    assert lacinka_to_cyrillic(text) == (
        "Лукашэнка памілаваў чалавек; «Вясна»: палітвязняў застаецца, іх імёны, людзі"
    )
    # (asked only of items declared Belarusian) English, or mostly Cyrillic, is not Łacinka
    assert not is_lacinka("Lukashenko pardons 23 prisoners")
    assert not is_lacinka("Лукашэнка памілаваў 23 (Łukašenka)")


# ------------------------------------ session 25: causes found on independent_holdout_115/116
GENERAL_POSITIVES_54 = [
    # an exchange's headline total made up by the body's figures, one of them not a release
    # of its own ("flew to Vienna"): the return side is a part of the total, not a release
    (
        "ru",
        "Обмен пленными: домой вернулись 15 человек",
        "Семеро отправились в Вену, а в Москву вернулись шестеро взрослых и двое подростков.",
        [("pardon", 15)],
    ),
    (
        "en",
        "Prisoner swap frees 15 people",
        "Seven people flew to Vienna, while six adults and two teenagers returned to Moscow.",
        [("pardon", 15)],
    ),
    # the stages of a completed exchange add up to its total; the last group is one of them
    (
        "ru",
        "Стороны завершили обмен «500 на 500»",
        "В понедельник стороны обменялись последней группой из 150 человек, завершив обмен. "
        "Всего за три дня из плена вернулись 500 военных (220, 130 и 150).",
        [("pardon", 500)],
    ),
    # bare figures in brackets after a figure break it down
    (
        "uk",
        "Обмін завершено",
        "Загалом за три дні з полону повернулися 500 військових (220, 130 і 150).",
        [("pardon", 500)],
    ),
    # "returned from captivity" is a release in an exchange
    (
        "en",
        "Swap completed",
        "Over three days 500 soldiers returned from captivity (220, 130 and 150).",
        [("pardon", 500)],
    ),
    (
        "fr",
        "Échange de prisonniers",
        "500 soldats sont revenus de captivité russe.",
        [("pardon", 500)],
    ),
    # the state-sponsor-of-terrorism list in Polish and Italian wording
    (
        "pl",
        "USA skreślają Koreę Północną z listy państw sponsorujących terroryzm",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "it",
        "Washington toglie la Corea del Nord dall'elenco degli Stati sponsor del terrorismo",
        "",
        [("sanctions", "lifted")],
    ),
    (
        "ru",
        "США исключили Северную Корею из списка стран — спонсоров терроризма",
        "",
        [("sanctions", "lifted")],
    ),
    # a figure between "held" and "for political reasons"
    (
        "es",
        "La ONG actualiza su lista",
        "Según la ONG, permanecen encarceladas unas 800 personas por razones políticas.",
        [("prisoner_count", 800)],
    ),
    (
        "pl",
        "Raport organizacji",
        "Według obrońców praw człowieka wciąż przebywa w więzieniach z przyczyn politycznych "
        "ponad 700 osób.",
        [("prisoner_count", 700)],
    ),
    # "were serving terms of" is no end of a term
    (
        "de",
        "Minsk lässt 18 Gefangene frei",
        "Einige von ihnen verbüßten Haftstrafen von bis zu zwölf Jahren.",
        [("pardon", 18)],
    ),
]

GENERAL_POSITIVES_54 += [
    # a month, a comma, then a figure: no date ("In June, 14 ...", "En juin, 14 ...")
    (
        "fr",
        "La Biélorussie libère 40 détenus",
        "En juin, 14 prisonniers avaient déjà été relâchés.",
        [("pardon", 14), ("pardon", 40)],
    ),
    (
        "en",
        "Belarus frees 40 more prisoners",
        "In June, 14 prisoners had already been released.",
        [("pardon", 14), ("pardon", 40)],
    ),
    # a figure of rounds of releases is no figure of people
    (
        "en",
        "Lukashenko pardons 31 more",
        "Three previous pardons since July freed another 85 people, rights groups say.",
        [("pardon", 31), ("pardon", 85)],
    ),
]

GENERAL_NEGATIVES_54 = [
    # reports of an exchange called speculation or rumours
    (
        "en",
        "Foreign ministry plays down exchange talk",
        "The ministry described reports of an imminent exchange of detainees as mere speculation.",
    ),
    ("pl", "MSZ o doniesieniach", "Rzecznik nazwał doniesienia o wymianie więźniów plotkami."),
    # a game's sequel: players manage prisoners
    (
        "ru",
        "Новинки недели",
        "Студия выпустила сиквел тюремного симулятора, где игрок управляет заключёнными.",
    ),
    (
        "pl",
        "Premiery tygodnia",
        "Studio wypuściło kontynuację gry o więzieniu, w której gracz zarządza osadzonymi.",
    ),
    (
        "be",
        "Навінкі тыдня",
        "Студыя выпусціла працяг гульні пра турму, дзе гулец кіруе зняволенымі.",
    ),
    # the number of those to be freed is not known
    (
        "uk",
        "Депутати обговорять законопроєкт про амністію",
        "Закон не поширюватиметься на засуджених за тероризм, а кількість звільнених поки "
        "невідома.",
    ),
    (
        "ru",
        "Депутаты обсудят законопроект об амнистии",
        "Закон не затронет осуждённых по тяжким статьям, а число освобождённых пока неизвестно.",
    ),
    # early release under debate
    (
        "fr",
        "Surpopulation carcérale : la libération anticipée des détenus âgés en débat",
        "",
    ),
    # "the question of a pardon" (uk, be)
    (
        "uk",
        "Суд відмовив в умовно-достроковому звільненні",
        "Питання про помилування, як повідомив адвокат, не розглядалося.",
    ),
    (
        "be",
        "Суд адмовіў ва ўмоўна-датэрміновым вызваленні",
        "Пытанне аб памілаванні, як паведаміў адвакат, не разглядалася.",
    ),
    # a match's minute is no figure of people
    ("es", "El poste indulta al Sevilla en el 91'", "El partido terminó 1-1."),
    # exam fraud
    ("fr", "Fraude au baccalauréat : 950 candidats sanctionnés l'an dernier", ""),
]


# ------------------------------------ session 25: causes found on independent_holdout_117/118
GENERAL_POSITIVES_55 = [
    # "with the release of 52" (Belarusian instrumental) is no "of the freed" sub-figure cue
    (
        "be",
        "ЗША знялі санкцыі з калійнай кампаніі",
        "Рашэнне звязана з вызваленнем 16 палітвязняў напярэдадні.",
        [("pardon", 16), ("sanctions", "lifted")],
    ),
    # a Belarusian feminine "two" in the genitive: "дзвюх тысяч"
    (
        "be",
        "Амністыя",
        "Паводле пракуратуры, з калоній былі вызваленыя каля дзвюх тысяч асуджаных.",
        [("pardon", 2000)],
    ),
    # a release on parole whose conditions last "until the end of his term"
    (
        "fr",
        "Un ancien ministre libéré sous condition après huit mois de détention",
        "Il reste soumis à des obligations jusqu'au terme de sa peine.",
        [("pardon", None)],
    ),
]

GENERAL_NEGATIVES_55 = [
    # applying for an early release is a plan
    (
        "de",
        "Gnadengesuch abgelehnt: Verurteilter Unternehmer bleibt in Haft",
        "Sein Verteidiger kündigte an, nun die vorzeitige Entlassung des Häftlings zu beantragen.",
    ),
    # "new sanctions" in an apposition whose clause says they stay on the table
    (
        "es",
        "Bruselas advierte a Caracas",
        "La portavoz dijo que todas las medidas, incluidas nuevas sanciones, siguen sobre la mesa.",
    ),
    # a pardon commission with words between its name and "pardon"
    (
        "ru",
        "Создана комиссия",
        "Комиссия при президенте по вопросам помилования рассмотрела 95 ходатайств осуждённых.",
    ),
    (
        "uk",
        "Засідання комісії",
        "Комісія при Президентові з питань помилування розглянула 120 клопотань засуджених.",
    ),
    (
        "de",
        "Kommission tagt",
        "Die Kommission für Begnadigungsfragen hat bei ihrer ersten Sitzung 40 Gesuche von Verurteilten behandelt.",
    ),
    # a sanctions package being prepared (Polish)
    ("pl", "Bruksela szykuje kolejny pakiet sankcji wobec Iranu", ""),
    # a pardon that cuts a sentence, with no release
    ("en", "Sultan grants jailed blogger pardon, cuts sentence to two years", ""),
    (
        "ru",
        "Президент помиловал оппозиционера, сократив срок до трёх лет",
        "Он остаётся в колонии.",
    ),
]

GENERAL_POSITIVES_55 += [
    # "among them N" (Russian "в их числе") is a sub-figure, no count of those held
    (
        "ru",
        "Президент помиловал 215 осуждённых",
        "По данным правозащитников, в их числе около 30 человек, которых они считают "
        "политзаключёнными.",
        [("pardon", 215)],
    ),
    # a French sub-figure: "concernent aussi 12 étrangers"
    (
        "fr",
        "Cambodge : grâce royale pour plus de 3 000 détenus",
        "Les libérations commencent lundi et concernent aussi 12 étrangers.",
        [("pardon", 3000)],
    ),
]


# ------------------------------------ session 25: causes found on independent_holdout_119/120
GENERAL_POSITIVES_56 = [
    # "in return, ... lifted sanctions" is a deal, no exchange: a smaller earlier release in
    # the body is a release of its own, not a side of a swap
    (
        "en",
        "Minsk pardons 40 prisoners, Washington eases sanctions on potash",
        "In return, the US lifted sanctions on Belarusian potash exports. It is the second "
        "such release this year: in June Minsk freed 14 prisoners.",
        [("pardon", 14), ("pardon", 40), ("sanctions", "lifted")],
    ),
    # counter-sanctions: entry bans on a number of another state's citizens
    (
        "en",
        "Moscow bars 35 Australians from entry over Canberra's sanctions",
        "",
        [("sanctions", "imposed")],
    ),
    (
        "ru",
        "МИД России запретил въезд 120 гражданам Японии",
        "Меры приняты в ответ на санкции Токио.",
        [("sanctions", "imposed")],
    ),
    # "most of the freed - N people - went to ..." is a part of the release
    (
        "uk",
        "Мінськ звільнив 60 в'язнів",
        "Більшість звільнених — 45 людей — передали Україні, інших доставили до Литви.",
        [("pardon", 60)],
    ),
]

GENERAL_NEGATIVES_56 = [
    # an age at the end of a headline
    ("en", "Court turns down parole for jailed political prisoner, 71", ""),
    # states that call for a release (Belarusian genitive plural "дзяржаў")
    (
        "be",
        "Заява ў Вене",
        "У сумеснай заяве 40 дзяржаў-удзельніц заклікалі Мінск неадкладна вызваліць усіх "
        "палітычных зняволеных.",
    ),
    # votes for a resolution are no people
    (
        "uk",
        "Резолюція ПАРЄ",
        "Документ, ухвалений 102 голосами «за» при 5 «проти», вимагає звільнити політв’язнів.",
    ),
    # mediators point to new releases: a forecast
    ("es", "Fuentes apuntan a nuevas excarcelaciones en Nicaragua", ""),
    # a fine over dealings with a sanctioned person is no new sanctions decision
    (
        "en",
        "Treasury fines logistics company $3 million over sanctioned tycoon's shipments",
        "",
    ),
    # compliance guidance and screening tools
    ("de", "Zoll veröffentlicht neuen Leitfaden zu Iran-Sanktionen", ""),
    ("pl", "Firmy kupują nowe systemy do weryfikacji list sankcyjnych", ""),
    # a request for a pardon
    (
        "fr",
        "Un journaliste emprisonné demande sa grâce",
        "Ses avocats ont sollicité une grâce auprès du chef de l'État.",
    ),
    # calls for a release, however far from the release word
    (
        "es",
        "Ortega descarta liberar a los presos",
        "El mandatario habló de justicia, pese a los llamados de la Iglesia y de varios "
        "gobiernos extranjeros para su excarcelación.",
    ),
]


# ------------------------------------ session 25: causes found on independent_holdout_121/122
GENERAL_POSITIVES_57 = [
    # news analysis: a headline that states the decision after its rubric reports it
    (
        "es",
        "Análisis | EE UU prorroga un año las sanciones contra Nicaragua",
        "El Tesoro ha renovado las medidas contra la familia Ortega. ¿Qué cambia?",
        [("sanctions", "imposed")],
    ),
    (
        "fr",
        "Décryptage – Le Maroc affirme avoir libéré les 480 détenus graciés : ce que l'on sait",
        "",
        [("pardon", 480)],
    ),
    # a French timestamp "7 h 45" is no figure of people
    (
        "fr",
        "En direct – Nicaragua : des opposants libérés",
        "6 h 30 – Plusieurs opposants détenus ont été libérés dans la nuit, selon une ONG, sans "
        "chiffre précis.",
        [("pardon", None)],
    ),
]

GENERAL_NEGATIVES_57 = [
    # news analysis that tells releases and relief as background stays background (a guard:
    # 'analysis' rubrics no longer make a whole item history)
    (
        "en",
        "Analysis: Caracas trades prisoners for time",
        "Each wave of releases has been followed by new arrests, and sanctions relief divides "
        "Washington's allies.",
    ),
    # "ready for" a swap, a swap "impossible for now"
    ("en", "Moscow says it is ready for a new prisoner swap with Kyiv", ""),
    ("ru", "Песков: обмен пленными «всех на всех» пока невозможен", ""),
    # an anniversary headline
    ("es", "Se cumplen 15 años del diálogo con la Iglesia y la excarcelación de 52 presos", ""),
    # history and explainer rubrics
    ("uk", "Історія питання: як ЄС запроваджував і скасовував санкції проти Білорусі", ""),
    ("uk", "Як відбуваються обміни полоненими: пояснюємо", ""),
    ("it", "Spiegone / Carceri piene: 61.000 detenuti, ma l'indulto resta un miraggio", ""),
    ("it", "L'editoriale / Liberate i prigionieri politici", ""),
    (
        "fr",
        "Prisons : comprendre la libération sous contrainte",
        "Libération sous contrainte, semi-liberté : explications sur les outils du juge.",
    ),
    (
        "pl",
        "Kto może wyjść warunkowo?",
        "Wyjaśniamy zasady warunkowego przedterminowego zwolnienia skazanych.",
    ),
]


@pytest.mark.parametrize(
    ("text", "lang", "value", "bad"),
    [
        ("il palo ha graziato l'Inter al 93'", "it", 93, "minute"),
        ("el poste salvó al Sevilla en el 91’", "es", 91, "minute"),
        ("вернулись 1000 россиян (390, 307 и 303)", "ru", 307, "breakdown"),
        ("500 soldiers returned from captivity (220, 130 and 150)", "en", 150, "breakdown"),
        # (one figure in brackets is no list; a year-like quote mark is no minute)
        ("freed 500 (12) prisoners", "en", 12, None),
        ("7 h 45 – plusieurs opposants libérés", "fr", 45, "time"),
        ("19h30 : 12 détenus libérés", "fr", 12, None),
        ("court refuses parole for political prisoner, 64", "en", 64, "age"),
        ("ухвалений 87 голосами «за» при 3 «проти»", "uk", 3, "rounds"),
        ("в ходе трёх предыдущих помилований", "ru", 3, "rounds"),
        ("zwei Wellen von Freilassungen", "de", 2, "rounds"),
        ("In June, 14 prisoners had been freed", "en", 14, None),
        ("on June 14 prisoners were freed", "en", 14, "date"),
        ("the figure '52' was repeated", "en", 52, None),
        # (the closing quote of a quotation is no minute)
        ("‘We have freed 52’, says envoy", "en", 52, None),
        ("Belarus 'to free 52', says envoy", "en", 52, None),
    ],
)
def test_minutes_and_bracketed_breakdowns_are_no_counts(
    text: str, lang: str, value: int, bad: str | None
) -> None:
    nums = [n for n in find_numbers(text, (lang,)) if n.value == value]
    assert len(nums) == 1 and nums[0].bad == bad


@pytest.mark.parametrize(
    ("lang", "title", "summary", "expected"),
    GENERAL_POSITIVES_8
    + GENERAL_POSITIVES_9
    + GENERAL_POSITIVES_10
    + GENERAL_POSITIVES_11
    + GENERAL_POSITIVES_12
    + GENERAL_POSITIVES_13
    + GENERAL_POSITIVES_14
    + GENERAL_POSITIVES_15
    + GENERAL_POSITIVES_16
    + GENERAL_POSITIVES_17
    + GENERAL_POSITIVES_18
    + GENERAL_POSITIVES_19
    + GENERAL_POSITIVES_20
    + GENERAL_POSITIVES_21
    + GENERAL_POSITIVES_22
    + GENERAL_POSITIVES_23
    + GENERAL_POSITIVES_24
    + GENERAL_POSITIVES_25
    + GENERAL_POSITIVES_26
    + GENERAL_POSITIVES_27
    + GENERAL_POSITIVES_28
    + GENERAL_POSITIVES_29
    + GENERAL_POSITIVES_30
    + GENERAL_POSITIVES_31
    + GENERAL_POSITIVES_32
    + GENERAL_POSITIVES_33
    + GENERAL_POSITIVES_34
    + GENERAL_POSITIVES_35
    + GENERAL_POSITIVES_36
    + GENERAL_POSITIVES_37
    + GENERAL_POSITIVES_38
    + GENERAL_POSITIVES_39
    + GENERAL_POSITIVES_40
    + GENERAL_POSITIVES_41
    + GENERAL_POSITIVES_42
    + GENERAL_POSITIVES_43
    + GENERAL_POSITIVES_44
    + GENERAL_POSITIVES_45
    + GENERAL_POSITIVES_46
    + GENERAL_POSITIVES_47
    + GENERAL_POSITIVES_48
    + GENERAL_POSITIVES_49
    + GENERAL_POSITIVES_50
    + GENERAL_POSITIVES_51
    + GENERAL_POSITIVES_52
    + GENERAL_POSITIVES_53
    + GENERAL_POSITIVES_54
    + GENERAL_POSITIVES_55
    + GENERAL_POSITIVES_56
    + GENERAL_POSITIVES_57,
)
def test_general_positive_8(
    lang: str, title: str, summary: str, expected: list[tuple[str, object]]
) -> None:
    got = evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC)))
    assert kinds(got) == sorted(expected)


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    GENERAL_NEGATIVES_8
    + GENERAL_NEGATIVES_9
    + GENERAL_NEGATIVES_10
    + GENERAL_NEGATIVES_11
    + GENERAL_NEGATIVES_12
    + GENERAL_NEGATIVES_13
    + GENERAL_NEGATIVES_14
    + GENERAL_NEGATIVES_15
    + GENERAL_NEGATIVES_16
    + GENERAL_NEGATIVES_17
    + GENERAL_NEGATIVES_18
    + GENERAL_NEGATIVES_19
    + GENERAL_NEGATIVES_20
    + GENERAL_NEGATIVES_21
    + GENERAL_NEGATIVES_22
    + GENERAL_NEGATIVES_23
    + GENERAL_NEGATIVES_24
    + GENERAL_NEGATIVES_25
    + GENERAL_NEGATIVES_26
    + GENERAL_NEGATIVES_27
    + GENERAL_NEGATIVES_28
    + GENERAL_NEGATIVES_29
    + GENERAL_NEGATIVES_30
    + GENERAL_NEGATIVES_31
    + GENERAL_NEGATIVES_32
    + GENERAL_NEGATIVES_33
    + GENERAL_NEGATIVES_34
    + GENERAL_NEGATIVES_35
    + GENERAL_NEGATIVES_36
    + GENERAL_NEGATIVES_37
    + GENERAL_NEGATIVES_38
    + GENERAL_NEGATIVES_39
    + GENERAL_NEGATIVES_40
    + GENERAL_NEGATIVES_41
    + GENERAL_NEGATIVES_43
    + GENERAL_NEGATIVES_44
    + GENERAL_NEGATIVES_45
    + GENERAL_NEGATIVES_46
    + GENERAL_NEGATIVES_47
    + GENERAL_NEGATIVES_48
    + GENERAL_NEGATIVES_49
    + GENERAL_NEGATIVES_50
    + GENERAL_NEGATIVES_51
    + GENERAL_NEGATIVES_52
    + GENERAL_NEGATIVES_53
    + GENERAL_NEGATIVES_54
    + GENERAL_NEGATIVES_55
    + GENERAL_NEGATIVES_56
    + GENERAL_NEGATIVES_57,
)
def test_general_negative_8(lang: str, title: str, summary: str) -> None:
    assert evaluate(item(title, summary, lang, datetime(2025, 6, 20, tzinfo=UTC))) == []
