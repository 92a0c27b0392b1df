"""Which full-text rows a search ranks: tiers from "every word" to "any word"."""

from math import comb

from search.text import MAX_TIER_TERMS, Word, _tiers


def word(text: str, *lexemes: str) -> Word:
    return Word(text=text, norm=text.lower(), lexemes=frozenset(lexemes), capitalised=False)


def test_tiers_go_from_every_word_to_any_word_and_keep_each_words_forms_together():
    words = [word("Storms", "storm", "storms"), word("the"), word("harbour", "harbour")]
    words.append(word("O'Neil", "o'neil"))
    assert _tiers(words) == {
        3: "(('harbour') & ('o''neil') & ('storm' | 'storms'))",
        2: "(('harbour') & ('o''neil')) | (('harbour') & ('storm' | 'storms')) "
        "| (('o''neil') & ('storm' | 'storms'))",
        1: "(('harbour')) | (('o''neil')) | (('storm' | 'storms'))",
    }


def test_a_word_asked_twice_counts_once():
    assert _tiers([word("Kay", "kay"), word("kay", "kay")]) == {1: "(('kay'))"}


def test_a_long_question_keeps_only_the_tiers_it_can_spell_out():
    words = [word(f"w{n}", f"w{n}") for n in range(12)]
    tiers = _tiers(words)
    assert list(tiers) == [k for k in (12, 11, 1) if k in (1, 12) or comb(12, k) <= MAX_TIER_TERMS]
    assert tiers[12].count("&") == 11 and tiers[1].count("|") == 11
