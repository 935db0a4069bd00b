"""Reading a question: `resolve.py` reads one into a `Resolved` (`reading.py`) through its
part-readers (languages, phrases, places, levels and ladders, companies, neighbours, typos,
stated figures and stories); `dialogue.py` holds a conversation's state over earlier turns;
`intent.py` names the kind of answer."""
