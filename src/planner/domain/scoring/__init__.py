"""PAR scoring: rounds, each unit's scorecard (self-assessment, appraisal, survey), results."""
