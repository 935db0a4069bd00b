"""A question written in another language, read into the English words the reader knows:
its words and names (languages.py, from languages.yaml) and its numbers said in words
("55万", "550 mil", "45 लाख": numbers.py)."""
