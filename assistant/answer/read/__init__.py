"""Reading a question: `resolve.py` reads one into a `Resolved` (`reading.py`) through its
part-readers (phrases, places, levels, companies, neighbours, typos, stated figures);
`history.py` carries a subject over earlier turns; `intent.py` names the kind of answer."""
