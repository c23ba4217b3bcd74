"""Data files -> Python objects. Everything that can be wrong in a data file is found
here and reported as `file:line: 'key': message (fix)`: YAML syntax and duplicate keys
(yaml_strict), JSON Schema (schema), pinyin against hanzi (pinyin), references between
files (guide), excerpts word for word against the source texts (verbatim, excerpts).
Passed checks are remembered in .cache/ (cache)."""
