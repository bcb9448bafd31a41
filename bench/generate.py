"""A seeded generator of realistic sessions, written straight into a store.

    python bench/generate.py --sessions 1000 --contributions 200 --seed 1 [--big 500] DIR

Each collaboration gets partners, participants and a run of sessions over time (an exploring
session first, then procesregie sessions with pulse checks in between). Every prompt kind is
filled the way a meeting fills it: open notes attributed to partners, statement revisions that
start from last time's agreed text, scale scores that drift upwards (the threshold gets lower),
dots on the pain points, assign rows, consent per partner and body, the phase chosen, and a review
of what the previous session carried over (computed by the core's own `carried_from`).

The tables are built as plain dicts (the shape `Contribution.to_dict()` and `prepare_session`
produce) and each file is written in one go: generation writes into a fresh folder that is renamed
into place when complete, so it skips the per-file fsync of `write_atomically`; the catalogue is
written the store's way, with the stamps of the files, so `Store.catalogue()` trusts it.

The same seed gives the same sessions, byte for byte (only the catalogue's file stamps differ).
Generated stores are cached under bench/.cache/ keyed by the parameters and this file's source.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date as Date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop.core.guides import Guide, Step, load_shelf, step_to_dict  # noqa: E402
from workshop.core.model import ConsentStatus, PromptKind, ReviewStatus  # noqa: E402
from workshop.core.outcomes.carry import CARRIED_MARK, carried_from  # noqa: E402
from workshop.core.session import SessionView  # noqa: E402
from workshop.core.store.atomic import FILE_MODE, FOLDER_MODE, encode, write_atomically  # noqa: E402
from workshop.core.store.store import CONTRIBUTIONS, META, SCHEMA, info_from_tables  # noqa: E402

GENERATOR_VERSION = 1
CACHE = Path(__file__).resolve().parent / ".cache"

# --- words ----------------------------------------------------------------------------------

PLACES = [
    "Deventer", "Zwolle", "Apeldoorn", "Enschede", "Hengelo", "Almelo", "Kampen", "Raalte",
    "Olst-Wijhe", "Hardenberg", "Meppel", "Steenwijk", "Zutphen", "Lochem", "Epe", "Heerde",
    "Ommen", "Dalfsen", "Rijssen", "Oldenzaal", "Haaksbergen", "Borne", "Tubbergen", "Wierden",
]
THEMES = [
    "Zorg", "Jeugd Samen", "Thuis in de Wijk", "Kansrijk Opgroeien", "Samen Sterk", "Wonen en Zorg",
    "Sluitende Aanpak", "Gezond", "Werk en Inkomen", "Kindcentrum", "Ouder Worden", "Veilig Thuis",
]
PARTNER_KINDS = [
    "Gemeente {p}", "Zorggroep {p}", "Woonstede {p}", "Stichting Welzijn {p}", "GGD {p}",
    "Scholengroep {p}", "Kinderopvang {p}", "Huisartsen {p}", "Thuiszorg {p}", "Jeugdhulp {p}",
    "Woningcorporatie {p}", "Sociaal Team {p}", "Bibliotheek {p}", "MEE {p}", "Politie {p}",
    "Ggz {p}", "Werkbedrijf {p}", "Sportbedrijf {p}",
]
FIRST_NAMES = [
    "Anna", "Bram", "Cem", "Daan", "Eva", "Fatima", "Gert", "Hanneke", "Ilse", "Joris", "Karim",
    "Lotte", "Mohamed", "Noor", "Okke", "Petra", "Quinten", "Roos", "Sanne", "Tim", "Ursula",
    "Vera", "Willem", "Yara", "Zeynep", "Anouk", "Bas", "Chantal", "Dirk", "Esther", "Freek",
    "Gijs", "Hatice", "Inge", "Jan", "Kees", "Linda", "Marloes", "Nienke", "Otto", "Priya",
]
ROLES = ["", "", "alliantiemanager", "kwartiermaker", "bestuurder", "teamleider", "beleidsadviseur",
         "directeur", "projectleider"]
NOUNS = [
    "wachtlijst", "overdracht", "privacy", "financiering", "doorverwijzing", "huisbezoek", "casusoverleg",
    "wijkteam", "mantelzorg", "indicatie", "informatie-uitwisseling", "capaciteit", "personeelstekort",
    "werkdruk", "huisvesting", "schuldhulp", "signalering", "nazorg", "begeleiding", "dagbesteding",
    "jongerenwerk", "scholing", "aanbesteding", "subsidie", "regie", "achterban", "pilot", "draagvlak",
    "budget", "planning", "rapportage", "zorgpad", "wijkverpleging", "escalatie", "vertrouwen",
]
ADJECTIVES = [
    "onduidelijke", "trage", "gezamenlijke", "betere", "snelle", "vaste", "eerlijke", "korte",
    "structurele", "tijdelijke", "lokale", "regionale", "heldere", "kwetsbare", "nieuwe", "oude",
]
GROUPS = [
    "de gemeente", "de huisartsen", "het onderwijs", "de corporaties", "de wijkteams", "de zorgaanbieders",
    "de ouders", "de bewoners", "de jongeren", "de mantelzorgers", "de professionals", "het bestuur",
]
OPENERS = [
    "We missen {adj} afspraken over {noun}",
    "Te weinig zicht op {noun} bij {group}",
    "De {noun} tussen {group} en {group2} loopt niet soepel",
    "Wens: één {adj} aanpak voor {noun}",
    "Het kost te veel tijd om {noun} te regelen",
    "Pijnpunt: {adj} {noun} door {group}",
    "Graag meer ruimte voor {noun} in de wijk",
    "Wij brengen kennis van {noun} en {noun2} in",
    "Wij willen leren van {group} over {noun}",
    "Zorgen over {noun} voor {group}",
    "Kansen voor {adj} {noun} samen met {group}",
    "Onze {noun} sluit niet aan op die van {group}",
]
TAILS = [
    "", "", "", " en dat merken {group} elke week", " sinds de laatste reorganisatie",
    " vooral bij {adj} situaties", ", daar moeten we het eerlijk over hebben",
    " (zie ook de {noun} van vorig jaar)", " — wie pakt dit op?", " en het budget is krap",
]
STATEMENTS = [
    "Samen zorgen we dat {group} in {place} sneller de juiste hulp krijgen, dichtbij huis.",
    "In {place} werken we als één team aan {adj} {noun}, met {group} als vertrekpunt.",
    "We maken {noun} in {place} eenvoudiger: één plan, één regisseur, korte lijnen.",
    "Binnen twee jaar is {noun} in {place} geregeld zonder wachttijd en zonder gedoe.",
]
PILOTS = [
    "Pilot: een {adj} casusoverleg in de wijk rond {noun}, met {group} aan tafel; we testen of de korte lijnen werken.",
    "Pilot: één loket voor {noun} in {place}; we leren wat {group} nodig hebben en wat het de partners kost.",
    "Pilot: samen huisbezoeken rond {noun}; wie uit de achterban doet mee en wat leren we over de overdracht?",
]
ACTIONS = [
    "Uitnodiging sturen aan {group} over {noun}",
    "Notitie schrijven over {adj} {noun}",
    "Afspraak plannen met de {role} over {noun}",
    "Cijfers over {noun} verzamelen",
    "Voorstel voor {noun} voorleggen aan het bestuur",
    "Terugkoppelen aan de achterban over {noun}",
    "Contact leggen met {group}",
]
COMMENTS = [
    "Het gaat beter dan vorige keer.", "Nog niet iedereen durft dit te zeggen.", "Wisselend per overleg.",
    "Merkbaar verschil sinds de pilot.", "Hier moeten we aan werken.", "Goede gesprekken gehad.",
    "Lastig met de nieuwe bestuurder.", "Eerlijk gezegd: nog niet.", "Veel meer contact tussendoor.",
]
CLOSING = ["Energiek!", "Eindelijk concreet.", "Goed gesprek.", "Pittig maar eerlijk.", "Meer tijd nodig.",
           "Hoopvol.", "Prettig om elkaar weer te zien.", "Nog zoekend.", "Helder.", "Moe maar tevreden."]
RHYTHMS = ["maandelijks", "elke zes weken", "per kwartaal", "twee keer per jaar", "wekelijks", "elke twee weken"]
REVIEW_WEIGHTS = [(ReviewStatus.DONE, 5), (ReviewStatus.OPEN, 3), (ReviewStatus.DROPPED, 1)]
CONSENT_WEIGHTS = [(ConsentStatus.NOT_NEEDED, 2), (ConsentStatus.TO_REQUEST, 2), (ConsentStatus.REQUESTED, 3),
                   (ConsentStatus.ADVICE_GIVEN, 2), (ConsentStatus.CONSENT_GIVEN, 3), (ConsentStatus.REFUSED, 1)]


# --- the parameters -------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What to generate. `big` > 0 makes the newest session of the first collaboration that size;
    `wall` > 0 makes the newest of the second one hold that many in its current (open) step."""

    sessions: int
    contributions: int
    seed: int = 1
    collaborations: int = 0  # 0: about one per 20 sessions
    big: int = 0
    wall: int = 0  # > 0: the newest session of the second collaboration shows this many at once
    pulse: bool = True  # pulse checks between the big sessions (False: every session has exactly
    #                     `contributions`)

    @property
    def collaboration_count(self) -> int:
        if self.collaborations > 0:
            return min(self.collaborations, max(1, self.sessions))
        return max(1, min(self.sessions, round(self.sessions / 20)))

    def key(self) -> str:
        digest = hashlib.sha256(Path(__file__).read_bytes())
        for guide in sorted((ROOT / "sessions").glob("*.toml")):
            digest.update(guide.read_bytes())
        return (f"s{self.sessions}-c{self.contributions}-seed{self.seed}-k{self.collaboration_count}"
                f"-b{self.big}-w{self.wall}{'' if self.pulse else '-nopulse'}"
                f"-v{GENERATOR_VERSION}-{digest.hexdigest()[:10]}")


# --- building the tables ------------------------------------------------------------------


class _Maker:
    """One seeded random source and the helpers that turn it into Dutch-ish text."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uid(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def fill(self, template: str, place: str = "", people: list[dict[str, str]] | None = None) -> str:
        r = self.rng
        return template.format(
            adj=r.choice(ADJECTIVES), noun=r.choice(NOUNS), noun2=r.choice(NOUNS),
            group=r.choice(GROUPS), group2=r.choice(GROUPS), place=place or r.choice(PLACES),
            role=r.choice(ROLES[2:]),
        )

    def note(self, place: str) -> str:
        text = self.fill(self.rng.choice(OPENERS), place) + self.fill(self.rng.choice(TAILS), place)
        return text if text.endswith("?") else text + "."

    def weighted(self, pairs: list[tuple[Any, int]]) -> Any:
        values, weights = zip(*pairs)
        return self.rng.choices(values, weights)[0]


@dataclass
class _Collaboration:
    name: str
    place: str
    partners: list[str]
    participants: list[dict[str, str]]
    level: float  # where its interaction scores start
    guides: list[str]
    ambition: str = ""
    previous: dict[str, Any] | None = None


def _collaborations(maker: _Maker, count: int) -> list[_Collaboration]:
    r = maker.rng
    made: list[_Collaboration] = []
    names: set[str] = set()
    for number in range(count):
        place = PLACES[number % len(PLACES)]
        name = f"{r.choice(THEMES)} {place}"
        while name in names:
            name = f"{r.choice(THEMES)} {place} {len(names)}"
        names.add(name)
        partners = [kind.format(p=place) for kind in r.sample(PARTNER_KINDS, r.randint(3, 7))]
        participants = []
        used: set[str] = set()
        for partner in partners:
            for _ in range(r.randint(1, 3)):
                person = r.choice(FIRST_NAMES)
                if person in used:
                    person = f"{person} {chr(65 + len(used) % 26)}."
                used.add(person)
                participants.append({"name": person, "partner": partner, "role": r.choice(ROLES)})
        made.append(_Collaboration(name, place, partners, participants, r.uniform(1.8, 3.4), []))
    return made


def _guide_sequence(count: int, pulse: bool = True) -> list[str]:
    """A collaboration's sessions: it explores first, then procesregie with pulse checks between."""
    sequence = []
    for number in range(count):
        if number == 0 and count > 2:
            sequence.append("verkenning")
        elif number % 3 == 2 and pulse:
            sequence.append("pulse")
        else:
            sequence.append("procesregie")
    return sequence


def _stamp(day: str, seconds: int) -> str:
    hours, rest = divmod(9 * 3600 + 30 * 60 + seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{day}T{min(hours, 23):02d}:{minutes:02d}:{secs:02d}.000+00:00"


def _session_tables(maker: _Maker, collab: _Collaboration, guide: Guide, day: str, session_id: str,
                    count: int | None, number: int, latest: bool, wall: int = 0) -> dict[str, Any]:
    """One session's TinyDB tables, with exactly `count` contributions (None: as many as its
    structured steps hold, for a guide without open steps such as the pulse check). With `wall`,
    the main open step holds exactly that many and the others a usual share."""
    r = maker.rng
    lang = "nl" if r.random() < 0.85 else "en"
    previous = SessionView(collab.previous) if collab.previous else None
    carried = [action.to_dict() for action in carried_from(previous)] if previous else []
    steps = [step_to_dict(step) for step in guide.steps]
    people = collab.participants
    docs: list[dict[str, Any]] = []
    positions: dict[str, int] = {}
    clock = [0]

    def add(step: Step, text: str = "", partner: str = "", participant: str = "", item: str = "",
            value: Any = None, when: str = "") -> dict[str, Any]:
        clock[0] += r.randint(5, 40)
        doc = {
            "step": step.id, "text": text, "partner": partner, "participant": participant, "item": item,
            "value": value, "when": when,
            "position": positions.get(step.id, 0),
            "uid": maker.uid(), "created": _stamp(day, clock[0]), "updated": "",
        }
        positions[step.id] = doc["position"] + 1
        docs.append(doc)
        return doc

    def someone() -> dict[str, str]:
        return r.choice(people)

    def later(days: int) -> str:
        return (Date.fromisoformat(day) + timedelta(days=days)).isoformat()

    fillers = [step for step in guide.steps if step.kind is PromptKind.OPEN]
    structured = 0
    # A first pass for the counts of the kinds that do not depend on the size.
    plan: dict[str, int] = {}
    for step in guide.steps:
        kind = step.kind
        if kind is PromptKind.CHOICE:
            plan[step.id] = 1
        elif kind is PromptKind.REVIEW:
            plan[step.id] = len(carried)
        elif kind is PromptKind.STATEMENT:
            plan[step.id] = r.randint(1, 4) + (1 if step.carry_over and collab.ambition else 0)
        elif kind is PromptKind.SCALE:
            plan[step.id] = len(collab.partners) * len(step.items)
        elif kind is PromptKind.VOTE:
            plan[step.id] = len(collab.partners) * r.randint(1, min(3, step.dots))
        elif kind is PromptKind.ASSIGN:
            plan[step.id] = len(step.rows) if step.rows else r.randint(3, 8)
        elif kind is PromptKind.CONSENT:
            plan[step.id] = len(collab.partners) * r.randint(1, 2)
        elif kind is PromptKind.OPEN:
            plan[step.id] = 0
        structured += plan[step.id]
    # With a wall, each other open step gets a few (the closing round one per person), 'pains' the wall.
    few = [min(len(people), 3 * len(collab.partners)) if step.id == "close" else 3 * len(collab.partners)
           for step in fillers]
    if wall:
        count = structured + wall + sum(n for step, n in zip(fillers, few) if step.id != "pains")
    if count is None:
        count = structured
    if structured > count:  # a small session: fewer of each, keeping at least the choice
        scale = count / structured
        for key in plan:
            plan[key] = int(plan[key] * scale)
    budget = count - sum(plan.values())
    weights = [6 if step.id == "pains" else 1 if step.id == "close" else 3 for step in fillers]
    shares = [budget * w // sum(weights) for w in weights] if fillers else []
    if shares:
        for index, step in enumerate(fillers):
            if step.id == "close":  # a closing round: about one word per person
                shares[index] = min(shares[index], len(people))
        main = weights.index(max(weights))
        if wall:
            shares = list(few)
            shares[main] = 0
        shares[main] += budget - sum(shares)
        for step, share in zip(fillers, shares):
            plan[step.id] += share

    by_step: dict[str, list[dict[str, Any]]] = {}
    # Open steps (and the filler rows) first, so the vote has something to vote on; the file
    # keeps the order of the meeting by `created` within each step anyway.
    ordered = sorted(guide.steps, key=lambda s: 0 if s.kind is PromptKind.OPEN else 1)
    trend = collab.level + 0.08 * number
    for step in ordered:
        wanted = plan.get(step.id, 0)
        made: list[dict[str, Any]] = []
        kind = step.kind
        if kind is PromptKind.OPEN:
            for _ in range(wanted):
                person = someone()
                anonymous = step.anonymous
                if step.id == "close":
                    text = r.choice(CLOSING)
                else:
                    text = maker.note(collab.place)
                made.append(add(step, text, "" if anonymous else person["partner"],
                                "" if anonymous or r.random() < 0.4 else person["name"]))
        elif kind is PromptKind.CHOICE and wanted:
            options = [option.id for option in step.options]
            phase = guide.phase if guide.phase in options else options[min(1, len(options) - 1)]
            made.append(add(step, value=phase if r.random() < 0.7 else r.choice(options)))
        elif kind is PromptKind.REVIEW:
            for action in carried[:wanted]:
                made.append(add(step, action["text"], item=action["uid"], value=str(maker.weighted(REVIEW_WEIGHTS))))
        elif kind is PromptKind.STATEMENT:
            texts = STATEMENTS if step.id != "pilot" else PILOTS
            left = wanted
            if step.carry_over and collab.ambition and step.id == "ambition" and left:
                made.append(add(step, collab.ambition, item=CARRIED_MARK, value=True))
                left -= 1
            for index in range(left):
                agreed = index == left - 1 and r.random() < 0.7
                made.append(add(step, maker.fill(r.choice(texts), collab.place), value=agreed))
            if step.id == "ambition" and made:
                collab.ambition = next((d["text"] for d in reversed(made) if d["value"] is True), collab.ambition)
        elif kind is PromptKind.SCALE:
            items = [item.id for item in step.items]
            for partner in collab.partners:
                for item in items:
                    if len(made) >= wanted:
                        break
                    low, high = step.scale.min, step.scale.max
                    level = trend + (0.3 if item != "threshold" else 0.0) + r.gauss(0, 0.8)
                    score = int(max(low, min(high, round(level))))
                    made.append(add(step, r.choice(COMMENTS) if r.random() < 0.25 else "", partner,
                                    item=item, value=score))
        elif kind is PromptKind.VOTE:
            source = by_step.get(step.source, [])
            if source:
                per_partner = max(1, wanted // max(1, len(collab.partners)))
                for partner in collab.partners:
                    left = step.dots
                    for target in r.sample(source, min(per_partner, len(source))):
                        if len(made) >= wanted or left <= 0:
                            break
                        dots = r.randint(1, left)
                        left -= dots
                        made.append(add(step, partner=partner, item=target["uid"], value=dots))
        elif kind is PromptKind.ASSIGN:
            rows = list(step.rows)
            for index in range(wanted):
                person = someone()
                if index < len(rows):
                    text, item = rows[index].text.get(lang), rows[index].id
                else:
                    text, item = maker.fill(r.choice(ACTIONS), collab.place), ""
                when = r.choice(RHYTHMS) if step.when == "rhythm" else later(r.randint(7, 90))
                made.append(add(step, text, person["partner"], item=item, value=person["name"], when=when))
        elif kind is PromptKind.CONSENT:
            bodies = [body.id for body in step.bodies]
            for partner in collab.partners:
                for body in r.sample(bodies, min(len(bodies), max(1, wanted // len(collab.partners)))):
                    if len(made) >= wanted:
                        break
                    status = maker.weighted(CONSENT_WEIGHTS)
                    made.append(add(step, partner=partner, item=body, value=str(status),
                                    when=later(r.randint(0, 60)) if status is not ConsentStatus.NOT_NEEDED else ""))
        by_step[step.id] = made
    # Top up (a vote with too little to vote on, a small review) with open notes.
    notes = [step for step in fillers if step.id != "close" and not (wall and step.id == "pains")] or fillers
    while len(docs) < count and notes:
        step = notes[len(docs) % len(notes)]
        person = someone()
        add(step, maker.note(collab.place), "" if step.anonymous else person["partner"],
            "" if step.anonymous else person["name"])
    del docs[count:]

    order = [step["id"] for step in steps]
    counts = {step_id: sum(1 for d in docs if d["step"] == step_id) for step_id in order}
    if latest:
        current = max(order, key=lambda step_id: counts[step_id])
        visited = order[: order.index(current) + 1]
        status = "open"
    else:
        current, visited, status = order[-1], list(order), "closed"
    timers = {}
    for step_id in visited:
        minutes = next(s["timebox"] for s in steps if s["id"] == step_id)
        timers[step_id] = {"extra": r.choice([0, 0, 0, 5]), "elapsed": float(r.randint(30, minutes * 70)),
                           "since": None}
    meta = {
        "collaboration": collab.name,
        "partners": list(collab.partners),
        "participants": [dict(p) for p in people],
        "guide": guide.id,
        "guide_version": guide.version,
        "guide_title": guide.title.to_dict(),
        "phase": guide.phase,
        "steps": steps,
        "order": order,
        "current": current,
        "skipped": [],
        "visited": visited,
        "notes": {},
        "timers": timers,
        "lang": lang,
        "title": f"{guide.title.get(lang)} {number + 1}",
        "date": day,
        "facilitator": "Marieke de Vries",
        "status": status,
        "previous": collab.previous[META]["1"]["id"] if collab.previous else "",
        "carried": carried,
        "autostart": True,
        "id": session_id,
        "schema": SCHEMA,
        "created": _stamp(day, 0),
        "updated": _stamp(day, clock[0]),
    }
    if status == "closed":
        meta["closed"] = _stamp(day, clock[0] + 60)
    return {META: {"1": meta}, CONTRIBUTIONS: {str(n): doc for n, doc in enumerate(docs, start=1)}}


def build_sessions(spec: Spec):
    """Yield (session id, tables, role) for every session of `spec`, in a fixed order; role is
    "big", "wall" or ""."""
    maker = _Maker(spec.seed)
    r = maker.rng
    shelf = load_shelf()
    collabs = _collaborations(maker, spec.collaboration_count)
    sizes = [spec.sessions // len(collabs) + (1 if n < spec.sessions % len(collabs) else 0)
             for n in range(len(collabs))]
    used: set[str] = set()
    for index, (collab, size) in enumerate(zip(collabs, sizes)):
        day = Date(2022, 1, 10) + timedelta(days=r.randint(0, 120))
        sequence = _guide_sequence(size, spec.pulse)
        deficit = 0  # what the pulse checks (small by nature) leave to the bigger sessions
        for number, guide_id in enumerate(sequence):
            day += timedelta(days=r.randint(14, 42))
            while True:
                session_id = f"{day.strftime('%Y%m%d')}-{r.getrandbits(24):06x}"
                if session_id not in used:
                    used.add(session_id)
                    break
            latest = number == size - 1
            guide = shelf.get(guide_id)
            has_open = any(step.kind is PromptKind.OPEN for step in guide.steps)
            count: int | None = None
            if has_open:
                bigger = sum(1 for g in sequence[number:] if g != "pulse")
                share = deficit // bigger
                deficit -= share
                count = spec.contributions + share
            is_big = bool(latest and index == 0 and spec.big)
            if is_big:
                count, guide = spec.big, shelf.get("procesregie")
            wall = spec.wall if latest and index == 1 else 0
            if wall:
                guide = shelf.get("procesregie")
            tables = _session_tables(maker, collab, guide, day.isoformat(), session_id, count, number, latest, wall)
            if count is None:
                deficit += max(0, spec.contributions - len(tables[CONTRIBUTIONS]))
            collab.previous = tables
            yield session_id, tables, "big" if is_big else "wall" if wall else ""


@dataclass
class Manifest:
    key: str
    spec: dict[str, Any]
    sessions: list[str]
    collaborations: dict[str, list[str]]  # name -> ids, oldest first
    big: str  # the id of the big session ("" if none)
    wall: str = ""  # the id of the session with `wall` contributions in one step ("" if none)
    seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        return cls(**json.loads(text))


def generate_store(root: Path, spec: Spec) -> Manifest:
    """Write the sessions of `spec` into a new store at `root` (which must not hold sessions)."""
    started = time.perf_counter()
    sessions_dir = root / "sessions"
    sessions_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(root, FOLDER_MODE)
    entries: dict[str, Any] = {}
    collaborations: dict[str, list[str]] = {}
    ids: list[str] = []
    special = {"big": "", "wall": ""}
    for session_id, tables, role in build_sessions(spec):
        path = sessions_dir / f"{session_id}.json"
        # The fast path: one write, no fsync (the whole folder is renamed into place when done).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode(tables))
        stat = path.stat()
        info = info_from_tables(tables)
        entries[session_id] = {"stamp": [stat.st_mtime_ns, stat.st_size], "info": info.to_dict()}
        collaborations.setdefault(info.collaboration, []).append(session_id)
        ids.append(session_id)
        if role:
            special[role] = session_id
    write_atomically(root / "catalogue.json", encode({"schema": SCHEMA, "sessions": entries}))
    return Manifest(spec.key(), asdict(spec), ids, collaborations, special["big"], special["wall"],
                    time.perf_counter() - started)


def cached_store(spec: Spec, cache: Path = CACHE) -> tuple[Path, Manifest]:
    """The store for `spec` under bench/.cache/, generated on first use. Treat it as read-only:
    benchmarks work on a `clone_store` of it."""
    folder = cache / spec.key()
    manifest_path = folder / "manifest.json"
    if manifest_path.exists():
        try:
            return folder / "store", Manifest.from_json(manifest_path.read_text())
        except (ValueError, TypeError):
            pass
    cache.mkdir(parents=True, exist_ok=True)
    building = cache / f".building-{spec.key()}-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    manifest = generate_store(building / "store", spec)
    (building / "manifest.json").write_text(manifest.to_json())
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(building, folder)
    # The same parameters made by an older generator or older guides are of no use any more.
    prefix = spec.key().rsplit("-v", 1)[0] + "-v"
    for old in cache.glob(prefix + "*"):
        if old != folder and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    return folder / "store", manifest


def clone_store(source: Path, target: Path) -> Path:
    """A working copy of a store made of hard links (fast; the store only ever replaces files,
    so writes in the copy never reach the source). Falls back to copying."""
    (target / "sessions").mkdir(mode=FOLDER_MODE, parents=True, exist_ok=False)
    os.chmod(target, FOLDER_MODE)
    pairs = [(source / "catalogue.json", target / "catalogue.json")]
    pairs += [(entry, target / "sessions" / entry.name) for entry in (source / "sessions").iterdir()]
    for old, new in pairs:
        if not old.exists():
            continue
        try:
            os.link(old, new)
        except OSError:
            shutil.copy2(old, new)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the store to create (must not exist)")
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--contributions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--collaborations", type=int, default=0)
    parser.add_argument("--big", type=int, default=0, help="contributions of one extra-large session")
    parser.add_argument("--wall", type=int, default=0, help="contributions in the current step of one session")
    args = parser.parse_args(argv)
    if args.folder.exists() and any(args.folder.iterdir()):
        parser.error(f"{args.folder} exists and is not empty")
    spec = Spec(args.sessions, args.contributions, args.seed, args.collaborations, args.big, args.wall)
    manifest = generate_store(args.folder, spec)
    print(f"{len(manifest.sessions)} sessions in {len(manifest.collaborations)} collaborations "
          f"written to {args.folder} in {manifest.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
