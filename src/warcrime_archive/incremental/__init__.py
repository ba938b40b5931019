"""The incremental build: what makes a build faster, never different. A wing no stage imports.

Each stage defines the hook it may be given, with a plain default that works everything out (`build.Reuse` lists
them); this package gives the hooks that take from the last build what has not changed, and only the composition
roots (`cli`, `commands.serve`) call it, through `rebuild`. Deleting it changes the speed of a build, never its
output.

- `rebuild`: the incremental build (`LastBuild`, the hooks), with the up-to-date stamp before and after it;
- `uptodate`: the stamp: whether anything a build reads changed, from file and folder times alone;
- `kept_records`, `kept_parts`, `kept_fragments`, `kept_files`: what each stage keeps between builds;
- `fingerprint`: digests of what each page, fragment and file is made from;
- `code`: which code and libraries decide the output, as one version; `atomic`: cache files written whole.
"""
