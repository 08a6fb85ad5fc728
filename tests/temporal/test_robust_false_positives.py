"""Things that look like dates but are not (RELIABILITY.md §D3): no DATE or TIME comes out.

Sentences written for this test in the register of war news; each hides a
month name, a number, an ordinal or a slash that a naive tagger reads as a date.
"""

from __future__ import annotations

import pytest

from timeline.temporal import extract

NOT_DATES_FR = [
    "La sonde s'est posée sur Mars après un voyage de sept mois dans l'espace.",
    "La planète Mars est visible à l'œil nu depuis l'hémisphère Nord.",
    "Le 1er ministre ukrainien a rencontré ses homologues européens à Bruxelles.",
    "Le 1er régiment de parachutistes a été déployé près de la frontière.",
    "L'équipe de Kharkiv s'est imposée 3-1 face au Chakhtar Donetsk.",
    "Les experts donnent la note de 7/10 au nouveau plan de paix.",
    "La résolution 2270 du Conseil de sécurité visait déjà le programme nucléaire nord-coréen.",
    "Le texte s'appuie sur la résolution 1325 adoptée à l'unanimité.",
    "Le soldat, âgé de 19 ans, a été blessé près de Bakhmout.",
    "Une femme de 82 ans a été évacuée du village en ruines.",
    "Ce sont pas moins de 12.000 hommes qui pourraient arriver en Russie.",
    "Près de 2 000 soldats auraient été acheminés par la voie ferrée.",
    "L'Ukraine réclame davantage de F-16 pour protéger son espace aérien.",
    "Un obus de 152 mm a touché un immeuble d'habitation.",
    "Les canons Caesar tirent des obus de 155 mm à plus de 40 km.",
    "Le Mai Lan, un cargo battant pavillon vietnamien, a quitté le port d'Odessa.",
    "Le plan de victoire de Zelensky compte cinq points et trois annexes secrètes.",
    "L'inflation a atteint 12,5 % selon la banque centrale ukrainienne.",
    "Près de 30 % des infrastructures énergétiques ont été détruites.",
    "Le bataillon Azov compte environ 2 500 combattants selon Kiev.",
    "La route M-03 reliant Kharkiv à Sloviansk a été coupée.",
    "Le missile Kh-101 a été intercepté par la défense antiaérienne.",
    "Le char T-72 reste le plus répandu dans l'armée russe.",
    "Le vol MH17 a été abattu au-dessus du Donbass par un missile Bouk.",
    "Les 27 États membres ont approuvé un prêt de 35 milliards d'euros.",
    "Le G7 s'est engagé à verser 50 milliards de dollars à Kiev.",
    "L'article 5 du traité de l'Atlantique Nord prévoit une défense collective.",
    "La centrale de Zaporijjia compte 6 réacteurs de 950 mégawatts.",
    "Le drone Shahed-136 a une portée de 2 500 km.",
    "Les sondages créditent le parti de 24,3 % des intentions de vote.",
    "La ligne de front s'étend sur 1 200 km, de Kherson à Kharkiv.",
    "Le numéro d'urgence 112 est saturé depuis les bombardements.",
    "Il a purgé une peine à la colonie pénitentiaire n° 6 de Melekhovo.",
    "Le convoi de 40 camions transporte 300 tonnes d'aide humanitaire.",
    "Kim Jong Un a inspecté l'usine de munitions numéro 3.",
    "Les séparatistes ont tiré 14 roquettes Grad sur la ville.",
    "Un sondage de 1 000 personnes donne 54 contre 46 pour la poursuite des combats.",
]


NOT_DATES_EN = [
    "Thousands of protesters march on the parliament in Kyiv.",
    "Prices may fall further if the blockade continues.",
    "The fall of Bakhmut was a turning point for the Wagner group.",
    "May I ask the minister a question?",
    "Theresa May spoke to President Zelensky by phone.",
    "Ukraine asked for more F-16 jets and Patriot batteries.",
    "Resolution 2231 endorsed the nuclear deal.",
    "A 152 mm shell hit a residential building.",
    "About 12,000 troops could be deployed near the border.",
    "Nearly 2000 soldiers crossed the river.",
    "Dynamo Kyiv won 3-1 against Shakhtar.",
    "Analysts rated the peace plan 7/10.",
    "The soldier, aged 19, was wounded near Avdiivka.",
    "A 45-year-old woman was evacuated from the village.",
    "The front line stretches for 1,200 km.",
    "The Su-34 bomber was shot down over the Donbas.",
    "Flight 752 was shot down shortly after take-off.",
    "Article 5 of the North Atlantic Treaty provides for collective defence.",
    "The G7 pledged 50 billion dollars to Kyiv.",
    "The Zaporizhzhia plant has 6 reactors of 950 megawatts.",
    "Inflation reached 12.5 percent according to the central bank.",
    "The convoy of 40 trucks carried 300 tonnes of aid.",
    "Turnout reached 64 percent in the second round.",
]


@pytest.mark.parametrize("lang,text", [("fr", t) for t in NOT_DATES_FR] + [("en", t) for t in NOT_DATES_EN])
def test_no_date_in_sentences_that_only_look_like_dates(lang, text):
    found = [(m.text, m.type, m.value) for m in extract(text, "2024-10-18", lang=lang)
             if m.type in ("DATE", "TIME")]
    assert found == [], text


def test_the_set_is_large_enough():
    assert len(NOT_DATES_FR) >= 30
