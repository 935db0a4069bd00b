"""`python -m assistant.bench`: run the benchmarks (see the package docstring)."""

from assistant.bench import main

main()
