"""How planner shows things to Vietnamese readers (pages, e-mails, terminal, reports)."""
