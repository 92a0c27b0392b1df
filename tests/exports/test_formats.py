import pytest

from exports.formats import TYPES, FormatError, clean, dump, entity_path, load

pytestmark = pytest.mark.django_db  # the app registry; no queries

TRICKY = [
    "",
    "plain",
    "yes",
    "null",
    "123",
    "  leading spaces",
    "trailing space ",
    "two\nlines",
    "ends with a newline\n",
    "blank lines\n\n\nin between",
    "windows\r\nline ends",
    "odd\x85breaks\u2028here",
    "tab\tinside\n\tand indented",
    "«Гавань фонарей» — Аня",
    "- looks like a list",
    "key: value",
    "# not a comment",
]


@pytest.mark.parametrize("text", TRICKY)
def test_any_text_survives_a_round_trip(text):
    document = {"id": "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01", "title": text}
    raw = dump(document)
    assert load(raw) == document
    assert b"\r" not in raw
    assert dump(load(raw)) == raw


def test_multi_line_text_is_a_literal_block_and_keys_keep_their_order():
    raw = dump({"id": "x", "name": "Anya", "description": "One.\nTwo.\n"})
    assert raw.decode() == "id: x\nname: Anya\ndescription: |\n  One.\n  Two.\n"


def test_file_names_carry_the_id_and_a_slug_of_the_name():
    data = {"id": "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01", "name": "Pier Nine!"}
    assert entity_path("lantern-harbor", "locations", data) == (
        "lantern-harbor/locations/0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01-pier-nine.yaml"
    )
    assert entity_path("w", "concepts", {**data, "name": "Гавань"}).endswith("-гавань.yaml")


@pytest.mark.parametrize(
    ("document", "field", "reason"),
    [
        ({"id": "nope", "number": 1, "title": "T"}, "id", "not an id"),
        ({"id": "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01", "title": "T"}, "number", "missing"),
        (
            {"id": "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01", "number": -1, "title": "T"},
            "number",
            "≥ 0",
        ),
        ({"id": "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01", "number": 1, "title": 5}, "title", "text"),
        (["a list"], "(document)", "mapping"),
    ],
)
def test_bad_values_name_the_field(document, field, reason):
    with pytest.raises(FormatError) as caught:
        clean(TYPES["chapters"], document)
    assert caught.value.field == field
    assert reason in caught.value.reason


def test_nested_errors_name_the_path():
    relation = {"id": "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01", "kind": "HATES"}
    document = {"id": relation["id"], "name": "N", "kind": "item", "relations": [relation]}
    with pytest.raises(FormatError) as caught:
        clean(TYPES["concepts"], document)
    assert caught.value.field == "relations[0].kind"


def test_broken_yaml_names_line_and_column():
    with pytest.raises(FormatError) as caught:
        load(b"id: x\nname: [unclosed\n")
    assert caught.value.field.startswith("line ")
    assert "broken YAML" in caught.value.reason


RELATION_ID = "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01"


def _relation(**fields) -> dict:
    return {
        "id": RELATION_ID,
        "kind": "FAMILY_OF",
        "target_type": "character",
        "target": RELATION_ID,
        **fields,
    }


@pytest.mark.parametrize("value", ["yes please", 1, None, [True]])
def test_known_from_start_is_true_or_false(value):
    document = {"id": RELATION_ID, "name": "Aldric", "status": "alive"}
    with pytest.raises(FormatError) as caught:
        clean(TYPES["characters"], {**document, "relations": [_relation(known_from_start=value)]})
    assert caught.value.field == "relations[0].known_from_start"
    assert "expected true or false" in caught.value.reason


def test_a_missing_death_or_known_from_start_is_empty():
    document = {"id": RELATION_ID, "name": "Aldric", "status": "dead", "relations": [_relation()]}
    cleaned = clean(TYPES["characters"], document)
    assert (cleaned["killed_by"], cleaned["death_scene"], cleaned["death_cause"]) == (
        None,
        None,
        "",
    )
    assert cleaned["relations"][0]["known_from_start"] is False
    known = {**document, "relations": [_relation(known_from_start=True)]}
    assert clean(TYPES["characters"], known)["relations"][0]["known_from_start"] is True
