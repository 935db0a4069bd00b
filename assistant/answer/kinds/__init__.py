"""One module per kind of answer: figures of one guide, placement of an offer, counter, advice,
compare, rank, coverage, a company's roles, level equivalence."""
