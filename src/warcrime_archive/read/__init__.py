"""Read stage: YAML and Markdown files -> values that remember their file, line and column."""
