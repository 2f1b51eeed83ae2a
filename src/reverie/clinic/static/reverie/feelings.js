// The tick box says a feeling is there; its strength only qualifies a ticked feeling (forms.feelings_from_post
// reads it so, with or without this script). For the eye, the page follows the same rule: choosing a strength ticks
// its feeling, and unticking a feeling clears its strength (kept aside, and given back if it is ticked again), so
// what the page shows is what Save keeps (review r126).
(function () {
  "use strict";
  var selects = document.querySelectorAll("select[data-ticks]");
  for (var i = 0; i < selects.length; i++) {
    var box = document.getElementById(selects[i].getAttribute("data-ticks"));
    if (!box) continue;
    selects[i].addEventListener("change", function (event) {
      var ticks = document.getElementById(event.target.getAttribute("data-ticks"));
      if (ticks && event.target.value) ticks.checked = true;
    });
    box.addEventListener("change", (function (select) {
      return function (event) {
        if (!event.target.checked) {
          if (select.value) select.setAttribute("data-was", select.value);
          select.value = "";
        } else if (!select.value && select.getAttribute("data-was")) {
          select.value = select.getAttribute("data-was");
        }
      };
    })(selects[i]));
  }
})();
