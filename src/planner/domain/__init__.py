"""The plans' own language: aggregates and value objects, free of I/O and clocks."""
