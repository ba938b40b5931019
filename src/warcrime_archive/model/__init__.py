"""What a record and an archive are: the models, no I/O."""
