// Progressive enhancement only: everything reads without it.
// 1. A filter box over the list of communes (filled from ?q= of the search box).
// 2. Sortable columns in commune tables (a button in each header).
(function () {
  "use strict";
  document.querySelectorAll("[data-filter-for]").forEach(function (box) {
    var target = document.getElementById(box.getAttribute("data-filter-for"));
    var input = box.querySelector("input");
    if (!target || !input) return;
    box.hidden = false;
    var fold = function (s) {
      return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
    };
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      target.querySelectorAll("tbody tr").forEach(function (tr) {
        tr.hidden = q !== "" && fold(tr.textContent).indexOf(q) < 0;
      });
    });
    // The header's search box submits here without its script: filter by it.
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) {
      input.value = asked;
      input.dispatchEvent(new Event("input"));
    }
  });
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (tr) {
          var c = tr.cells[col];
          var v = c.getAttribute("data-sort");
          if (v === null) v = c.textContent.trim();
          var n = parseFloat(v);
          return isNaN(n) || /[^0-9.\-]/.test(v) ? v : n;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
          return asc ? r : -r;
        });
        rows.forEach(function (tr) { body.appendChild(tr); });
      });
    });
  });
})();
