"""Questions asked of the views: overdue work, progress per agency, the score board, history."""
