"""warcrime-archive: a static-site generator for archives of documented alleged war-crime incidents.

The build is one straight pipeline, each stage in its own module:

    read (yaml_reader, pages_reader) -> validate (validate) -> catalog (catalog)
    -> plan (plan) -> render (render) -> write (write)

`pipeline` strings the stages together; `cli` is a thin layer over `pipeline`.
"""

__version__ = "0.1.0"
