"""Plan stage: catalog -> the list of pages to render."""
