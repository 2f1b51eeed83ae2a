"""The Django edge: models, services, views and templates for the clinic and the embedded app."""
