"""Tests the settings: the TOML file, COACHTUI_ variables that beat it, and clear errors for bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachtui.config import ConfigError, Settings, load_settings


def test_defaults_without_a_file(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_the_environment_beats_the_file_in_any_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\nautosave_seconds = 1.5\nend_warning_minutes = 3\n', encoding="utf-8")
    monkeypatch.setenv("COACHTUI_THEME", "gruvbox")
    monkeypatch.setenv("coachtui_autosave_seconds", "0.5")
    monkeypatch.setenv("COACHTUI_KEYMAP", '{"live.next_stage": "ctrl+j"}')
    monkeypatch.setenv("COACHTUI_CONFIG", "not a setting: ignored")
    settings = load_settings(config)
    assert (settings.theme, settings.autosave_seconds, settings.end_warning_minutes) == ("gruvbox", 0.5, 3)
    assert settings.keymap == {"live.next_stage": "ctrl+j"}
    assert Settings().theme == "gruvbox"  # built directly, it reads the environment too


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("COACHTUI_KEYMAP", "{ctrl+j", "COACHTUI_KEYMAP is not valid JSON"),
        ("COACHTUI_AUTOSAVE_SECONDS", "9", "autosave_seconds"),
    ],
)
def test_bad_values_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path / "none.toml")
