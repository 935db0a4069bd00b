"""Money in text, one home: `reader.py` is the one reader of an amount (`Amount`, in the guides'
notation or a language model's prose); `currency.py` the symbols, codes and scales it knows;
`cells.py` joins a table cell's amounts into a range (`ParsedCell`); `format.py` writes numbers
back in the guides' notation. A leaf: it imports nothing else of the package."""
