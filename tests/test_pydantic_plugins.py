"""No pydantic plugin sees coachtui's records: pydantic's scan for them is off unless the coach sets it."""

from __future__ import annotations

import os
import subprocess
import sys


def test_pydantic_plugins_are_off_once_coachtui_is_imported() -> None:
    script = (
        "import os, coachtui; from pydantic.plugin._loader import get_plugins; "
        "print(os.environ['PYDANTIC_DISABLE_PLUGINS'], list(get_plugins()))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["__all__", "[]"]


def test_the_coach_s_own_setting_is_kept() -> None:
    script = "import os, coachtui; print(os.environ['PYDANTIC_DISABLE_PLUGINS'])"
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "logfire"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "logfire"
