// Choosing the kind of a new entry opens the fold-out that kind needs (review r132): a mindful choice its three
// parts, art and music the box for the picture or the recording (write.html's data-kinds; the server opens the same
// ones when it shows the page, views.fold_outs_open). Nothing is ever closed here: a fold-out may hold words typed.
// A fold-out marked data-show-first (the mindful choice's: its boxes take the place of the big one) is brought to the
// top of the screen when the kind opens it and its first box is not on screen: on a 740-px phone it opened below the
// 14-row "Write whatever comes to mind", its heading at the bottom edge and its boxes out of sight (h182, r132).
(function () {
  "use strict";
  var kind = document.getElementById("id_kind");
  if (!kind || kind.tagName !== "SELECT") return;
  kind.addEventListener("change", function () {
    var folds = document.querySelectorAll("details[data-kinds]");
    for (var i = 0; i < folds.length; i++) {
      var kinds = folds[i].getAttribute("data-kinds").split(" ");
      if (kinds.indexOf(kind.value) === -1) continue;
      folds[i].open = true;
      if (folds[i].hasAttribute("data-show-first")) showFirst(folds[i]);
    }
  });

  function showFirst(fold) {
    var first = fold.querySelector("textarea, input, select");
    if (!first) return;
    var box = first.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return; // already seen: nothing moves
    fold.scrollIntoView({ block: "start" });
  }
})();
