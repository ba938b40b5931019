"""Run the command-line interface as `python -m warcrime_archive`."""

from warcrime_archive.cli import run

if __name__ == "__main__":
    run()
