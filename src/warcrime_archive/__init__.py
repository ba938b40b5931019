"""warcrime-archive: a static-site generator for archives of documented alleged war-crime incidents.

The build is one straight pipeline, each stage a package of its own (`build.py` strings them together):

    read -> validate -> catalog -> plan -> render -> publish -> write

`model` says what a record is; `incremental` makes builds faster and never different; `commands` holds the
commands besides build and validate; `cli` is a thin layer over all of them.
"""

__version__ = "0.1.0"
