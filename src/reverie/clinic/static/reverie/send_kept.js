// Same-origin, CSP-safe. A form that carries a person's words (form[data-keeps-words]: write, edit, "Save it now",
// "Save again") is sent by this script, so that a failed connection never loses them (review r135 fault 1: the
// browser's error page replaced the write page and Back lost the words). Without scripts the form posts as before.
// - The form goes with fetch as FormData (its file and CSRF token travel), with the pressed button's own name and
//   address. The server names a redirect in a 204 (sent_by_script.py); the script goes there. A page is shown.
// - A network failure leaves the page as it is, the words in it, with one line at the top (role=alert).
// - A second press while one is on its way sends nothing more.
// - Leaving a page whose words were typed and not sent asks first (beforeunload); never after a save.
// - A page this script wrote keeps the form's own address, so Reload there GETs an empty form (or the sign-in page
//   without the words it carried): while it carries typed words it asks before it is left, as the page they were
//   typed in did. Sending its own form, or signing in on it, is not leaving them: never asked.
// Nothing is kept on the device: no localStorage, no sessionStorage.
(function () {
  "use strict";
  var NOT_SENT =
    "Not sent: Reverie could not be reached. Your words are still here. Press Save again when you are back online.";
  var WRITTEN = "reverieWrittenBySendKept"; // set on the window (it outlives document.open) before a page is written
  var DRAFT_MARKS = { draft__path: 1, draft__owner: 1, draft__file: 1, draft__urgent: 1 }; // a carried draft's marks
  var typed = false; // words typed here and not yet sent
  var sending = false;
  var leaving = false; // a form that is no script's is being sent (signing in on a written sign-in page)

  function warnOnLeave(event) {
    if (!typed || sending || leaving) return undefined;
    event.preventDefault();
    event.returnValue = "";
    return "";
  }

  function sayNotSent(form) {
    var line = document.getElementById("not-sent");
    if (!line) {
      line = document.createElement("p");
      line.id = "not-sent";
      line.className = "error";
      line.setAttribute("role", "alert");
      line.tabIndex = -1;
      var main = document.getElementById("main") || form.parentNode;
      main.insertBefore(line, main.firstChild);
    }
    line.textContent = ""; // said again on a second failure: a new text is announced again
    window.setTimeout(function () {
      line.textContent = NOT_SENT;
      line.scrollIntoView({ block: "start" });
    }, 50);
  }

  function clearNotSent() {
    var line = document.getElementById("not-sent");
    if (line) line.parentNode.removeChild(line);
  }

  function carriesWords() {
    // a written page's typed words: in a form this script sends, or carried by the sign-in page (draft_*, sealed too)
    var boxes = document.querySelectorAll(
      "form[data-keeps-words] textarea, form[data-keeps-words] input[type=text], input[name^='draft_']"
    );
    for (var b = 0; b < boxes.length; b++) {
      if (!DRAFT_MARKS[boxes[b].name] && boxes[b].value.trim()) return true;
    }
    return false;
  }

  function showPage(html, url) {
    window.removeEventListener("beforeunload", warnOnLeave);
    window[WRITTEN] = true;
    document.open();
    document.write(html);
    document.close();
    try {
      if (url && url !== window.location.href) window.history.replaceState(null, "", url);
    } catch (e) {
      /* another origin: stay at this address */
    }
    // as a page the browser loaded itself: at its top, focus where the page asks for it (a refused box's
    // autofocus: a document written into this one does not take it on its own)
    window.scrollTo(0, 0);
    var asked = document.querySelector("[autofocus]");
    if (asked && typeof asked.focus === "function") asked.focus();
  }

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || "";
    var url = new URL(action || window.location.href, window.location.href).href;
    sending = true;
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Reverie-Sent-By": "script" },
    })
      .then(function (response) {
        var go = response.headers.get("X-Reverie-Go");
        if (go) {
          typed = false;
          window.location.assign(new URL(go, url).href);
          return null;
        }
        return response.text().then(function (html) {
          typed = false;
          showPage(html, response.url);
        });
      })
      .catch(function () {
        sending = false;
        sayNotSent(form);
      });
  }

  function setUp() {
    if (window[WRITTEN]) {
      window[WRITTEN] = false; // a Reload of this address is a page of its own
      if (carriesWords()) {
        typed = true;
        document.addEventListener("submit", function (event) {
          if (!event.defaultPrevented) leaving = true; // sent by the browser itself: the words go with it
        });
        window.addEventListener("beforeunload", warnOnLeave);
      }
    }
    var forms = document.querySelectorAll("form[data-keeps-words]");
    if (!forms.length || !window.fetch || !window.FormData) return;
    for (var f = 0; f < forms.length; f++) {
      var form = forms[f];
      form.addEventListener("input", function () {
        typed = true;
      });
      form.addEventListener("submit", function (event) {
        if (event.defaultPrevented) return;
        event.preventDefault();
        if (sending) return; // a second press: the first is on its way
        clearNotSent();
        send(event.currentTarget, event.submitter);
      });
    }
    window.addEventListener("beforeunload", warnOnLeave);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
