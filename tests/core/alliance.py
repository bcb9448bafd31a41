"""A failing alliance over three sessions, built through the public API (shared by the tests of
the comparison and of its html page)."""

from __future__ import annotations

from datetime import date

from workshop.core.session import LiveSession

ALLIANCE = "Pact voor de Wijk"
PARTNERS = ("Gemeente", "Zorggroep", "Woonstede", "Welzijn")
PEOPLE = ("Anna@Gemeente", "Bram@Zorggroep", "Cem@Woonstede", "Dina@Welzijn")
TODAY = date(2026, 11, 20)
AMBITION = "Samen zorgen we dat elk gezin in de wijk snel de juiste hulp krijgt."
AMBITION_NEW = "Ieder doet wat hij kan; we delen wat nodig is om gezinnen te helpen."
# first wording, second session's, third session's
RISK = ("Onduidelijk wie het risico draagt als het budget overschreden wordt",
        "Het financiële risico bij overschrijding van het budget is niet geregeld",
        "financieel risico bij budgetoverschrijding ligt nog altijd niet vast")
WAITING = ("Wachtlijsten in de jeugdzorg lopen op",
           "Jeugdzorg: de wachtlijst wordt steeds langer",
           "wachttijden jeugdhulp nemen toe")
MEETINGS = ("Te veel overleggen zonder besluiten",
            "Overleg levert geen besluiten op",
            "We vergaderen veel maar besluiten weinig")
PRIVACY = "Privacyregels belemmeren het delen van cliëntgegevens"


def run_session(store, session_id: str, fill) -> None:
    live = LiveSession(store.open_session(session_id))
    try:
        fill(live)
        live.close()
    finally:
        live.release()


def give_scores(live: LiveSession, item: str, values: tuple[int, ...]) -> None:
    for partner, value in zip(live.partners, values):
        live.score("interaction", item, partner, value)


def _carried(live: LiveSession, text: str) -> str:
    return next(a.uid for a in live.carried if a.text == text)


def _exploration(live: LiveSession) -> None:
    live.revise("ambition", AMBITION, agreed=True)
    for text in (RISK[0], WAITING[0], MEETINGS[0], PRIVACY):
        live.add("pains", text)  # verkenning's sensitive issues are its pain points step
    give_scores(live, "threshold", (4, 4, 4, 3))  # 3.75
    give_scores(live, "listening", (3, 3, 3, 3))
    live.assign("actions", "Risicoverdeling op papier zetten", "Gemeente", "2025-12-20")
    live.assign("actions", "Wachtlijstcijfers delen", "Zorggroep", "2026-01-15")
    live.assign("actions", "Agenda van de stuurgroep herzien", "Woonstede", "2026-12-01")


def _procesregie(live: LiveSession) -> None:
    live.mark("review", _carried(live, "Wachtlijstcijfers delen"), "done")
    live.mark("review", _carried(live, "Risicoverdeling op papier zetten"), "open")
    for text in (RISK[1], WAITING[1], MEETINGS[1]):
        live.add("pains", text, "Gemeente")
    live.assign("roles", "Kwartiermaker(s)", "Eva", "elke twee weken", row="rows-3")
    live.set_consent("consent", "Zorggroep", "clientenraad", "to_request")
    give_scores(live, "threshold", (2, 2, 3, 2))  # 2.25
    give_scores(live, "listening", (3, 3, 3, 3))
    live.assign("actions", "Besluitenlijst bijhouden", "Welzijn", "1-3-2026")


def _last(live: LiveSession) -> None:
    live.mark("review", _carried(live, "Kwartiermaker(s)"), "done")  # still valid
    live.mark("review", next(a.uid for a in live.carried if a.kind == "consent"), "done")
    live.revise("ambition", AMBITION_NEW)  # saved, never agreed: contested
    for text in (RISK[2], WAITING[2], MEETINGS[2]):
        live.add("pains", text, "Zorggroep")
    give_scores(live, "threshold", (1, 2, 1, 2))  # 1.5
    give_scores(live, "listening", (3, 3, 3, 2))  # one partner one point down: noise


def build_alliance(store, make_session, lang: str = "nl") -> dict[str, str]:
    """Verkenning, procesregie, procesregie: the threshold 3.75 → 2.25 → 1.5, three pain points
    reworded every time, a late action, a contested ambition."""
    people = {"partners": PARTNERS, "participants": PEOPLE, "collaboration": ALLIANCE, "lang": lang}
    ids = {"first": make_session(guide="verkenning", date="2025-12-01", **people)}
    run_session(store, ids["first"], _exploration)
    ids["second"] = make_session(date="2026-05-01", **people)
    run_session(store, ids["second"], _procesregie)
    ids["third"] = make_session(date="2026-11-01", **people)
    run_session(store, ids["third"], _last)
    return ids
