"""Deterministic fake speech recognition and translation: what the mock "hears" in the audio it is sent.

The mock does not listen to the audio. Turn ``n`` of a session always says phrase ``n`` of a small phrase book in
the speaker's language, translated into the other party's language, so transcripts are predictable in tests.
Languages outside the book get a tagged English phrase (``[ja] Hello, …``).
"""

from __future__ import annotations

_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "Hello, how can I help you?",
        "I have a question about my order.",
        "Of course, what is your order number?",
        "It is four five six seven.",
        "Thank you, I have changed the delivery address.",
        "Great, that is all I needed.",
    ),
    "de": (
        "Hallo, wie kann ich Ihnen helfen?",
        "Ich habe eine Frage zu meiner Bestellung.",
        "Natürlich, wie lautet Ihre Bestellnummer?",
        "Sie lautet vier fünf sechs sieben.",
        "Danke, ich habe die Lieferadresse geändert.",
        "Super, das war alles, was ich brauchte.",
    ),
    "es": (
        "Hola, ¿en qué puedo ayudarle?",
        "Tengo una pregunta sobre mi pedido.",
        "Claro, ¿cuál es su número de pedido?",
        "Es cuatro cinco seis siete.",
        "Gracias, he cambiado la dirección de entrega.",
        "Genial, eso es todo lo que necesitaba.",
    ),
    "fr": (
        "Bonjour, comment puis-je vous aider ?",
        "J'ai une question sur ma commande.",
        "Bien sûr, quel est votre numéro de commande ?",
        "C'est quatre cinq six sept.",
        "Merci, j'ai modifié l'adresse de livraison.",
        "Parfait, c'est tout ce qu'il me fallait.",
    ),
}


def phrase(language: str, turn: int) -> str:
    """The text of turn ``turn`` (1-based) in ``language``."""
    base = language.split("-")[0].lower()
    book = _PHRASES.get(base)
    index = (turn - 1) % len(_PHRASES["en"])
    if book is None:
        return f"[{language}] {_PHRASES['en'][index]}"
    return book[index]


def partial(language: str, turn: int, progress: float) -> str:
    """The interim text ``progress`` (0-1) of the way through the turn: a growing prefix of the final phrase."""
    words = phrase(language, turn).split()
    shown = max(1, int(len(words) * min(progress, 1.0)))
    return " ".join(words[:shown])


def keywords(texts: list[str], limit: int = 5) -> list[str]:
    """The longest distinct words of ``texts``, a stand-in for keyword extraction."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in text.split():
            cleaned = word.strip(".,;:!?¿¡\"'()[]").lower()
            if len(cleaned) > 4:
                seen.setdefault(cleaned)
    return sorted(seen, key=lambda word: (-len(word), word))[:limit]
