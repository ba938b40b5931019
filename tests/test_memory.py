"""Objects made under `long_lived` are set aside from the garbage collector until `thaw`."""

import gc
import weakref

from warcrime_archive import memory


class Cycle:
    me: object


def test_what_is_made_long_lived_is_out_of_the_collectors_reach_until_thawed():
    assert gc.isenabled()
    with memory.long_lived():
        assert not gc.isenabled()  # no pass while the objects are made
        kept = Cycle()
        kept.me = kept
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gone = weakref.ref(kept)
    del kept
    gc.collect()
    assert gone() is not None  # set aside: the collector does not see the cycle
    memory.thaw()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with memory.long_lived():
            pass
        assert not gc.isenabled()
    finally:
        memory.thaw()
        gc.enable()
