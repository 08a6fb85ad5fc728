"""Issue 2's families of French expressions, in our own news sentences (DCT: Friday 2024-10-18)."""

from __future__ import annotations

import pytest

from timeline.temporal import extract

DCT = "2024-10-18"


def one(text: str, phrase: str, prefer: str | None = None):
    found = [m for m in extract(text, DCT, "fr", prefer) if m.text == phrase]
    assert found, f"{phrase!r} not found in {text!r}: {extract(text, DCT, 'fr', prefer)}"
    return found[0]


@pytest.mark.parametrize("text,phrase,value,anchor", [
    # absolute dates, full or partial
    ("Le traité a été signé le 19 juin 2024 à Pyongyang.", "le 19 juin 2024", "2024-06-19", "absolute"),
    ("Le communiqué daté du 19/06/2024 évoque une alliance.", "19/06/2024", "2024-06-19", "absolute"),
    ("L'accord remonte à juin 2024.", "juin 2024", "2024-06", "absolute"),
    ("La Crimée a été annexée en 2014.", "2014", "2014", "absolute"),
    ("Le cessez-le-feu entrera en vigueur le 1er mars.", "le 1er mars", "2025-03-01", "dct"),
    ("Les électeurs américains voteront mardi 5 novembre.", "mardi 5 novembre", "2024-11-05", "dct"),
    ("Le sommet s'est ouvert le 5 octobre à Kiev.", "le 5 octobre", "2024-10-05", "dct"),
    # relative to the DCT
    ("Le ministre est arrivé hier à Kiev.", "hier", "2024-10-17", "dct"),
    ("Il rencontrera demain son homologue.", "demain", "2024-10-19", "dct"),
    ("Une frappe a visé Odessa avant-hier.", "avant-hier", "2024-10-16", "dct"),
    ("Jeudi, le ministre a réclamé une trêve.", "Jeudi", "2024-10-17", "dct"),
    ("Le Conseil de sécurité se réunira vendredi prochain.", "vendredi prochain", "2024-10-25", "dct"),
    ("Le Conseil se réunira lundi.", "lundi", "2024-10-21", "dct"),
    ("Et ce vendredi, Séoul évoque un envoi imminent.", "ce vendredi", "2024-10-18", "dct"),
    ("Vendredi dernier, Moscou a démenti.", "Vendredi dernier", "2024-10-11", "dct"),
    ("La semaine dernière, les frappes se sont intensifiées.", "La semaine dernière", "2024-W41", "dct"),
    ("Le mois dernier, l'armée a reculé.", "Le mois dernier", "2024-09", "dct"),
    ("L'an dernier, la contre-offensive a échoué.", "L'an dernier", "2023", "dct"),
    ("L'année prochaine, l'aide sera réduite.", "L'année prochaine", "2025", "dct"),
    ("Un accord formalisé en juin dernier.", "juin dernier", "2024-06", "dct"),
    ("L'usine a fermé il y a deux décennies.", "il y a deux décennies", "2004", "dct"),
    ("Le retrait des troupes est prévu à la mi-2025.", "mi-2025", "2025", "absolute"),
    ("Il est arrivé mardi. Ce soir-là, des drones ont frappé la ville.", "Ce soir-là", "2024-10-15TEV", "text"),
    ("Dans la nuit du 8 au 9 octobre, 40 drones ont été abattus.", "Dans la nuit du 8 au 9 octobre", "2024-10-08TNI", "dct"),
    ("Il y a un an jour pour jour, Kiev était bombardée.", "Il y a un an jour pour jour", "2023-10-18", "dct"),
    ("L'Ukraine a marqué mardi les 1 000 jours de guerre.", "1 000 jours", "P1000D", "absolute"),
    ("Après mille jours de guerre, les deux armées sont épuisées.", "mille jours", "P1000D", "absolute"),
    ("Poutine présidera le défilé du 9-Mai 2025 à Moscou.", "9-Mai 2025", "2025-05-09", "absolute"),
    ("Moscou a proposé une trêve de 12 heures pour Noël.", "12 heures", "PT12H", "absolute"),
    ("Kiev a reçu un ultimatum de 24 heures.", "24 heures", "PT24H", "absolute"),
    ("Kiev a annoncé que la conférence aurait lieu le 12 novembre.", "le 12 novembre", "2024-11-12", "dct"),
    ("Il a promis que les livraisons reprendraient lundi.", "lundi", "2024-10-21", "dct"),
    ("Selon Kiev, l'officier aurait été tué le 12 octobre.", "le 12 octobre", "2024-10-12", "dct"),
    ("Le Kremlin a annoncé une trêve pour le 1er novembre.", "le 1er novembre", "2024-11-01", "dct"),
    ("Donald Trump, qui entrera à la Maison Blanche le 20 janvier, a promis la paix.", "le 20 janvier", "2025-01-20", "dct"),
    ("Après six heures de discussions, les négociateurs se sont séparés.", "six heures", "PT6H", "absolute"),
    ("En l'espace de 24 heures, 1.200 soldats russes ont été tués.", "24 heures", "PT24H", "absolute"),
    ("Un couvre-feu de 23 heures à 5 heures est en vigueur.", "23 heures", "XXXX-XX-XXT23:00", "absolute"),  # every night
    ("Les combats ont duré de 23 heures à 5 heures.", "23 heures", "2024-10-18T23:00", "dct"),
    ("L'Ukraine a lancé sa contre-offensive en juin de l'année dernière.", "juin de l'année dernière", "2023-06", "dct"),
    ("Samedi à l'aube, une frappe a touché une gare.", "Samedi à l'aube", "2024-10-12TMO", "dct"),
    ("Les frappes ont repris mercredi 7 heures.", "mercredi 7 heures", "2024-10-16T07:00", "dct"),
    ("Le 3 octobre, une frappe a touché Kharkiv. Le surlendemain, une autre a visé Soumy.", "Le surlendemain", "2024-10-05", "text"),
    ("Moscou avait décrété un cessez-le-feu du 1er au 3 novembre.", "1er", "2024-11-01", "dct"),
    ("La trêve a pris fin samedi minuit.", "samedi minuit", "2024-10-12T24:00", "dct"),
    ("La trêve durait jusqu'au 3 octobre.", "3 octobre", "2024-10-03", "dct"),
    ("Sanctions prolongées jusqu'au 30 juin.", "30 juin", "2025-06-30", "dct"),
    ("Vers le 20 septembre, des images satellites montraient déjà des troupes.", "le 20 septembre", "2024-09-20", "dct"),
    ("Il y a plus d'un an, Kiev lançait sa contre-offensive.", "Il y a plus d'un an", "2023", "dct"),
    ("La Russie occupe le village depuis plus d'un an.", "plus d'un an", "P1Y", "absolute"),
    ("Le pont a été détruit il y a une dizaine de jours.", "il y a une dizaine de jours", "2024-10-08", "dct"),
    ("Les renforts arriveront dans une quinzaine de jours.", "dans une quinzaine de jours", "2024-11-02", "dct"),
    ("Les drones ont frappé il y a trois jours.", "il y a trois jours", "2024-10-15", "dct"),
    ("Il y a deux semaines, le front a bougé.", "Il y a deux semaines", "2024-10-04", "dct"),
    ("L'offensive a commencé il y a deux ans.", "il y a deux ans", "2022", "dct"),
    ("Une délégation partira dans trois jours.", "dans trois jours", "2024-10-21", "dct"),
    # parts of the day and clock times
    ("Samedi matin, des explosions ont retenti à Kharkiv.", "Samedi matin", "2024-10-12TMO", "dct"),
    ("Les sirènes ont retenti mardi soir.", "mardi soir", "2024-10-15TEV", "dct"),
    ("Dans la nuit de mercredi à jeudi, 40 drones ont été abattus.", "Dans la nuit de mercredi à jeudi",
     "2024-10-16TNI", "dct"),
    ("Le président s'exprimera à 20 heures.", "20 heures", "2024-10-18T20:00", "dct"),
    ("La réunion a débuté à 14 h 30.", "14 h 30", "2024-10-18T14:30", "dct"),
    ("La réunion a débuté à 14h30.", "14h30", "2024-10-18T14:30", "dct"),
    # weekends, seasons, quarters, halves
    ("Il restera sur place tout le week-end.", "tout le week-end", "2024-W42-WE", "dct"),
    ("Des pourparlers sont prévus ce week-end.", "ce week-end", "2024-W42-WE", "dct"),
    ("La contre-offensive de cet été a échoué.", "cet été", "2024-SU", "dct"),
    ("Les livraisons reprendront à l'automne 2024.", "l'automne 2024", "2024-FA", "absolute"),
    ("Le PIB a reculé au troisième trimestre.", "troisième trimestre", "2024-Q3", "dct"),
    ("Les livraisons arriveront au premier semestre 2025.", "premier semestre 2025", "2025-H1", "absolute"),
])
def test_values(text: str, phrase: str, value: str, anchor: str) -> None:
    m = one(text, phrase)
    assert (m.value, m.anchor) == (value, anchor)
    if m.type in ("DATE", "TIME"):
        assert m.earliest and m.latest and m.earliest <= m.latest


@pytest.mark.parametrize("text,phrase,value,mod", [
    ("Les premiers soldats sont arrivés début janvier.", "début janvier", "2024-01", "START"),
    ("Une réunion est prévue mi-octobre.", "mi-octobre", "2024-10", "MID"),
    ("Le contrat a expiré fin 2023.", "fin 2023", "2023", "END"),
    ("Le cessez-le-feu pourrait être signé vers le 20 octobre.", "le 20 octobre", "2024-10-20", "APPROX"),
    ("Le texte sera voté d'ici la fin de l'année.", "la fin de l'année", "2024", "END"),
])
def test_modifiers(text: str, phrase: str, value: str, mod: str) -> None:
    m = one(text, phrase)
    assert (m.value, m.mod) == (value, mod)


def test_modifier_narrows_the_interval() -> None:
    m = one("Les premiers soldats sont arrivés début janvier.", "début janvier")
    assert m.earliest == "2024-01-01" and m.latest < "2024-01-15"


@pytest.mark.parametrize("text,first,second", [
    ("Les combats ont duré entre le 8 et le 13 octobre.", ("le 8", "2024-10-08"), ("le 13 octobre", "2024-10-13")),
    ("Le salon se tient du 14 au 18 octobre.", ("14", "2024-10-14"), ("18 octobre", "2024-10-18")),
])
def test_ranges_are_two_mentions(text: str, first: tuple[str, str], second: tuple[str, str]) -> None:
    got = [(m.text, m.value) for m in extract(text, DCT, "fr")]
    assert got == [first, second]


@pytest.mark.parametrize("text,first,second", [
    # read on 9 May: a past act began by then, a coming one ends after it — the same May
    ("Moscou avait décrété une trêve, du 8 au 10 mai.", ("8", "2025-05-08"), ("10 mai", "2025-05-10")),
    ("La Russie observera une trêve du 8 mai au 10 mai.", ("8 mai", "2025-05-08"), ("10 mai", "2025-05-10")),
    ("Les frappes ont été suspendues du 30 avril au 2 mai.", ("30 avril", "2025-04-30"), ("2 mai", "2025-05-02")),
    ("Le couvre-feu s'appliquera du 28 décembre au 3 janvier.", ("28 décembre", "2025-12-28"), ("3 janvier", "2026-01-03")),
])
def test_the_two_ends_of_a_range_take_their_years_together(text: str, first: tuple[str, str], second: tuple[str, str]) -> None:
    assert [(m.text, m.value) for m in extract(text, "2025-05-09", "fr")] == [first, second]


@pytest.mark.parametrize("text,phrase,value", [
    ("Le 8 octobre, il est arrivé à Kiev. Le lendemain, il a rencontré Zelensky.", "Le lendemain", "2024-10-09"),
    ("Le sommet du 8 octobre avait été préparé la veille.", "la veille", "2024-10-07"),
    ("Le 3 octobre, un accord a été trouvé. Deux jours plus tard, il a volé en éclats.",
     "Deux jours plus tard", "2024-10-05"),
    ("L'offensive a débuté le 1er août ; trois semaines après, le front a cédé.", "trois semaines après",
     "2024-08-22"),
    # a month named since the last day is the base of months and years counted from it
    ("Le 3 mai, un accord. En février 2022, les chars fonçaient sur Kiev. Sept mois plus tard, ils fuyaient.",
     "Sept mois plus tard", "2022-09"),
    ("En mars 2014, la Crimée a été annexée ; huit ans plus tard, l'invasion a commencé.", "huit ans plus tard", "2022"),
    # a story told from a day or month written with its year: its later days and months are of that year
    ("Le 24 février 2022, la Russie envahit l'Ukraine. En mars, ses troupes reculent devant Kiev.", "mars", "2022-03"),
    ("Le 24 février 2022, la Russie envahit l'Ukraine. Le 2 avril, les corps de Boutcha sont découverts.",
     "Le 2 avril", "2022-04-02"),
    ("En mars 2014, la Crimée est annexée. En avril, les séparatistes prennent Sloviansk. Le 11 mai, ils votent.",
     "Le 11 mai", "2014-05-11"),
])
def test_anchored_in_the_text(text: str, phrase: str, value: str) -> None:
    m = one(text, phrase)
    assert (m.value, m.anchor) == (value, "text")


@pytest.mark.parametrize("text,phrase,value", [
    # a year alone is background, not a story; a date read from the DCT ends one; a future looks ahead
    ("Zelensky a été élu en 2019. Le 3 mars, il a signé un décret sur la mobilisation.", "Le 3 mars", "2024-03-03"),
    ("Le 24 février 2022, la Russie envahissait l'Ukraine. Hier, Zelensky a parlé. En mars, il a limogé son ministre.",
     "mars", "2024-03"),
    ("Un juge devait décider hier de la peine de cet homme, arrêté en décembre 2022. Il avait plaidé coupable le 22 mai.",
     "le 22 mai", "2024-05-22"),
    ("Le 24 février 2022, la Russie envahissait l'Ukraine. En mars, Zelensky se rendra à Washington.",
     "mars", "2025-03"),
])
def test_a_story_ends(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


@pytest.mark.parametrize("text,phrase,type_,value", [
    ("Les négociations ont duré pendant trois jours.", "trois jours", "DURATION", "P3D"),
    ("Il dirige le pays depuis 24 ans.", "24 ans", "DURATION", "P24Y"),
    ("Les ministres se réunissent chaque semaine.", "chaque semaine", "SET", "P1W"),
])
def test_durations_and_sets_are_not_dated(text: str, phrase: str, type_: str, value: str) -> None:
    m = one(text, phrase)
    assert (m.type, m.value, m.earliest, m.latest) == (type_, value, None, None)


@pytest.mark.parametrize("text,ref", [
    ("Zelensky assurait il y a plusieurs jours que des soldats se préparaient.", "PAST_REF"),
    ("Ces derniers jours, les frappes se sont multipliées.", "PAST_REF"),
    ("Le ministre s'est récemment rendu à Washington.", "PAST_REF"),
    ("Des soldats pourraient arriver dans les prochaines semaines.", "FUTURE_REF"),
    ("D'autres livraisons suivront dans les semaines à venir.", "FUTURE_REF"),
])
def test_vague_references_keep_a_window(text: str, ref: str) -> None:
    refs = [m for m in extract(text, DCT, "fr") if m.value == ref]
    assert len(refs) == 1
    m = refs[0]
    assert m.earliest and m.latest
    assert (m.latest <= DCT) if ref == "PAST_REF" else (m.earliest > DCT)


@pytest.mark.parametrize("text", [
    "Pas moins de 12.000 hommes pourraient arriver en Russie.",
    "Kiev a reçu 2 000 soldats formés en Pologne.",
    "Le Conseil a adopté la résolution 2270 à l'unanimité.",
    "Un obus de 152 mm a touché l'immeuble.",
    "Les premiers F-16 sont arrivés en Ukraine.",
    "Le communiqué évoque un 31 février imaginaire.",
    "Un convoi de 1500 véhicules a été repéré.",
    "Le ministre Jean-Noël Barrot est arrivé à Kiev.",
    "Les Jeux olympiques d'hiver ont été suspendus.",
    "Il a été blessé par un éclat.",
])
def test_not_dates(text: str) -> None:
    assert [m for m in extract(text, DCT, "fr") if m.type in ("DATE", "TIME")] == []


def test_tense_decides_bare_weekdays() -> None:
    assert one("Mardi, Moscou a tiré 40 missiles.", "Mardi").value == "2024-10-15"
    assert one("Le Conseil se réunira mardi.", "mardi").value == "2024-10-22"


def test_prefer_decides_tenseless_phrases() -> None:
    assert one("mardi", "mardi", prefer="future").value == "2024-10-22"
    assert one("mardi", "mardi", prefer="past").value == "2024-10-15"


def test_impossible_dates_yield_nothing() -> None:
    assert extract("le 31 février", DCT, "fr") == []
    assert extract("le 29 février 2023", DCT, "fr") == []
    assert one("le 29 février 2024", "le 29 février 2024").value == "2024-02-29"


@pytest.mark.parametrize("text", ["", " ", "\x00", "é" * 1000, "le le le 12 12 12 h h h", "((((", "31/13/2024"])
def test_odd_strings_never_raise(text: str) -> None:
    assert isinstance(extract(text, DCT, "fr"), list)


def test_present_tense_avoir_phrases_are_not_past_cues() -> None:
    # "ont lieu" (take place) is present: the nearest 5 November is the coming one
    assert one("Les élections américaines ont lieu le 5 novembre.", "le 5 novembre").value == "2024-11-05"


def test_counted_last_and_next_units_say_how_long() -> None:
    # TimeML (and "the past three months" in English): a count of units is a DURATION, however
    # the adjective is placed; only the uncounted "ces derniers jours" is a vague PAST_REF
    for text, span, value in [
        ("La Russie a perdu 700 chars au cours des trois derniers mois.", "des trois derniers mois", "P3M"),
        ("Au cours des dernières 24 heures, 80 drones ont été abattus.", "des dernières 24 heures", "PT24H"),
        ("Un accord est attendu dans les deux prochaines semaines.", "les deux prochaines semaines", "P2W"),
    ]:
        m = one(text, span)
        assert (m.type, m.value, m.earliest) == ("DURATION", value, None)


@pytest.mark.parametrize("text,year", [
    ("Il a été élu en 2024 aux élections législatives.", "2024"),
    ("En 2022 des milliers de civils ont fui.", "2022"),
    ("Fin 2023 plusieurs pays ont reconnu l'Etat.", "2023"),
])
def test_years_before_words_stay_years(text: str, year: str) -> None:
    assert year in [m.value for m in extract(text, DCT, "fr")]


def test_clock_then_day_is_one_time_day_then_clock_two() -> None:
    got = [(m.text, m.type, m.value) for m in extract("Les pillages ont eu lieu entre 0 h 30 et 4 h mardi.", DCT)]
    assert got[-1] == ("4 h mardi", "TIME", "2024-10-15T04:00")
    got = [(m.text, m.value) for m in extract("Le vote aura lieu le mardi 5 novembre 2024 à 20 h.", DCT)]
    assert got == [("le mardi 5 novembre 2024", "2024-11-05"), ("20 h", "2024-11-05T20:00")]


# Misreadings found in the demo content, each fixed by a general rule (our own sentences).
@pytest.mark.parametrize("dct,text,phrase,value", [
    # a year named in a detached clause does not frame the main clause
    ("2024-03-29", "Fondé en 2011, ce comité rendra son rapport fin mai.", "fin mai", "2024-05"),
    ("2024-03-29", "Lancée en 2019, la mission a pris fin en janvier.", "janvier", "2024-01"),
    # ... but it frames what shares its clause, or the whole sentence it opens
    ("2024-03-29", "En 2016, l'armée a repris la ville le 12 mai.", "le 12 mai", "2016-05-12"),
    ("2024-03-29", "Deux crues en 97 (en janvier à Lyon, en octobre à Metz).", "octobre", "1997-10"),
    # a year said once for two coordinated dates
    ("2024-03-29", "Les votes ont eu lieu le 2 février et le 9 mars 2021.", "le 2 février", "2021-02-02"),
    ("2024-03-29", "Le festival se tiendra du 30 mai au 2 juin 2026.", "30 mai", "2026-05-30"),
    # the journalistic conditional points ahead, and "dès" too
    ("2024-10-25", "Selon Kiev, les renforts pourraient arriver dès mercredi.", "mercredi", "2024-10-30"),
    ("2024-10-25", "Le vote devrait avoir lieu samedi ou dimanche, a affirmé le ministre.", "dimanche", "2024-10-27"),
    # coordinated weekdays share one direction
    ("2024-10-25", "Les négociations reprendront dimanche ou lundi.", "lundi", "2024-10-28"),
    ("2024-10-25", "Les négociations reprendront dimanche ou lundi.", "dimanche", "2024-10-27"),
    # a past participle points back
    ("2024-11-01", "Le Sénat doit encore ratifier l'accord conclu en mars avec Kiev.", "mars", "2024-03"),
    ("2024-11-01", "Les députés examineront le texte adopté en juillet par le gouvernement.", "juillet", "2024-07"),
    ("2024-11-01", "Arrivé mardi à Kiev, le ministre rencontrera demain le président.", "mardi", "2024-10-29"),
    # ... not a future passive, nor a noun
    ("2024-11-01", "Le texte sera signé en juillet à Bruxelles.", "juillet", "2025-07"),
])
def test_demo_misreadings(dct: str, text: str, phrase: str, value: str) -> None:
    found = [m for m in extract(text, dct, "fr") if m.text.endswith(phrase) or m.text == phrase]
    assert found, f"{phrase!r} not found in {text!r}: {extract(text, dct, 'fr')}"
    assert found[0].value == value


def test_an_armistice_with_its_war_is_the_treaty_not_the_feast() -> None:
    text = "Les vétérans commémorent l'armistice de la guerre de Corée."
    assert not [m for m in extract(text, "2023-07-27", "fr") if m.type == "DATE"]
    assert [m.value for m in extract("Les écoles ferment pour l'Armistice.", "2024-11-01", "fr")] == ["2024-11-11"]


def test_in_n_units_after_a_first_is_a_duration(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.temporal.language import load_language

    monkeypatch.setitem(load_language("en").meta, "span_cues", ["first", "not"])
    found = extract("It was the first such visit to the country in 24 years.", "2024-06-19", "en")
    assert [(m.text, m.type, m.value) for m in found] == [("24 years", "DURATION", "P24Y")]
    found = extract("The bridge will reopen in 2 years.", "2024-06-19", "en")
    assert [(m.type, m.value) for m in found] == [("DATE", "2026")]


def test_direction_at_reads_the_nearest_verb_or_lead_word() -> None:
    from timeline.temporal import direction_at

    text = "Le ministre a averti que les renforts pourraient arriver dès dimanche. Il y a un an, rien."
    assert direction_at(text, text.index("dimanche"), DCT) == "future"
    assert direction_at(text, text.index("averti"), DCT) == "past"
    assert direction_at("Rien ici.", 3, DCT) is None


@pytest.mark.parametrize("text,phrase,value", [
    # a reporting clause across a comma does not give the date its tense
    ("Les négociations reprendront mardi, a indiqué la diplomatie turque.", "mardi", "2024-10-22"),
    ("L'échange de prisonniers aura lieu dimanche, ont annoncé les autorités.", "dimanche", "2024-10-20"),
    ("Lundi, a-t-il rappelé, les frappes ont visé Kharkiv.", "Lundi", "2024-10-14"),
    # "depuis" points back whatever the verb
    ("L'accord doit libérer les céréales bloquées dans les ports depuis la fin février.", "fin février", "2024-02"),
    ("Le pont restera fermé, comme il l'est depuis la mi-août.", "mi-août", "2024-08"),
    ("Les livraisons reprendront, interrompues depuis l'été.", "l'été", "2024-SU"),
    # an irregular past participle right before the date: what already happened
    ("Le pont Antonivsky, détruit le 12 octobre, ne sera pas reconstruit avant des années.", "le 12 octobre", "2024-10-12"),
    ("La ville, reprise le 3 septembre, sera déminée au printemps.", "le 3 septembre", "2024-09-03"),
    ("Les otages, enlevés en août, seront échangés.", "août", "2024-08"),
    # the conditionnel passé of what should have been
    ("Le scrutin aurait dû se tenir le 31 mars.", "le 31 mars", "2024-03-31"),
    # what was done in view of a date points to it, when it is near
    ("Le ministre s'est rendu à Kiev en amont du sommet du 1er novembre.", "1er novembre", "2024-11-01"),
    ("Kiev a renforcé la sécurité à l'approche de la Toussaint, le 1er novembre.", "le 1er novembre", "2024-11-01"),
])
def test_the_words_next_to_a_date_decide_its_direction(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


@pytest.mark.parametrize("text,clock", [
    ("Dans la nuit de jeudi à vendredi, vers 2 h 30, une frappe a touché Kharkiv.", "2024-10-18T02:30"),
    ("Cette nuit, peu après 4 h, les sirènes ont retenti à Kiev.", "2024-10-18T04:00"),
    ("Dans la nuit de jeudi à vendredi, vers 23 h, une frappe a touché Kharkiv.", "2024-10-17T23:00"),
])
def test_the_small_hours_of_a_night_are_the_next_day(text: str, clock: str) -> None:
    assert [m.value for m in extract(text, DCT, "fr")] == ["2024-10-17TNI", clock]


@pytest.mark.parametrize("text,clock", [
    # the midnight told after an evening is the one that ends it; other hours stay on its day
    ("Jeudi soir, des tirs près d'Avdiïvka. À minuit, le président a adressé ses vœux.", "2024-10-18T00:00"),
    ("Jeudi soir, des tirs près d'Avdiïvka. À 21 h, le président a parlé.", "2024-10-17T21:00"),
])
def test_midnight_after_an_evening_ends_it(text: str, clock: str) -> None:
    assert [m.value for m in extract(text, DCT, "fr")] == ["2024-10-17TEV", clock]


def test_hours_later_count_from_the_last_clock() -> None:
    text = "L'alerte, déclenchée à 6 h 50, a été levée deux heures plus tard."
    assert [(m.text, m.value) for m in extract(text, DCT, "fr")] == [("6 h 50", "2024-10-18T06:50"),
                                                                    ("deux heures", "2024-10-18T08:50")]
    assert [m.value for m in extract("Ils se sont revus environ une heure plus tard.", DCT, "fr")] == ["PT1H"]


@pytest.mark.parametrize("text,value", [
    ("Quatre morts dans une frappe sur Kharkiv dans la nuit.", "2024-10-17TNI"),  # a headline: the night gone
    ("Alerte aérienne cette nuit sur toute l'Ukraine.", "2024-10-17TNI"),
    ("Des coupures d'électricité sont prévues cette nuit.", "2024-10-18TNI"),  # announced: the night ahead
])
def test_a_night_without_a_verb_is_the_one_just_gone(text: str, value: str) -> None:
    assert [m.value for m in extract(text, DCT, "fr")] == [value]


def test_a_night_told_of_is_the_one_before_the_day_of_the_saying() -> None:
    text = "Dans la nuit, 80 drones ont été abattus, a indiqué samedi l'armée de l'air."
    assert [m.value for m in extract(text, "2024-10-21", "fr")] == ["2024-10-18TNI", "2024-10-19"]


@pytest.mark.parametrize("text,expected", [
    ("Les coupures iront de 9 h à 18 h dans les régions de l'Est mardi.",
     [("9 h", "2024-10-22T09:00"), ("18 h", "2024-10-22T18:00"), ("mardi", "2024-10-22")]),
    ("Les sirènes ont retenti à 6 h. Mardi, le calme est revenu.",  # another sentence: not its day
     [("6 h", "2024-10-18T06:00"), ("Mardi", "2024-10-15")]),
    ("9 h 15 : les secours fouillent les décombres depuis mardi.",  # a live blog's post time
     [("9 h 15", "2024-10-18T09:15"), ("mardi", "2024-10-15")]),
])
def test_a_clock_is_on_the_day_its_clause_names_after_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in extract(text, DCT, "fr")] == expected


def test_a_weekday_that_ends_a_span_lies_after_its_start() -> None:
    text = "Moscou a décrété un cessez-le-feu de samedi 20 heures à lundi 6 heures."
    assert [(m.text, m.value) for m in extract(text, "2025-05-10", "fr")] == [
        ("samedi 20 heures", "2025-05-10T20:00"), ("lundi 6 heures", "2025-05-12T06:00")]
    text = "Moscou a décrété un cessez-le-feu de samedi à 20 heures à lundi à 6 heures."
    assert [(m.text, m.value) for m in extract(text, "2025-05-10", "fr")] == [
        ("samedi", "2025-05-10"), ("20 heures", "2025-05-10T20:00"),
        ("lundi", "2025-05-12"), ("6 heures", "2025-05-12T06:00")]  # the clock moves with its day


def test_ages_of_two_people_are_not_durations() -> None:
    text = "Les deux otages, âgés de 19 et 23 ans, ont été libérés jeudi."
    assert [m.text for m in extract(text, DCT, "fr")] == ["jeudi"]


@pytest.mark.parametrize("text,phrase,value,mod", [
    ("Les inscriptions sont ouvertes à partir du 4 novembre.", "4 novembre", "2024-11-04", "AFTER"),
    ("Aucune décision n'est attendue avant le 15 décembre.", "le 15 décembre", "2024-12-15", "BEFORE"),
    ("Le couvre-feu est levé après 22 h.", "22 h", "2024-10-18T22:00", "AFTER"),
])
def test_signal_words_give_a_mod_and_stay_outside(text: str, phrase: str, value: str | None, mod: str) -> None:
    m = one(text, phrase)
    assert m.mod == mod
    assert value is None or m.value == value


@pytest.mark.parametrize("text,phrase,value", [
    ("Le colis, posté le 03 11 2023, n'est jamais arrivé.", "le 03 11 2023", "2023-11-03"),
    ("La permanence sera fermée jusqu'au 31/10.", "31/10", "2024-10-31"),
])
def test_numeric_days_without_slashes_or_year(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


@pytest.mark.parametrize("text", ["Appelez le 01 45 67 89 00.", "Un service disponible 24/7.", "Il a obtenu 15/20."])
def test_numbers_that_look_like_dates_are_not(text: str) -> None:
    assert not [m for m in extract(text, DCT, "fr") if m.type == "DATE"]


@pytest.mark.parametrize("text,expected", [
    ("Le ministre recevra les syndicats demain à 9 h 30.", [("demain", "2024-10-19"), ("9 h 30", "2024-10-19T09:30")]),
    ("La réunion aura lieu samedi à 9 h 30.", [("samedi", "2024-10-19"), ("9 h 30", "2024-10-19T09:30")]),
    ("Le blessé est arrivé mardi vers 21 h 45.", [("mardi", "2024-10-15"), ("21 h 45", "2024-10-15T21:45")]),
    ("Le couvre-feu court depuis samedi 17 h.", [("samedi 17 h", "2024-10-12T17:00")]),
    ("Le dernier tir a eu lieu à 4 h mardi.", [("4 h mardi", "2024-10-15T04:00")]),
])
def test_a_day_and_its_clock_linked_by_a_word_are_two_timex3(text: str, expected: list[tuple[str, str]]) -> None:
    """As French TimeBank annotates "samedi à 8 h", "hier vers 18 h" (TimeML keeps a preposition
    out of a TIMEX3): the day, then the clock dated by it; side by side, one TIME ("4 h mardi")."""
    assert [(m.text, m.value) for m in extract(text, DCT, "fr")] == expected


def test_a_clock_before_a_day_with_its_part_of_day() -> None:
    m = one("Le vote est prévu à 4 h demain après-midi.", "4 h demain après-midi")
    assert m.value == "2024-10-19T16:00"


@pytest.mark.parametrize("text,phrase,value", [
    ("Les écoles rouvriront après la journée de la Toussaint.", "la journée de la Toussaint", "2024-11-01"),
    ("Une procession est prévue le matin de Pâques.", "le matin de Pâques", "2025-04-20TMO"),
    ("Le 9 octobre, un accord ; le jour précédent, une frappe sur Odessa.", "le jour précédent", "2024-10-08"),
    # the edge of the current period, as the tense points (written on the 18th)
    ("La conférence se tiendra au début du mois.", "début du mois", "2024-11"),
    ("Les prix ont baissé au début du mois.", "début du mois", "2024-10"),
])
def test_holiday_parts_previous_day_and_period_edges(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


def test_shortly_before_is_before() -> None:
    m = one("Les premières explosions ont retenti peu avant 4 heures.", "4 heures")
    assert (m.value, m.mod) == ("2024-10-18T04:00", "BEFORE")


@pytest.mark.parametrize("text,phrase,value", [
    ("Le 3 mars, les troupes ont franchi le fleuve ; le 16, elles étaient à Kherson.", "le 16", "2024-03-16"),
    ("Le conseil municipal se réunira le 24 à 18 h.", "le 24", "2024-10-24"),
])
def test_a_day_of_the_month_alone(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


def test_an_address_number_is_not_a_day() -> None:
    assert not extract("Les pompiers sont intervenus au 12, rue Victor-Hugo.", DCT, "fr")


def test_a_clock_with_its_time_zone_is_read_in_the_publication_zone() -> None:
    text = "Le cessez-le-feu est entré en vigueur à 10 heures, heure de Moscou."
    found = extract(text, "2024-10-18T12:00:00+02:00", "fr")
    assert [(m.text, m.value) for m in found] == [("10 heures, heure de Moscou", "2024-10-18T09:00")]
    assert [m.value for m in extract("Le vote s'achève à 18 h GMT.", "2024-10-18T09:00:00+02:00", "fr")] \
        == ["2024-10-18T20:00"]


@pytest.mark.parametrize("text,phrase,value", [
    ("Dès mardi, les blindés avaient franchi la frontière.", "mardi", "2024-10-15"),
    ("Des renforts dès mardi ?", "mardi", "2024-10-22"),
])
def test_des_points_ahead_only_when_no_verb_says_otherwise(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


@pytest.mark.parametrize("text,dct,expected", [
    # ce qui a été décidé, proposé ou prévu est après l'acte, dans la demi-année
    ("Le Parlement a décidé d'organiser des élections le 25 mai.", "2014-02-22", [("le 25 mai", "2014-05-25")]),
    ("Poutine a répondu en proposant des pourparlers directs à Istanbul le 15 mai.", "2025-05-11",
     [("le 15 mai", "2025-05-15")]),
    ("Il devait mener une marche contre la guerre dimanche.", "2015-02-28", [("dimanche", "2015-03-01")]),
    # au-delà d'une demi-année, le projet a déjà eu lieu
    ("Les députés ont décidé de tenir un référendum le 8 septembre.", "2024-10-16", [("le 8 septembre", "2024-09-08")]),
    # pas un projet : le jour de la proposition elle-même
    ("Il a proposé lundi un cessez-le-feu.", "2024-10-16", [("lundi", "2024-10-14")]),
])
def test_a_date_in_a_plan_lies_ahead_of_it(text: str, dct: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in extract(text, dct, "fr")] == expected


def test_a_day_of_an_earlier_sentence_does_not_date_a_clock_whose_tense_points_away() -> None:
    text = ("Zelensky se rendra mercredi à Washington, son premier voyage depuis le début de la guerre "
            "il y a 300 jours. Il doit rencontrer Joe Biden à 14 h puis s'adresser au Congrès dans la soirée.")
    assert [(m.text, m.value) for m in extract(text, "2022-12-21", "fr")] == [
        ("mercredi", "2022-12-21"), ("il y a 300 jours", "2022-02-24"), ("14 h", "2022-12-21T14:00"),
        ("la soirée", "2022-12-21TEV")]


def test_hours_later_count_from_a_clock_told_before_its_day() -> None:
    text = "Le premier missile a frappé à 22 h dimanche. Deux heures plus tard, un second a touché l'immeuble."
    assert [(m.text, m.value) for m in extract(text, "2024-10-22", "fr")] == [
        ("22 h dimanche", "2024-10-20T22:00"), ("Deux heures", "2024-10-21T00:00")]


@pytest.mark.parametrize("text,dct,expected", [
    # the part of the day falls on the last day named on the side of the DCT the tense says
    ("Réunis lundi à l'Élysée, ils se sont engagés à se revoir dans quatre mois. Les discussions "
     "se sont prolongées tard dans la soirée.", "2019-12-10",
     [("lundi", "2019-12-09", None), ("dans quatre mois", "2020-04-10", None), ("la soirée", "2019-12-09TEV", "END")]),
    ("Les frappes ont repris tôt dans la matinée.", "2024-10-18", [("la matinée", "2024-10-18TMO", "START")]),
    ("Une déclaration est attendue plus tard dans la soirée.", "2024-10-18", [("la soirée", "2024-10-18TEV", None)]),
])
def test_late_and_early_in_a_part_of_the_day(text: str, dct: str, expected: list) -> None:
    assert [(m.text, m.value, m.mod) for m in extract(text, dct, "fr")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    ("Kiev a demandé aux autorités locales de fermer les écoles jusqu'à mardi.", "2018-03-02", [("mardi", "2018-03-06")]),
    ("La trêve devait courir de vendredi midi à samedi minuit.", "2023-01-08",
     [("vendredi midi", "2023-01-06T12:00"), ("samedi minuit", "2023-01-07T24:00")]),
    ("La commission a confirmé vendredi la tenue le 10 septembre d'élections locales.", "2023-06-02",
     [("vendredi", "2023-06-02"), ("le 10 septembre", "2023-09-10")]),
    ("Le Parlement a décidé d'organiser une élection présidentielle anticipée le 25 mai.", "2014-02-25", [("le 25 mai", "2014-05-25")]),
    ("La rencontre s'est achevée peu après minuit.", "2016-10-20", [("minuit", "2016-10-20T00:00")]),
    ("À l'occasion du Jour de l'indépendance, jeudi, des chars détruits ont été exposés.", "2023-08-24",
     [("Jour de l'indépendance", "2023-08-24"), ("jeudi", "2023-08-24")]),
    # how long, not how old: what lasts ("un cinquième mandat de six ans"), against a person's age
    ("Il entame un cinquième mandat de six ans.", "2024-03-18", [("six ans", "P6Y")]),
    ("Parmi eux, un enseignant de 58 ans originaire de Melitopol.", "2024-01-16", []),
    ("L'échange concerne les prisonniers âgés de moins de 25 ans.", "2025-06-02", []),
])
def test_plans_minuit_labels_and_ages(text: str, dct: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in extract(text, dct, "fr")] == expected


@pytest.mark.parametrize("text,expected", [
    ("Les Ukrainiens voyagent sans visa depuis dimanche minuit.", [("dimanche minuit", "2017-06-11T00:00")]),
    ("La trêve a pris fin samedi minuit.", [("samedi minuit", "2017-06-10T24:00")]),
])
def test_minuit_qui_ouvre_ou_ferme_son_jour(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in extract(text, "2017-06-11", "fr")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    ("Le pont de Crimée a été endommagé tôt lundi.", "2023-07-17", [("tôt lundi", "2023-07-17", "START")]),
    ("La précédente session, les 19-20 février, avait été écourtée.", "2026-03-02",
     [("19", "2026-02-19", None), ("20 février", "2026-02-20", None)]),
    ("Le premier versement est attendu au premier semestre de l'an prochain.", "2024-10-02",
     [("premier semestre de l'an prochain", "2025-H1", None)]),
    ("Les écoles accueillent les élèves un jour sur deux.", "2024-09-10", [("un jour sur deux", "P2D", None)]),
    ("Une réunion de suivi est envisagée le 19/07 à Genève.", "2024-06-20", [("le 19/07", "2024-07-19", None)]),
    ("Le Parlement a avancé au 30 mars le référendum.", "2014-03-03", [("30 mars", "2014-03-30", None)]),
])
def test_wire_audit_families(text: str, dct: str, expected: list) -> None:
    assert [(m.text, m.value, m.mod) for m in extract(text, dct, "fr")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    ("Un cessez-le-feu est entré en vigueur à 0 h 01 dans la nuit de dimanche à lundi.", "2020-07-27",
     [("0 h 01 dans la nuit de dimanche à lundi", "2020-07-27T00:01", None)]),
    ("Toute réclamation doit être déposée avant le 2024-07-05.", "2024-06-19", [("2024-07-05", "2024-07-05", "BEFORE")]),
    ("Le comédien de 41 ans entend dissoudre la Rada.", "2019-04-22", []),
])
def test_small_hours_of_a_night_a_bound_and_an_age(text: str, dct: str, expected: list) -> None:
    assert [(m.text, m.value, m.mod) for m in extract(text, dct, "fr")] == expected



@pytest.mark.parametrize("text,dct,expected", [
    # une date sans année est de l'année de la publication ou à quelques semaines d'elle, pas
    # à onze mois de l'autre côté, quel que soit le temps du verbe
    ("Zelensky s'est dit prêt à rencontrer Poutine à Istanbul le 2 mai.", "2024-04-29", [("le 2 mai", "2024-05-02")]),
    ("Annoncée pour le 27 décembre puis reportée, la réunion pourrait se tenir mi-janvier.", "2024-12-30",
     [("le 27 décembre", "2024-12-27"), ("mi-janvier", "2025-01")]),
    # dans l'année de la publication, le temps du verbe décide
    ("L'armée russe est entrée dans Koupiansk en février.", "2024-12-20", [("février", "2024-02")]),
    # un rendez-vous fixé au présent passif est à venir, et l'année du récit ne le retient pas
    ("Les ministres ont échangé mercredi, et un sommet est convoqué dimanche à Bruxelles.", "2025-02-27",
     [("mercredi", "2025-02-26"), ("dimanche", "2025-03-02")]),
    ("Le 24 février 2022, la guerre commençait. Une conférence des bailleurs est prévue en mai.", "2025-02-27",
     [("Le 24 février 2022", "2022-02-24"), ("mai", "2025-05")]),
])
def test_a_date_without_its_year_lies_near_the_publication(text: str, dct: str, expected: list) -> None:
    assert [(m.text, m.value) for m in extract(text, dct, "fr")] == expected


def test_a_day_closing_a_span_does_not_date_a_later_part_of_the_day() -> None:
    text = ("Les ministres se réunissent de mardi à jeudi à Bruxelles. "
            "Une déclaration commune est attendue dans la soirée.")
    assert [(m.text, m.value) for m in extract(text, "2024-07-09", "fr")] == [
        ("mardi", "2024-07-09"), ("jeudi", "2024-07-11"), ("la soirée", "2024-07-09TEV")]


@pytest.mark.parametrize("text,dct,expected", [
    ("La trêve, convenue mercredi à Minsk, entrera en vigueur samedi.", "2017-06-22",
     [("mercredi", "2017-06-21"), ("samedi", "2017-06-24")]),
    ("Les livraisons commenceront au premier semestre 2024, puis reprendront au troisième trimestre.", "2023-12-28",
     [("premier semestre 2024", "2024-H1"), ("troisième trimestre", "2024-Q3")]),
    ("Le contrat de transit expirait le 31 décembre à minuit.", "2024-12-30",
     [("le 31 décembre", "2024-12-31"), ("minuit", "2024-12-31T24:00")]),
    ("Il a repris le travail après une pause de 48 heures.", "2024-12-30", [("48 heures", "PT48H")]),
])
def test_official_texts_families(text: str, dct: str, expected: list) -> None:
    assert [(m.text, m.value) for m in extract(text, dct, "fr")] == expected


def _read(text: str, dct: str, lang: str) -> list[tuple]:
    """(text, value) of each mention, with its mod when it has one."""
    return [(m.text, m.value, m.mod) if m.mod else (m.text, m.value) for m in extract(text, dct, lang)]


@pytest.mark.parametrize("text,dct,lang,expected", [
    # "il y a trente ans" is the story's own time: the date it introduces starts the story
    ("Il y a trente ans, le 26 avril 1986, le réacteur explosait. Les autorités ont attendu le 28 avril pour "
     "reconnaître l'accident.", "2016-04-26", "fr",
     [("Il y a trente ans", "1986"), ("le 26 avril 1986", "1986-04-26"), ("le 28 avril", "1986-04-28")]),
    # a season named with its year starts a story; a January inside the winter told is the next year's
    ("À l'été 2022, les obus tombent. Pendant l'hiver, la ville se vide : il restait mille habitants en janvier.",
     "2023-05-22", "fr", [("l'été 2022", "2022-SU"), ("l'hiver", "2022-WI"), ("janvier", "2023-01")]),
    # "depuis" / "since" a date: a state reaching the DCT frames nothing after it
    ("La hryvnia a perdu les deux tiers de sa valeur depuis février 2014. Le FMI, qui a débloqué en mars un plan, "
     "table sur un rebond.", "2015-12-31", "fr", [("février 2014", "2014-02"), ("mars", "2015-03")]),
    ("In the summer of 2014, the fighting arrived. She has rarely left her cellar since January.", "2016-09-18",
     "en", [("the summer of 2014", "2014-SU"), ("January", "2016-01")]),
    ("It is the largest war in Europe since 1945; by the autumn, Russia had lost much of what it seized.",
     "2023-01-01", "en", [("1945", "1945", "AFTER"), ("the autumn", "2022-FA", "BEFORE")]),
    # "cet hiver" is the DCT's winter, whatever story was told before
    ("Au cours de l'hiver 2022-2023, les frappes visaient les transformateurs. Cet hiver, des quartiers ont été "
     "privés d'électricité.", "2026-01-15", "fr", [("l'hiver 2022-2023", "2022-WI"), ("Cet hiver", "2025-WI")]),
    # the year the text last named: "cette année-là", "la même année", "of that year", "précédent"
    ("Ils ont quitté Marioupol le 16 mars 2022. Cette année-là, ils ont vécu à Lviv. L'année suivante, le fils "
     "s'est engagé.", "2025-08-24", "fr",
     [("le 16 mars 2022", "2022-03-16"), ("Cette année-là", "2022"), ("L'année suivante", "2023")]),
    ("In 1991, he backed independence; on December 1 of that year, he was elected. Three years later, he lost.",
     "2022-05-11", "en", [("1991", "1991"), ("December 1 of that year", "1991-12-01"), ("Three years later", "1994")]),
    ("Le 1er décembre 1991, le référendum confirmait la déclaration adoptée le 24 août précédent. Le 8 décembre, "
     "l'URSS a pris fin.", "2021-11-30", "fr",
     [("Le 1er décembre 1991", "1991-12-01"), ("le 24 août précédent", "1991-08-24"), ("Le 8 décembre", "1991-12-08")]),
    # habits of a season or a day of the year are sets
    ("Elle revenait à Kharkiv chaque été ; il ira à Simferopol, comme chaque 18 mai.", "2018-05-18", "fr",
     [("chaque été", "XXXX-SU"), ("chaque 18 mai", "XXXX-05-18")]),
    ("The choir has sung it every winter since 1991.", "2022-12-23", "en",
     [("every winter", "XXXX-WI"), ("1991", "1991", "AFTER")]),
    # ages are not durations; idioms of "lendemain" are not days
    ("À 54 ans, il se présente aux législatives. Sa mère avait 81 ans. Il est mort à Moscou, à 91 ans.",
     "2019-07-17", "fr", []),
    ("Des familles ont tout perdu du jour au lendemain ; la percée est restée sans lendemain.", "2023-12-28", "fr", []),
    ("Le 24 février 2022, j'étais à Kiev. J'y étais arrivée l'avant-veille.", "2023-02-23", "fr",
     [("Le 24 février 2022", "2022-02-24"), ("l'avant-veille", "2022-02-22")]),
    ("Overnight Saturday to Sunday, Olha sat in a metro station. 'At 3 a.m., the boys were asleep,' she said.",
     "2023-10-30", "en", [("Overnight Saturday to Sunday", "2023-10-28TNI"), ("3 a.m.", "2023-10-29T03:00")]),
])
def test_long_form_families(text: str, dct: str, lang: str, expected: list) -> None:
    assert _read(text, dct, lang) == [tuple(e) for e in expected]


@pytest.mark.parametrize("text,dct,lang,expected", [
    # the definite article before a bare weekday says a habit; the clocks of a habit are sets too
    ("L'épicerie, ouverte le mardi et le vendredi de 14 h à 17 h, tient le coup.", "2020-04-30", "fr",
     [("mardi", "XXXX-WXX-2"), ("vendredi", "XXXX-WXX-5"), ("14 h", "XXXX-XX-XXT14:00"), ("17 h", "XXXX-XX-XXT17:00")]),
    ("Dons reçus à la pharmacie du lundi au samedi de 9 h à 19 h.", "2014-06-27", "fr",
     [("lundi", "XXXX-WXX-1"), ("samedi", "XXXX-WXX-6"), ("9 h", "XXXX-XX-XXT09:00"), ("19 h", "XXXX-XX-XXT19:00")]),
    ("La médiathèque propose chaque mardi à 15 h une lecture de contes. Samedi à 10 h, une fête aura lieu.",
     "2022-11-07", "fr", [("chaque mardi", "XXXX-WXX-2"), ("15 h", "XXXX-WXX-2T15:00"), ("Samedi", "2022-11-12"),
                          ("10 h", "2022-11-12T10:00")]),
    ("La chorale répète tous les jeudis soir ; elle donne des cours le samedi matin.", "2021-04-15", "fr",
     [("tous les jeudis soir", "XXXX-WXX-4TEV"), ("samedi matin", "XXXX-WXX-6TMO")]),
    ("Drop-offs are accepted every Thursday from 5 to 8 p.m.", "2014-11-20", "en",
     [("every Thursday", "XXXX-WXX-4"), ("5", "XXXX-WXX-4T17:00"), ("8 p.m.", "XXXX-WXX-4T20:00")]),
    # without clocks, "du vendredi au dimanche" is a span of dated days; "le mardi 5 mars" a day
    ("Le scrutin, étalé sur trois jours, du vendredi au dimanche, s'est achevé hier soir.", "2024-03-18", "fr",
     [("trois jours", "P3D"), ("vendredi", "2024-03-15"), ("dimanche", "2024-03-17"), ("hier soir", "2024-03-17TEV")]),
    ("Le conseil se réunira le mardi 5 mars.", "2024-02-20", "fr", [("le mardi 5 mars", "2024-03-05")]),
    # a street named after a date is an address
    ("Soirée d'information mardi 6 mai, salle polyvalente, 4 rue du 11-Novembre.", "2014-05-02", "fr",
     [("mardi 6 mai", "2014-05-06")]),
])
def test_habits_and_addresses(text: str, dct: str, lang: str, expected: list) -> None:
    assert [(m.text, m.value) for m in extract(text, dct, lang)] == expected


@pytest.mark.parametrize("text,dct,lang,expected", [
    # spoken clocks: "il est 8 heures" tells the time; "vers" approximates a clock in "heures" too
    ("Bonjour, il est 8 heures, vous écoutez la matinale.", "2022-10-30", "fr", [("8 heures", "2022-10-30T08:00")]),
    ("Les tirs ont repris vers 22 heures ; vers midi, le calme était revenu.", "2016-02-29", "fr",
     [("22 heures", "2016-02-29T22:00", "APPROX"), ("midi", "2016-02-29T12:00", "APPROX")]),
    ("La conférence commence à 11 heures, heure locale, soit 22 heures à Kiev.", "2025-08-15", "fr",
     [("11 heures, heure locale", "2025-08-15T11:00"), ("22 heures", "2025-08-15T22:00")]),
    ("Le numéro d'urgence sonne dans le vide depuis 19 heures ; les combats durent depuis 48 heures.", "2014-05-12",
     "fr", [("19 heures", "2014-05-12T19:00"), ("48 heures", "PT48H")]),
    ("Je l'ai croisé l'autre jour.", "2024-03-01", "fr", [("l'autre jour", "PAST_REF")]),
    ("I saw him the other day.", "2024-03-01", "en", [("the other day", "PAST_REF")]),
])
def test_spoken_clocks_and_vague_days(text: str, dct: str, lang: str, expected: list) -> None:
    assert _read(text, dct, lang) == [tuple(e) for e in expected]


@pytest.mark.parametrize("text,dct,lang,expected", [
    # "cette nuit" is the night of publication, whatever day the text named before
    ("Le Premier ministre menaçait encore lundi de couper le courant. Cette nuit, Kiev a été visée par des drones.",
     "2025-01-01", "fr", [("lundi", "2024-12-30"), ("Cette nuit", "2024-12-31TNI")]),
    # a date after "depuis" / "since" lies before publication, even a month away behind and weeks ahead
    ("Engagé dans la Légion depuis septembre, il rentrera en permission.", "2023-07-12", "fr",
     [("septembre", "2022-09")]),
    ("The club will reopen tomorrow for the first time since December.", "2021-05-16", "en",
     [("tomorrow", "2021-05-17"), ("December", "2020-12")]),
    # a weekday and a day number without a month: the month that makes it a near day
    ("Une soirée de soutien est organisée samedi 12 à la salle des fêtes.", "2021-06-04", "fr",
     [("samedi 12", "2021-06-12")]),
    # a clock of an evening or a night: a 12-hour clock is its late hours, the small hours the next day's
    ("Troops entered the council building last night, at about 10:30.", "2022-03-02", "en",
     [("last night", "2022-03-01TNI"), ("10:30", "2022-03-01T22:30", "APPROX")]),
    ("Drones crossed the border around 11:30 last night; it lasted until about 6:30 this morning.", "2025-09-10",
     "en", [("11:30 last night", "2025-09-09T23:30", "APPROX"), ("6:30 this morning", "2025-09-10T06:30", "APPROX")]),
    # worked "until 2 a.m." after a day named: the night that followed it
    ("Vous étiez à Genève hier, dimanche. On a travaillé jusqu'à 2 heures du matin.", "2025-11-24", "fr",
     [("hier", "2025-11-23"), ("dimanche", "2025-11-23"), ("2 heures du matin", "2025-11-24T02:00")]),
    ("Hier, la trêve a tenu jusqu'à 18 heures.", "2025-11-24", "fr",
     [("Hier", "2025-11-23"), ("18 heures", "2025-11-23T18:00")]),
    # opening hours in English: the weekdays of every week, and their clocks
    ("The box office is open Monday to Saturday, 10am-4pm.", "2022-06-10", "en",
     [("Monday", "XXXX-WXX-1"), ("Saturday", "XXXX-WXX-6"), ("10am", "XXXX-XX-XXT10:00"),
      ("4pm", "XXXX-XX-XXT16:00")]),
])
def test_nights_sinces_and_hours(text: str, dct: str, lang: str, expected: list) -> None:
    assert _read(text, dct, lang) == [tuple(e) for e in expected]


@pytest.mark.parametrize("text,dct,lang,expected", [
    # a live blog's entry time is the time of its post, on the day of publication
    ("8.30am: Kyiv remains under curfew until 8am on Monday. 4.40pm: Putin orders nuclear forces on alert.",
     "2022-02-27", "en", [("8.30am", "2022-02-27T08:30"), ("8am", "2022-02-28T08:00", "BEFORE"),
                          ("Monday", "2022-02-28"), ("4.40pm", "2022-02-27T16:40")]),
    ("9 h 40 : Les délégations, réunies hier à Genève, ont révisé le plan. 10 h 25 : Kiev se montre plus souple.",
     "2025-11-24", "fr", [("9 h 40", "2025-11-24T09:40"), ("hier", "2025-11-23"), ("10 h 25", "2025-11-24T10:25")]),
    # hours said with their day; a range of clock hours
    ("La Russie a lancé 86 drones entre 18 heures mercredi et 8 heures ce jeudi.", "2026-01-01", "fr",
     [("18 heures mercredi", "2025-12-31T18:00"), ("8 heures ce jeudi", "2026-01-01T08:00")]),
    ("L'appel était prévu entre 16 heures et 18 heures.", "2025-03-18", "fr",
     [("16 heures", "2025-03-18T16:00"), ("18 heures", "2025-03-18T18:00")]),
    # shortly after / before bound the date; early / late say its start / end
    ("Les tirs ont commencé peu après 19 heures.", "2016-10-19", "fr", [("19 heures", "2016-10-19T19:00", "AFTER")]),
    ("More than 30 missiles were fired early this morning.", "2022-03-13", "en",
     [("this morning", "2022-03-13TMO", "START")]),
    ("La solde est garantie au plus tard le 5 mai.", "2024-03-01", "fr", [("le 5 mai", "2024-05-05", "BEFORE")]),
    # vague references of spoken and live reporting
    ("Je l'ai eu au téléphone tout à l'heure. Le sommet s'ouvre tout à l'heure.", "2023-07-11", "fr",
     [("tout à l'heure", "PAST_REF"), ("tout à l'heure", "FUTURE_REF")]),
    ("Les navires pourraient partir d'ici à quelques semaines.", "2022-07-22", "fr",
     [("d'ici à quelques semaines", "FUTURE_REF")]),
    ("Sirens are sounding at the time of writing; the last few days were calmer.", "2022-02-24", "en",
     [("at the time of writing", "PRESENT_REF"), ("the last few days", "PAST_REF")]),
    # compound counts and halves
    ("L'accord vaut pour cent vingt jours ; l'appel a duré une heure et demie, les frappes une demi-heure.",
     "2022-07-22", "fr", [("cent vingt jours", "P120D"), ("une heure et demie", "PT1H30M"),
                          ("une demi-heure", "PT30M")]),
    ("It happened forty-four years ago.", "2024-05-29", "en", [("forty-four years ago", "1980")]),
    # ages are no durations
    ("Maria a fêté ses 100 ans ; une dame de 82 ans m'a dit qu'elle attendait ça. Atelier dès 6 ans.",
     "2020-06-16", "fr", []),
])
def test_live_blogs_hours_and_counts(text: str, dct: str, lang: str, expected: list) -> None:
    assert _read(text, dct, lang) == [tuple(e) for e in expected]


TERMS = [
    # a term set by a past act runs until a date ahead of it
    ("La loi martiale a été prolongée dimanche jusqu'au 23 août.", "2022-05-23", "fr",
     [("dimanche", "2022-05-22"), ("23 août", "2022-08-23")]),
    ("Le ministre a indiqué lundi que la solde était garantie jusqu'en juin.", "2026-03-03", "fr",
     [("lundi", "2026-03-02"), ("juin", "2026-06")]),
    ("The central bank banned banks from selling currency until September 9.", "2022-03-09", "en",
     [("September 9", "2022-09-09")]),
    # what lasted until a date ended there
    ("Les combats ont duré jusqu'en juin.", "2026-03-03", "fr", [("juin", "2025-06")]),
    ("The truce held until September 9.", "2022-03-09", "en", [("September 9", "2021-09-09")]),
    # a deadline given in the present: "ont jusqu'à mercredi" is no past verb
    ("Les familles ont jusqu'à mercredi pour s'inscrire.", "2022-07-09", "fr", [("mercredi", "2022-07-13")]),
    # what a text or a term schedules, in the present, lies ahead
    ("Le paquet a été publié ce vendredi et entre en vigueur dès samedi.", "2022-06-03", "fr",
     [("ce vendredi", "2022-06-03"), ("samedi", "2022-06-04")]),
    ("Le moratoire, accordé il y a deux ans, expire en août.", "2024-03-30", "fr",
     [("il y a deux ans", "2022"), ("août", "2024-08")]),
    ("La Bourse restera fermée mardi.", "2022-02-28", "fr", [("mardi", "2022-03-01")]),
    ("Producers agreed on Saturday to cut output by a combined 558,000 bpd from January 1.", "2016-12-12", "en",
     [("Saturday", "2016-12-10"), ("January 1", "2017-01-01")]),
]


SPANS = [
    # the end of a span lies after its start, "entre … et" as "du … au"
    ("Les États réduiront leur consommation entre le 1er août et le 31 mars.", "2022-07-21", "fr",
     [("le 1er août", "2022-08-01"), ("le 31 mars", "2023-03-31")]),
    ("Un accord sur le gaz a été paraphé pour la saison, d'octobre à fin mars.", "2015-10-01", "fr",
     [("octobre", "2015-10"), ("fin mars", "2016-03", "END")]),
    ("Trêve du 20 décembre au 5 janvier 2023.", "2022-12-01", "fr",
     [("20 décembre", "2022-12-20"), ("5 janvier 2023", "2023-01-05")]),
    # months of a past act are over
    ("Ukrenergo has repaired the substations damaged between October and February.", "2023-11-14", "en",
     [("October", "2022-10"), ("February", "2023-02")]),
    ("Fighting raged between Saturday and Monday.", "2024-05-10", "en", [("Saturday", "2024-05-04"), ("Monday", "2024-05-06")]),
]


ANCHORED_YEARS = [
    # "N ans après <an event>" is how long, unless the words end the phrase
    ("Seize ans après Bucarest, l'Alliance refuse toujours de donner une date.", "2024-07-12", "fr",
     [("Seize ans", "P16Y")]),
    ("Les Vingt-Sept ont décidé jeudi d'ouvrir des négociations, dix-huit mois après lui avoir accordé le statut.",
     "2023-12-15", "fr", [("jeudi", "2023-12-14"), ("dix-huit mois", "P18M")]),
    # years counted from the last point told, a season included; decades and terms
    ("In the autumn of 2013, he walked away. The following spring, he had fled. The same year, Kyiv signed. "
     "Eight years on, Ukraine is hoping.", "2022-06-10", "en",
     [("the autumn of 2013", "2013-FA"), ("The following spring", "2014-SP"), ("The same year", "2014"),
      ("Eight years on", "2022")]),
    ("On December 8, 1991, the leaders met. Three decades on, Putin is massing troops.", "2021-12-08", "en",
     [("December 8, 1991", "1991-12-08"), ("Three decades on", "2021")]),
    ("Le 25 décembre 1991, Gorbatchev démissionnait. Un quart de siècle plus tard, Poutine le regrette.",
     "2016-12-26", "fr", [("Le 25 décembre 1991", "1991-12-25"), ("Un quart de siècle plus tard", "2016")]),
    # a date set by a past act lies ahead
    ("Le Parlement a voté ce samedi sa destitution et fixé une présidentielle anticipée au 25 mai.", "2014-02-22",
     "fr", [("ce samedi", "2014-02-22"), ("25 mai", "2014-05-25")]),
    ("Sweden finally looks set to join by the end of the year.", "2023-07-13", "en",
     [("the end of the year", "2023", "END")]),
    # the verb before a date governs it rather than one at the same distance after it
    ("NATO leaders wrapped up their summit in Vilnius on Wednesday by telling Ukraine it will be invited.",
     "2023-07-13", "en", [("Wednesday", "2023-07-12")]),
]


SCHEDULES = [
    # the hours of a standing schedule, in a sentence naming no day, are any day's
    ("À Odessa, le couvre-feu s'applique toujours de 23 h à 5 h.", "2023-03-26", "fr",
     [("23 h", "XXXX-XX-XXT23:00"), ("5 h", "XXXX-XX-XXT05:00")]),
    ("Crossing points will be open from 7 a.m. to 6 p.m.", "2016-02-29", "en",
     [("7 a.m.", "XXXX-XX-XXT07:00"), ("6 p.m.", "XXXX-XX-XXT18:00")]),
    # a day named makes them that day's
    ("Le couvre-feu s'appliquera de 17 heures ce samedi jusqu'à 8 heures lundi matin.", "2022-02-26", "fr",
     [("17 heures ce samedi", "2022-02-26T17:00"), ("8 heures lundi matin", "2022-02-28T08:00")]),
    # without schedule words, hours of the day of publication
    ("Les tirs ont duré de 8 heures à 10 heures.", "2023-09-04", "fr",
     [("8 heures", "2023-09-04T08:00"), ("10 heures", "2023-09-04T10:00")]),
    # ages of people are no durations; an irregular past tense points back
    ("Les restrictions pour les hommes russes de 16 à 60 ans restent en vigueur.", "2018-12-27", "fr", []),
    ("Kyiv residents spent much of the weekend in shelters.", "2025-05-27", "en", [("the weekend", "2025-W21-WE")]),
]


DEADLINES = [
    # a deadline: at the latest then (TIMEX3 mod BEFORE), as "avant le 5 juillet"
    ("Le vote final est prévu d'ici le 1er décembre.", "2017-11-14", "fr", [("le 1er décembre", "2017-12-01", "BEFORE")]),
    ("Les alliés consacreront 5 % de leur PIB à la défense d'ici 2035.", "2025-06-25", "fr", [("2035", "2035", "BEFORE")]),
    ("The EU plans to end its reliance on Russian fuels by 2027.", "2022-05-18", "en", [("2027", "2027", "BEFORE")]),
    # "by the end of": the end, one mod; a vague "d'ici à quelques semaines" stays a reference
    ("Sweden looks set to join by the end of the year.", "2023-07-13", "en", [("the end of the year", "2023", "END")]),
    ("Les navires pourraient partir d'ici à quelques semaines.", "2022-07-22", "fr",
     [("d'ici à quelques semaines", "FUTURE_REF")]),
]


HOURS = [
    # the hour the clocks moved by is how long; the night stays a night
    ("Bonjour, on a gagné une heure cette nuit.", "2022-10-30", "fr",
     [("une heure", "PT1H"), ("cette nuit", "2022-10-29TNI")]),
    # hours coordinated with a clock are clocks too, unless they measure something
    ("On nous a dit midi et demi, puis 14 heures.", "2022-02-28", "fr",
     [("midi et demi", "2022-02-28T12:30"), ("14 heures", "2022-02-28T14:00")]),
    ("Il est 9 heures, ou 10 heures si vous n'avez pas reculé votre réveil.", "2025-10-26", "fr",
     [("9 heures", "2025-10-26T09:00"), ("10 heures", "2025-10-26T10:00")]),
    ("Les bureaux fermeront à 20 h, et une heure de sommeil en moins pour les assesseurs.", "2019-03-31", "fr",
     [("20 h", "2019-03-31T20:00"), ("une heure", "PT1H")]),
    # a length told in two units, largest first; otherwise two lengths
    ("Ils étaient là depuis le 1er avril, cinq mois et dix jours.", "2022-09-12", "fr",
     [("le 1er avril", "2022-04-01"), ("cinq mois et dix jours", "P5M10D")]),
    ("They were sentenced to between 18 months and four years in prison.", "2026-03-29", "en",
     [("18 months", "P18M"), ("four years", "P4Y")]),
]


NIGHTS = [
    # the morning after a night told is the next day's
    ("Le pont a été endommagé dans la nuit de dimanche à lundi. Le trafic a repris dans la matinée.", "2023-07-17",
     "fr", [("dans la nuit de dimanche à lundi", "2023-07-16TNI"), ("la matinée", "2023-07-17TMO")]),
    # "since midnight" reaches the DCT, whatever day an earlier sentence named
    ("La trêve décrétée le 9 décembre a réduit les tirs. Depuis minuit, deux attaques ont été signalées.",
     "2014-12-31", "fr", [("le 9 décembre", "2014-12-09"), ("minuit", "2014-12-31T00:00")]),
    # a midnight something begins at opens its day
    ("Leaders agreed on a ceasefire to begin at midnight on February 15.", "2015-02-12", "en",
     [("midnight", "2015-02-15T00:00"), ("February 15", "2015-02-15")]),
]


CHRONOLOGIES = [
    # a text that names the week as a whole recounts it: its entries' weekdays are gone by,
    # whatever tense their headlines are in
    ("Le bilan de la semaine. Lundi : Kiev annonce un échange de prisonniers. Jeudi : l'UE adopte "
     "un paquet de sanctions.", "2024-06-16", "fr",
     [("la semaine", "2024-W24"), ("Lundi", "2024-06-10"), ("Jeudi", "2024-06-13")]),
    ("The week at a glance. Tuesday: Kyiv pledges new reforms. Saturday: talks resume in Riyadh.",
     "2025-03-09", "en", [("The week", "2025-W10"), ("Tuesday", "2025-03-04"), ("Saturday", "2025-03-08")]),
    # a year in a heading frames the entries below it, even the DCT's year; a future verb looks ahead
    ("Bilan 2021. 12 février : Kiev ferme trois chaînes. 8 novembre : la crise migratoire éclate. Le 7 "
     "décembre, Biden et Poutine se parleront.", "2021-12-02", "fr",
     [("2021", "2021"), ("12 février", "2021-02-12"), ("8 novembre", "2021-11-08"),
      ("Le 7 décembre", "2021-12-07")]),
    ("The year 2016 in review. March: the first flights resume. June: the Rada votes the budget.",
     "2017-01-02", "en", [("The year 2016", "2016"), ("March", "2016-03"), ("June", "2016-06")]),
    # a chronology told in the present moves on into the next year
    ("La crise du blé, étape par étape. Juillet 2022 : l'accord est signé à Istanbul. Mars : il est "
     "prolongé de soixante jours. Le 17 juillet, Moscou s'en retire.", "2023-07-20", "fr",
     [("Juillet 2022", "2022-07"), ("Mars", "2023-03"), ("soixante jours", "P60D"),
      ("Le 17 juillet", "2023-07-17")]),
    # but a past tense may look back: the story's year holds
    ("Le 24 février 2022, la Russie a envahi l'Ukraine. En janvier, Washington avait prévenu Kiev.",
     "2024-10-18", "fr", [("Le 24 février 2022", "2022-02-24"), ("janvier", "2022-01")]),
    # a stamp is on the day its heading or the entry before it named
    ("Samedi 4 mai, le fil. 6 h 10 : les sirènes retentissent à Kharkiv. 9 h 45 : le maire fait état "
     "de deux blessés.", "2024-05-06", "fr",
     [("Samedi 4 mai", "2024-05-04"), ("6 h 10", "2024-05-04T06:10"), ("9 h 45", "2024-05-04T09:45")]),
    # a text that opens with a stamp has no heading: its stamps are the DCT's
    ("8 h 30 : la coupure touchera Kharkiv mardi. 9 h 15 : le courant revient à Odessa.", "2024-05-06", "fr",
     [("8 h 30", "2024-05-06T08:30"), ("mardi", "2024-05-07"), ("9 h 15", "2024-05-06T09:15")]),
]


NOUN_DAYS = [
    # a weekday that says which one of a noun's kind is the nearest, whatever the clause's verb
    ("Les résultats du scrutin de dimanche seront publiés jeudi.", "2021-06-14", "fr",
     [("dimanche", "2021-06-13"), ("jeudi", "2021-06-17")]),
    ("Le vainqueur de l'élection municipale de mardi prendra ses fonctions en janvier.", "2022-11-10", "fr",
     [("mardi", "2022-11-08"), ("janvier", "2023-01")]),
    ("Markets rallied after Sunday's runoff, and the new cabinet will be named soon.", "2023-05-30", "en",
     [("Sunday", "2023-05-28"), ("soon", "FUTURE_REF")]),
    # "de lundi à mercredi" is a span, not a noun's day
    ("Les bureaux resteront ouverts de lundi à mercredi.", "2021-06-19", "fr",
     [("lundi", "2021-06-21"), ("mercredi", "2021-06-23")]),
    # a day a schedule is drawn up for lies ahead
    ("The court set the next hearing for Monday at 2 p.m.", "2021-06-19", "en",
     [("Monday", "2021-06-21"), ("2 p.m.", "2021-06-21T14:00")]),
]


LENGTHS = [
    # "N units after" / "on" counts from the text's last date only where it ends its phrase
    ("She was sentenced to eight years on fraud charges.", "2021-06-19", "en", [("eight years", "P8Y")]),
    ("The line was repaired five days after crews reached it.", "2021-06-19", "en", [("five days", "P5D")]),
    ("The dam burst on June 6, 2023. Two years on, the riverbed is a forest.", "2025-06-06", "en",
     [("June 6, 2023", "2023-06-06"), ("Two years on", "2025")]),
    # lengths said with a word between the count and its unit, or with no count
    ("Flows stopped for five consecutive days, and another month of talks began.", "2021-06-19", "en",
     [("five consecutive days", "P5D"), ("another month", "P1M")]),
    ("Rebuilding the substation could take months.", "2021-06-19", "en", [("months", "PXM")]),
    # « de quatre heures » after a noun or a participle is a length, not a clock
    ("Des coupures par tranches de quatre heures, et une réunion retardée de deux heures.", "2021-06-19", "fr",
     [("quatre heures", "PT4H"), ("deux heures", "PT2H")]),
    # a range of lengths is two lengths, the unit said once
    ("Il encourt entre 5 et 12 ans de réclusion.", "2021-06-19", "fr", [("5", "P5Y"), ("12 ans", "P12Y")]),
    ("The bill raises the term from 3 to 8 years.", "2021-06-19", "en", [("3", "P3Y"), ("8 years", "P8Y")]),
]


COURTS = [
    # a hearing adjourned, a decree extending, a deal guaranteeing "until" a date: ahead of the act
    ("The judge adjourned the trial until Monday.", "2021-06-17", "en", [("Monday", "2021-06-21")]),
    ("Le Parlement a voté mardi un texte prolongeant l'état d'urgence jusqu'au 4 septembre.", "2021-06-17", "fr",
     [("mardi", "2021-06-15"), ("4 septembre", "2021-09-04")]),
    ("Kiev a signé un accord garantissant le transit jusqu'en janvier.", "2021-10-21", "fr",
     [("janvier", "2022-01")]),
    ("The lawyers said they needed until October to read the file.", "2021-06-17", "en", [("October", "2021-10")]),
    # "is due" looks ahead
    ("The ruling is due on Friday.", "2021-06-16", "en", [("Friday", "2021-06-18")]),
    # a date ending a phrase "depuis" opens began before, whatever the clause's verb
    ("Le Parlement siégera à 10 h, une première depuis l'élection de son président en avril.", "2021-09-02", "fr",
     [("10 h", "2021-09-02T10:00"), ("avril", "2021-04")]),
]

SEASON_KINDS = [
    # a season naming a kind of thing is no date: "winter wheat", « blé de printemps »
    ("Farmers in Poltava sowed winter barley and spring-sown oats this autumn.", "2019-10-08", "en",
     [("this autumn", "2019-FA")]),
    ("The volunteers collected summer clothes and winter boots in May.", "2019-06-20", "en", [("May", "2019-05")]),
    ("Les coopératives manquent de semences de printemps, et l'orge d'hiver a gelé en février.", "2019-03-11", "fr",
     [("février", "2019-02")]),
]

PRESENTS = [
    # a present keeps its own clause's tense: a reporting verb after a comma does not make it past
    ("Le Conseil européen se réunit jeudi à Bruxelles, a indiqué la présidence.", "2019-03-19", "fr",
     [("jeudi", "2019-03-21")]),
    ("L'hiver s'installe dans le Donbass, où la neige est tombée mardi.", "2019-12-05", "fr",
     [("L'hiver", "2019-WI"), ("mardi", "2019-12-03")]),
    # the present of a calendar looks ahead when near: "the Senate returns on Monday"
    ("The exhibition opens on Thursday in Lviv, organisers said.", "2019-03-19", "en", [("Thursday", "2019-03-21")]),
    ("The House has not voted since March, and the Senate reconvenes on Monday.", "2019-04-24", "en",
     [("March", "2019-03"), ("Monday", "2019-04-29")]),
    # ... but a chronology told in the present keeps its months
    ("Looking back at 2018. March: the embassy reopens. November: the Kerch Strait incident.", "2018-12-28", "en",
     [("2018", "2018"), ("March", "2018-03"), ("November", "2018-11")]),
    # a clause joined with a subject of its own does not take the tense of the clause before it
    ("La grêle a détruit les vergers, et les arboriculteurs replantent avant l'hiver.", "2021-08-10", "fr",
     [("l'hiver", "2021-WI", "BEFORE")]),
    # "espèrent", "s'avèrent" are presents, not the passé simple "arrivèrent"
    ("Les maires espèrent une réponse vendredi.", "2019-03-19", "fr", [("vendredi", "2019-03-22")]),
]

BOUNDED_LENGTHS = [
    # a length bounded before or after it: "up to", « jusqu'à » (not a clock), « au maximum », "or more"
    ("Queues at the border can last up to 30 hours.", "2022-03-02", "en", [("up to 30 hours", "PT30H", "EQUAL_OR_LESS")]),
    ("The repairs could take three weeks or more.", "2022-03-02", "en", [("three weeks or more", "P3W", "EQUAL_OR_MORE")]),
    ("L'examen des dossiers prend jusqu'à trois semaines.", "2022-03-02", "fr",
     [("jusqu'à trois semaines", "P3W", "EQUAL_OR_LESS")]),
    ("Les délestages peuvent durer jusqu'à six heures, et deux heures au maximum dans les hôpitaux.", "2022-11-02",
     "fr", [("jusqu'à six heures", "PT6H", "EQUAL_OR_LESS"), ("deux heures au maximum", "PT2H", "EQUAL_OR_LESS")]),
    ("Le magasin reste ouvert jusqu'à 8 heures.", "2022-11-02", "fr", [("8 heures", "2022-11-02T08:00")]),
]

COMPARISONS = [
    # "N units earlier than …", « plus tôt que … » compare two moments: a length, and the other
    # moment keeps no bound
    ("Schools will open on Monday, a week earlier than planned.", "2023-08-23", "en",
     [("Monday", "2023-08-28"), ("a week", "P1W")]),
    ("Le couvre-feu commencera à 22 h, une heure plus tôt que la semaine dernière.", "2023-08-23", "fr",
     [("22 h", "2023-08-23T22:00"), ("une heure", "PT1H"), ("la semaine dernière", "2023-W33")]),
    ("Les récoltes ont débuté dix jours plus tard que l'an dernier.", "2023-08-23", "fr",
     [("dix jours", "P10D"), ("l'an dernier", "2022")]),
]

HABITS = [
    # every day of a list is a habit; "every July"; « quotidien » after a noun
    ("Buses leave every Monday, Wednesday and Friday.", "2023-08-23", "en",
     [("Monday", "XXXX-WXX-1"), ("Wednesday", "XXXX-WXX-3"), ("Friday", "XXXX-WXX-5")]),
    ("The book fair has been held every September since 1994.", "2023-08-23", "en",
     [("every September", "XXXX-09"), ("1994", "1994", "AFTER")]),
    ("Les colis partent tous les lundis et jeudis.", "2023-08-23", "fr", [("lundis", "XXXX-WXX-1"), ("jeudis", "XXXX-WXX-4")]),
    ("L'état-major publie un bilan quotidien, repris par le quotidien Kyiv Post.", "2023-08-23", "fr",
     [("quotidien", "P1D")]),
]

PLANS = [
    # a plan told as made before lies ahead within half a year, else it is the one gone by
    ("The concert, originally scheduled for May 3, was cancelled.", "2023-08-23", "en", [("May 3", "2023-05-03")]),
    ("Le scrutin, initialement prévu en octobre, a été avancé à juillet.", "2023-05-10", "fr",
     [("octobre", "2023-10"), ("juillet", "2023-07")]),
    # the present plural of a calendar, a term that "runs until", a state that will "stay closed until"
    ("Power cuts return to Kharkiv on Saturday, officials said.", "2023-11-22", "en", [("Saturday", "2023-11-25")]),
    ("The exhibition opens on Friday and runs until February 10.", "2023-11-22", "en",
     [("Friday", "2023-11-24"), ("February 10", "2024-02-10")]),
    ("The museum will stay closed until the end of March.", "2024-02-13", "en", [("the end of March", "2024-03", "END")]),
    # a hope looks ahead, and a participle opening an apposition is past
    ("Les maires espèrent rouvrir les écoles en septembre.", "2024-03-12", "fr", [("septembre", "2024-09")]),
    ("La famille, arrivée en septembre, espère obtenir l'asile d'ici l'été.", "2024-01-03", "fr",
     [("septembre", "2023-09"), ("l'été", "2024-SU", "BEFORE")]),
]

WEEKS_TOLD = [
    # a week named as a whole, other than the DCT's: the days it lists without a tense are its own
    ("Programme de la semaine à venir : lundi, conseil des ministres ; jeudi, visite à Varsovie.", "2024-06-16",
     "fr", [("la semaine à venir", "2024-W25"), ("lundi", "2024-06-17"), ("jeudi", "2024-06-20")]),
    ("Week ahead: Tuesday, EU leaders in Brussels; Friday, G7 call.", "2024-06-16", "en",
     [("Week ahead", "2024-W25"), ("Tuesday", "2024-06-18"), ("Friday", "2024-06-21")]),
    ("Agenda, week of June 24: NATO ministers, Wednesday.", "2024-06-16", "en",
     [("week of June 24", "2024-W26"), ("Wednesday", "2024-06-26")]),
    # a tensed weekday keeps its tense; « l'hiver qui vient » is the coming one
    ("La semaine prochaine sera chargée. Lundi, le ministre a reçu son homologue.", "2024-06-19", "fr",
     [("La semaine prochaine", "2024-W26"), ("Lundi", "2024-06-17")]),
    ("Les habitants redoutent l'hiver qui vient.", "2024-11-20", "fr", [("l'hiver qui vient", "2024-WI")]),
]

CALENDARS = [
    # the present of a calendar looks ahead within half a year, in French too
    ("Les Jeux paralympiques, qui s'ouvrent vendredi, dureront onze jours.", "2024-08-24", "fr",
     [("vendredi", "2024-08-30"), ("onze jours", "P11D")]),
    ("L'Assemblée des États parties, qui se réunit en décembre, devra trancher.", "2024-09-03", "fr",
     [("décembre", "2024-12")]),
    ("Moscow's proposal to hold talks in Istanbul on Thursday was rejected.", "2025-05-11", "en",
     [("Thursday", "2025-05-15")]),
    # a participle opening an apposition is past
    ("Le traité, signé en mars, entrera en vigueur en janvier.", "2024-06-12", "fr",
     [("mars", "2024-03"), ("janvier", "2025-01")]),
    # « à partir de 18 heures » is a clock; « ce délai de trois ans » a length; parts of a century
    ("Le cessez-le-feu s'appliquera à partir de 18 heures.", "2024-06-12", "fr",
     [("18 heures", "2024-06-12T18:00", "AFTER")]),
    ("Ce délai de trois ans suffira-t-il ?", "2024-06-12", "fr", [("trois ans", "P3Y")]),
    ("The treaty, signed after more than half a century of rivalry, ended weeks of haggling.", "2024-06-12", "en",
     [("more than half a century", "P50Y", "MORE_THAN"), ("weeks", "PXW")]),
    ("The currency lost a fifth of its value in a single day.", "2024-06-12", "en", [("a single day", "P1D")]),
    # the futur antérieur of a review looks back; « aura lieu » still looks ahead
    ("L'année aura surtout été marquée par la contre-offensive de juin.", "2023-12-30", "fr", [("juin", "2023-06")]),
    ("Le sommet aura lieu en juin.", "2023-12-30", "fr", [("juin", "2024-06")]),
]


@pytest.mark.parametrize("text,dct,lang,expected", TERMS + SPANS + ANCHORED_YEARS + SCHEDULES + DEADLINES + HOURS + NIGHTS + CHRONOLOGIES
                         + NOUN_DAYS + LENGTHS + COURTS + SEASON_KINDS + PRESENTS + BOUNDED_LENGTHS + COMPARISONS
                         + HABITS + PLANS + WEEKS_TOLD + CALENDARS)
def test_families_the_four_newer_held_out_sets_exposed(text: str, dct: str, lang: str, expected: list) -> None:
    """Terms, spans, anchored years, standing schedules, deadlines, hours, nights, chronologies,
    noun days and lengths, each written as a sentence of our own (bench/README, 2026-11-25)."""
    assert _read(text, dct, lang) == [tuple(e) for e in expected]
