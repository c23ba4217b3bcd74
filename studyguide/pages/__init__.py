"""Generated pages, each the output of one macro call, built in one pass over the data
(generated), and when each page last changed (dates)."""

# Generated pages and the data each is made from (for page dates and build order).
GENERATED = {
    "glossary.md": ["glossary.yaml", "data/excerpts"],
    "who.md": ["data/people.yaml", "data/excerpts"],
    "timeline.md": ["data/timeline.yaml"],
    "tracker.md": ["data/excerpts", "glossary.yaml"],
    "study/review.md": ["data/selfcheck.yaml"],
    "study/sheets.md": ["glossary.yaml", "data/sources.yaml", "data/excerpts", "data/timeline.yaml"],
}
