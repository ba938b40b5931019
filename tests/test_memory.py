"""What a load sets aside from the garbage collector's passes it gives back when its result is freed."""

from __future__ import annotations

import gc
import weakref

from warcrime_archive import memory


def test_objects_made_as_long_lived_are_not_walked_until_thawed() -> None:
    class Cycle:
        me: object

    was = gc.get_freeze_count()
    with memory.long_lived():
        assert not gc.isenabled()
        kept = Cycle()
        kept.me = kept
    assert gc.isenabled() and gc.get_freeze_count() > was
    gone = weakref.ref(kept)
    del kept
    gc.collect()
    assert gone() is not None  # set aside: the collector does not see it
    memory.thaw()
    gc.collect()
    assert gone() is None
