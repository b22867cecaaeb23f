// Lightbox for the photos of a model's page. Progressive enhancement only:
// without it, each thumbnail is a plain link to the photo's largest version.
// Keys: ← and → move, Esc closes; a swipe moves on touch screens. Focus goes
// to the viewer when it opens and back to the photo when it closes; the
// modal dialog keeps the rest of the page out of reach meanwhile.
(function () {
  "use strict";
  var list = document.querySelector("[data-gallery]");
  if (!list || typeof HTMLDialogElement !== "function") return;
  var links = Array.prototype.slice.call(list.querySelectorAll("a.photo-link"));
  if (!links.length) return;
  var label = function (k) { return list.getAttribute("data-label-" + k) || k; };

  var dlg = document.createElement("dialog");
  dlg.className = "lightbox";
  dlg.setAttribute("aria-label", label("dialog"));
  var stage = document.createElement("div");
  stage.className = "lb-stage";
  var count = document.createElement("p");
  count.className = "lb-count";
  var caption = document.createElement("p");
  caption.className = "lb-caption";
  caption.setAttribute("aria-live", "polite");
  var button = function (cls, text, name) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "lb-btn " + cls;
    b.textContent = text;
    b.setAttribute("aria-label", label(name));
    return b;
  };
  var prev = button("lb-prev", "\u2039", "prev");
  var next = button("lb-next", "\u203a", "next");
  var close = button("lb-close", "\u00d7", "close");
  [stage, count, caption, prev, next, close].forEach(function (el) { dlg.appendChild(el); });
  document.body.appendChild(dlg);
  if (links.length < 2) { prev.hidden = true; next.hidden = true; }

  var current = 0;
  var opener = null;
  function show(i) {
    current = (i + links.length) % links.length;
    var a = links[current];
    var pic = a.querySelector("picture").cloneNode(true);
    pic.querySelectorAll("source, img").forEach(function (el) { el.setAttribute("sizes", "100vw"); });
    var img = pic.querySelector("img");
    img.removeAttribute("loading");
    stage.replaceChildren(pic);
    var fc = a.parentNode.querySelector("figcaption");
    caption.textContent = fc ? fc.textContent : img.alt;
    count.textContent = (current + 1) + " / " + links.length;
  }
  function open(i) {
    opener = links[i];
    show(i);
    dlg.showModal();
    close.focus();
  }
  dlg.addEventListener("close", function () {
    stage.replaceChildren();
    if (opener) opener.focus();
  });
  links.forEach(function (a, i) {
    a.addEventListener("click", function (e) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      open(i);
    });
  });
  prev.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  close.addEventListener("click", function () { dlg.close(); });
  dlg.addEventListener("keydown", function (e) {
    if (e.key === "ArrowLeft") { e.preventDefault(); show(current - 1); }
    else if (e.key === "ArrowRight") { e.preventDefault(); show(current + 1); }
  });
  // A tap beside the photo closes, as on the backdrop.
  stage.addEventListener("click", function (e) { if (e.target === stage) dlg.close(); });
  var x0 = null, y0 = 0;
  stage.addEventListener("touchstart", function (e) {
    if (e.touches.length === 1) { x0 = e.touches[0].clientX; y0 = e.touches[0].clientY; } else { x0 = null; }
  }, { passive: true });
  stage.addEventListener("touchend", function (e) {
    if (x0 === null) return;
    var t = e.changedTouches[0];
    var dx = t.clientX - x0, dy = t.clientY - y0;
    x0 = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
  });
})();
