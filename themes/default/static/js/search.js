// Full-text search with Pagefind (the index is built by `timeline build` into pagefind/).
// The query lives in the URL (?q=…), so a shared link or a reload shows the same results. Results come in batches of BATCH; "more results"
// appends the next batch and moves the focus to its first title, and how many are shown is
// kept in the history entry, so coming back from a result shows as many again.
// Each result says what it is and when: the event and article templates give Pagefind `kind`,
// `date` and `lang` metadata. Not a Pagefind filter: Pagefind writes its filter index in an
// order that changes from one run to the next, and builds must be byte-identical
// (RELIABILITY.md A3); metadata lives in each page's fragment, which is stable. No machine-readable date: Pagefind indexes
// metadata values, and a `datetime` one cost 80 KB of the bundle and 9 MB of Pagefind's memory
// at 2,000 articles (bench/README.md). Every word shown comes from the form's data-*
// attributes (timeline/ui/<lang>.yaml), none from this file.
// Results are built as DOM nodes: Pagefind's excerpt is parsed and only its text and <mark>
// elements are kept, so nothing from the index can run as markup.
(function () {
  "use strict";
  var BATCH = 20;
  var form = document.getElementById("search");
  if (!form) { return; }
  var words = form.dataset;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var moreButton = more.querySelector("button");
  var shownText = more.querySelector(".search-shown");
  var pagefind = null;
  var loading = null;
  var current = null;  // {results, shown} of the search on screen
  var generation = 0;  // a newer search makes the answers of older ones moot
  var busy = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function counted(n) {
    return fill(n === 0 ? words.zero : (n === 1 ? words.one : words.many), { count: n });
  }

  function load() {
    if (!loading) {
      loading = import(form.dataset.bundle + "pagefind.js").then(function (mod) {
        pagefind = mod;
        return mod.options({ baseUrl: form.dataset.base });
      });
    }
    return loading;
  }

  function excerpt(html) {
    var frag = document.createDocumentFragment();
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        frag.appendChild(mark);
      } else {
        frag.appendChild(document.createTextNode(node.textContent));
      }
    });
    return frag;
  }

  // what the result is (event / article) and its date as the site words it
  function about(kind, meta) {
    var p = document.createElement("p");
    p.className = "search-result-meta";
    var label = kind === "event" ? words.resultEvent : (kind === "article" ? words.resultArticle : "");
    if (label) {
      var span = document.createElement("span");
      span.className = "search-result-kind";
      span.textContent = label;
      p.appendChild(span);
    }
    if (meta.date) {
      if (label) { p.appendChild(document.createTextNode(" ")); }
      var phrase = kind === "article" ? words.published : "{date}";
      var at = phrase.indexOf("{date}");
      var date = document.createElement("span");
      date.className = "search-result-date";
      date.textContent = meta.date;
      p.appendChild(document.createTextNode(at < 0 ? phrase + " " : phrase.slice(0, at)));
      p.appendChild(date);
      if (at >= 0) { p.appendChild(document.createTextNode(phrase.slice(at + "{date}".length))); }
    }
    return p;
  }

  function item(data) {
    var meta = data.meta || {};
    var kind = meta.kind || "";
    var li = document.createElement("li");
    li.className = "search-result" + (kind ? " search-result-" + kind : "");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = meta.title || data.url;
    if (meta.lang) { a.setAttribute("lang", meta.lang); }
    h.appendChild(a);
    var p = document.createElement("p");
    p.className = "search-result-excerpt";
    p.appendChild(excerpt(data.excerpt || ""));
    li.appendChild(h);
    li.appendChild(about(kind, meta));
    li.appendChild(p);
    return li;
  }

  function remember() {
    var state = current && current.shown > BATCH ? { shown: current.shown } : null;
    window.history.replaceState(state, "", window.location.href);
  }

  // the next `n` results of the search on screen, appended; resolves to the first one added
  function show(n, gen) {
    var batch = current.results.slice(current.shown, current.shown + n);
    list.setAttribute("aria-busy", "true");
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (found) {
      if (gen !== generation) { return null; }
      var first = null;
      found.forEach(function (data) {
        var li = item(data);
        list.appendChild(li);
        first = first || li;
      });
      current.shown += found.length;
      list.removeAttribute("aria-busy");
      var total = current.results.length;
      more.hidden = current.shown >= total;
      shownText.textContent = fill(words.shown, { shown: current.shown, count: total });
      return first;
    });
  }

  function unavailable() {
    status.textContent = words.unavailable;
    more.hidden = true;
    list.removeAttribute("aria-busy");
  }

  function run(query, want) {
    var gen = ++generation;
    current = null;
    list.textContent = "";
    more.hidden = true;
    status.textContent = "";
    if (!query) { return Promise.resolve(); }
    return load().then(function () { return pagefind.search(query); }).then(function (search) {
      if (gen !== generation) { return null; }
      current = { results: search.results, shown: 0 };
      return show(Math.max(want || 0, BATCH), gen).then(function () {
        if (gen !== generation) { return; }
        status.textContent = fill(words.status, { results: counted(search.results.length), query: query });
      });
    }).catch(function () {
      if (gen === generation) { unavailable(); }
    });
  }

  function go() {
    var q = input.value.trim();
    var params = new URLSearchParams();
    if (q) { params.set("q", q); }
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    run(q);
  }

  moreButton.addEventListener("click", function () {
    if (!current || busy) { return; }
    busy = true;
    show(BATCH, generation).then(function (first) {
      busy = false;
      if (first) {
        first.querySelector("a").focus();
        remember();
      }
    }, function () { busy = false; unavailable(); });
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    go();
  });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  var state = window.history.state;
  run(input.value.trim(), state && state.shown);
}());
