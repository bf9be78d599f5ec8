"""Models of the condition guide: its plugins (plugins.py) and the condition facts extension
(facts.py)."""

from .facts import ConditionFacts
from .plugins import CallCareTeam, Callout, DecisionAid, Figure, KeyFigure, TreatmentComparison, TreatmentOption

__all__ = [
    "CallCareTeam",
    "Callout",
    "ConditionFacts",
    "DecisionAid",
    "Figure",
    "KeyFigure",
    "TreatmentComparison",
    "TreatmentOption",
]
