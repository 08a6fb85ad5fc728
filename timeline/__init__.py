"""timeline: news snippets in, a dated, sourced, browsable timeline out."""

__version__ = "0.1.0"
