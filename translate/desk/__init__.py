"""The desk service: articles, segments, jobs, memory, accounts, importers, the database.

It sits on the MT core (``translate`` outside this package) and the termbase
(``glossary``) and knows nothing of Flask. Callers hold a :class:`Desk` and use
its services; the names below are what they need to catch or read.
"""

from translate.desk.errors import EditConflict, InvalidState, LoginThrottled, NotFound, PermissionDenied
from translate.desk.facade import Desk
from translate.desk.views import DocumentView, JobView, SegmentView, UserView

__all__ = [
    "Desk",
    "DocumentView",
    "EditConflict",
    "InvalidState",
    "JobView",
    "LoginThrottled",
    "NotFound",
    "PermissionDenied",
    "SegmentView",
    "UserView",
]
