"""The build's long-lived objects, set aside from the garbage collector's passes.

The records, the catalog and the plan live as long as the build and hold no reference cycles (reference counting
frees them), but the cyclic collector walks every container object it tracks at each of its passes: hundreds of
thousands in a large archive, again at every pass. In the forked render workers a pass would also write to the
header of every inherited object, copying the memory pages the workers share with the build.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """Make objects without the cyclic collector, then set them aside from its passes (`gc.freeze`).

    Whatever else was alive is set aside too: `thaw` gives it all back (the load calls it when its result is
    freed), so a process that builds again and again (`serve`) keeps no garbage for ever.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # before enabling: the first allocation after would start a pass over all of them
        if was:
            gc.enable()


def thaw() -> None:
    """Give what `long_lived` set aside back to the garbage collector."""
    gc.unfreeze()
