"""Offline theme analysis of post-its: suggested groups, cross-cutting themes, quality.

Standard library only: Italian text features (:mod:`.italian`), a sparse TF-IDF
similarity graph (:mod:`.vectors`), suggested groups for one table (:mod:`.suggest`),
recurring themes across the tables of an event (:mod:`.crosscutting`) and the agreement
of the suggestions with human grouping (:mod:`.quality`). Nothing here writes to an event
file: accepting a suggestion is the capture service's job.

The full result of a suggestion, with its explicit list of ungrouped post-its, comes from
``facilitator_app.services.analysis.suggest.suggest`` (not re-exported here, where the
name would hide the module).
"""

from facilitator_app.services.analysis.crosscutting import (
    CrossCuttingTheme,
    Origin,
    RecurringTerm,
    crosscutting_themes,
    recurring_terms,
)
from facilitator_app.services.analysis.quality import adjusted_rand_index, evaluate
from facilitator_app.services.analysis.suggest import (
    SuggestedGroup,
    Suggestion,
    merge_groups,
    rename_group,
    split_group,
    suggest_groups,
)

__all__ = [
    "CrossCuttingTheme",
    "Origin",
    "RecurringTerm",
    "SuggestedGroup",
    "Suggestion",
    "adjusted_rand_index",
    "crosscutting_themes",
    "evaluate",
    "merge_groups",
    "recurring_terms",
    "rename_group",
    "split_group",
    "suggest_groups",
]
