"""The date engine: find temporal expressions and normalise them (TimeML TIMEX3).

Public API: `extract(text, dct, lang, prefer=None) -> list[Mention]`.
"""
