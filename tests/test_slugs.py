from warcrime_archive.slugs import former_slug, short_hash, slugify


def test_slugify():
    assert slugify("Zaporizhzhia Oblast") == "zaporizhzhia-oblast"
    assert slugify("  'They Are Not Humans': Video!  ") == "they-are-not-humans-video"
    assert len(slugify("x" * 200)) == 60


def test_text_in_other_scripts_is_transliterated_never_hashed():
    assert slugify("Соледар") == "soledar"
    assert slugify("Донецька область") == "donetska-oblast"
    assert slugify("Кам’янське") == "kamyanske"  # the apostrophe and the soft sign make no separator
    assert slugify("الجغرافي") == "ljghrfy"
    assert slugify("Straße in Malá Rohan") == "strasse-in-mala-rohan"


def test_latin_names_keep_the_addresses_they_had():
    for name in ("Zaporizhzhia Oblast", "Kherson’s Oblast", "Kherson's", "Malá Rohan", "  'They Are Not Humans'!"):
        assert slugify(name) == former_slug(name)


def test_the_former_slug_hashed_what_it_could_not_spell():
    assert former_slug("Соледар") == short_hash("Соледар") == "68d87007"
    assert slugify("🙂") == "slight-smile"
