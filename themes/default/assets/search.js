// The search box in the header: results as you type, from the index
// assets/search-index.js, which is added to the page only when the box is
// first used (a script, not fetch: it works from file:// too). Without
// JavaScript the box submits to the list of all communes.
// Typed text is folded as the index was: NFD, marks dropped, đ to d,
// lowercase; Telex typing ("ky thuw", "kyf") is tried as well.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var list = form.querySelector(".search-results");
  var status = form.querySelector(".search-status");
  var root = form.getAttribute("data-root") || "";
  var loading = false;
  var titles = null; // each item's title, folded, when first needed

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  // Telex: a final tone key (s f r x j) after a vowel, and the vowel keys
  // aa ee oo dd and w, as a reader types without a Vietnamese keyboard.
  function telex(word) {
    var w = word;
    if (w.length > 1 && /[sfrxj]$/.test(w) && /[aeiouy]/.test(w.slice(0, -1))) w = w.slice(0, -1);
    return w.replace(/dd/g, "d").replace(/aa/g, "a").replace(/ee/g, "e").replace(/oo/g, "o").replace(/w/g, "") || word;
  }
  function score(keys, tokens) {
    var words = keys.split(" ");
    var total = 0;
    for (var i = 0; i < tokens.length; i++) {
      var best = 0;
      for (var j = 0; j < words.length; j++) {
        if (words[j] === tokens[i]) { best = 3; break; }
        if (best < 2 && words[j].indexOf(tokens[i]) === 0) best = 2;
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }
  function search(q) {
    var data = window.NTM_SEARCH;
    var plain = fold(q);
    if (!data || !plain) return [];
    var forms = [plain.split(" ")];
    var tx = forms[0].map(telex);
    if (tx.join(" ") !== plain) forms.push(tx);
    var found = [];
    if (!titles) titles = [];
    data.items.forEach(function (item, i) {
      var s = 0;
      forms.forEach(function (f) {
        var k = score(item[4], f);
        // A match in the title itself comes before one in a former name
        // or a district: "Kỳ Thư" finds Kỳ Thư before the commune it
        // merged into.
        if (k) {
          if (titles[i] === undefined) titles[i] = fold(item[1]);
          if (score(titles[i], f)) k += 0.5;
        }
        s = Math.max(s, k);
      });
      if (s) found.push([s, i, item]);
    });
    found.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return found.slice(0, 20).map(function (f) { return f[2]; });
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }
  function show() {
    var q = input.value;
    var found = search(q);
    list.textContent = "";
    var kinds = (window.NTM_SEARCH || {}).kinds || {};
    found.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + item[3];
      var title = document.createElement("span");
      title.className = "search-title";
      title.textContent = item[1];
      var ctx = document.createElement("span");
      ctx.className = "search-context";
      ctx.textContent = [kinds[item[0]], item[2]].filter(Boolean).join(" · ");
      a.appendChild(title);
      a.appendChild(ctx);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    if (!fold(q)) status.textContent = "";
    else if (!window.NTM_SEARCH) status.textContent = form.getAttribute("data-loading");
    else status.textContent = found.length
      ? form.getAttribute("data-found").replace("{n}", found.length)
      : form.getAttribute("data-none");
  }
  function load() {
    if (window.NTM_SEARCH || loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = form.getAttribute("data-index");
    s.onload = show;
    s.onerror = function () { loading = false; };
    document.head.appendChild(s);
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); show(); });
  form.addEventListener("submit", function (e) {
    var first = links()[0];
    if (first) {
      e.preventDefault();
      window.location.href = first.href;
    }
  });
  form.addEventListener("keydown", function (e) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && all.length) {
      e.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    } else if (e.key === "Escape") {
      list.hidden = true;
      input.focus();
    }
  });
})();
