// Sortable tables: click a heading with data-sort ("text", "number" or "date") to sort its
// table by that column; click again to reverse. Cells may carry the value to sort by in
// data-value (ISO dates, plain numbers), so the shown text can stay Vietnamese.
(function () {
  "use strict";
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  function valueOf(row, column) {
    var cell = row.cells[column];
    if (!cell) return "";
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  function compare(kind) {
    if (kind === "number") {
      return function (a, b) { return (parseFloat(a) || 0) - (parseFloat(b) || 0); };
    }
    return function (a, b) { return collator.compare(a, b); };
  }

  function sort(heading) {
    var table = heading.closest("table");
    var body = table.tBodies[0];
    var column = Array.prototype.indexOf.call(heading.parentNode.children, heading);
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var order = compare(heading.getAttribute("data-sort"));
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var result = order(valueOf(a, column), valueOf(b, column));
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th[data-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function prepare(root) {
    root.querySelectorAll("table.sortable th[data-sort]").forEach(function (heading) {
      if (heading.dataset.ready) return;
      heading.dataset.ready = "1";
      heading.tabIndex = 0;
      heading.title = "Bấm để sắp xếp";
      heading.addEventListener("click", function () { sort(heading); });
      heading.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(heading); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { prepare(document); });
  document.addEventListener("htmx:afterSettle", function (event) { prepare(event.target); });
})();
