"""`workshop serve SESSION`: bad input is one line and exit status 2; a participant's own pick on a
choice step is not the group's choice."""

from __future__ import annotations

import asyncio

from workshop.cli.main import run


def test_serve_refuses_a_port_out_of_range(room_session, capsys):
    assert run(["serve", room_session, "--port", "70000"]) == 2
    error = capsys.readouterr().err.strip()
    assert "--port" in error and len(error.splitlines()) == 1


def test_serve_refuses_a_closed_session(store, room_session, capsys):
    from workshop.core.session import LiveSession

    live = LiveSession(store.open_session(room_session))
    live.close()
    live.release()
    assert run(["serve", room_session]) == 2
    assert "closed" in capsys.readouterr().err


def test_serve_refuses_a_session_open_elsewhere(store, room_session, capsys):
    holder = store.open_session(room_session)
    try:
        assert run(["serve", room_session]) == 2
    finally:
        holder.release()
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_participants_pick_is_not_the_groups_choice(store, room_session):
    from workshop.core.session import LiveSession
    from workshop.serve import Hub

    async def scenario():
        live = LiveSession(store.open_session(room_session))
        live.go_to("phase")
        live.choose("phase", "delen")
        try:
            hub = Hub(live)
            who = hub.join("Bram", "Zorggroep")
            await hub.send(who, "phase", hub.pick(who, "phase", "vormgeven"))
            await hub.send(who, "phase", hub.pick(who, "phase", "vormgeven"))  # again: still one pick
            return live.choice("phase"), live.picks("phase")
        finally:
            live.release()

    assert asyncio.run(scenario()) == ("delen", {"vormgeven": 1})


def test_serve_says_everything_is_saved_only_when_nothing_waits_to_be_written(room_session, capsys, monkeypatch):
    """Before: 'Everything received is saved' was printed whatever was still in memory only."""
    import errno

    from workshop.core.session import changes as c
    from workshop.core.store import atomic
    from workshop.serve import Server

    async def stopped_with_a_change_in_memory(server):
        server.live.apply_in_memory([c.AddContribution("ideas", "Only in memory", participant="Bram")])
        raise KeyboardInterrupt  # ctrl+c

    def full_disk(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    real = atomic.write_atomically
    monkeypatch.setattr(Server, "serve_until_stopped", stopped_with_a_change_in_memory)
    monkeypatch.setattr(atomic, "write_atomically", full_disk)
    assert run(["--lang", "en", "serve", room_session, "--port", "0"]) == 1
    said = " ".join(capsys.readouterr().out.split())
    assert said.endswith("Stopped, but 1 change received could not be written to disk (No space left on device): "
                         "it is not saved.")
    assert "Everything received is saved" not in said

    monkeypatch.setattr(atomic, "write_atomically", real)  # the disk writes again
    assert run(["--lang", "en", "serve", room_session, "--port", "0"]) == 0
    assert " ".join(capsys.readouterr().out.split()).endswith("Stopped. Everything received is saved.")
