// Served only by `warcrime-archive serve`, never part of a built site: when the preview has been
// rebuilt (the server sends a "reload" event), reload the page. The server gives the rebuild this
// page came from as ?since=N, so a rebuild that finished before this script ran is not missed.
(function () {
  "use strict";
  var own = new URL(document.currentScript.src);
  var since = own.searchParams.get("since") || "";
  var events = new EventSource(new URL("events?since=" + encodeURIComponent(since), own));
  events.addEventListener("reload", function () {
    events.close();
    window.location.reload();
  });
})();
