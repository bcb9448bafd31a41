// The participant's page, made easier by script (without it the forms post and the page reloads):
// - it follows the meeting through /events: another step (or a reveal, a close) loads the page
//   afresh, at the same place when it is the same step; "ended" shows the end without a server;
// - the step's one form goes without a reload (fetch, a JSON answer) and says what came of it
//   beside its button; an unanswered one is sent again, with the same id, once the server is back;
// - what is typed or picked and not sent is kept in this tab per step (sessionStorage) and offered
//   back when that step comes again;
// - a lost connection is said in one line, and the line goes when the connection is back.
(function () {
  "use strict";
  if (!document.getElementById("follow")) { return; }  // not joined yet: the join form stays a plain form
  var seen = document.body.getAttribute("data-version");
  var form = document.getElementById("answer");
  var offline = document.getElementById("offline");
  var outcome = document.getElementById("outcome");
  var step = document.getElementById("step");
  var here = step ? step.getAttribute("data-draft") || "" : "";  // this session's step, by a name of its own
  var draftKey = "draft:" + here;
  var pending = null;  // a form sent and not answered (the connection went): sent again when back
  var sending = false, reloadWanted = false, ended = false, events = null;

  function store(key, value) {
    try {
      if (value === null) { window.sessionStorage.removeItem(key); } else { window.sessionStorage.setItem(key, value); }
    } catch (ignored) { /* a private window without storage: no draft, the rest works */ }
  }
  function stored(key) {
    try { return window.sessionStorage.getItem(key); } catch (ignored) { return null; }
  }

  function say(text, problem) {
    if (!outcome) { return; }
    outcome.textContent = text;
    outcome.className = problem ? "problem" : "ok";
    outcome.hidden = !text;
  }

  // --- the draft ---------------------------------------------------------------------------------
  function values() {
    var found = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit" || field.type === "button") { return; }
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked) { found[field.name] = field.value; }
      } else {
        found[field.name] = field.value;
      }
    });
    return found;
  }
  function fill(wanted) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !(field.name in wanted)) { return; }
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = field.value === wanted[field.name];
      } else if (field.type !== "hidden") {
        field.value = wanted[field.name];
      }
    });
    counted();
  }
  function same(one, other) { return JSON.stringify(one) === JSON.stringify(other); }

  var drawn = form ? values() : {};  // what the server showed: a draft equal to it is no draft
  function keepDraft() { store(draftKey, same(values(), drawn) ? null : JSON.stringify(values())); }
  function offerDraft() {
    var kept = stored(draftKey), offer = document.getElementById("draft");
    if (!kept || !offer || !form.querySelector("button[type=submit]")) { return; }  // nothing to send it with
    var draft;
    try { draft = JSON.parse(kept); } catch (ignored) { store(draftKey, null); return; }
    if (same(draft, drawn)) { store(draftKey, null); return; }
    offer.hidden = false;
    document.getElementById("draft-back").onclick = function () { fill(draft); offer.hidden = true; };
    document.getElementById("draft-drop").onclick = function () { store(draftKey, null); offer.hidden = true; };
  }

  // --- a vote's dots: − and + beside each number, the dots left counted as they move ----------------
  var left = document.getElementById("left");
  var targets = document.querySelector(".targets");
  function counted() {
    if (!left || !targets) { return; }
    var spendable = parseInt(targets.getAttribute("data-spendable"), 10), placed = 0;
    var numbers = targets.querySelectorAll("input[type=number]");
    Array.prototype.forEach.call(numbers, function (number) { placed += parseInt(number.value, 10) || 0; });
    left.textContent = String(spendable - placed);
    Array.prototype.forEach.call(numbers, function (number) {
      var cell = number.parentNode;
      cell.querySelector(".take").disabled = !(parseInt(number.value, 10) > 0);
      cell.querySelector(".add").disabled = spendable - placed <= 0;
    });
  }
  function stepper(number) {
    function button(text, name, label, change) {
      var made = document.createElement("button");
      made.type = "button";
      made.className = name;
      made.textContent = text;
      made.setAttribute("aria-label", label);
      made.onclick = function () {
        number.value = String(Math.max(0, (parseInt(number.value, 10) || 0) + change));
        counted();
        keepDraft();
      };
      return made;
    }
    number.parentNode.insertBefore(button("−", "take", number.getAttribute("data-take"), -1), number);
    number.parentNode.appendChild(button("+", "add", number.getAttribute("data-add"), 1));
  }

  // --- sending the form ------------------------------------------------------------------------
  function received(answer) {
    say(answer.status === "received" ? outcome.getAttribute("data-received") : outcome.getAttribute("data-already"));
    if (answer.token) { form.elements.csrf.value = answer.token; }
    if (answer.next) { form.elements.uid.value = answer.next; }
    var kind = form.getAttribute("data-kind");
    if (kind === "open") {
      var said = document.getElementById("said"), text = form.elements.text;
      if (said && !said.hasAttribute("data-held") && answer.status === "received") {
        var item = document.createElement("li");
        item.textContent = text.value;
        said.appendChild(item);
        var nothing = document.getElementById("nothing");
        if (nothing) { nothing.hidden = true; }
      }
      text.value = "";
      if (answer.hint) { document.getElementById("budget").textContent = answer.hint; }
    } else if (kind === "vote" && answer.dots) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name.indexOf("dots.") === 0 || field.name.indexOf("was.") === 0) {
          field.value = String(answer.dots[field.name.slice(field.name.indexOf(".") + 1)] || 0);
        }
      });
      targets.setAttribute("data-spendable", String(answer.dots_left + Object.keys(answer.dots).reduce(
        function (sum, uid) { return sum + (form.elements["was." + uid] ? answer.dots[uid] : 0); }, 0)));
      counted();
    }
    drawn = values();
    store(draftKey, null);
  }

  function send(data, retried) {
    sending = true;
    pending = data;
    say(outcome.getAttribute("data-sending"));
    fetch("/send", {method: "POST", body: data, credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) {
        return response.json().then(function (answer) { return {status: response.status, answer: answer}; });
      })
      .then(function (got) {
        sending = false;
        pending = null;
        var answer = got.answer;
        if (answer.status === "received" || answer.status === "already received") {
          received(answer);
        } else if (answer.reason === "expired" && !retried) {  // a restarted server forgot the token: a new one, the same id
          pending = data;
          return fetch("/token", {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.json(); })
            .then(function (fresh) { data.set("csrf", fresh.token); form.elements.csrf.value = fresh.token; send(data, true); });
        } else if (got.status === 401) {
          window.location.replace("/");  // the seat is gone: the join form says why
        } else if (got.status === 410) {
          end();
        } else {
          say(answer.message, true);
        }
        if (reloadWanted) { reload(); }
      })
      .catch(function () {  // no answer: kept, and sent again (the same id) when the server is back
        sending = false;
        say(outcome.getAttribute("data-waiting"), true);
        if (offline) { offline.hidden = false; }
      });
  }

  // --- following the meeting -------------------------------------------------------------------
  function reload() {
    reloadWanted = true;
    if (sending || pending) { return; }  // the form first: then the page moves on
    store("place", JSON.stringify({step: here, y: window.scrollY}));
    if (events) { events.close(); }
    window.location.replace("/");
  }
  function end() {
    ended = true;
    if (events) { events.close(); }
    var shown = document.getElementById("ended");
    if (step && shown) { step.innerHTML = ""; step.appendChild(shown.content.cloneNode(true)); }
    offline.hidden = true;
    document.getElementById("follow").hidden = true;
  }
  function follow() {
    events = new EventSource("/events");
    events.onopen = function () {
      offline.hidden = true;
      if (pending && !sending) { send(pending, false); }
    };
    events.onmessage = function (event) { if (event.data !== seen) { reload(); } };
    events.addEventListener("ended", end);
    events.onerror = function () {
      if (ended) { return; }
      if (events.readyState === EventSource.CLOSED) {  // refused (this seat is gone): the page says why
        window.location.replace("/");
      } else {
        offline.hidden = false;  // the server is away: the browser tries again by itself
      }
    };
  }

  if (form) {
    Array.prototype.forEach.call(document.querySelectorAll(".dots input[type=number]"), stepper);
    counted();
    offerDraft();
    form.addEventListener("input", function () { counted(); keepDraft(); });
    form.addEventListener("change", keepDraft);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) { return; }
      var data = new URLSearchParams(new FormData(form));
      data.set("next", "1");
      send(data, false);
    });
  }
  var place = null;
  try { place = JSON.parse(stored("place") || "null"); } catch (ignored) { place = null; }
  store("place", null);
  if (place && place.step === here) { window.scrollTo(0, place.y || 0); }  // the same step again (a reveal): where they were
  follow();
})();
