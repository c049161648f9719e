"""A realistic sample: Bắc Kạn's 2023 plan and a year of agencies reporting on it."""
