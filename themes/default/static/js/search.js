// Full-text search with Pagefind (the index is built by `timeline build` into pagefind/).
// Results are built as DOM nodes: Pagefind's excerpt is parsed and only its text and <mark>
// elements are kept, so nothing from the index can run as markup.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) { return; }
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var loading = null;

  function words(n) {
    var key = n === 0 ? "zero" : (n === 1 ? "one" : "many");
    return form.dataset[key].replace("{count}", String(n));
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

  function run(query) {
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    load().then(function () { return pagefind.search(query); }).then(function (search) {
      status.textContent = words(search.results.length);
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); }));
    }).then(function (results) {
      (results || []).forEach(function (data) {
        var li = document.createElement("li");
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = data.url;
        a.textContent = (data.meta && data.meta.title) || data.url;
        h.appendChild(a);
        var p = document.createElement("p");
        p.appendChild(excerpt(data.excerpt || ""));
        li.appendChild(h);
        li.appendChild(p);
        list.appendChild(li);
      });
    }).catch(function () {
      status.textContent = form.dataset.unavailable;
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    window.history.replaceState(null, "", window.location.pathname + (q ? "?q=" + encodeURIComponent(q) : ""));
    run(q);
  });
  run(input.value.trim());
}());
