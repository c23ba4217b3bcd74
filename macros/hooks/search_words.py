"""Hook: the glossary's and who's who's Chinese words as a jieba user dictionary for
Material's search plugin (its `jieba_dict_user` option), so 枢纽组织 is indexed as one word.

The dictionary is generated from the data on every build into .cache/, and the search
plugin's option is pointed at it before the plugin reads it (this hook runs first).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from studyguide.crossref.search_words import write_user_dictionary
from studyguide.load.guide import load_guide


@event_priority(100)  # before the search plugin's on_config loads the dictionary
def on_config(config):
    search = config["plugins"].get("material/search") or config["plugins"].get("search")
    if search is None:
        return config
    root = Path(config["config_file_path"]).parent
    path = write_user_dictionary(load_guide(root), root / ".cache" / "jieba-user.txt")
    search.config.jieba_dict_user = str(path)
    return config
