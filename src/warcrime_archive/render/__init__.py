"""Render stage: planned pages -> HTML through Jinja."""
