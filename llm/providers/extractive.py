"""The offline provider: a first-person answer put together from the matched lore.

No model, no network. It takes the items the question matched (already ranked
and restricted to what the character knows), says what each one holds in a
fixed first-person frame, and numbers the citations — a death by its scene.
When nothing matched, it says plainly that the character does not know.
"""

from ..context import Context, Item, death_sentence
from ..prompt import Prompt
from .base import Completion, Provider

MAX_FACTS = 3
FIRST_SENTENCE_CHARS = 320
PHRASES = {
    "en": {
        "unknown": "I don't know anything about that.",
        "unknown_named": "I don't know anything about that — I have never come across it.",
        "me": "I am {name}.",
        "scene": "I remember “{title}” (chapter {chapter}{where}{with_}): {text}",
        "where": ", at {place}",
        "with": ", with {names}",
        "relation": "{title}{since}.",
        "since": " — since chapter {chapter}",
        "place": "I know {title}: {text}",
        "concept": "I know of {title}: {text}",
    },
    "ru": {
        "unknown": "Я об этом ничего не знаю.",
        "unknown_named": "Я об этом ничего не знаю — никогда с этим не сталкивался.",
        "me": "Я — {name}.",
        "scene": "Я помню «{title}» (глава {chapter}{where}{with_}): {text}",
        "where": ", место: {place}",
        "with": ", со мной: {names}",
        "relation": "{title}{since}.",
        "since": " — с главы {chapter}",
        "place": "Я знаю это место — {title}: {text}",
        "concept": "Я знаю про {title}: {text}",
    },
}


class ExtractiveProvider(Provider):
    name = "extractive"
    model = "extractive-v1"

    def complete(self, *, context: Context, prompt: Prompt, question: str) -> Completion:
        phrases = PHRASES.get(context.character.world.language, PHRASES["en"])
        # A question about something the character never came across gets no answer
        # from loose word matches elsewhere in what they know.
        vetoed = context.unknown_mentions and not context.mentioned
        facts = [] if vetoed else _facts(context)
        if not facts:
            key = "unknown_named" if context.unknown_mentions else "unknown"
            return Completion(phrases[key], [], False, _usage(prompt, phrases[key]))
        sentences = [
            f"{_sentence(item, context, phrases)} [{number}]"
            for number, (item, _cited) in enumerate(facts, start=1)
        ]
        answer = " ".join(sentences)
        cited = [uid for _item, uid in facts]
        return Completion(answer, cited, True, _usage(prompt, answer))


def _facts(context: Context) -> list[tuple[Item, str]]:
    """The best items with what each cites (a death: its scene, when in the context).

    One number, one citation: a fact whose citations are all taken is left out.
    """
    facts: list[tuple[Item, str]] = []
    for item in context.relevant():
        taken = {uid for _item, uid in facts}
        free = [uid for uid in (*item.cites, item.id) if context.item(uid) and uid not in taken]
        if free:
            facts.append((item, free[0]))
        if len(facts) == MAX_FACTS:
            break
    return facts


def _sentence(item: Item, context: Context, phrases: dict[str, str]) -> str:
    text = _first_sentences(item.text)
    if item.type == "character":
        return " ".join(p for p in (phrases["me"].format(name=item.title), text) if p)
    if item.type == "scene":
        me = context.character.name
        others = [n for n in item.details.get("with", []) if not n.startswith(f"{me} (")]
        place = item.details.get("location")
        return phrases["scene"].format(
            title=item.title,
            chapter=item.chapter,
            where=phrases["where"].format(place=place) if place else "",
            with_=phrases["with"].format(names=", ".join(others)) if others else "",
            text=text,
        )
    if item.type == "death":
        by_me = str(context.character.public_id) in item.links  # they are the killer
        return death_sentence(item.details, context.character.world.language, by_me)
    if item.type == "relation":
        since = phrases["since"].format(chapter=item.chapter) if item.chapter else ""
        sentence = phrases["relation"].format(title=item.title, since=since)
        return f"{sentence} {text}".strip()
    return phrases["place" if item.type == "location" else "concept"].format(
        title=item.title, text=text
    )


def _first_sentences(text: str) -> str:
    """The opening of a text, cut at a sentence end, so the answer stays short."""
    if len(text) <= FIRST_SENTENCE_CHARS:
        return text
    cut = text[:FIRST_SENTENCE_CHARS]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > 0 else cut.rstrip() + "…"


def _usage(prompt: Prompt, answer: str) -> dict[str, int]:
    # The same rough estimate as the context budget: there is no tokenizer offline.
    return {
        "prompt_tokens": (len(prompt.system) + len(prompt.user)) // 4,
        "completion_tokens": len(answer) // 4,
    }
