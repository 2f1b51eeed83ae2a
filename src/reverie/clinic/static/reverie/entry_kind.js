// Choosing the kind of a new entry opens the fold-out that kind needs (review r132): a mindful choice its three
// parts, art and music the box for the picture or the recording (write.html's data-kinds; the server opens the same
// ones when it shows the page, views.fold_outs_open). Nothing is ever closed here: a fold-out may hold words typed.
(function () {
  "use strict";
  var kind = document.getElementById("id_kind");
  if (!kind || kind.tagName !== "SELECT") return;
  kind.addEventListener("change", function () {
    var folds = document.querySelectorAll("details[data-kinds]");
    for (var i = 0; i < folds.length; i++) {
      var kinds = folds[i].getAttribute("data-kinds").split(" ");
      if (kinds.indexOf(kind.value) !== -1) folds[i].open = true;
    }
  });
})();
