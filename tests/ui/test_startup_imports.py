"""Starting the app imports what the home screen draws, not the screens and dialogs opened later.

Every module imported before the first frame is paid by every start (make bench: start-up to first
frame, and its peak memory). Checked in a fresh interpreter: the test session has imported it all.
"""

from __future__ import annotations

import json
import subprocess
import sys

LATER = [
    "coachtui.ui.live.live_session",
    "coachtui.ui.live.start_session",
    "coachtui.ui.live.resume_prompt",
    "coachtui.ui.home.client_form",
    "coachtui.ui.home.erase_client",
    "coachtui.ui.shared.form_dialog",
    "coachtui.ui.shared.confirm",
    "coachtui.ui.shared.help",
    "coachtui.ui.commands",
    "coachtui.ui.record_commands",
    "coachtui.ui.plan.plan_editor",
    "coachtui.ui.review.overview",
]


def test_the_app_module_imports_no_screen_but_home() -> None:
    code = (
        "import json, sys\n"
        "import coachtui.cli, coachtui.ui.app\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('coachtui.'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = set(json.loads(result.stdout))
    assert "coachtui.ui.home.home" in imported
    assert [module for module in LATER if module in imported] == []


async def test_the_palette_still_offers_the_coach_commands(make_app, repo) -> None:
    from coachtui.domain.models import Client
    from coachtui.ui.commands import ClientCommands
    from coachtui.ui.record_commands import ActionCommands, SessionCommands

    repo.save_client(Client(name="Dana Ortiz"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        from textual.command import CommandPalette

        palette = CommandPalette()
        await app.push_screen(palette)
        await pilot.pause()
        providers = {type(provider) for provider in palette._providers}
        assert {ClientCommands, SessionCommands, ActionCommands} <= providers
