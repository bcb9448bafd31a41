"""A made-up collaboration with two earlier sessions, so a newcomer can explore in the first minute,
and its next meeting prepared for today: open, carrying what the earlier two agreed, ready to run
with the keyboard and with phones (F8).

Everything is written through the real `LiveSession` API, as a facilitator would have done it:
choices, statements and their revisions, sticky notes, dots, roles, consent, the interaction
scale (a little better the second time) and actions that come back for review.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from workshop.core.guides import GuideShelf, load_shelf
from workshop.core.machine import clock
from workshop.core.making.prepare import Plan, prepare_session
from workshop.core.model import Participant
from workshop.core.session import LiveSession
from workshop.core.store import Store

COLLABORATION = "Jeugdnetwerk Rivierstad (demo)"
PARTNERS = ["Gemeente Rivierstad", "Zorggroep De Linde", "Woonstichting Thuis", "Basisschool De Regenboog"]
PARTICIPANTS = [
    "Anja de Vries@Gemeente Rivierstad:alliantiemanager",
    "Eva Mulder@Gemeente Rivierstad",
    "Bram Jansen@Zorggroep De Linde:kwartiermaker",
    "Carla Bakker@Woonstichting Thuis:alliantiemanager",
    "Dirk Smit@Basisschool De Regenboog:directeur",
]
GEM, ZORG, WOON, SCHOOL = PARTNERS


class _Clock:
    """Meeting time for the demo: each step takes a few minutes."""

    def __init__(self, day: date) -> None:
        self.now = float((day - date(1970, 1, 1)).days * 86400 + 9.5 * 3600)

    def __call__(self) -> float:
        return self.now

    def spend(self, minutes: float) -> None:
        self.now += minutes * 60


def make_demo(store: Store, shelf: GuideShelf | None = None, today: date | None = None,
              next_meeting: bool = True) -> list[str]:
    """Create the demo collaboration: two closed sessions and (`next_meeting`) the next one,
    prepared for today and not yet held; returns their ids, oldest first."""
    shelf = shelf or load_shelf()
    today = today or clock.today()
    first = _session(store, shelf, today - timedelta(days=84), "Startbijeenkomst", _first_meeting)
    second = _session(store, shelf, today - timedelta(days=28), "Tweede bijeenkomst", _second_meeting)
    if not next_meeting:
        return [first, second]
    # As `workshop new` prepares it: the ambition, pilot and statement agreed, the actions to review.
    return [first, second, prepare_session(store, _plan(shelf, today, "Derde bijeenkomst"))]


def _plan(shelf: GuideShelf, day: date, title: str) -> Plan:
    return Plan(collaboration=COLLABORATION, guide=shelf.get("procesregie"), partners=list(PARTNERS),
                participants=[Participant.parse(p) for p in PARTICIPANTS], lang="nl", title=title,
                date=day.isoformat(), facilitator="Marieke (procesbegeleider)")


def _session(store: Store, shelf: GuideShelf, day: date, title: str, fill) -> str:
    session_id = prepare_session(store, _plan(shelf, day, title))
    clock = _Clock(day)
    live = LiveSession(store.open_session(session_id), clock=clock)
    try:
        fill(live, clock)
        live.close()
    finally:
        live.release()
    return session_id


def _due(clock: _Clock, days: int) -> str:
    """A date `days` after the meeting, as the facilitator would type it."""
    return (date(1970, 1, 1) + timedelta(seconds=clock()) + timedelta(days=days)).isoformat()


def _step(live: LiveSession, clock: _Clock, step_id: str, minutes: float) -> None:
    live.go_to(step_id)
    clock.spend(minutes)


SCORES_FIRST = {  # item -> scores of the four partners
    "questions": (3, 2, 3, 3), "listening": (3, 3, 2, 4), "honesty": (2, 2, 3, 2), "uncomfortable": (2, 1, 2, 2),
    "humour": (4, 3, 4, 4), "goodwill": (3, 2, 3, 3), "contact": (2, 2, 1, 2), "threshold": (2, 2, 2, 3),
}
SCORES_SECOND = {
    "questions": (4, 3, 4, 4), "listening": (4, 4, 3, 4), "honesty": (3, 3, 3, 3), "uncomfortable": (3, 2, 3, 3),
    "humour": (4, 4, 4, 5), "goodwill": (4, 3, 4, 4), "contact": (3, 3, 3, 2), "threshold": (3, 3, 4, 3),
}


MANAGERS = {"Gemeente Rivierstad": "Anja de Vries", "Woonstichting Thuis": "Carla Bakker"}  # the others: none yet
PEOPLE = [(person.split("@")[0], person.split("@")[1].split(":")[0]) for person in PARTICIPANTS]


def _scores(live: LiveSession, table: Mapping[str, tuple[int, ...]], comments: dict[tuple[str, str], str]) -> None:
    """Each participant scores (the scale is per participant); a partner's second person one point apart."""
    for item, values in table.items():
        seen: set[str] = set()
        for name, partner in PEOPLE:
            value = values[PARTNERS.index(partner)]
            if partner in seen:
                value = max(1, min(5, value + (1 if item in ("humour", "contact") else -1)))
            seen.add(partner)
            live.score("interaction", item, name, value, comments.get((item, name)))


def _first_meeting(live: LiveSession, clock: _Clock) -> None:
    _step(live, clock, "checkin", 12)  # goal, question and mandate in one round
    live.add("checkin", "Doel: een eerste pilot kiezen en afspreken wie wat trekt", GEM, "Anja de Vries")
    live.add("checkin", "Mag voorstellen doen; besluiten gaan via de wethouder", GEM, "Anja de Vries")
    live.add("checkin", "Mag besluiten tot een half jaar pilot", ZORG, "Bram Jansen")
    live.add("checkin", "Ik wil weten wat de school hier concreet aan heeft", SCHOOL, "Dirk Smit")
    live.add("checkin", "Ontbreekt: de huisartsen", ZORG, "Bram Jansen")
    _step(live, clock, "decision-rule", 2)
    live.choose("decision-rule", "achterban-first")
    _step(live, clock, "welcome", 4)  # the start of the phase: each partner says which phase it sees
    for partner, phase in zip(PARTNERS, ("delen", "delen", "delen", "verkennen")):
        live.choose("welcome", phase, partner=partner)
    live.skip("review")  # the first session has nothing to look back on
    _step(live, clock, "ambition", 12)
    live.revise("ambition", "Samen zorgen we dat kinderen in Rivierstad veilig en gezond opgroeien.")
    live.revise("ambition", "Samen zorgen we dat ieder kind in Rivierstad veilig, gezond en kansrijk opgroeit, "
                            "dicht bij huis en zonder dat ouders van loket naar loket moeten.")
    live.agree("ambition")
    _step(live, clock, "interaction", 13)
    _scores(live, SCORES_FIRST, {("uncomfortable", "Bram Jansen"): "Over geld praten we nog niet echt",
                                 ("threshold", "Dirk Smit"): "Ik bel de wijkcoach nu sneller"})
    _step(live, clock, "lower-threshold", 6)
    live.assign("lower-threshold", "Elkaars mobiele nummers delen en tussendoor bellen", "Anja de Vries",
                _due(clock, 7))
    _step(live, clock, "interests", 14)
    noted = ""  # the uid of the last position noted: a "why" is the interest behind it
    for partner, participant, level, text in [  # as typed: 'Anja: organisatie: …', 'standpunt: …', 'waarom: …'
        (GEM, "Anja de Vries", "organisation", "regie op het jeugdbeleid, met minder dure specialistische trajecten"),
        (GEM, "Anja de Vries", "", "Wens: één gezamenlijke aanpak in plaats van vier losse"),
        (ZORG, "Bram Jansen", "organisation", "eerder in beeld zijn, niet pas bij crisis"),
        (ZORG, "Bram Jansen", "person", "ik wil mijn verpleegkundigen minder laten zoeken"),
        (WOON, "Carla Bakker", "position", "wij schuiven alleen aan als het over wonen gaat"),
        (WOON, "Carla Bakker", "why", "huurachterstanden eerder bespreken, voordat er ontruimd moet worden"),
        (SCHOOL, "Dirk Smit", "collaboration", "één aanspreekpunt als er zorgen zijn over een kind"),
    ]:
        if level == "why":  # the interest behind the position just noted
            live.add("interests", text, partner, participant, item="organisation", value=noted)
        else:
            noted = live.add("interests", text, partner, participant, item=level).uid
    _step(live, clock, "break", 15)
    live.add("break", "Parkeerplaats: rol van de huisartsen", ZORG, "Bram Jansen")
    _step(live, clock, "pains", 11)
    pains = [
        (SCHOOL, "Leerkrachten weten niet wie ze moeten bellen"),
        (ZORG, "Privacyregels remmen het delen van signalen"),
        (WOON, "We horen pas van problemen als de huur maanden achterloopt"),
        (GEM, "Wachtlijsten voor specialistische jeugdhulp"),
        (ZORG, "Te veel overleggen zonder besluiten"),
    ]
    uids = [live.add("pains", text, partner).uid for partner, text in pains]
    _step(live, clock, "priorities", 5)
    for partner, picks in [(GEM, (0, 1, 3)), (ZORG, (1, 1, 4)), (WOON, (2, 2, 0)), (SCHOOL, (0, 0, 1))]:
        for index in picks:
            live.vote("priorities", uids[index], partner)
    live.skip("pilot-lessons")  # a new pilot has no lessons yet: its minutes go to the card
    _step(live, clock, "pilot", 18)
    live.revise("pilot", "Pilot 'Vroeg erbij': op twee scholen een vast aanspreekpunt van het wijkteam, "
                         "een half jaar lang.")
    live.revise("pilot", "Doel: signalen over kinderen komen eerder bij de juiste partner.\n"
                         "We testen: één aanspreekpunt op twee scholen, "
                         "en of we onze toezeggingen aan elkaar waarmaken.\n"
                         "Achterban: twee intern begeleiders en twee wijkverpleegkundigen.\n"
                         "Leervragen: hoe snel wordt een signaal opgepakt? Wat houdt het tegen?\n"
                         "Tijd en middelen: vier uur per week per aanspreekpunt, betaald uit het preventiebudget.\n"
                         "Succes: binnen twee weken contact na een signaal. "
                         "Stoppen: als de scholen het niet gebruiken.\n"
                         "Evaluatie: over zes maanden.")
    live.agree("pilot")
    _step(live, clock, "pilot-team", 3)
    live.assign("pilot-team", "Trekker van de pilot", "Bram Jansen", "", row="rows-1")
    live.assign("pilot-team", "Deelnemers uit de achterban", "Dirk Smit", "", row="rows-2")
    live.assign("pilot-team", "Lessen verzamelen en terugkoppelen", "Bram Jansen", _due(clock, 84), row="rows-4")
    _step(live, clock, "roles", 4)
    live.assign("roles", "Procesbegeleider", "Marieke (extern)", "maandelijks", row="rows-1")
    for row in live.step("roles").rows:  # one alliance manager per partner (rows-2-<partner>)
        if row.id.startswith("rows-2-") and (manager := MANAGERS.get(live.text(row.text).rpartition(" — ")[2])):
            live.assign("roles", live.text(row.text), manager, "elk kwartaal", row=row.id)
    live.assign("roles", "Kwartiermaker(s)", "Bram Jansen", "tweewekelijks", row="rows-3")
    _step(live, clock, "rhythm", 2)
    live.assign("rhythm", "Overleg leidinggevenden: voortgang van ambitie en pilot", "alle partners", "elke 6 weken",
                row="rows-1")
    _step(live, clock, "consent", 4)
    live.set_consent("consent", ZORG, "or", "to_request")
    live.set_consent("consent", ZORG, "clientenraad", "requested", _due(clock, -10))
    live.set_consent("consent", SCHOOL, "medezeggenschapsraad", "to_request")
    live.set_consent("consent", GEM, "gemeenteraad", "not_needed")
    _step(live, clock, "intentieverklaring", 5)
    live.revise("intentieverklaring", "Eens: de ambitie en de pilot 'Vroeg erbij'.\n"
                                      "Nog te regelen: privacy bij het delen van signalen; wie betaalt na de pilot.")
    _step(live, clock, "achterban", 5)
    live.assign("achterban", "Kernboodschap: we starten met een vast aanspreekpunt op twee scholen",
                "alle alliantiemanagers", _due(clock, 7))
    _step(live, clock, "next-phase", 2)
    for partner in PARTNERS:
        live.choose("next-phase", "not-yet", partner=partner)
    _step(live, clock, "actions", 5)
    live.assign("actions", "Privacyprotocol voor signalen opstellen", ZORG, _due(clock, 35))
    live.assign("actions", "Twee pilotscholen kiezen", SCHOOL, _due(clock, 21))
    live.assign("actions", "Budget pilot vrijmaken", GEM, _due(clock, 30))
    _step(live, clock, "close", 3)
    live.add("close", "Energiek", GEM, "Anja de Vries")
    live.add("close", "Eindelijk concreet", SCHOOL, "Dirk Smit")


def _second_meeting(live: LiveSession, clock: _Clock) -> None:
    _step(live, clock, "checkin", 10)
    live.add("checkin", "Doel: besluiten of de pilot wordt uitgebreid", GEM, "Anja de Vries")
    live.add("checkin", "Mag besluiten over uitbreiding binnen het budget", GEM, "Anja de Vries")
    _step(live, clock, "decision-rule", 1)
    live.choose("decision-rule", "achterban-first")
    live.skip("welcome")  # the phase is asked at the start of a phase, and at the end (next-phase)
    _step(live, clock, "review", 8)
    for index, action in enumerate(live.carried):
        live.mark("review", action.uid, ("done", "open", "done", "dropped", "open")[index % 5])
    _step(live, clock, "ambition", 6)
    live.agree("ambition")
    _step(live, clock, "interaction", 12)
    _scores(live, SCORES_SECOND, {("threshold", "Carla Bakker"): "We appen elkaar nu gewoon"})
    _step(live, clock, "lower-threshold", 5)
    live.assign("lower-threshold", "Eén keer per maand samen lunchen op een van de scholen", "Dirk Smit",
                _due(clock, 30))
    _step(live, clock, "interests", 8)
    live.add("interests", "Wens: de pilot ook op het voortgezet onderwijs", SCHOOL, "Dirk Smit")
    live.add("interests", "de wijkverpleging in het wijkteam houden, ook na de pilot", ZORG, "Bram Jansen",
             item="organisation")
    live.add("interests", "samen één huisbezoek in plaats van drie", WOON, "Carla Bakker", item="collaboration")
    _step(live, clock, "break", 15)
    _step(live, clock, "pains", 12)
    pains = [
        (SCHOOL, "Nog steeds onduidelijk wie we moeten bellen bij de tweede school"),
        (ZORG, "Privacyregels remmen het delen van signalen"),
        (GEM, "Doorlooptijd van besluiten bij de gemeente"),
    ]
    uids = [live.add("pains", text, partner).uid for partner, text in pains]
    _step(live, clock, "priorities", 5)
    for partner, picks in [(GEM, (2, 1, 1)), (ZORG, (1, 1, 0)), (WOON, (0, 0, 1)), (SCHOOL, (0, 0, 0))]:
        for index in picks:
            live.vote("priorities", uids[index], partner)
    _step(live, clock, "pilot-lessons", 5)
    live.add("pilot-lessons", "Een vast gezicht op school verlaagt de drempel voor leerkrachten", SCHOOL, "Dirk Smit")
    live.add("pilot-lessons", "Afspraak: signalen over huurachterstand gaan ook naar het wijkteam", WOON,
             "Carla Bakker")
    _step(live, clock, "pilot", 12)
    live.revise("pilot", live.agreed_statement("pilot").replace(
        "Evaluatie: over zes maanden.", "Bijgesteld: de woonconsulent sluit aan bij huurachterstand.\n"
                                        "Evaluatie: over vier maanden."))
    live.agree("pilot")
    _step(live, clock, "consent", 4)
    live.set_consent("consent", ZORG, "or", "advice_conditions", _due(clock, -7))
    live.set_consent("consent", ZORG, "clientenraad", "consent_given", _due(clock, -18))
    live.set_consent("consent", SCHOOL, "medezeggenschapsraad", "requested", _due(clock, 12))
    _step(live, clock, "intentieverklaring", 6)
    live.revise("intentieverklaring", "Eens: de ambitie, de pilot 'Vroeg erbij' en het overlegritme.\n"
                                      "Nog te regelen: wie betaalt na de pilot.")
    live.agree("intentieverklaring")
    _step(live, clock, "next-phase", 3)
    for partner, ready in zip(PARTNERS, ("ready", "almost", "ready", "almost")):
        live.choose("next-phase", ready, partner=partner)
    _step(live, clock, "actions", 5)
    live.assign("actions", "Lessen uit de pilot op één A4", "Bram Jansen", _due(clock, 42))
    live.assign("actions", "Woonconsulent aansluiten bij wijkteam", WOON, _due(clock, 21))
    _step(live, clock, "close", 3)
    live.add("close", "Het gaat ergens over", ZORG, "Bram Jansen")
