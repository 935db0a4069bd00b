"""Stage 1: corpus files -> typed Guide values (figures, regions, sections) and lint findings."""
