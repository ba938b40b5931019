from warcrime_archive.slugs import short_hash, slugify


def test_slugify():
    assert slugify("Zaporizhzhia Oblast") == "zaporizhzhia-oblast"
    assert slugify("  'They Are Not Humans': Video!  ") == "they-are-not-humans-video"
    assert slugify("Запоріжжя") == short_hash("Запоріжжя")
    assert len(slugify("x" * 200)) == 60
