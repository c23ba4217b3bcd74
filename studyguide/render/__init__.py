"""Markdown for the guide's building blocks: relative links that MkDocs validates (links),
and terms, people, excerpts, source cards and self-check questions (blocks)."""
