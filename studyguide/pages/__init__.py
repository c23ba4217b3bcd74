"""Generated pages, each the output of one macro call, built in one pass over the data
(glossary, term_page, who, timeline, tracker, review), and when each page last changed
(dates)."""

# The first line of a generated page, for contributors only: an HTML comment (the page's
# edit button opens the data file).
NOTICE = (
    "<!-- Generated page: made from {data} by the {macro}() macro at build time. "
    "Edit {data}, not this page. -->\n\n"
)

# Generated pages and the data each is made from (for page dates and build order).
GENERATED = {
    "glossary.md": ["glossary.yaml", "data/excerpts"],
    "who.md": ["data/people.yaml", "data/excerpts"],
    "timeline.md": ["data/timeline.yaml"],
    "tracker.md": ["data/positions", "glossary.yaml"],
    "study/review.md": ["data/selfcheck.yaml"],
    "study/sheets.md": [
        "glossary.yaml",
        "data/sources.yaml",
        "data/excerpts",
        "data/timeline.yaml",
    ],
}
# Term pages (terms/<key>.md) exist only in the build (macros/hooks/term_pages.py).
TERM_PAGES = "terms/"
TERM_PAGE_DATA = ["glossary.yaml", "data/excerpts", "data/timeline.yaml"]


def generated_from(page: str) -> list[str] | None:
    """The data a generated page is made from; None for a page written by hand."""
    if page.startswith(TERM_PAGES):
        return TERM_PAGE_DATA
    return GENERATED.get(page)


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
