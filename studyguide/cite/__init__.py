"""The sources cited: each as a CSL-JSON item rendered in the official styles (citations,
with csl/ and citeproc-py: citeproc_gaps, citeproc_speed) and as the files reference
managers read (formats: BibTeX, RIS, CSL-JSON, COinS). Pages (render) and the files
beside the site (outputs) both cite through here."""
