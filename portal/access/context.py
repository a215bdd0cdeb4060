"""Who is working in the admin, and on which object, for the request being served.

The admin middleware (``guard``) sets it; the form checks in ``references`` read it,
since Wagtail's block ``clean()`` gets no request. A module of its own so that neither
of the two imports the other.
"""

import contextvars
from dataclasses import dataclass, field

_current = contextvars.ContextVar("portal_admin_request", default=None)


def current():
    """The ``AdminRequest`` being served, or None outside an admin request."""
    return _current.get()


@dataclass
class AdminRequest:
    """Who is working in the admin and on which object."""

    user: object
    edited: object = None
    _references: set = field(default=None, repr=False)

    def references_of_edited(self, references_of):
        """(model, pk) of everything the edited object already refers to, found once
        per request by ``references_of``.

        A teacher proposing a change to a school-wide page keeps the photos the school
        editors put there, even though the teacher could not choose them.
        """
        if self._references is None:
            self._references = set(references_of(self.edited)) if self.edited else set()
        return self._references
