"""Command-line edges: `assistant` (admin) and `ask`."""
