"""Local development: DEBUG on; the embedded PostgreSQL unless DATABASE_URL is set."""

from portal import devdb

from .base import *  # noqa: F403
from .base import DATABASES, env_list

DEBUG = True
# Only for the laptop: production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

if not DATABASES["default"]:
    # Started on the first connection and stopped when its last user exits.
    DATABASES["default"] = devdb.django_database()
