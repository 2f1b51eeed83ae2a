"""Reverie: a local-first psychodynamic therapy workbench.

Reverie supports therapy; it is not a therapist and it never diagnoses.
"""

__version__ = "0.1.0"
