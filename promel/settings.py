"""Settings for the Promel role-sheet site, read from the environment.

`DJANGO_ENV=production` selects production: it refuses to start without the
variables it needs. Anything else is development, with harmless defaults
(embedded SQLite database, local-memory cache, console e-mail).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

ENVIRONMENT = os.environ.get("DJANGO_ENV", "development").strip().lower()
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    _missing = [
        name
        for name in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "SITE_URL",
            "EMAIL_HOST",
        )
        if not os.environ.get(name, "").strip()
    ]
    if _missing:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production requires these environment variables: " + ", ".join(_missing)
        )


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Development only: production refuses to start without its own SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
DEBUG = env_bool("DEBUG", default=False) and not PRODUCTION
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Absolute links (canonical URLs, e-mails, sitemaps) come from here, never from the Host header.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "roles.apps.TagsConfig",  # django-taggit
    "django_ratelimit",
    "reversion",
    "reversion_compare",
    "adminsortable2",
    "axes",
    "roles",
    "roles.referentials",
    "roles.visitors",
]

MIDDLEWARE = [
    "promel.middleware.RequestIdMiddleware",
    "roles.links.RouteMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "promel.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session's middleware, so that it sees (and drops) its Vary: Cookie.
    "roles.caching.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Cross-site posts refused for every form; the admin's also carry Django's token.
    "promel.cross_origin.CrossOriginProtectionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "promel.middleware.NoIndexAdminMiddleware",
    # Its process_exception turns the views' database errors into the French 503 page.
    "promel.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into its lock-out page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses the log-in of a locked-out account before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "promel.urls"
CSRF_FAILURE_VIEW = "promel.errors.csrf_failure"
WSGI_APPLICATION = "promel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # French typography fixed once, when loaded (roles.typography), then cached.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "roles.typography.FrenchTemplateLoader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "roles.context_processors.site",
            ],
        },
    },
    {
        # The layout, the search page and the hot page parts (roles/jinja.py).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "OPTIONS": {
            "environment": "roles.jinja.environment",
            "context_processors": ["roles.context_processors.site"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        # A dead connection is replaced on the next request: the site recovers by itself.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic's target; development serves static/ directly (WHITENOISE_USE_FINDERS below).
STATIC_ROOT = os.environ.get("STATIC_ROOT") or (BASE_DIR / "staticfiles" if PRODUCTION else None)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files need `collectstatic`: production only (docs/deployment.md).
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# E-mail: SMTP when EMAIL_HOST is set, the console otherwise (development).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
# Django waits forever by default: this bounds each socket operation, so a hanging mail server
# never blocks a worker (roles/visitors/notifications.py leaves the rest to the retry).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "2"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Promel <ne-pas-repondre@promel.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Brute force on the admin log-in (django-axes): a client address (TRUSTED_PROXY_COUNT, never
# the proxy's) with AXES_FAILURE_LIMIT failures is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "promel.accounts.axes_client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False  # no start-up banner on every manage.py command

# Accented tags ("négociation") must get ASCII slugs that <slug:> URLs accept.
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Net pay shown beside gross: a private-sector "cadre" pays about 25 % in contributions.
SALARY_NET_RATIO = 0.75

ROLES_PER_PAGE = 24
API_PAGE_SIZE = 50

# A sheet not reviewed for this many days is flagged "à relire" in the admin.
REVIEW_STALE_AFTER_DAYS = int(os.environ.get("REVIEW_STALE_AFTER_DAYS", "365"))

# The agency's address, shown to recruiters; recruitment requests are sent there.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "contact@promel.fr")
# Who is told of each new comment.
MODERATION_EMAIL = os.environ.get("MODERATION_EMAIL") or CONTACT_EMAIL

# Publisher's details for the legal notice (mentions légales, required by the LCEN).
PUBLISHER = {
    "name": os.environ.get("PUBLISHER_NAME", "Promel SAS"),
    "address": os.environ.get("PUBLISHER_ADDRESS", "10 rue de la Paix, 75002 Paris"),
    "registration": os.environ.get("PUBLISHER_REGISTRATION", "RCS Paris 000 000 000"),
    "director": os.environ.get("PUBLISHER_DIRECTOR", "la direction de Promel"),
    "phone": os.environ.get("PUBLISHER_PHONE", ""),
    "host": os.environ.get("HOST_DETAILS", "l’hébergeur indiqué par Promel"),
}

# Retention of recruitment requests, counted from the last contact (CNIL practice).
RETENTION_COMPANY_DAYS = int(os.environ.get("RETENTION_COMPANY_DAYS", str(3 * 365)))
RETENTION_CANDIDATE_DAYS = int(os.environ.get("RETENTION_CANDIDATE_DAYS", str(2 * 365)))

# Anti-spam on visitors' forms. Rates are "count/period" as django-ratelimit reads them.
CONTACT_RATE = os.environ.get("CONTACT_RATE", "5/10m")
COMMENT_RATE = os.environ.get("COMMENT_RATE", "1/15s")
# Searches that Django computes (nginx answers the cached ones) per client address.
SEARCH_RATE = os.environ.get("SEARCH_RATE", "30/m")
# Password-reset requests per client address (more: the 429 page) and per e-mail address
# (more: the same answer, no mail).
PASSWORD_RESET_CLIENT_RATE = os.environ.get("PASSWORD_RESET_CLIENT_RATE", "10/h")
PASSWORD_RESET_ADDRESS_RATE = os.environ.get("PASSWORD_RESET_ADDRESS_RATE", "3/h")
# Number of reverse proxies in front of the site that append to X-Forwarded-For; 0 means the
# client address is REMOTE_ADDR (anything else could be forged by the client).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis outage must not turn a visitor's submission into an error.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    # Sessions survive a Redis outage: written to the database, read from Redis when it answers.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # django-ratelimit refuses the local-memory cache (E003): each process counts on its own,
    # right for one process (development, tests); several workers share limits in REDIS_URL.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
RATELIMIT_FAIL_OPEN = True

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"
    CSRF_COOKIE_SAMESITE = "Lax"
    # Load balancers probe the health check over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^sante/$"]

# Every environment: headers a test can read without a proxy (HSTS needs HTTPS, see above).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: the admin's forms carry the token in a hidden field.
CSRF_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
# Our own origin only: no inline script or style, no plugin, no framing (promel/middleware.py).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
}

# The admin's address: set it to something less guessable than "admin/" in production.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Anonymous visitors' pages may be kept this long by shared caches (nginx, roles.caching), so
# an edit or a scheduled sheet shows up in them at most this late.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))

# Load benchmark only: serve its references (benchmarks/reference_views.py).
BENCH_REFERENCE_VIEW = env_bool("BENCH_REFERENCE_VIEW")

# reversion-compare: a foreign key changed when it points elsewhere (not when another field did).
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One JSON object a line, with the request's path and id (promel/jsonlog.py).
    "formatters": {"json": {"()": "promel.jsonlog.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"}
        | ({"formatter": "json"} if env_bool("LOG_JSON", default=PRODUCTION) else {}),
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
