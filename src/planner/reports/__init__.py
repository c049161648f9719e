"""Quarterly and annual reports: progress per agency, targets against achieved scores.

Entry points for the command line, the web app and the reminder service:
`delivery.render_report` (a plan's report for a period, as bytes in HTML, XLSX or CSV),
`deadlines.reporting_deadlines` (when each report is due), and
`results.ResultSource` (where the PAR scoring rounds feed their results in).
"""
