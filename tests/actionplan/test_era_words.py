"""The words a plan uses for what it answers depend on its era: concerns, or recommendations."""

from __future__ import annotations

import pytest

from actionplan.model import Category, Era


@pytest.mark.parametrize(("era", "category", "one", "several"), [
    (Era.CONCERNS, Category.PRIORITY, "priority concern", "priority concerns"),
    (Era.CONCERNS, Category.KEY, "key concern", "key concerns"),
    (Era.RECOMMENDATIONS, Category.PRIORITY, "main recommendation", "main recommendations"),
    (Era.RECOMMENDATIONS, Category.KEY, "recommendation", "recommendations"),
])
def test_category_nouns_follow_the_era(era: Era, category: Category, one: str, several: str) -> None:
    assert category.singular_in(era) == one
    assert category.plural_in(era) == several
    assert category.heading_in(era) == several[0].upper() + several[1:]


def test_the_concerns_era_keeps_the_words_it_always_had() -> None:
    for category in Category:
        assert category.singular_in(Era.CONCERNS) == category.singular
        assert category.heading_in(Era.CONCERNS) == category.heading


@pytest.mark.parametrize(("era", "one", "several"), [
    (Era.CONCERNS, "concern", "concerns"),
    (Era.RECOMMENDATIONS, "recommendation", "recommendations"),
])
def test_item_noun(era: Era, one: str, several: str) -> None:
    assert era.item_noun() == one
    assert era.item_noun(plural=True) == several
