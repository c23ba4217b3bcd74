"""Generated pages, each the output of one macro call, built in one pass over the data
(generated), and when each page last changed (dates)."""

# Generated pages and the data each is made from (for page dates and build order).
GENERATED = {
    "glossary.md": ["glossary.yaml", "data/excerpts"],
    "who.md": ["data/people.yaml", "data/excerpts"],
    "timeline.md": ["data/timeline.yaml"],
    "tracker.md": ["data/excerpts", "glossary.yaml"],
    "study/review.md": ["data/selfcheck.yaml"],
}


def edit_url(page: str, repo_url: str | None, edit_uri: str | None) -> str | None:
    """Where a generated page's edit button points: its first data file, edited on the
    repository's branch (a folder of data files is opened for browsing), or None."""
    if page not in GENERATED or not repo_url or not edit_uri:
        return None
    from studyguide import ROOT

    data = GENERATED[page][0]
    branch_uri = edit_uri.rstrip("/").removesuffix("docs").rstrip("/")  # "edit/main"
    if (ROOT / data).is_dir():
        branch_uri = branch_uri.replace("edit/", "tree/", 1)
    return f"{repo_url.rstrip('/')}/{branch_uri}/{data}"
