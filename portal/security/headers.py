"""Response headers: Content-Security-Policy (django-csp) and Permissions-Policy.

The public site runs only its own scripts (autocomplete, quiz) from files, and its one
kind of inline script, the events' JSON-LD data, carries the request's nonce. Videos
are iframes of RuTube, VK Video and YouTube only. Wagtail's admin has inline scripts
of its own (date pickers, inline panels) and inline styles, so paths under ``/admin/``
get a policy that allows inline code but still no other origin's scripts, frames
or plugins. Documents keep Wagtail's own ``default-src 'none'``.
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

# The embed providers of portal/embeds.py (VK Video's player lives on vk.com).
VIDEO_FRAME_SOURCES = [
    "https://rutube.ru",
    "https://vk.com",
    "https://vkvideo.ru",
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
]

SITE_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "media-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": VIDEO_FRAME_SOURCES,
    # As X-Frame-Options: DENY — nobody frames the portal's pages.
    "frame-ancestors": [NONE],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}

ADMIN_POLICY = {
    **SITE_POLICY,
    # No nonce here: a nonce would make browsers ignore 'unsafe-inline'.
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    # The preview panel shows the page in a same-origin iframe.
    "frame-src": [SELF, *VIDEO_FRAME_SOURCES],
    "frame-ancestors": [SELF],
}

# Features no page of the portal uses; embedded players may go full screen.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), "
    'fullscreen=(self "https://rutube.ru" "https://vk.com" "https://vkvideo.ru" '
    '"https://www.youtube.com" "https://www.youtube-nocookie.com")'
)

ADMIN_PREFIX = "/admin/"


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin or the site policy by path."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None:
            admin = request.path_info.startswith(ADMIN_PREFIX)
            parts = PolicyParts(
                config=ADMIN_POLICY if admin else SITE_POLICY,
                update=parts.update,
                replace=parts.replace,
                nonce=None if admin else parts.nonce,
            )
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
