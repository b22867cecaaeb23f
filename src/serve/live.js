(function () {
  "use strict";
  var me = document.currentScript;
  var built = me ? Number(me.getAttribute("data-ntm-site-serve")) : 0;
  var id = "ntm-site-serve-errors";
  function hide() {
    var old = document.getElementById(id);
    if (old) old.parentNode.removeChild(old);
  }
  function show(errors) {
    hide();
    if (!errors) return;
    var box = document.createElement("div");
    box.id = id;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
      "padding:1rem;background:rgba(120,0,0,.95);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap";
    var h = document.createElement("strong");
    h.textContent = errors.heading;
    box.appendChild(h);
    errors.lines.forEach(function (line) {
      var p = document.createElement("div");
      p.textContent = line;
      box.appendChild(p);
    });
    document.body.appendChild(box);
  }
  if (!window.EventSource) return;
  var source = new EventSource("__EVENTS__");
  source.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    if (s.generation !== built && !s.errors) location.reload();
    else show(s.errors);
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("errors", function (e) { show(JSON.parse(e.data).errors); });
})();
