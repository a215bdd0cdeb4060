"""System check: the admin's object-level access rules depend on the middleware."""

from django.conf import settings
from django.core.checks import Error

MIDDLEWARE = "portal.access.guard.AdminAccessMiddleware"
AUTHENTICATION = "django.contrib.auth.middleware.AuthenticationMiddleware"


def access_middleware_installed(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE in middleware and (
        AUTHENTICATION not in middleware
        or middleware.index(AUTHENTICATION) < middleware.index(MIDDLEWARE)
    ):
        return []
    return [
        Error(
            f"{MIDDLEWARE} must be in MIDDLEWARE, after {AUTHENTICATION}.",
            hint="Without it any teacher reaches other teachers' objects in the admin.",
            id="portal.E001",
        )
    ]
