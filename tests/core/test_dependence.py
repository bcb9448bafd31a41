"""Mutual dependence: items = "partners" becomes one item per partner when a session is prepared,
and the comparison flags pairs whose scores differ by 2 points or more as one-sided."""

from __future__ import annotations

from workshop.core.compare import compare_sessions, select_sessions
from workshop.core.guides import load_guide_text
from workshop.core.session import LiveSession, SessionView
from workshop.core.steps.dependence import partner_item_id

PARTNERS = ("Gemeente", "Zorggroep", "Woonstede")


def _scores(store, session_id: str, scores: dict[tuple[str, str], int]) -> None:
    live = LiveSession(store.open_session(session_id))
    try:
        for (who, on), value in scores.items():
            live.score("dependence", partner_item_id(on, set()), who, value)
        live.close()
    finally:
        live.release()


def test_a_session_gets_one_dependence_item_per_partner_with_stable_ids(store, make_session):
    view = SessionView(store.read_session(make_session(guide="uitvoeren")))
    items = view.step("dependence").items
    assert [item.id for item in items] == ["depends-gemeente", "depends-zorggroep", "depends-woonstede"]
    assert [item.text.get("nl") for item in items] == list(PARTNERS)


def test_the_comparison_flags_one_sided_dependence_and_follows_each_pair_over_time(store, make_session):
    first = make_session(guide="uitvoeren", date="2026-10-01")
    _scores(store, first, {("Gemeente", "Zorggroep"): 4, ("Zorggroep", "Gemeente"): 3,
                           ("Gemeente", "Woonstede"): 2, ("Woonstede", "Gemeente"): 2})
    second = make_session(guide="uitvoeren", date="2026-11-01")
    _scores(store, second, {("Gemeente", "Zorggroep"): 5, ("Zorggroep", "Gemeente"): 2,
                            ("Gemeente", "Woonstede"): 3, ("Woonstede", "Gemeente"): 2,
                            ("Zorggroep", "Zorggroep"): 5})  # one's own item does not count
    comparison = compare_sessions(select_sessions(store, collaboration="Zorg Oost"))
    pairs = {(p.a, p.b): p for p in comparison.dependence}
    assert set(pairs) == {("Gemeente", "Zorggroep"), ("Gemeente", "Woonstede")}
    sided = pairs[("Gemeente", "Zorggroep")]
    assert (sided.a_on_b, sided.b_on_a, sided.one_sided, sided.more_dependent) == ((4, 5), (3, 2), True, "Gemeente")
    assert not pairs[("Gemeente", "Woonstede")].one_sided  # 3 against 2: not one-sided
    assert comparison.dependence[0] is sided  # one-sided first
    from workshop.present.compare_md import comparison_markdown
    assert "| Gemeente ⇄ Zorggroep | 4/3 | 5/2 | one-sided: Gemeente depends more |" in comparison_markdown(comparison)


def test_partner_item_ids_are_ids_and_names_that_fold_alike_get_their_own():
    assert partner_item_id("GGD Hollands-Noorden", set()) == "depends-ggd-hollands-noorden"
    assert partner_item_id("Zorg groep", {"depends-zorg-groep"}) == "depends-zorg-groep-2"
    assert partner_item_id("!!!", set()) == "depends-partner"


def test_a_guide_may_ask_items_per_partner():
    guide = load_guide_text('[guide]\nid = "g"\ntitle = "G"\n[[steps]]\nid = "dep"\nkind = "scale"\n'
                            'items = "partners"\ntitle = "D"\nprompt = "P"\n', "g.toml")
    assert [item.id for item in guide.step("dep").items] == ["partners"]
