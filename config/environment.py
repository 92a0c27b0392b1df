"""Where this checkout keeps its environment file and its run-time data (./var).

Shared by the settings of every environment and by the one-machine service starters
(devstack), which import it; the settings never import devstack.
"""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent


def var_dir() -> Path:
    return Path(os.environ.get("LOREBASE_VAR_DIR", BASE_DIR / "var"))


def load_dotenv() -> None:
    """Read .env (or LOREBASE_ENV_FILE) without overriding the real environment."""
    environ.Env.read_env(os.environ.get("LOREBASE_ENV_FILE", BASE_DIR / ".env"), overwrite=False)
