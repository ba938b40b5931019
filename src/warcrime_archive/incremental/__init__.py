"""The incremental build: stores and fingerprints that make a build faster, never different."""
