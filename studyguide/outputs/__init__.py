"""Files made from the guide beside the site: the PDF (pdf/), the Anki deck and CSV
(flashcards), citation strings (citations)."""
