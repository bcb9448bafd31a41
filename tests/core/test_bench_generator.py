"""The benchmark's session generator (bench/generate.py): seeded, and its stores read back cleanly.

Small sizes only; nothing here measures time."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from workshop.core.model import PromptKind
from workshop.core.session import LiveSession, SessionView
from workshop.core.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("bench_generate", None)


def digest(root: Path) -> dict[str, str]:
    """Every session file's content hash (the catalogue holds file stamps, which differ)."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted((root / "sessions").iterdir())}


def test_the_same_seed_gives_the_same_sessions(generate, tmp_path: Path):
    spec = generate.Spec(sessions=8, contributions=40, seed=7, collaborations=2, big=90, wall=70)
    first = generate.generate_store(tmp_path / "a", spec)
    second = generate.generate_store(tmp_path / "b", spec)
    assert first.sessions == second.sessions
    assert (first.big, first.wall) == (second.big, second.wall)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    generate.generate_store(tmp_path / "c", generate.Spec(sessions=8, contributions=40, seed=8,
                                                          collaborations=2, big=90, wall=70))
    assert digest(tmp_path / "c") != digest(tmp_path / "a")


def test_the_sessions_load_through_the_store_and_session_view(generate, tmp_path: Path):
    spec = generate.Spec(sessions=12, contributions=60, seed=3, collaborations=2, big=120, wall=90)
    manifest = generate.generate_store(tmp_path / "store", spec)
    store = Store(tmp_path / "store")
    catalogue_before = (tmp_path / "store" / "catalogue.json").read_bytes()
    infos = store.catalogue()
    assert store.problems == []
    assert sorted(info.id for info in infos) == sorted(manifest.sessions)
    assert len(infos) == 12
    # The catalogue the generator wrote is the one the store would write: it is trusted as is.
    assert (tmp_path / "store" / "catalogue.json").read_bytes() == catalogue_before
    kinds: set[PromptKind] = set()
    for info in infos:
        view = SessionView(store.read_session(info.id))
        assert view.count() == info.contributions
        assert view.collaboration in manifest.collaborations
        step_ids = {step.id for step in view.steps}
        for contribution in view.contributions():
            assert contribution.step in step_ids
            kinds.add(view.step(contribution.step).kind)
        for step in view.agenda:  # the views' questions all have answers
            if step.kind is PromptKind.SCALE:
                for item in step.items:
                    view.spread(step.id, item.id)
            elif step.kind is PromptKind.VOTE:
                view.ranking(step.id)
            elif step.kind is PromptKind.STATEMENT:
                view.agreed_statement(step.id)
    assert kinds == set(PromptKind)  # every prompt kind is there
    assert store.problems == []


def test_the_special_sessions_and_the_sizes(generate, tmp_path: Path):
    spec = generate.Spec(sessions=10, contributions=50, seed=5, collaborations=2, big=150, wall=120)
    manifest = generate.generate_store(tmp_path / "store", spec)
    store = Store(tmp_path / "store")
    sizes = {info.id: info.contributions for info in store.catalogue()}
    assert sizes[manifest.big] == 150
    wall = SessionView(store.read_session(manifest.wall))
    assert wall.current.kind is PromptKind.OPEN
    assert len(wall.contributions(wall.current.id)) == 120
    # Pulse checks hold what a pulse check holds; the others make up for it on average.
    assert abs(sum(sizes.values()) - 50 * 10 - (150 - 50) - (wall.count() - 50)) <= 50 * 3
    even = generate.generate_store(tmp_path / "even", generate.Spec(sessions=6, contributions=80, seed=5,
                                                                     collaborations=1, pulse=False))
    assert {info.contributions for info in Store(tmp_path / "even").catalogue()} == {80}
    assert len(even.sessions) == 6


def test_a_generated_session_takes_new_contributions(generate, tmp_path: Path):
    manifest = generate.generate_store(tmp_path / "store",
                                       generate.Spec(sessions=4, contributions=30, seed=1, collaborations=1,
                                                     pulse=False))
    store = Store(tmp_path / "store")
    newest = next(info for info in store.catalogue() if info.status == "open")
    live = LiveSession(store.open_session(newest.id))
    try:
        step = next(step for step in live.agenda if step.kind is PromptKind.OPEN)
        live.add(step.id, "Nog een punt", partner=live.partners[0])
    finally:
        live.release()
    assert SessionView(store.read_session(newest.id)).count() == newest.contributions + 1
    assert newest.id in manifest.sessions


def test_clones_share_nothing_that_a_save_changes(generate, tmp_path: Path):
    spec = generate.Spec(sessions=3, contributions=20, seed=2, collaborations=1, pulse=False)
    generate.generate_store(tmp_path / "source", spec)
    before = digest(tmp_path / "source")
    generate.clone_store(tmp_path / "source", tmp_path / "clone")
    store = Store(tmp_path / "clone")
    newest = next(info for info in store.catalogue() if info.status == "open")
    live = LiveSession(store.open_session(newest.id))
    try:
        step = next(step for step in live.agenda if step.kind is PromptKind.OPEN)
        live.add(step.id, "Alleen in de kopie")
    finally:
        live.release()
    assert digest(tmp_path / "source") == before
    assert json.loads((tmp_path / "source" / "catalogue.json").read_bytes())["sessions"][newest.id]["info"][
        "contributions"] == newest.contributions
