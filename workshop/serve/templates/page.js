// Follow the meeting: when the facilitator moves to another step (or closes, or reveals), reload.
(function () {
  var seen = document.body.getAttribute("data-version");
  if (!window.EventSource || !document.getElementById("follow")) { return; }  // not joined yet
  var events = new EventSource("/events");
  events.onmessage = function (event) {
    if (event.data !== seen) { events.close(); window.location.replace("/"); }
  };
  // Refused (this seat is gone): the page says so and offers to join again. A server that is
  // away (a restart) is tried again by the browser, and the page follows once it is back.
  events.onerror = function () {
    if (events.readyState === EventSource.CLOSED) { window.location.replace("/"); }
  };
})();
