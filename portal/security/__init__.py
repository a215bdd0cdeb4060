"""The portal's doors: what guards logins, forms, documents, uploads and responses.

One module per concern (docs/security.md, section "Doors", tells the policy):

- ``client_ip`` — the visitor's address, behind a configured number of trusted proxies;
  used by the rate limits and by the login lockout (django-axes).
- ``input_guard`` — a middleware refusing NUL bytes in any query or form value (400).
- ``exports`` — CSV cells that a spreadsheet would run as formulas are neutralised.
- ``documents`` — who may download a document (the pages that use it, its collection).
- ``lockout`` — the Russian lockout page, the page-password rate limit, the unlock view.
- ``headers`` — Content-Security-Policy (strict on the site, Wagtail's needs in the
  admin) and Permissions-Policy.
- ``two_factor`` — TOTP and recovery codes for the Wagtail admin.
"""
