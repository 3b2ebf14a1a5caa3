"""How good a model is, in figures: sacrebleu scores and glossary term accuracy on test sets.

``testsets`` reads the data (named public sets, file pairs, hypothesis files),
``devset`` the domain dev TSV with its expected terms, ``runner`` translates and
scores, ``scoring`` wraps sacrebleu (metrics and the paired bootstrap), ``report``
formats the table. Scores worth keeping go beside the model
(``models.registry.append_score``).
"""
