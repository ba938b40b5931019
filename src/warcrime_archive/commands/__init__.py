"""The commands besides build and validate."""
