"""What kind of event a sentence reports and how sure the article is of it.

Kind: the kind whose keyword stems (lang/<code>.yaml) occur most often in the
sentence; ties go to the kind listed first; no hit (or a kind the site does
not configure) gives "other".

Status, combining the date with the wording:
- expected: a FUTURE_REF date; a date entirely after the publication day; or
  a date that reaches the publication day or later with a future/conditional
  cue ("pourraient arriver dans les prochaines semaines", "il restera tout le
  week-end");
- reported: attributed to someone else ("selon …", "d'après …", "according
  to") — or a conditional about a date already past (an unconfirmed fact);
- occurred: everything else.
"""

from __future__ import annotations

from timeline.events.vocab import Vocab, normal_stem
from timeline.model import Config, Status, When

FALLBACK_KIND = "other"


def kind_of(sentence: str, vocab: Vocab, config: Config | None) -> str:
    counts: dict[str, int] = {}
    for m in vocab.kind_re.finditer(sentence):
        kind = vocab.stem_kind.get(normal_stem(m.group(1)))
        if kind:
            counts[kind] = counts.get(kind, 0) + 1
    configured = {k.key for k in config.kinds} if config is not None else set()
    ranked = sorted(counts, key=lambda k: (-counts[k], vocab.kinds.index(k)))
    for kind in ranked:
        if not configured or kind in configured:
            return kind
    return FALLBACK_KIND


def status_of(sentence: str, when: When, dct: str, vocab: Vocab) -> Status:
    future_cue = vocab.expected_re.search(sentence) is not None
    if when.value == "FUTURE_REF" or (dct and when.earliest > dct):
        return "expected"
    if future_cue and dct and when.latest >= dct:
        return "expected"
    if future_cue or vocab.reported_re.search(sentence) is not None:
        return "reported"
    return "occurred"
