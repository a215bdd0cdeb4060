"""Settings shared by every environment.

Everything that differs between a laptop, CI and production comes from
environment variables, read here or in the environment-specific modules.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portal import oembed_providers
from portal.security.headers import SITE_POLICY

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "portal",
    "home",
    "subjects",
    "teachers",
    "exam_prep",
    "events",
    "search",
    "community",
    "works",
    "polls",
    "sveden",
    "news",
    "appeals",
    "lowvision",
    "seo",
    # Wagtail and its translation plugin.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    # Purges the reverse proxy when WAGTAILFRONTENDCACHE is set (see FRONTEND_CACHE_URL).
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Login lockout by account and by address (settings AXES_* below).
    "axes",
    "csp",
    # Two-factor sign-in to the admin (portal/security/two_factor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Its system checks refuse a rate-limit cache that app processes do not share.
    "django_ratelimit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's task framework (backport) and its queue in PostgreSQL (portal/background.py).
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (site / admin) and Permissions-Policy on every response.
    "portal.security.headers.PortalCSPMiddleware",
    "portal.security.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache, before anything reads the session or the
    # database (portal/pagecache, docs/caching.md); the headers above are added anew.
    "portal.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.security.two_factor.TwoFactorMiddleware",
    # Before any view reads a parameter: NUL bytes and huge values are a 400 page.
    "portal.security.input_guard.InputGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After authentication: 404 for admin URLs naming objects the user may not see.
    "portal.access.guard.AdminAccessMiddleware",
    # Last, so it sees the login views' answers: a locked-out login gets its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The site's policy (portal/security/headers.py chooses the admin's by path).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": SITE_POLICY}

WSGI_APPLICATION = "portal.wsgi.application"

# PostgreSQL only: search needs its Russian stemming, pg_trgm and ts_headline, which
# SQLite does not have. DATABASE_URL names the server; without it the dev settings use the
# embedded one (portal/devdb) and production refuses to start. conn_max_age keeps
# connections open between requests.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60"))
    )
    if os.environ.get("DATABASE_URL")
    else {}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis (or any cache django-redis understands) when CACHE_URL / REDIS_URL is set,
# a per-process memory cache otherwise (development only: production refuses to start
# without it, since rate limits and single-use form tokens must be shared by every app
# process).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The cache every app process shares: rate limits (django-ratelimit) and the used
# fill-time tokens of the public forms (portal/spam.py).
SHARED_CACHE_ALIAS = "default"
RATELIMIT_USE_CACHE = SHARED_CACHE_ALIAS

# The anonymous page cache (portal/pagecache, docs/caching.md): entries and tag tokens
# in the shared cache, so a change is seen by every app process at once. The lifetime
# is a safety net only (entries are invalidated by their tags).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# Whole answers kept and served (off: every request renders, from the kept fragments
# only, as for a signed-in editor; the benches' "page not cached" mode).
PAGE_CACHE_ANSWERS = env_bool("PAGE_CACHE_ANSWERS", True)
PAGE_CACHE_ALIAS = SHARED_CACHE_ALIAS
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(6 * 3600)))
# Never looked up nor kept: the admin, per-visitor endpoints, files served with checks.
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/a11y/",
    "/en/a11y/",
    "/_util/",
    "/en/_util/",
    "/i18n/",
    "/documents/",
    "/static/",
    "/media/",
    "/health/",
]
# Rows no page shows: writing them changes no cached answer.
PAGE_CACHE_UNSHOWN_MODELS = [
    "sessions.*",
    "axes.*",
    "otp_totp.*",
    "otp_static.*",
    "django_tasks_database.*",
    "wagtailimages.rendition",
    "wagtailsearch.*",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
    "wagtailadmin.editingsession",
    "wagtailusers.userprofile",
    "auth.user",
]
# The reverse proxy in front (deploy/varnish/default.vcl), when FRONTEND_CACHE_URL
# names it: Wagtail purges a published page's addresses, the page cache bans tags.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "portal.pagecache.proxy.VarnishBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
PAGE_CACHE_SEND_TAGS = bool(FRONTEND_CACHE_URL)

# The visitor's address (portal/security/client_ip.py): REMOTE_ADDR unless the site runs
# behind this many reverse proxies, each adding the address it saw to the header.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "X-Forwarded-For")
RATELIMIT_IP_META_KEY = "portal.security.client_ip.client_ip"

# django-axes checks every login (Wagtail's admin login, /_util/login/) before Django's
# own backend: AXES_FAILURE_LIMIT wrong passwords for one account, or from one address,
# lock further attempts for AXES_COOLOFF_TIME — even with the right password.
AUTHENTICATION_BACKENDS = [
    "portal.security.lockout.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.security.lockout.lockout_response"
AXES_ENABLE_ADMIN = False
# Passwords typed as usernames must not end up in the attempts table or the log.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password"]

# Two-factor sign-in: required for superusers and these groups (teachers may opt in).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
TWO_FACTOR_GROUPS = ["Администраторы", "Редакторы школы"]
OTP_TOTP_ISSUER = "Школьный портал"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Russian first, English second.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

WAGTAIL_I18N_ENABLED = True
# Optional machine translation in wagtail-localize's editor ("Translate with …"):
# DeepL when the school sets a key (docs/translation.md); nothing is sent anywhere
# otherwise. A translator still reviews every string before publishing.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media in S3-compatible object storage (MinIO, Yandex Object Storage, AWS …) when
# S3_BUCKET is set: original images, renditions and documents, so that any number of app
# processes on any machine see the same files. Images are public: their addresses are
# S3_PUBLIC_URL + key (the proxy, deploy/nginx/portal.conf, or a CDN in front of the
# bucket), unsigned, so cached pages keep working. Documents are never linked to the
# bucket: Wagtail's serve view checks who may download (portal/security/documents.py) and
# streams the file (WAGTAILDOCS_SERVE_METHOD below); the bucket grants anonymous reads of
# the image prefixes only. Without S3_PUBLIC_URL every address is signed and short-lived.
S3_BUCKET = os.environ.get("S3_BUCKET", "").strip()
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
            "access_key": os.environ.get("S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", ""),
            "location": os.environ.get("S3_PREFIX", ""),
            # Two uploads named alike keep both files (Wagtail's own behaviour on disk).
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("S3_URL_EXPIRE_SECONDS", "300")),
            "signature_version": "s3v4",
            "addressing_style": "path",
        },
    }
    S3_PUBLIC_URL = os.environ.get("S3_PUBLIC_URL", "").strip()
    if S3_PUBLIC_URL:
        protocol, _sep, domain = S3_PUBLIC_URL.rstrip("/").partition("//")
        STORAGES["default"]["OPTIONS"].update(
            custom_domain=domain, url_protocol=protocol, querystring_auth=False
        )
        MEDIA_URL = S3_PUBLIC_URL.rstrip("/") + "/"

# Wagtail's admin sends big forms (page editors with many blocks).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Школьный портал")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public address in the sitemap, robots.txt and Open Graph tags (seo.base_url);
# empty: the Wagtail Site's hostname and port.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "")
# No network here and no need to send teachers' e-mail hashes to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Cyrillic titles get transliterated Latin slugs (/sveden/, /classes/9a/) instead of
# percent-encoded Unicode.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's Draftail editor, refusing contentstate it cannot read instead of a 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "portal.access.references.SafeDraftailRichTextArea"}
}
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.PortalImageForm"
# Cut by the task worker after an upload (portal/renditions.py): the sizes of the cards
# and listings, and the admin's thumbnails.
PORTAL_PREGENERATED_RENDITIONS = [
    "max-165x165",
    "fill-640x360",
    "fill-400x300",
    "fill-480x270",
    "max-800x600",
]
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "odp",
    "ods",
    "odt",
    "pdf",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "zip",
    # Video lessons uploaded by teachers, played with <video> by VideoBlock.
    "mp4",
    "webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
# Every document downloads as an attachment (PDFs too): a file opened inline in the
# portal's origin could run its own scripts, and a download shows its real name.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Always through Wagtail's view, which checks who may download (portal/security/
# documents.py); "redirect" would hand out the storage's own public address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The record of a parent's consent to publish photos of their child (works app): the
# core's gallery block lets editors choose such records and asks each ``is_valid()``,
# so the core itself names no domain app (like WAGTAILIMAGES_IMAGE_MODEL).
PORTAL_CONSENT_MODEL = "works.Consent"

# Wagtail's database search backend: PostgreSQL full-text search with stemming, the
# "russian" configuration for Russian text, "english" for English pages and English
# queries (search/backend.py; the cluster's own default would be "english" for all).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "russian",
        "LANGUAGE_CONFIGS": {"en": "english"},
    }
}

# Background work (portal/background.py): e-mails, search index and reference updates
# (Wagtail's own tasks), rendition cutting, the daily consent check. TASKS_BACKEND=db puts
# them in the database queue that `manage.py db_worker` processes (production); without
# it they run at once inside the request (a laptop without a worker).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("TASKS_BACKEND", "immediate") == "db"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@school.example")

LOGIN_URL = "wagtailadmin_login"

# Video embeds: VK Video (player built from the address, no network), RuTube (its
# oEmbed endpoint, through Wagtail's oEmbed finder), then Wagtail's own oEmbed
# provider list (YouTube, Vimeo …).
WAGTAILEMBEDS_FINDERS = [
    {"class": "portal.embeds.VKVideoFinder"},
    {"class": "wagtail.embeds.finders.oembed", "providers": [oembed_providers.rutube]},
    {"class": "wagtail.embeds.finders.oembed"},
]
