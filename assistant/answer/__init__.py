"""Stage 3: question -> resolved entities -> hits -> Answer with citations."""
