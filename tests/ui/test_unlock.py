"""The unlock screen of an encrypted practice (Pilot): three tries, a plain message, escape quits."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from coachtui.store import keyfile
from coachtui.store.conversion import encrypt_folder
from coachtui.store.crypt import Cipher
from coachtui.store.repository import Repository
from coachtui.ui.unlock import UnlockApp

PASSPHRASE = "four unrelated words here"


@pytest.fixture
def encrypted(data_dir: Path) -> Path:
    with Repository.open(data_dir):
        pass
    encrypt_folder(data_dir, PASSPHRASE, on_recovery_key=lambda _key: None, scrypt_n=2**12)
    return data_dir


def app_for(folder: Path) -> UnlockApp:
    found = keyfile.read_keyfile(folder)
    assert found is not None
    return UnlockApp(folder, found)


async def attempt(pilot, app: UnlockApp, text: str) -> None:
    field = app.screen.query_one(Input)
    field.value = text
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_right_passphrase_after_a_wrong_one_unlocks(encrypted: Path) -> None:
    app = app_for(encrypted)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await attempt(pilot, app, "a wrong guess")
        status = str(app.screen.query_one("#unlock-status", Static).render())
        assert status == "That passphrase does not open this practice. 2 tries left."
        assert app.screen.query_one(Input).value == ""  # the guess is not kept
        await attempt(pilot, app, PASSPHRASE)
    assert isinstance(app.return_value, Cipher)


async def test_three_wrong_tries_or_escape_open_nothing(encrypted: Path) -> None:
    app = app_for(encrypted)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for guess in ("one", "two", "three"):
            await attempt(pilot, app, guess)
    assert app.return_value is None
    app = app_for(encrypted)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None
