"""Reading the plans provinces publish (text exports, .xlsx, .docx) into planner's terms.

Adapters at the edge: files become paragraphs and table rows (`source`), rows become
criteria, targets and tasks by what their headers say, and the checked result is a
`PlanDocument` the application stores in one go.
"""
