"""Validate stage: read values -> pydantic models, with every problem and its position."""
