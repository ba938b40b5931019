// The explore view: every record on a map (Leaflet, served by this site, with the base map made at build time) and
// on a timeline with a span of time to choose, filtered by facets and words, the matching records listed a hundred
// at a time, each with its details, and downloadable as CSV or GeoJSON. Its state is kept in the address, so a
// view survives a reload and can be shared. The data comes from explore/data/: a summary of every record (facets
// and their counts, records by month and by region), which with the first chunk of records (the newest) gives the
// first screen, then the other chunks. Without JavaScript the page links to the map, the timeline and the lists.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.getElementById("explore");
  if (!root || !script || !window.L || !window.fetch) {
    return;
  }
  var L = window.L;
  var dataUrl = new URL(script.getAttribute("data-data"), window.location.href);
  var siteRoot = new URL(script.getAttribute("data-root"), window.location.href);
  var base = script.getAttribute("data-base"); // the site's permanent address, when it has one
  var PER_PAGE = 100;
  var DETAIL_ZOOM = 7; // from this zoom on, each record is drawn; below it, records are counted by region
  var SORTS = ["date-desc", "date-asc", "title-asc", "place-asc", "grade-asc"];
  var SHAPES = [
    '<circle cx="12" cy="12" r="8"/>',
    '<rect x="4" y="4" width="16" height="16"/>',
    '<path d="M12 2 22 12 12 22 2 12z"/>',
    '<path d="M12 3 22 20H2z"/>',
    '<path d="M2 4h20L12 21z"/>',
    '<path d="M7 3h10l5 9-5 9H7l-5-9z"/>',
    '<path d="M9 2h6v7h7v6h-7v7H9v-7H2V9h7z"/>',
    '<path d="M12 2l3 7h7l-6 5 2 8-6-5-6 5 2-8-6-5h7z"/>'
  ];
  var SEVERAL = '<path d="M3 3h18v18H3z M7 7v10h10V7z" fill-rule="evenodd"/>';

  var el = function (id) {
    return document.getElementById(id);
  };
  var form = el("explore-form");
  var status = el("explore-status");
  var summary = null;
  var facets = []; // [{name, label, options: [[key, label]], index: {key: position}}]
  var records = []; // every record loaded so far, newest first
  var complete = false; // every chunk is loaded
  var state = null;
  var view = null; // the latest result: {matched, counts, months}
  var map = null;
  var layers = {};
  var selected = null;
  var touched = false; // the reader has moved the map

  function say(name, values) {
    return (root.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (all, key) {
      var v = values && values[key];
      return typeof v === "number" ? v.toLocaleString(document.documentElement.lang) : String(v);
    });
  }

  // -- dates ---------------------------------------------------------------------------------------------------
  function dayOf(y, m, d) {
    return Math.floor(Date.UTC(y, m - 1, d) / 864e5);
  }
  function span(iso) {
    // an ISO date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD) -> [first day, last day], as day numbers
    var p = iso.split("-").map(Number);
    if (p.length === 3) {
      return [dayOf(p[0], p[1], p[2]), dayOf(p[0], p[1], p[2])];
    }
    if (p.length === 2) {
      return [dayOf(p[0], p[1], 1), dayOf(p[0], p[1] + 1, 1) - 1];
    }
    return [dayOf(p[0], 1, 1), dayOf(p[0] + 1, 1, 1) - 1];
  }
  function monthOf(iso) {
    var p = iso.split("-").map(Number);
    return p[0] * 12 + (p[1] || 1) - 1;
  }
  function monthIso(month) {
    var m = (month % 12) + 1;
    return Math.floor(month / 12) + "-" + (m < 10 ? "0" : "") + m;
  }
  function monthWords(month) {
    var date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
    return date.toLocaleDateString(document.documentElement.lang, { month: "long", year: "numeric", timeZone: "UTC" });
  }

  // -- state and the address ------------------------------------------------------------------------------------
  function emptyState() {
    var s = { q: "", from: null, to: null, colour: "grade", sort: "date-desc", page: 1, id: null, map: null, f: {} };
    facets.forEach(function (f) {
      s.f[f.name] = [];
    });
    return s;
  }
  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var s = emptyState();
    s.q = params.get("q") || "";
    facets.forEach(function (f) {
      s.f[f.name] = params.getAll(f.name).filter(function (key) {
        return key in f.index;
      });
    });
    var months = /^\d{4}-\d{2}$/;
    s.from = months.test(params.get("from") || "") ? monthOf(params.get("from")) : null;
    s.to = months.test(params.get("to") || "") ? monthOf(params.get("to")) : null;
    s.colour = params.get("colour") === "side" ? "side" : "grade";
    s.sort = SORTS.indexOf(params.get("sort")) >= 0 ? params.get("sort") : "date-desc";
    s.page = Math.max(1, parseInt(params.get("page"), 10) || 1);
    s.id = params.get("id");
    var m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get("map") || "");
    s.map = m ? { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) } : null;
    return s;
  }
  function writeUrl() {
    var params = new URLSearchParams();
    if (state.q) {
      params.set("q", state.q);
    }
    facets.forEach(function (f) {
      state.f[f.name].forEach(function (key) {
        params.append(f.name, key);
      });
    });
    if (state.from !== null) {
      params.set("from", monthIso(state.from));
    }
    if (state.to !== null) {
      params.set("to", monthIso(state.to));
    }
    if (state.colour !== "grade") {
      params.set("colour", state.colour);
    }
    if (state.sort !== "date-desc") {
      params.set("sort", state.sort);
    }
    if (state.page > 1) {
      params.set("page", String(state.page));
    }
    if (state.id) {
      params.set("id", state.id);
    }
    if (state.map) {
      params.set("map", [state.map.zoom, state.map.lat.toFixed(3), state.map.lon.toFixed(3)].join("/"));
    }
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }
  function filtered() {
    // whether the state narrows the records (else the summary counts them all)
    return Boolean(
      state.q ||
        state.from !== null ||
        state.to !== null ||
        facets.some(function (f) {
          return state.f[f.name].length > 0;
        })
    );
  }

  // -- the records ----------------------------------------------------------------------------------------------
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function addChunk(columns) {
    var regionNames = facets[4].options;
    for (var n = 0; n < columns.id.length; n += 1) {
      var from = span(columns.from[n]);
      var to = span(columns.to[n]);
      var r = {
        i: records.length,
        id: columns.id[n],
        title: columns.title[n],
        when: columns.when[n],
        fromIso: columns.from[n],
        toIso: columns.to[n],
        start: from[0],
        end: to[1],
        month: monthOf(columns.from[n]),
        place: columns.place[n],
        region: columns.region[n],
        lat: columns.lat[n],
        lon: columns.lon[n],
        precision: columns.precision[n],
        grade: columns.grade[n],
        victimsText: columns.victimsText[n],
        f: {
          side: columns.side[n],
          victims: columns.victims[n],
          grade: [columns.grade[n]],
          category: [columns.category[n]],
          region: [columns.region[n]],
          harm: columns.harm[n],
          year: []
        }
      };
      for (var y = Number(r.fromIso.slice(0, 4)); y <= Number(r.toIso.slice(0, 4)); y += 1) {
        if (String(y) in facets[6].index) {
          r.f.year.push(facets[6].index[String(y)]);
        }
      }
      r.text = fold([r.title, r.place, regionNames[r.region] ? regionNames[r.region][1] : "", r.id].join(" "));
      records.push(r);
    }
  }
  function load(name) {
    return fetch(new URL(name, dataUrl)).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + " " + name);
      }
      return response.json();
    });
  }

  // -- matching -------------------------------------------------------------------------------------------------
  function compute() {
    // One pass: the records matching every filter, and, for each facet, the records matching every filter but
    // its own (its choices' counts), and for the timeline every filter but the span of time.
    var chosen = facets.map(function (f) {
      var set = {};
      state.f[f.name].forEach(function (key) {
        set[f.index[key]] = true;
      });
      return state.f[f.name].length ? set : null;
    });
    var words = fold(state.q.trim())
      .split(/\s+/)
      .filter(Boolean);
    var fromDay = state.from === null ? -Infinity : dayOf(Math.floor(state.from / 12), (state.from % 12) + 1, 1);
    var toDay = state.to === null ? Infinity : dayOf(Math.floor(state.to / 12), (state.to % 12) + 2, 1) - 1;
    var counts = facets.map(function (f) {
      return f.options.map(function () {
        return 0;
      });
    });
    var months = {};
    var matched = [];
    records.forEach(function (r) {
      for (var w = 0; w < words.length; w += 1) {
        if (r.text.indexOf(words[w]) < 0) {
          return;
        }
      }
      var failed = -1; // the one facet it fails (facets.length: the span of time), or -2 for more than one
      for (var n = 0; n < facets.length && failed !== -2; n += 1) {
        if (chosen[n] && !r.f[facets[n].name].some(function (v) { return chosen[n][v]; })) {
          failed = failed === -1 ? n : -2;
        }
      }
      if (failed !== -2 && (r.end < fromDay || r.start > toDay)) {
        failed = failed === -1 ? facets.length : -2;
      }
      if (failed === -2) {
        return;
      }
      facets.forEach(function (f, n) {
        if (failed === -1 || failed === n) {
          r.f[f.name].forEach(function (v) {
            counts[n][v] += 1;
          });
        }
      });
      if (failed === -1 || failed === facets.length) {
        months[r.month] = (months[r.month] || 0) + 1;
      }
      if (failed === -1) {
        matched.push(r);
      }
    });
    return { matched: matched, counts: counts, months: months };
  }
  function fromSummary() {
    // the first screen, before every record is loaded: the whole archive, counted by the summary
    var months = {};
    var first = summary.months.first ? monthOf(summary.months.first) : 0;
    summary.months.counts.forEach(function (count, n) {
      if (count) {
        months[first + n] = count;
      }
    });
    return {
      matched: records,
      total: summary.total,
      counts: facets.map(function (f) {
        return summary.counts[f.name];
      }),
      months: months
    };
  }
  function sorted(list) {
    var out = list.slice();
    var key = state.sort;
    if (key === "date-asc") {
      out.reverse();
    } else if (key === "title-asc") {
      out.sort(function (a, b) {
        return a.title.localeCompare(b.title) || a.i - b.i;
      });
    } else if (key === "place-asc") {
      var regions = facets[4].options;
      out.sort(function (a, b) {
        var x = (a.place || regions[a.region][1]) + " " + regions[a.region][1];
        var y = (b.place || regions[b.region][1]) + " " + regions[b.region][1];
        return x.localeCompare(y) || a.i - b.i;
      });
    } else if (key === "grade-asc") {
      out.sort(function (a, b) {
        return a.grade - b.grade || a.i - b.i;
      });
    }
    return out;
  }

  // -- drawing --------------------------------------------------------------------------------------------------
  function update(options) {
    options = options || {};
    writeUrl();
    if (!complete && (filtered() || state.sort !== "date-desc" || state.page > 1)) {
      status.textContent = say("loading", { loaded: records.length, total: summary.total });
      return; // drawn when every record is in
    }
    view = complete ? compute() : fromSummary();
    if (!complete) {
      view.total = summary.total;
    }
    var count = complete ? view.matched.length : summary.total;
    drawCounts();
    drawHistogram();
    drawList(count);
    if (!options.keepMap) {
      drawMap();
    }
    drawLegend();
    drawWiden(count);
    var text = filtered() ? say("matching", { count: count, total: summary.total }) : say("all", { total: summary.total });
    if (count > PER_PAGE) {
      var first = (state.page - 1) * PER_PAGE + 1;
      text += " " + say("shown", { first: first, last: Math.min(count, first + PER_PAGE - 1) });
    }
    if (!count) {
      text = say("none");
    }
    if (!complete) {
      text += " " + say("loading", { loaded: records.length, total: summary.total });
    }
    status.textContent = text;
  }

  function drawCounts() {
    facets.forEach(function (f, n) {
      var boxes = form.querySelectorAll('input[name="' + f.name + '"]');
      Array.prototype.forEach.call(boxes, function (box) {
        box.checked = state.f[f.name].indexOf(box.value) >= 0;
        var c = view.counts[n][f.index[box.value]] || 0;
        box.parentNode.querySelector(".n").textContent = "(" + c.toLocaleString(document.documentElement.lang) + ")";
      });
    });
    form.elements.q.value = state.q;
    el("explore-colour").value = state.colour;
    el("explore-sort").value = state.sort;
  }

  function gradeLink(g) {
    var a = document.createElement("a");
    var option = facets[2].options[g];
    if (!option) {
      return document.createTextNode("");
    }
    a.className = "grade grade-" + option[0];
    a.href = new URL("grades/" + option[0] + "/", siteRoot).href;
    a.textContent = option[1];
    return a;
  }
  function labels(facet, values) {
    return values
      .map(function (v) {
        return facets[facet].options[v] ? facets[facet].options[v][1] : say("unknown");
      })
      .join(", ");
  }
  function placeWords(r) {
    var region = facets[4].options[r.region][1];
    return r.place ? r.place + ", " + region : region;
  }
  function recordUrl(r) {
    return new URL("incidents/" + r.id + "/", siteRoot).href;
  }
  function cell(row, label, content) {
    var td = document.createElement("td");
    td.setAttribute("data-label", label);
    if (typeof content === "string") {
      td.textContent = content;
    } else {
      td.appendChild(content);
    }
    row.appendChild(td);
    return td;
  }
  function drawList(count) {
    var table = el("explore-list");
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent;
    });
    var pages = Math.max(1, Math.ceil(count / PER_PAGE));
    if (state.page > pages) {
      state.page = pages;
      writeUrl();
    }
    var list = complete ? sorted(view.matched) : records;
    var rows = list.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE).map(function (r) {
      var tr = document.createElement("tr");
      var time = document.createElement("time");
      time.dateTime = r.fromIso;
      time.textContent = r.when;
      cell(tr, heads[0], time);
      var th = document.createElement("th");
      th.scope = "row";
      var a = document.createElement("a");
      a.href = recordUrl(r);
      a.textContent = r.title;
      th.appendChild(a);
      var details = document.createElement("button");
      details.type = "button";
      details.className = "details";
      details.textContent = say("details");
      details.setAttribute("aria-label", say("details-of", { title: r.title }));
      details.addEventListener("click", function () {
        select(r, details);
      });
      th.appendChild(document.createTextNode(" "));
      th.appendChild(details);
      tr.appendChild(th);
      cell(tr, heads[2], placeWords(r));
      cell(tr, heads[3], labels(0, r.f.side));
      cell(tr, heads[4], r.victimsText);
      cell(tr, heads[5], gradeLink(r.grade));
      return tr;
    });
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows);
    table.caption.querySelector(".count").textContent = count.toLocaleString(document.documentElement.lang);
    drawPager(pages);
  }
  function drawPager(pages) {
    var nav = el("explore-pager");
    var numbers = [];
    for (var n = 1; n <= pages; n += 1) {
      if (n === 1 || n === pages || Math.abs(n - state.page) <= 2) {
        numbers.push(n);
      } else if (numbers[numbers.length - 1] !== null) {
        numbers.push(null);
      }
    }
    var ul = document.createElement("ul");
    numbers.forEach(function (n) {
      var li = document.createElement("li");
      if (n === null) {
        li.className = "gap";
        li.setAttribute("aria-hidden", "true");
        li.textContent = "…";
      } else {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = String(n);
        b.setAttribute("aria-label", say("page", { number: n }));
        if (n === state.page) {
          b.setAttribute("aria-current", "page");
        }
        b.addEventListener("click", function () {
          state.page = n;
          update({ keepMap: true });
          el("h-explore-list").scrollIntoView();
        });
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
    nav.replaceChildren(ul);
    nav.hidden = pages <= 1;
  }

  // The facets a reader can remove one by one when nothing matches.
  function drawWiden(count) {
    var box = el("explore-widen");
    var buttons = [];
    function add(filterName, value, clear) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = say("remove", { filter: filterName, value: value });
      b.addEventListener("click", function () {
        clear();
        state.page = 1;
        update();
        status.focus();
      });
      buttons.push(b);
    }
    if (!count) {
      if (state.q) {
        add(say("words"), state.q, function () {
          state.q = "";
        });
      }
      if (state.from !== null || state.to !== null) {
        add(say("dates"), el("explore-from-text").textContent + " – " + el("explore-to-text").textContent, function () {
          state.from = state.to = null;
        });
      }
      facets.forEach(function (f) {
        state.f[f.name].forEach(function (key) {
          add(f.label, f.options[f.index[key]][1], function () {
            state.f[f.name] = state.f[f.name].filter(function (k) {
              return k !== key;
            });
          });
        });
      });
    }
    box.replaceChildren.apply(box, buttons);
    box.hidden = buttons.length === 0;
  }

  // -- the timeline ---------------------------------------------------------------------------------------------
  var firstMonth = 0;
  var lastMonth = 0;
  function drawHistogram() {
    var holder = el("explore-histogram");
    var n = lastMonth - firstMonth + 1;
    var tallest = 1;
    for (var m = firstMonth; m <= lastMonth; m += 1) {
      tallest = Math.max(tallest, view.months[m] || 0);
    }
    var width = 960;
    var height = 120;
    var w = width / n;
    var from = state.from === null ? firstMonth : state.from;
    var to = state.to === null ? lastMonth : state.to;
    var svgNs = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (height + 18));
    svg.setAttribute("class", "histogram");
    svg.setAttribute("aria-hidden", "true"); // the sliders below say the same
    var chosen = document.createElementNS(svgNs, "rect");
    chosen.setAttribute("class", "chosen");
    chosen.setAttribute("x", String((from - firstMonth) * w));
    chosen.setAttribute("width", String((to - from + 1) * w));
    chosen.setAttribute("y", "0");
    chosen.setAttribute("height", String(height));
    svg.appendChild(chosen);
    for (m = firstMonth; m <= lastMonth; m += 1) {
      var c = view.months[m] || 0;
      if (c) {
        var bar = document.createElementNS(svgNs, "rect");
        var h = Math.max(1.5, (height - 4) * (c / tallest));
        bar.setAttribute("x", String((m - firstMonth) * w + 0.5));
        bar.setAttribute("width", String(Math.max(0.5, w - 1)));
        bar.setAttribute("y", String(height - h));
        bar.setAttribute("height", String(h));
        bar.setAttribute("class", m >= from && m <= to ? "bar in" : "bar");
        svg.appendChild(bar);
      }
      if (m % 12 === 0 || m === firstMonth) {
        var label = document.createElementNS(svgNs, "text");
        label.setAttribute("x", String((m - firstMonth) * w + 2));
        label.setAttribute("y", String(height + 14));
        label.textContent = String(Math.floor(m / 12));
        svg.appendChild(label);
      }
    }
    holder.replaceChildren(svg);
    var fromInput = el("explore-from");
    var toInput = el("explore-to");
    fromInput.max = toInput.max = String(n - 1);
    fromInput.value = String(from - firstMonth);
    toInput.value = String(to - firstMonth);
    fromInput.setAttribute("aria-valuetext", monthWords(from));
    toInput.setAttribute("aria-valuetext", monthWords(to));
    el("explore-from-text").textContent = monthWords(from);
    el("explore-to-text").textContent = monthWords(to);
  }
  function setSpan(a, b) {
    var from = Math.max(firstMonth, Math.min(a, b));
    var to = Math.min(lastMonth, Math.max(a, b));
    state.from = from === firstMonth ? null : from;
    state.to = to === lastMonth ? null : to;
    state.page = 1;
  }
  function histogramEvents() {
    var holder = el("explore-histogram");
    var dragFrom = null;
    function monthAt(event) {
      var box = holder.getBoundingClientRect();
      var x = Math.min(Math.max(event.clientX - box.left, 0), box.width - 1);
      return firstMonth + Math.floor((x / box.width) * (lastMonth - firstMonth + 1));
    }
    holder.addEventListener("pointerdown", function (event) {
      dragFrom = monthAt(event);
      holder.setPointerCapture(event.pointerId);
      setSpan(dragFrom, dragFrom);
      update({ keepMap: true });
    });
    holder.addEventListener("pointermove", function (event) {
      if (dragFrom !== null) {
        setSpan(dragFrom, monthAt(event));
        drawHistogram();
      }
    });
    holder.addEventListener("pointerup", function (event) {
      if (dragFrom !== null) {
        setSpan(dragFrom, monthAt(event));
        dragFrom = null;
        update();
      }
    });
    el("explore-from").addEventListener("input", function () {
      var a = firstMonth + Number(el("explore-from").value);
      var b = state.to === null ? lastMonth : state.to;
      setSpan(Math.min(a, b), b);
      update();
    });
    el("explore-to").addEventListener("input", function () {
      var b = firstMonth + Number(el("explore-to").value);
      var a = state.from === null ? firstMonth : state.from;
      setSpan(a, Math.max(a, b));
      update();
    });
    el("explore-all-time").addEventListener("click", function () {
      state.from = state.to = null;
      state.page = 1;
      update();
    });
  }

  // -- the map --------------------------------------------------------------------------------------------------
  function shapeOf(r) {
    // [shape, colour class, legend key] by the chosen dimension
    if (state.colour === "side") {
      if (r.f.side.length > 1) {
        return [SEVERAL, "mk-several", "several"];
      }
      var s = r.f.side[0];
      return [SHAPES[s % SHAPES.length], "mk-" + (s % 8), s];
    }
    return [SHAPES[r.grade % SHAPES.length], "mk-" + (r.grade % 8), r.grade];
  }
  function markIcon(r, regionOnly) {
    var shape = shapeOf(r);
    var html = '<svg viewBox="0 0 24 24" aria-hidden="true" class="' + shape[1] + '">' + shape[0] + "</svg>";
    return L.divIcon({
      className: "ex-mark" + (regionOnly ? " ex-region" : "") + (r.id === state.id ? " ex-selected" : ""),
      html: html,
      iconSize: [26, 26]
    });
  }
  function groupIcon(count, words, regionOnly) {
    var size = Math.round(30 + Math.min(26, Math.sqrt(count) * 2));
    var html = '<span aria-hidden="true">' + count.toLocaleString(document.documentElement.lang) + "</span>";
    html += '<span class="vh">' + words.replace(/&/g, "&amp;").replace(/</g, "&lt;") + "</span>";
    return L.divIcon({ className: "ex-group" + (regionOnly ? " ex-region" : ""), html: html, iconSize: [size, size] });
  }
  function regionPoint(region) {
    var r = summary.regions[region];
    return r && r[1] ? [r[3], r[2]] : null;
  }
  function drawnAtPoint(r) {
    return r.lat !== null && summary.drawnAt.indexOf(r.precision) >= 0;
  }
  function makeMap() {
    var holder = el("explore-map");
    map = L.map(holder, { attributionControl: true, zoomSnap: 0.5, minZoom: 3, maxZoom: 13, worldCopyJump: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    layers.regions = L.layerGroup().addTo(map);
    layers.detail = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      chunkedLoading: true,
      iconCreateFunction: function (cluster) {
        var count = cluster.getAllChildMarkers().reduce(function (sum, m) {
          return sum + (m.options.count || 1);
        }, 0);
        return groupIcon(count, say("here", { count: count }), false);
      }
    });
    layers.detail.on("clusterkeydown", function (e) {
      var key = e.originalEvent.key;
      if (key === "Enter" || key === " ") {
        e.originalEvent.preventDefault();
        touched = true;
        e.layer.zoomToBounds();
      }
    });
    layers.selected = L.layerGroup().addTo(map);
    map.on("zoomend", function () {
      drawMap();
    });
    // The view goes into the address once the reader moves the map (not when it is fitted to the records).
    ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (name) {
      holder.addEventListener(name, function () {
        touched = true;
      }, { passive: true });
    });
    map.on("moveend", function () {
      if (touched) {
        var c = map.getCenter();
        state.map = { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
        writeUrl();
      }
    });
    // Leaflet names its own buttons in English: the markers and the container are named by this page.
    load("basemap.json").then(function (geojson) {
      L.geoJSON(geojson, {
        interactive: false,
        style: function (feature) {
          return { className: "bm-" + feature.properties.kind };
        }
      }).addTo(map).bringToBack();
      var all = L.geoJSON(geojson).getBounds();
      if (all.isValid()) {
        map.setMaxBounds(all.pad(0.05));
      }
      var countries = L.geoJSON({
        type: "FeatureCollection",
        features: geojson.features.filter(function (f) {
          return f.properties.kind === "country";
        })
      });
      if (!state.map && countries.getLayers().length) {
        map.fitBounds(countries.getBounds(), { animate: false });
      }
    }).catch(function () {
      return null;
    });
    if (state.map) {
      map.setView([state.map.lat, state.map.lon], state.map.zoom);
    } else {
      map.setView([48.5, 31.5], 5);
    }
  }
  // A mark does what a click does on Enter or Space: Leaflet makes each a focusable button, but on Enter only
  // opens a popup.
  function onActivate(marker, action) {
    marker.on("click", action);
    marker.on("keydown", function (e) {
      var key = e.originalEvent.key;
      if (key === "Enter" || key === " ") {
        e.originalEvent.preventDefault();
        touched = true;
        action();
      }
    });
  }
  function keyboardName(marker, words) {
    marker.on("add", function () {
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-label", words);
      }
    });
  }
  function drawMap() {
    if (!map) {
      return;
    }
    layers.regions.clearLayers();
    layers.detail.clearLayers();
    var detail = map.getZoom() >= DETAIL_ZOOM;
    if (detail && !map.hasLayer(layers.detail)) {
      map.addLayer(layers.detail);
    } else if (!detail && map.hasLayer(layers.detail)) {
      map.removeLayer(layers.detail);
    }
    if (!detail) {
      // every matching record counted by its region (from the summary until every record is in)
      var byRegion = complete ? {} : null;
      if (complete) {
        view.matched.forEach(function (r) {
          byRegion[r.region] = (byRegion[r.region] || 0) + 1;
        });
      }
      facets[4].options.forEach(function (option, region) {
        var count = byRegion ? byRegion[region] || 0 : summary.counts.region[region];
        var point = regionPoint(region);
        if (!count || !point) {
          return;
        }
        var words = say(count === 1 ? "region-one" : "region-all", { count: count, region: option[1] });
        var marker = L.marker(point, { icon: groupIcon(count, words, false), title: words, keyboard: true });
        keyboardName(marker, words);
        onActivate(marker, function () {
          map.setView(point, DETAIL_ZOOM);
          el("explore-map").focus(); // the marks are drawn anew: the reader goes on from the map
        });
        layers.regions.addLayer(marker);
      });
      return;
    }
    var markers = [];
    var regionOnly = {};
    view.matched.forEach(function (r) {
      if (drawnAtPoint(r)) {
        var m = L.marker([r.lat, r.lon], { icon: markIcon(r, false), title: r.title, keyboard: true });
        onActivate(m, function () {
          select(r, null);
        });
        markers.push(m);
      } else {
        (regionOnly[r.region] = regionOnly[r.region] || []).push(r);
      }
    });
    Object.keys(regionOnly).forEach(function (region) {
      var group = regionOnly[region];
      var point = regionPoint(Number(region));
      if (!point) {
        return;
      }
      var m;
      if (group.length === 1) {
        m = L.marker(point, { icon: markIcon(group[0], true), title: group[0].title, keyboard: true });
        onActivate(m, function () {
          select(group[0], null);
        });
      } else {
        var words = say("region-group", { count: group.length, region: facets[4].options[region][1] });
        m = L.marker(point, { icon: groupIcon(group.length, words, true), title: words, keyboard: true, count: group.length });
        keyboardName(m, words);
        onActivate(m, function () {
          showRegion(Number(region), group);
        });
      }
      markers.push(m);
    });
    layers.detail.addLayers(markers);
  }
  function drawLegend() {
    var legend = el("explore-legend");
    var dimension = state.colour === "side" ? 0 : 2;
    var items = facets[dimension].options.map(function (option, n) {
      return [SHAPES[n % SHAPES.length], "mk-" + (n % 8), option[1]];
    });
    if (state.colour === "side") {
      items.push([SEVERAL, "mk-several", say("several")]);
    }
    legend.replaceChildren.apply(
      legend,
      items.map(function (item) {
        var li = document.createElement("li");
        li.innerHTML = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class="' + item[1] + '">' + item[0] + "</svg> ";
        li.appendChild(document.createTextNode(item[2]));
        return li;
      })
    );
  }

  // -- details --------------------------------------------------------------------------------------------------
  var returnFocus = null;
  function openPanel(title, opener) {
    var panel = el("explore-detail");
    returnFocus = opener || document.activeElement;
    el("explore-detail-title").textContent = title;
    panel.hidden = false;
    el("explore-detail-title").focus();
  }
  function closePanel() {
    el("explore-detail").hidden = true;
    layers.selected && layers.selected.clearLayers();
    selected = null;
    if (state.id) {
      state.id = null;
      writeUrl();
    }
    if (returnFocus && document.body.contains(returnFocus)) {
      returnFocus.focus();
    }
  }
  function drawn(r) {
    if (drawnAtPoint(r)) {
      return say("drawn-point", { precision: summary.precision[r.precision] || r.precision });
    }
    var region = summary.regions[r.region];
    if (region && region[1] === "region") {
      return say("drawn-region", { region: facets[4].options[r.region][1] });
    }
    return region && region[1] === "country" ? say("drawn-country") : say("drawn-none");
  }
  function select(r, opener) {
    selected = r;
    state.id = r.id;
    writeUrl();
    var fields = el("explore-detail-fields").content.cloneNode(true);
    var put = function (name, value) {
      var target = fields.querySelector('[data-field="' + name + '"]');
      if (typeof value === "string") {
        target.textContent = value;
      } else {
        target.replaceChildren(value);
      }
    };
    put("when", r.when);
    put("where", placeWords(r));
    put("drawn", drawn(r));
    put("side", labels(0, r.f.side));
    put("victims", labels(1, r.f.victims));
    put("victimsText", r.victimsText);
    put("grade", gradeLink(r.grade));
    put("category", labels(3, r.f.category));
    fields.querySelector('[data-field="link"]').href = recordUrl(r);
    var summaryText = fields.querySelector('[data-field="summary"]');
    fetch(new URL("record.json", recordUrl(r)))
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && selected === r) {
          summaryText.textContent = data.summary;
        }
      })
      .catch(function () {
        return null;
      });
    el("explore-detail-body").replaceChildren(fields);
    el("explore-detail-map").hidden = false;
    openPanel(r.title, opener);
  }
  function showRegion(region, group) {
    var name = facets[4].options[region][1];
    var list = document.createElement("ul");
    group.slice(0, 50).forEach(function (r) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = r.title + " (" + r.when + ")";
      b.addEventListener("click", function () {
        select(r, b);
      });
      li.appendChild(b);
      list.appendChild(li);
    });
    var only = document.createElement("button");
    only.type = "button";
    only.textContent = say("list-region", { region: name });
    only.addEventListener("click", function () {
      state.f.region = [facets[4].options[region][0]];
      state.page = 1;
      closePanel();
      update({ keepMap: true });
      el("h-explore-list").scrollIntoView();
    });
    var p = document.createElement("p");
    p.appendChild(only);
    el("explore-detail-body").replaceChildren(list, p);
    el("explore-detail-map").hidden = true;
    openPanel(say("in-region", { region: name }), null);
  }
  function showOnMap() {
    var r = selected;
    if (!r) {
      return;
    }
    var point = drawnAtPoint(r) ? [r.lat, r.lon] : regionPoint(r.region);
    if (!point) {
      return;
    }
    layers.selected.clearLayers();
    var km = { near: 2, settlement: 5, district: 25 }[r.precision];
    if (drawnAtPoint(r) && km) {
      layers.selected.addLayer(L.circle(point, { radius: km * 1000, className: "ex-uncertainty", interactive: false }));
    }
    layers.selected.addLayer(L.circleMarker(point, { radius: 18, className: "ex-halo", interactive: false }));
    touched = true;
    map.setView(point, Math.max(map.getZoom(), DETAIL_ZOOM + 2));
    el("explore-map").focus();
  }

  // -- downloads ------------------------------------------------------------------------------------------------
  function permanent(r) {
    return base ? base + "incidents/" + r.id + "/" : recordUrl(r);
  }
  function geometry(r) {
    if (r.lat !== null) {
      return [{ type: "Point", coordinates: [r.lon, r.lat] }, "coordinates"];
    }
    var region = summary.regions[r.region];
    if (region && region[1]) {
      return [{ type: "Point", coordinates: [region[2], region[3]] }, region[1]];
    }
    return [null, null];
  }
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) {
      text = "'" + text; // shown as text by a spreadsheet, never run as a formula
    }
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function exportRows() {
    return sorted(view ? view.matched : []).map(function (r) {
      var g = geometry(r);
      var region = summary.regions[r.region];
      return {
        record: r,
        geometry: g[0],
        properties: {
          title: r.title,
          category: facets[3].options[r.f.category[0]] ? facets[3].options[r.f.category[0]][0] : "",
          date_from: r.fromIso,
          date_to: r.toIso,
          country: region ? region[0] : "",
          admin1: facets[4].options[r.region][1],
          place: r.place || null,
          precision: r.precision,
          geometry_represents: g[1],
          verification: facets[2].options[r.grade] ? facets[2].options[r.grade][0] : "",
          url: permanent(r)
        }
      };
    });
  }
  function keys(facet, values) {
    return values
      .map(function (v) {
        return facets[facet].options[v] ? facets[facet].options[v][0] : "";
      })
      .join("; ");
  }
  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 0);
  }
  function exportCsv() {
    var header = ["id", "title", "date_from", "date_to", "country", "admin1", "place", "precision", "latitude",
      "longitude", "geometry_represents", "alleged_perpetrator_sides", "victims_sides", "harm", "grade", "category",
      "victims", "url"];
    var lines = [header.join(",")];
    exportRows().forEach(function (row) {
      var r = row.record;
      var p = row.properties;
      var point = row.geometry ? row.geometry.coordinates : [null, null];
      lines.push([r.id, p.title, p.date_from, p.date_to, p.country, p.admin1, p.place, p.precision, point[1], point[0],
        p.geometry_represents, keys(0, r.f.side), keys(1, r.f.victims), keys(5, r.f.harm), p.verification,
        p.category, r.victimsText, p.url].map(csvCell).join(","));
    });
    download("incidents-explored.csv", "text/csv;charset=utf-8", lines.join("\r\n") + "\r\n");
  }
  function exportGeojson() {
    var features = exportRows().map(function (row) {
      return { type: "Feature", id: row.record.id, geometry: row.geometry, properties: row.properties };
    });
    download("incidents-explored.geojson", "application/geo+json", JSON.stringify({ type: "FeatureCollection", features: features }, null, 2) + "\n");
  }

  // -- wiring ---------------------------------------------------------------------------------------------------
  function fromForm() {
    facets.forEach(function (f) {
      state.f[f.name] = Array.prototype.filter
        .call(form.querySelectorAll('input[name="' + f.name + '"]'), function (box) {
          return box.checked;
        })
        .map(function (box) {
          return box.value;
        });
    });
    state.q = form.elements.q.value;
    state.page = 1;
  }
  function wire() {
    var typing = null;
    form.addEventListener("change", function (event) {
      if (event.target.name === "q") {
        return;
      }
      fromForm();
      update();
    });
    form.elements.q.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () {
        fromForm();
        update();
      }, 250);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fromForm();
      update();
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      var keep = { colour: state.colour, map: state.map };
      state = emptyState();
      state.colour = keep.colour;
      state.map = keep.map;
      closePanel();
      update();
    });
    el("explore-colour").addEventListener("change", function () {
      state.colour = el("explore-colour").value === "side" ? "side" : "grade";
      update();
    });
    el("explore-sort").addEventListener("change", function () {
      state.sort = el("explore-sort").value;
      state.page = 1;
      update({ keepMap: true });
    });
    el("explore-csv").addEventListener("click", exportCsv);
    el("explore-geojson").addEventListener("click", exportGeojson);
    el("explore-detail-close").addEventListener("click", closePanel);
    el("explore-detail-map").addEventListener("click", showOnMap);
    el("explore-detail").addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        closePanel();
      }
    });
    histogramEvents();
  }

  function start(data) {
    summary = data;
    facets = summary.facets.map(function (f) {
      var index = {};
      f.options.forEach(function (option, n) {
        index[option[0]] = n;
      });
      return { name: f.name, label: f.label, options: f.options, index: index };
    });
    var first = summary.months.first ? monthOf(summary.months.first) : 0;
    firstMonth = first;
    lastMonth = first + Math.max(0, summary.months.counts.length - 1);
    state = readUrl();
    wire();
    el("explore-needs-js").hidden = true;
    root.hidden = false;
    makeMap();
  }
  function afterFirst() {
    update();
    if (state.id) {
      var r = records.filter(function (x) {
        return x.id === state.id;
      })[0];
      if (r) {
        select(r, null);
      }
    }
  }

  status.setAttribute("tabindex", "-1");
  status.textContent = say("loading", { loaded: 0, total: Number(root.getAttribute("data-total")) });
  load("summary.json")
    .then(function (data) {
      start(data);
      var chunks = summary.chunks.slice();
      if (!chunks.length) {
        complete = true;
        afterFirst();
        root.setAttribute("data-ready", "all");
        return null;
      }
      return load(chunks[0].file).then(function (columns) {
        addChunk(columns);
        complete = chunks.length === 1;
        if (!filtered() && state.sort === "date-desc" && state.page === 1) {
          afterFirst();
          if (window.performance && performance.mark) {
            performance.mark("explore-first-view");
          }
          root.setAttribute("data-ready", "first");
        }
        var rest = chunks.slice(1);
        var next = function () {
          if (!rest.length) {
            complete = true;
            afterFirst();
            if (window.performance && performance.mark) {
              performance.mark("explore-every-record");
            }
            root.setAttribute("data-ready", "all");
            return null;
          }
          return load(rest.shift().file).then(function (more) {
            addChunk(more);
            status.textContent = say("loading", { loaded: records.length, total: summary.total });
            return next();
          });
        };
        return next();
      });
    })
    .catch(function () {
      status.textContent = say("failed");
    });
})();
