"""Every key hint on screen comes from the active keymap: a remapped key is shown remapped."""

from __future__ import annotations

from coachtui.config import Settings
from coachtui.ui.app import make_app
from coachtui.ui.shared.confirm import ConfirmScreen


async def test_a_remapped_key_is_shown_remapped_on_home_and_in_a_question(repo, clock) -> None:
    settings = Settings(keymap={"home.new_client": "a", "confirm.yes": "j"})
    app = make_app(settings, repo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Press a to add your first client" in str(app.screen.query_one("#home-empty").render())
        app.push_screen(ConfirmScreen("Sure?", yes="Go ahead", no="Stay"))
        await pilot.pause()
        keys = str(app.screen.query_one("#confirm-keys").render())
        assert "j Go ahead" in keys and "n Stay" in keys
        await pilot.press("j")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
