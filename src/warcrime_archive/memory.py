"""Memory for objects that live as long as a build: made without the cyclic garbage collector, then set aside
from its passes (`gc.freeze`), and given back when the build lets go of them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """Make the objects of a load without the cyclic garbage collector, then set them aside from its passes.

    A warm load makes the whole archive (over half a million objects at 10,000 records) in a fraction of a second;
    each pass of the collector over them would cost more than the load itself. They live as long as the build
    (and hold no reference cycles, which plain reference counting frees), so `gc.freeze` keeps every later pass
    from walking them again. Whatever else was alive is set aside too: `thaw` gives it all back (`load_archive`
    calls it when its result is freed), so a process that builds again and again keeps no garbage for ever.
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
