"""The model's answer, kept only where it rests on facts we sent."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    title: str
    detail: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    summary: str
    suggestions: tuple[Suggestion, ...]
    dropped_citations: int

    def as_dict(self) -> dict:
        return {"summary": self.summary,
                "actions": [{"title": s.title, "detail": s.detail, "cites": list(s.cites)} for s in self.suggestions],
                "dropped_citations": self.dropped_citations}


def grounded(answer: dict, known_ids: set[str]) -> Advice:
    """Drops every citation the model invented; a suggestion left citing nothing is dropped with them."""
    kept, dropped = [], 0
    for action in answer["actions"]:
        cites = tuple(dict.fromkeys(c for c in action["cites"] if c in known_ids))
        dropped += len(action["cites"]) - len([c for c in action["cites"] if c in known_ids])
        if cites:
            kept.append(Suggestion(action["title"], action["detail"], cites))
    return Advice(answer["summary"], tuple(kept), dropped)
