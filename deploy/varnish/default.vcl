vcl 4.1;

# Varnish in front of the portal (docs/caching.md). The app decides what may be kept:
# only answers carrying X-Cache-Tags (the page cache's kept answers) are stored here,
# for their s-maxage. Wagtail's frontend cache app PURGEs a published page's
# addresses; the page cache BANs by tag on every change (portal/pagecache/proxy.py).
#
# Production (docs/deploy.md): nginx in front (TLS, static files, media) passes the rest
# to Varnish on 127.0.0.1:6081 (Debian's default), which spreads what it does not keep
# over the app processes below; the app processes run with
# FRONTEND_CACHE_URL=http://127.0.0.1:6081 and TRUSTED_PROXY_COUNT=2. One `backend` per
# app process (add machines here as the district grows). The tests
# (tests/pagecache/test_processes.py, tests/production/test_stack.py) run this file with
# their own ports.

import directors;

# A process that fails its health check (/health/: database, Redis, storage) is skipped
# until it answers again; it starts as healthy.
probe portal_health {
    .request = "GET /health/ HTTP/1.1"
        "Host: school.example"
        "Connection: close";
    .interval = 5s;
    .timeout = 3s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app_a {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = portal_health;
}

backend app_b {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = portal_health;
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app_a);
    apps.add_backend(app_b);
}

# Who may purge and ban: the app processes on this machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A page's address and all its query strings (pages of a listing, filters).
        ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers || !req.http.X-Ban-Tags) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.X-Cache-Tags ~ " + req.http.X-Ban-Tags);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never kept: the admin, low-vision settings, password forms, language switch,
    # documents (served with access checks).
    if (req.url ~ "^/(en/)?(admin|a11y|_util)/" || req.url ~ "^/(i18n|documents)/") {
        return (pass);
    }
    # A signed-in user (session) or a visitor who answered a poll sees their own page.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|poll-[0-9]+)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Other cookies (CSRF, language) do not change a kept answer.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    return (lookup);
}

sub vcl_backend_response {
    set beresp.http.X-Url = bereq.url;
    set beresp.http.X-Host = bereq.http.host;
    if (!beresp.http.X-Cache-Tags || beresp.http.Set-Cookie) {
        # Not kept by the app: not kept here either (and not coalesced).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
    unset resp.http.X-Url;
    unset resp.http.X-Host;
    unset resp.http.X-Cache-Tags;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
