"""The therapy course (Django app ``care``): courses and sessions, notes, formulation, measures, goals,
safety plans, risk alerts and check-ins, the fit self-check and the therapist directory.

Every rule comes from the pure cores (:mod:`reverie.measures`, :mod:`reverie.programmes`); this app stores,
seals, authorizes and shows. See docs/course.md.
"""
