"""The web edge of the course of therapy: thin views over the care services."""
