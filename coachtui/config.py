"""Provides coachtui's settings: a TOML file in the platform config folder, overridden by COACHTUI_ variables.

Nothing is read or created at import time; `load_settings()` reads the file when the CLI asks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

CONFIG_FILE_ENV = "COACHTUI_CONFIG"


def default_config_file() -> Path:
    """The config file: $COACHTUI_CONFIG, else config.toml in the platform's user config folder."""
    explicit = os.environ.get(CONFIG_FILE_ENV)
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir("coachtui", appauthor=False)) / "config.toml"


ENV_PREFIX = "coachtui_"


def _from_environment(names: Iterable[str], structured: Iterable[str]) -> dict[str, Any]:
    """The COACHTUI_<NAME> variables (any case) of the settings ``names``; ``structured`` ones hold JSON."""
    environment = {key.lower(): value for key, value in os.environ.items()}
    values: dict[str, Any] = {}
    for name in names:
        raw = environment.get(ENV_PREFIX + name)
        if raw is None:
            continue
        if name in structured:
            try:
                values[name] = json.loads(raw)
            except ValueError as error:
                raise ValueError(f"COACHTUI_{name.upper()} is not valid JSON ({error})") from error
        else:
            values[name] = raw
    return values


class Settings(BaseModel):
    """What a coach can set in config.toml (or as COACHTUI_<NAME> in the environment, which wins).

    A plain pydantic model that reads its variables itself: pydantic-settings would add a third of
    coachtui's own start-up time (about 25 ms and 1.5 MB) for these six values.
    """

    model_config = ConfigDict(extra="ignore")

    data_dir: Path | None = None
    """The data folder; `--data-dir` overrides it. Default: the platform's user data folder."""

    default_framework: str = "grow"
    """The coaching model a new session starts with: grow, clear or oskar."""

    autosave_seconds: float = Field(default=1.0, ge=0.2, le=2.0)
    """Quiet time after the last keystroke before the live session is saved (at most 2 s)."""

    end_warning_minutes: int = Field(default=5, ge=1, le=30)
    """Minutes before the planned end at which the session timer turns to a quiet 'closing' cue."""

    theme: str = "textual-dark"
    """The Textual theme (any name from the command palette's theme list)."""

    keymap: dict[str, str] = Field(default_factory=dict)
    """Remapped keys by binding id, e.g. {"live.next_stage" = "ctrl+n"}; see the help screen (F1) for ids."""

    @model_validator(mode="before")
    @classmethod
    def _environment_wins(cls, values: Any) -> Any:
        # The values passed in come from the TOML file, and the environment beats the file.
        if not isinstance(values, dict):
            return values
        return {**values, **_from_environment(cls.model_fields, structured={"keymap"})}


class ConfigError(Exception):
    """The config file cannot be read; the message names the file and the problem."""


def load_settings(config_file: Path | None = None) -> Settings:
    """Read the settings from `config_file` (default: `default_config_file()`) and the environment."""
    path = config_file if config_file is not None else default_config_file()
    values: dict[str, Any] = {}
    if path.is_file():
        import tomllib  # imported here: without a config file, start-up need not parse TOML

        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"Can't read the config file {path}: {error}") from error
    try:
        return Settings(**values)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise ConfigError(f"The config file {path} has a bad value: {problems}") from error
