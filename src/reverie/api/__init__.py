"""Reverie's REST API (django-ninja): the same services as the web and the CLI, one error shape, OpenAPI."""
