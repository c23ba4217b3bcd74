"""Generated pages, each the output of one macro call, built in one pass over the data
(generated), and when each page last changed (dates)."""
