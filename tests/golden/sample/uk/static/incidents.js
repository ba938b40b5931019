// The incident list, filtered and sorted in place. Progressive enhancement: without this script the
// list shows every record and the side, grade, category, place and year pages give every view.
// The filters and the sort are kept in the URL query (?side=...&grade=...&sort=...), so a view
// survives a reload and can be shared.
(function () {
  "use strict";
  var form = document.getElementById("list-filters");
  var table = document.getElementById("incident-list");
  if (!form || !table) {
    return;
  }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var status = document.getElementById("list-status");
  var count = table.caption.querySelector(".count");
  var names = ["side", "victims", "grade", "category", "region", "year"];
  var columns = { date: 0, title: 1, place: 2, grade: 5 };
  var DEFAULT_SORT = "date-desc";
  var sort = DEFAULT_SORT;

  // The status messages, in the site's language, from the status element's data-* attributes.
  function say(name, numbers) {
    return status.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (all, key) {
      return String(numbers[key]);
    });
  }

  function value(row, key) {
    if (key === "date") {
      // the page lists the records newest first, by the catalog's order of date windows
      return ("00000" + (rows.length - rows.indexOf(row))).slice(-6);
    }
    if (key === "grade") {
      return ("000" + row.getAttribute("data-rank")).slice(-4);
    }
    return row.cells[columns[key]].textContent.trim().toLowerCase();
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    names.concat(["q"]).forEach(function (name) {
      var field = form.elements[name];
      var wanted = params.get(name) || "";
      if (name !== "q" && !Array.prototype.some.call(field.options, function (o) { return o.value === wanted; })) {
        wanted = "";
      }
      field.value = wanted;
    });
    var s = params.get("sort") || DEFAULT_SORT;
    sort = /^(date|title|place|grade)-(asc|desc)$/.test(s) ? s : DEFAULT_SORT;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    names.concat(["q"]).forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) {
        params.set(name, v);
      }
    });
    if (sort !== DEFAULT_SORT) {
      params.set("sort", sort);
    }
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function apply() {
    var words = form.elements.q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = names.every(function (name) {
        var wanted = form.elements[name].value;
        return !wanted || (row.getAttribute("data-" + name) || "").split(" ").indexOf(wanted) >= 0;
      });
      if (ok && words) {
        ok = row.textContent.toLowerCase().indexOf(words) >= 0;
      }
      row.hidden = !ok;
      if (ok) {
        shown += 1;
      }
    });
    var parts = sort.split("-");
    var key = parts[0];
    var sign = parts[1] === "asc" ? 1 : -1;
    rows
      .slice()
      .sort(function (a, b) {
        var x = value(a, key);
        var y = value(b, key);
        if (x === y) {
          return rows.indexOf(a) - rows.indexOf(b);
        }
        return x < y ? -sign : sign;
      })
      .forEach(function (row) {
        tbody.appendChild(row);
      });
    Object.keys(columns).forEach(function (k) {
      var th = table.tHead.rows[0].cells[columns[k]];
      if (k === key) {
        th.setAttribute("aria-sort", sign === 1 ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    var numbers = { shown: shown, total: rows.length };
    count.textContent = shown === rows.length ? String(rows.length) : say("count", numbers);
    status.textContent = say(shown === rows.length ? "all" : "some", numbers);
    writeUrl();
  }

  // Sortable columns: a button in each sortable header.
  Object.keys(columns).forEach(function (k) {
    var th = table.tHead.rows[0].cells[columns[k]];
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    button.setAttribute("data-sort", k);
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var current = sort.split("-");
      var dir = current[0] === k && current[1] === "asc" ? "desc" : "asc";
      if (current[0] !== k && k === "date") {
        dir = "desc";
      }
      sort = k + "-" + dir;
      apply();
    });
  });

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  window.addEventListener("popstate", function () {
    readUrl();
    apply();
  });
  readUrl();
  form.hidden = false;
  apply();
})();
