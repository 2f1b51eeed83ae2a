// Same-origin, CSP-safe. (1) On a wide screen the menu starts open; on a phone it starts closed.
// (2) Every data table learns its column names, so narrow screens can show each row as a card.
(function () {
  "use strict";
  function setUp() {
    var wide = window.matchMedia("(min-width: 48rem)").matches;
    var menus = document.querySelectorAll("details[data-wide-open]");
    for (var m = 0; m < menus.length; m++) menus[m].open = wide;
    var tables = document.querySelectorAll("main table");
    for (var t = 0; t < tables.length; t++) {
      var table = tables[t];
      if (table.classList.contains("heat") || !table.tHead) continue;
      var names = [];
      var heads = table.tHead.rows[0] ? table.tHead.rows[0].cells : [];
      for (var h = 0; h < heads.length; h++) names.push(heads[h].textContent.trim());
      var bodies = table.tBodies;
      for (var b = 0; b < bodies.length; b++) {
        for (var r = 0; r < bodies[b].rows.length; r++) {
          var cells = bodies[b].rows[r].cells;
          for (var c = 0; c < cells.length && c < names.length; c++) {
            if (names[c] && !cells[c].hasAttribute("data-label")) cells[c].setAttribute("data-label", names[c]);
          }
        }
      }
      table.classList.add("cards");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
