"""Reverie's SQLite database engine: Django's own, with the switch into WAL mode made safe for processes that open
a new database together (``ENGINE: "reverie.clinic.sqlite"``)."""
