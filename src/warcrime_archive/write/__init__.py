"""Write stage: the only stage that writes the output folder."""
