// Filters of the index: actor, kind, status, date range. The choice lives in the URL query
// (?actor=…&kind=…) so a shared link reopens the same view; the #event-id hash is kept.
// Without JavaScript the form stays hidden and the per-actor/kind/month/year pages do the job.
// A long timeline lists only its newest months on the index (#archive links the year pages):
// the first filter fetches those year pages and merges their months in, so a filter still
// covers every event; a plain visit never pays for the whole history.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var count = document.getElementById("event-count");
  var timeline = document.querySelector(".timeline");
  var archive = Array.prototype.map.call(document.querySelectorAll("#archive a[data-year]"),
                                         function (a) { return a.href; });
  var events, months, years;
  var names = ["actor", "kind", "status", "from", "to"];
  var loading = null;
  var merged = false;  // true once every year page is in the index

  function collect() {
    events = Array.prototype.slice.call(document.querySelectorAll(".timeline li.event"));
    months = Array.prototype.slice.call(document.querySelectorAll(".timeline section.month"));
    years = Array.prototype.slice.call(document.querySelectorAll(".timeline section.year"));
  }

  // the months of one parsed year page that the index does not list yet, in the page's order
  // (adopted, not copied: the parsed page is thrown away)
  function merge(doc) {
    var undated = timeline.querySelector('section.year[data-year=""]');
    Array.prototype.forEach.call(doc.querySelectorAll(".timeline section.year"), function (year) {
      var mine = timeline.querySelector('section.year[data-year="' + year.dataset.year + '"]');
      if (!mine) { timeline.insertBefore(document.adoptNode(year), undated); return; }
      Array.prototype.forEach.call(year.querySelectorAll("section.month"), function (month) {
        if (!timeline.querySelector('section.month[data-month="' + month.dataset.month + '"]')) {
          mine.appendChild(document.adoptNode(month));
        }
      });
    });
  }

  // every year page fetched at once, each parsed as soon as it arrives (parsing one overlaps
  // fetching the others), then merged newest year first
  function loadArchive() {
    if (!loading) {
      timeline.setAttribute("aria-busy", "true");
      var docs = [];
      loading = Promise.all(archive.map(function (url, i) {
        return fetch(url).then(function (r) { return r.ok ? r.text() : ""; }, function () { return ""; })
          .then(function (html) { docs[i] = html ? new DOMParser().parseFromString(html, "text/html") : null; });
      })).then(function () {
        docs.forEach(function (doc) { if (doc) { merge(doc); } });
        var listed = document.getElementById("listed");
        if (listed) { listed.hidden = true; }  // the index now holds every event
        collect();
        merged = true;
        timeline.removeAttribute("aria-busy");
      });
    }
    return loading;
  }

  function valid(name, value) {
    if (name === "from" || name === "to") { return /^\d{4}-\d{2}$/.test(value) ? value : ""; }
    var field = form.elements[name];
    for (var i = 0; i < field.options.length; i++) {
      if (field.options[i].value === value) { return value; }
    }
    return "";
  }

  function read() {
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) { form.elements[name].value = valid(name, params.get(name) || ""); });
  }

  function matches(li, f) {
    var d = li.dataset;
    if (f.actor && (" " + d.actors + " ").indexOf(" " + f.actor + " ") < 0) { return false; }
    if (f.kind && d.kind !== f.kind) { return false; }
    if (f.status === "disputed") { if (d.disputed !== "true") { return false; } }
    else if (f.status && d.status !== f.status) { return false; }
    if (f.from && d.latest < f.from + "-01") { return false; }
    if (f.to && d.earliest > f.to + "-31") { return false; }
    return true;
  }

  function words(n) {
    var key = n === 0 ? "countZero" : (n === 1 ? "countOne" : "countMany");
    return form.dataset[key].replace("{count}", String(n));
  }

  function chosen() {
    return names.some(function (name) { return form.elements[name].value; });
  }

  // with a filter chosen, the listed months are filtered at once, then again with the year
  // pages merged in (fetched once); the count and the "filtered" event wait for the whole history
  function apply() {
    if (archive.length && !merged && chosen()) {
      filter(false);
      loadArchive().then(function () { filter(true); });
    } else {
      filter(true);
    }
  }

  function filter(complete) {
    var f = {};
    names.forEach(function (name) { f[name] = form.elements[name].value; });
    var shown = 0;
    events.forEach(function (li) {
      var ok = matches(li, f);
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    months.forEach(function (s) { s.hidden = !s.querySelector("li.event:not([hidden])"); });
    years.forEach(function (s) { s.hidden = !s.querySelector("section.month:not([hidden])"); });
    if (!complete) { return; }
    count.textContent = words(shown);
    var params = new URLSearchParams();
    names.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
    var query = params.toString();
    var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", target);
    form.dispatchEvent(new CustomEvent("timeline:filtered", {detail: {shown: shown}}));
  }

  collect();
  form.hidden = false;
  read();
  // nothing chosen in the URL: every listed event is already shown, so leave the list untouched
  if (chosen()) { apply(); }
  // a reader who reaches for the filters is about to need the whole history: start fetching it
  // then, so the first choice usually finds it merged (a plain visit never downloads it)
  form.addEventListener("focusin", function () { if (archive.length) { loadArchive(); } });
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  // a #event-id link lands on its event even when a filter would hide it
  // (an event of an older month, from a link made when the index still listed it: merged in first)
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var li = id && document.getElementById(id);
    if (id && !li && archive.length) {
      loadArchive().then(function () {
        filter(true);
        var found = document.getElementById(id);
        if (found && found.hidden) { show(found); } else if (found) { found.scrollIntoView(); }
      });
    } else if (li && li.hidden) {
      show(li);
    }
  }
  function show(li) {
    form.reset(); window.setTimeout(function () { apply(); li.scrollIntoView(); }, 0);
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
