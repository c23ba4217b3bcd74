"""Cross-references computed once per build: which excerpts and pages use which terms
and people (index), and the glossary's Chinese words for the search index (search_words)."""
