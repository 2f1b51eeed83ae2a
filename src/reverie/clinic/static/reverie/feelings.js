// Choosing an intensity ticks its feeling (the server counts it as ticked too, so this is only for the eye).
(function () {
  "use strict";
  var selects = document.querySelectorAll("select[data-ticks]");
  for (var i = 0; i < selects.length; i++) {
    selects[i].addEventListener("change", function (event) {
      var box = document.getElementById(event.target.getAttribute("data-ticks"));
      if (box && event.target.value) box.checked = true;
    });
  }
})();
