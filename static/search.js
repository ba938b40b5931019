// The search page: runs Pagefind's index (under pagefind/ on this site, in shards) in the browser, with the
// words and filters kept in the URL query. Without JavaScript the page points to the browse pages.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  if (!form || !script) {
    return;
  }
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 50; // results shown at a time: each needs its own fragment file fetched
  var shown = null; // the results of the latest search and how many of them are listed
  var names = ["side", "victims", "grade", "category", "region", "year"];
  var root = new URL(script.getAttribute("data-root"), window.location.href).pathname;
  // The index comes in shards (one folder each): the first one's script loads, the others are merged into it.
  // search/shards.js, loaded before this script, lists those that hold an index (the build writes it once they
  // are made), as links from the search page.
  var shards = window.warcrimeArchiveSearchShards || [];
  var bundles = shards.map(function (bundle) {
    return new URL(bundle, window.location.href).pathname;
  });
  var loading = bundles.length === 0
    ? Promise.reject(new Error("no search index"))
    : import(bundles[0] + "pagefind.js").then(function (pf) {
      return pf.options({ baseUrl: root }).then(function () {
        return Promise.all(bundles.slice(1).map(function (bundle) {
          return pf.mergeIndex(bundle, { baseUrl: root });
        }));
      }).then(function () {
        return pf;
      });
    });
  loading.catch(function () {
    return null; // reported when a search is run
  });
  var latest = 0;

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    form.elements.q.value = params.get("q") || "";
    names.forEach(function (name) {
      form.elements[name].value = params.get(name) || "";
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    ["q"].concat(names).forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) {
        params.set(name, v);
      }
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    var heading = document.createElement("p");
    heading.className = "result-title";
    heading.appendChild(link);
    li.appendChild(heading);
    // What each result is at a glance: its grade, alleged perpetrator side, place and date (the page's meta data),
    // each named, from the list's data-* messages.
    var facts = document.createElement("p");
    facts.className = "result-facts";
    ["grade", "side", "place", "date"].forEach(function (name) {
      var value = (data.meta[name] || "").trim();
      var words = list.getAttribute("data-" + name);
      if (value && words) {
        var fact = document.createElement("span");
        fact.className = "result-" + name;
        fact.textContent = words.replace("{value}", value);
        facts.appendChild(fact);
      }
    });
    if (facts.childNodes.length) {
      li.appendChild(facts);
    }
    // A record under a content warning shows its warning, never an excerpt of what the warning covers.
    if (data.meta.warning) {
      var warning = document.createElement("p");
      warning.className = "result-warning content-warning";
      warning.textContent = data.meta.warning;
      li.appendChild(warning);
      return li;
    }
    // The excerpt is text from this site's own pages, with the matched words in <mark>.
    var excerpt = document.createElement("p");
    excerpt.className = "result-excerpt";
    data.excerpt.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var m = /^<mark>(.*)<\/mark>$/.exec(part);
      var text = document.createElement("textarea");
      text.innerHTML = m ? m[1] : part; // decodes entities without running anything
      if (m) {
        var mark = document.createElement("mark");
        mark.textContent = text.value;
        excerpt.appendChild(mark);
      } else {
        excerpt.appendChild(document.createTextNode(text.value));
      }
    });
    li.appendChild(excerpt);
    return li;
  }

  // Lists the results from `start` on, PAGE of them, after those listed already; the status counts every result.
  function show(ticket, results, start) {
    return Promise.all(results.slice(start, start + PAGE).map(function (r) {
      return r.data();
    })).then(function (data) {
      if (ticket !== latest) {
        return;
      }
      var items = data.map(item);
      if (start === 0) {
        list.replaceChildren.apply(list, items);
      } else {
        items.forEach(function (li) {
          list.appendChild(li);
        });
        if (items.length) {
          items[0].querySelector("a").focus(); // where the reader goes on from
        }
      }
      shown = { ticket: ticket, results: results, count: start + data.length };
      var text = results.length === 1
        ? status.getAttribute("data-one")
        : status.getAttribute("data-many").replace("{count}", String(results.length));
      if (results.length === 0 && status.getAttribute("data-none")) {
        text = status.getAttribute("data-none");
      }
      showHelp(results.length === 0);
      var partly = status.getAttribute("data-shown"); // an overridden search.html may leave these out
      if (shown.count < results.length && partly) {
        text += " " + partly.replace("{shown}", String(shown.count));
      }
      status.textContent = text;
      hideMore(shown.count >= results.length);
    });
  }

  // Help when nothing is found: other spellings, fewer words, the browse pages (an overridden search.html may
  // leave it out).
  function showHelp(shown) {
    var help = document.getElementById("search-help");
    if (help) {
      help.hidden = !shown;
    }
  }

  function hideMore(hidden) {
    if (more) {
      more.hidden = hidden;
    }
  }

  function failed() {
    status.textContent = status.getAttribute("data-failed");
    hideMore(true);
  }

  function run() {
    var words = form.elements.q.value.trim();
    var filters = {};
    names.forEach(function (name) {
      if (form.elements[name].value) {
        filters[name] = form.elements[name].value;
      }
    });
    writeUrl();
    var ticket = ++latest;
    hideMore(true);
    showHelp(false);
    if (!words && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = status.getAttribute("data-prompt");
      return;
    }
    status.textContent = status.getAttribute("data-searching");
    loading
      .then(function (pf) {
        return pf.search(words || null, { filters: filters });
      })
      .then(function (search) {
        return show(ticket, search.results, 0);
      })
      .catch(failed);
  }

  if (more) {
    more.addEventListener("click", function () {
      if (shown && shown.ticket === latest) {
        show(shown.ticket, shown.results, shown.count).catch(failed);
      }
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  form.addEventListener("change", run);
  window.addEventListener("popstate", function () {
    readUrl();
    run();
  });
  readUrl();
  document.getElementById("search-needs-js").hidden = true;
  form.hidden = false;
  run();
})();
