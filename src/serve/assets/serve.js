/* The little the pages do with JavaScript; every page works without it. */
"use strict";
(function () {
  /* The guide's search box filters the criteria as one types; without
     JavaScript the same box submits the form and the server filters. */
  var box = document.getElementById("guide-search");
  if (!box) return;
  var items = document.querySelectorAll("[data-guide-text]");
  box.addEventListener("input", function () {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (el) {
      var text = el.getAttribute("data-guide-text");
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      el.classList.toggle("guide-hidden", !hit);
      if (hit) shown++;
    });
    var count = document.getElementById("guide-count");
    if (count) count.textContent = shown + " shown";
  });
})();
