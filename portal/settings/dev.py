"""Local development: DEBUG on, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# Only for the laptop: production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
