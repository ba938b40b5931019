"""Catalog stage: valid records -> immutable indexes (the privacy gate is here)."""
