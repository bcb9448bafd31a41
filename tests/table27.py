"""A regional table of 27 partners (seven municipalities, seven corporations, care and welfare)."""

from __future__ import annotations

MUNICIPALITIES = ["Gemeente Arnhem", "Gemeente Ede", "Gemeente Renkum", "Gemeente Rheden", "Gemeente Rozendaal",
                  "Gemeente Wageningen", "Gemeente Zevenaar"]
CORPORATIONS = ["Woonstichting Ede", "Vivare", "Volkshuisvesting Arnhem", "Portaal", "Idealis", "Woonstede",
                "Talis"]
CARE = ["Zorggroep Oost", "Pro Persona", "Siza", "Riwis Zorg", "Iriszorg", "GGD Gelderland-Zuid"]
WELFARE = ["Rijnstad", "Mozaiek Welzijn", "Stichting Welzijn Rheden", "Solidez", "Welzijn Ede",
           "Humanitas Arnhem", "Vluchtelingenwerk"]
PARTNERS = MUNICIPALITIES + CORPORATIONS + CARE + WELFARE
GROUPS = {"gemeenten": MUNICIPALITIES, "corporaties": CORPORATIONS, "zorg": CARE, "welzijn": WELFARE}
SHORT = {"Gemeente Arnhem": "Arnhem", "Gemeente Ede": "Ede gem", "Volkshuisvesting Arnhem": "VHA"}
PARTICIPANTS = ("Anna@Gemeente Arnhem:alliance manager", "Bram@Zorggroep Oost", "Cem@Woonstede",
                "Dewi@Gemeente Ede", "Eva@Rijnstad")


def make_table(store, shelf, lang: str = "en", date: str = "2026-11-20", guide: str = "procesregie") -> str:
    """Prepare a session at the table of 27 partners, with short names and groups; its id."""
    from workshop.core.making.prepare import Plan, prepare_session
    from workshop.core.model import Participant, PartnerCard

    cards = {name: PartnerCard(name, SHORT.get(name, ""), [], group)
             for group, names in GROUPS.items() for name in names}
    plan = Plan(collaboration="Regiodeal Arnhem-Ede", guide=shelf.get(guide), partners=list(PARTNERS),
                participants=[Participant.parse(p) for p in PARTICIPANTS], lang=lang, date=date, cards=cards)
    return prepare_session(store, plan)
