"""Installed as ``generator.templates``: the Jinja2 templates (package data)."""
