// The timeline's filter by source. Without this script every event shows and the
// filter stays hidden; with it, a button per source shows only the events it dates.
(function () {
  "use strict";
  var filter = document.querySelector(".timeline-filter");
  if (!filter) return;
  var table = filter.parentElement.querySelector("table") || document.querySelector(".md-content table");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  var count = filter.querySelector(".timeline-count");
  function sourceOf(row) {
    var link = row.querySelector("td:last-child a");
    var match = link && link.getAttribute("href").match(/sources\/([a-z0-9-]+)/);
    return match ? match[1] : "";
  }
  function show(source) {
    var shown = 0;
    rows.forEach(function (row) {
      var on = !source || sourceOf(row) === source;
      row.hidden = !on;
      if (on) shown += 1;
    });
    filter.querySelectorAll("button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-source") === source));
    });
    count.textContent = shown + " of " + rows.length + " events";
  }
  filter.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (button) show(button.getAttribute("data-source"));
  });
  filter.hidden = false;
  show("");
})();
