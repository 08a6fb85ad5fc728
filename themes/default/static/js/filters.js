// Filters of the index: actor, kind, status, date range. The choice lives in the URL query
// (?actor=…&kind=…) so a shared link reopens the same view; the #event-id hash is kept.
// Without JavaScript the form stays hidden and the per-actor/kind/month pages do the job.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var count = document.getElementById("event-count");
  var events = Array.prototype.slice.call(document.querySelectorAll(".timeline li.event"));
  var months = Array.prototype.slice.call(document.querySelectorAll(".timeline section.month"));
  var years = Array.prototype.slice.call(document.querySelectorAll(".timeline section.year"));
  var names = ["actor", "kind", "status", "from", "to"];

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

  function apply() {
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
    count.textContent = words(shown);
    var params = new URLSearchParams();
    names.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
    var query = params.toString();
    var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", target);
  }

  form.hidden = false;
  read();
  // nothing chosen in the URL: every event is already shown, so leave the long list untouched
  if (names.some(function (name) { return form.elements[name].value; })) { apply(); }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  // a #event-id link lands on its event even when a filter would hide it
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var li = id && document.getElementById(id);
    if (li && li.hidden) { form.reset(); window.setTimeout(function () { apply(); li.scrollIntoView(); }, 0); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
