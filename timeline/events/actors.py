"""Find actors (actors.yml names and aliases) in a sentence.

One compiled alternation per configuration, longest alias first, matched
case-sensitively as whole words (actors.yml lists every inflected form), so
tagging costs one regex scan per sentence whatever the number of aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.model import Actor, Config


@dataclass(frozen=True)
class ActorMatcher:
    pattern: re.Pattern[str] | None
    by_alias: dict[str, str]  # alias as written -> actor key

    def find(self, text: str) -> tuple[str, ...]:
        """Actor keys named in `text`, sorted, each once."""
        if self.pattern is None:
            return ()
        keys = {self.by_alias.get(_normal(m.group(0)), "") for m in self.pattern.finditer(text)}
        keys.discard("")
        return tuple(sorted(keys))


def _normal(alias: str) -> str:
    return " ".join(alias.split()).replace("’", "'")


def _phrase(alias: str) -> str:
    return r"\s+".join(re.escape(p) for p in alias.split()).replace("'", "['’]")


@lru_cache(maxsize=8)
def _compile(actors: tuple[Actor, ...]) -> ActorMatcher:
    by_alias: dict[str, str] = {}
    for actor in sorted(actors, key=lambda a: a.key):
        for alias in (actor.name, *actor.aliases):
            alias = _normal(alias)
            if alias:
                by_alias.setdefault(alias, actor.key)
    if not by_alias:
        return ActorMatcher(None, {})
    ordered = sorted(by_alias, key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(_phrase(a) for a in ordered) + r")(?![\w-])")
    return ActorMatcher(pattern, by_alias)


def actor_matcher(config: Config | None) -> ActorMatcher:
    """The matcher for the actors of `config` (cached: configs are frozen)."""
    if config is None:
        return ActorMatcher(None, {})
    return _compile(tuple(config.actors))
