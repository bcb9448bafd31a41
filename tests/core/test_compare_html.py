"""`compare --format html`: one self-contained page, checked as text and in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.core.alliance import ALLIANCE, AMBITION_NEW, PRIVACY, TODAY, build_alliance
from workshop.core.compare import compare_sessions, select_sessions
from workshop.core.session import LiveSession
from workshop.core.text.i18n import language
from workshop.present.compare_html import comparison_html

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


@pytest.fixture
def page(store, make_session) -> str:
    build_alliance(store, make_session)
    comparison = compare_sessions(select_sessions(store, collaboration=ALLIANCE), today=TODAY)
    with language("nl"):
        return comparison_html(comparison)


def test_the_page_opens_with_the_headline_and_needs_nothing_from_outside(page):
    assert page.index("De drempel werd hoger: de score op ‘De drempel om elkaar te benaderen is laag’ daalde van 3,8 naar 1,5 (3 bijeenkomsten)") < page.index("<svg")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@page { size: A4" in page


def test_every_scale_item_has_a_chart_with_its_spread_and_number_of_scorers(page):
    assert page.count("<svg") == 2  # the threshold and listening
    assert page.count('class="band"') == 2
    assert page.count("gescoord: 4") == 6


def test_the_contested_ambition_is_shown_beside_the_agreed_text_as_a_word_diff(page):
    assert "ter discussie" in page and "<ins>" in page and "<del>" in page
    assert "Ieder doet wat hij kan" in page and AMBITION_NEW.split(";")[0] in page


def test_the_pain_point_trail_and_the_late_actions_are_on_the_page(page):
    assert PRIVACY in page and "niet meer genoemd" in page and "opgelost" not in page
    assert "Risicoverdeling op papier zetten" in page and ">335<" in page


def test_typed_text_is_escaped(store, make_session):
    session_id = make_session(collaboration="<b>x</b>", lang="en")
    live = LiveSession(store.open_session(session_id))
    live.close()  # held: a session only prepared is nothing to compare
    live.release()
    comparison = compare_sessions(select_sessions(store, [session_id]), today=TODAY)
    page = comparison_html(comparison)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install -y chromium)")
def test_the_page_renders_and_prints_in_headless_chromium(page, tmp_path):
    html = tmp_path / "compare.html"
    html.write_text(page, encoding="utf-8")
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", html.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-500:]
    assert dom.stdout.count("<svg") == 2 and "De drempel werd hoger" in dom.stdout
    pdf = tmp_path / "compare.pdf"
    printed = subprocess.run([*common, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                             capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, printed.stderr[-500:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    sizes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert sizes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in sizes)  # A4 pages


def test_the_page_is_built_by_its_template_which_escapes_what_it_is_given():
    """One way to make HTML: the template escapes; the module gives words, no tags and no escape()."""
    from pathlib import Path

    import workshop.present.compare_html as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "escape(" not in source and "<td>" not in source and "<h2>" not in source
    assert (module.TEMPLATES / "compare.html").is_file()
