"""Publish stage: the catalog's records as files besides the pages (downloads, feeds, search)."""
