"""The glossary learns from translators: proposals from confirmed segments, and what MT misses.

``service.TermProposalService`` is ``desk.term_proposals``; ``replacements`` finds
held terms translators replace the same way, ``cooccurrence`` source phrases
translated the same way with no entry, ``missed`` the entries each model misses.
"""

from translate.desk.term_learning.candidates import LearningOptions
from translate.desk.term_learning.service import TermProposalService

__all__ = ["LearningOptions", "TermProposalService"]
