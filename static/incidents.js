// The incident list: its pages are made at build time, newest first. With this script the form above the list is
// shown, and filtering or sorting every record happens in the explore view (explore/), which the form opens with its
// choices in the address. An address of the list with filters in it (from before the list had pages, or shared)
// opens the same view there. Without this script the page says that filters need JavaScript and links to the pages
// of each side, grade, category, place and year.
(function () {
  "use strict";
  var form = document.getElementById("list-filters");
  if (!form) {
    return;
  }
  var names = ["side", "victims", "grade", "category", "region", "harm", "year", "q", "sort", "from", "to"];
  var params = new URLSearchParams(window.location.search);
  var wanted = new URLSearchParams();
  names.forEach(function (name) {
    params.getAll(name).forEach(function (value) {
      if (value) {
        wanted.append(name, value);
      }
    });
  });
  if (wanted.toString()) {
    window.location.replace(form.action + "?" + wanted.toString());
    return;
  }
  // Empty choices are left out of the address.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.value.trim()) {
        query.append(field.name, field.value.trim());
      }
    });
    window.location.assign(form.action + (query.toString() ? "?" + query.toString() : ""));
  });
  form.hidden = false;
})();
