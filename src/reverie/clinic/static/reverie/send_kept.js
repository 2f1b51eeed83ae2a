// Same-origin, CSP-safe. A form that carries a person's words (form[data-keeps-words]: write, edit, "Save it now",
// "Save again") is sent by this script, so that a failed connection never loses them (review r135 fault 1: the
// browser's error page replaced the write page and Back lost the words). Without scripts the form posts as before.
// - The form goes with fetch as FormData (its file and CSRF token travel), with the pressed button's own name and
//   address. The server names a redirect in a 204 (sent_by_script.py); the script goes there. A page is shown.
// - A network failure leaves the page as it is, the words in it, with one line at the top (role=alert).
// - A second press while one is on its way sends nothing more.
// - Leaving a page whose words were typed and not sent asks first (beforeunload); never after a save.
// Nothing is kept on the device: no localStorage, no sessionStorage.
(function () {
  "use strict";
  var NOT_SENT =
    "Not sent: Reverie could not be reached. Your words are still here. Press Save again when you are back online.";
  var typed = false; // words typed here and not yet sent
  var sending = false;

  function warnOnLeave(event) {
    if (!typed || sending) return undefined;
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

  function showPage(html, url) {
    window.removeEventListener("beforeunload", warnOnLeave);
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
