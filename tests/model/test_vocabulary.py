from warcrime_archive.model.vocabulary import did_you_mean


def test_did_you_mean():
    assert did_you_mean("rusia", ["russia", "ukraine"]) == "did you mean 'russia'?"
    assert did_you_mean("zzz", ["russia", "ukraine"]) == "allowed: russia, ukraine"
