/* The HTML report's behaviour: filters kept in the address, keyboard navigation, help.
   The page reads fully without it; this only hides, shows and moves focus.  A box's
   initial state (its checked attribute) is the default view: claims with no finding
   hidden. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var GROUPS = ["severity", "verdict", "kind"];
  var STORE = "checker-report-shortcuts";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var refs = Array.prototype.slice.call(document.querySelectorAll("sup.ref"));
  var help = document.getElementById("help");
  var helpButton = document.getElementById("help-button");
  var shortcuts = document.getElementById("shortcuts");
  var shown = document.getElementById("shown");
  var current = null;
  var returnFocus = null;

  function boxes(group) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + group + '"]'));
  }

  /* The filter state lives in the fragment, e.g. #severity=error,warning&kind=quote;
     a group left as the page opened is left out, and a plain #claim-3 is an anchor. */
  function readState() {
    var hash = window.location.hash.slice(1);
    var state = {};
    if (hash.indexOf("=") < 0) { return state; }
    hash.split("&").forEach(function (part) {
      var at = part.indexOf("=");
      var group = part.slice(0, at);
      if (GROUPS.indexOf(group) >= 0) {
        state[group] = part.slice(at + 1).split(",").filter(Boolean).map(decodeURIComponent);
      }
    });
    return state;
  }

  function writeState() {
    var parts = [];
    GROUPS.forEach(function (group) {
      var all = boxes(group);
      var on = all.filter(function (b) { return b.checked; });
      if (all.some(function (b) { return b.checked !== b.defaultChecked; })) {
        parts.push(group + "=" + on.map(function (b) { return encodeURIComponent(b.value); }).join(","));
      }
    });
    var url = window.location.pathname + window.location.search + (parts.length ? "#" + parts.join("&") : "");
    try { window.history.replaceState(null, "", url); } catch (e) { window.location.hash = parts.join("&"); }
  }

  function setBoxes(state) {
    GROUPS.forEach(function (group) {
      boxes(group).forEach(function (box) {
        box.checked = state[group] ? state[group].indexOf(box.value) >= 0 : box.defaultChecked;
      });
    });
  }

  function apply() {
    var wanted = {};
    GROUPS.forEach(function (group) {
      wanted[group] = boxes(group).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
    var visible = {};
    var count = 0;
    cards.forEach(function (card) {
      var show = GROUPS.every(function (group) {
        return wanted[group].indexOf(card.getAttribute("data-" + group)) >= 0;
      });
      card.hidden = !show;
      if (show) { visible[card.id.slice(6)] = true; count += 1; }
    });
    marks.forEach(function (mark) {
      var any = mark.getAttribute("data-claims").split(" ").some(function (n) { return visible[n]; });
      mark.classList.toggle("off", !any);
    });
    refs.forEach(function (ref) { ref.classList.toggle("off", !visible[ref.getAttribute("data-claim")]); });
    shown.textContent = count === cards.length ? "Showing all " + count + " claims"
      : "Showing " + count + " of " + cards.length + " claims";
    if (current && current.hidden) { select(null); }
  }

  function select(card) {
    if (current) {
      current.classList.remove("current");
      highlightMarks(current, false);
    }
    current = card;
    if (!card) { return; }
    card.classList.add("current");
    highlightMarks(card, true);
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "center" });
  }

  function highlightMarks(card, on) {
    var number = card.id.slice(6);
    marks.forEach(function (mark) {
      if (mark.getAttribute("data-claims").split(" ").indexOf(number) >= 0) {
        mark.classList.toggle("current", on);
      }
    });
  }

  function step(direction, findingsOnly) {
    var list = cards.filter(function (card) {
      return !card.hidden && (!findingsOnly || card.getAttribute("data-severity") !== "none");
    });
    if (!list.length) { return; }
    var at = list.indexOf(current);
    if (at < 0) {
      select(direction > 0 ? list[0] : list[list.length - 1]);
    } else {
      select(list[Math.min(Math.max(at + direction, 0), list.length - 1)]);
    }
  }

  function toggleHelp(open) {
    if (open === undefined) { open = help.hidden; }
    if (open) { returnFocus = document.activeElement; }
    help.hidden = !open;
    helpButton.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) { help.focus(); } else if (returnFocus && returnFocus.focus) { returnFocus.focus(); }
  }

  function typing(target) {
    if (!target || target.isContentEditable) { return true; }
    var tag = target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") { return true; }
    return tag === "INPUT" && ["checkbox", "radio", "button"].indexOf(target.type) < 0;
  }

  function storedShortcuts() {
    try { return window.localStorage.getItem(STORE) !== "off"; } catch (e) { return true; }
  }

  function storeShortcuts(on) {
    try { window.localStorage.setItem(STORE, on ? "on" : "off"); } catch (e) { /* private mode */ }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !help.hidden) { toggleHelp(false); return; }
    if (!shortcuts.checked || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var actions = {
      j: function () { step(1, true); },
      k: function () { step(-1, true); },
      n: function () { step(1, false); },
      p: function () { step(-1, false); },
      "?": function () { toggleHelp(); }
    };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });

  /* Links between the text and the cards move focus without touching the fragment,
     which holds the filters. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#claim-"], a[href^="#ref-"]');
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    event.preventDefault();
    if (target.classList.contains("card")) {
      select(target);
    } else {
      target.scrollIntoView({ block: "center" });
      var anchor = target.querySelector("a");
      if (anchor) { anchor.focus({ preventScroll: true }); }
    }
  });

  form.addEventListener("change", function (event) {
    if (event.target === shortcuts) { storeShortcuts(shortcuts.checked); return; }
    apply();
    writeState();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("show-all").addEventListener("click", function () {
    form.querySelectorAll('input[type="checkbox"][name]').forEach(function (box) { box.checked = true; });
    apply();
    writeState();
  });
  helpButton.addEventListener("click", function () { toggleHelp(); });
  document.getElementById("help-close").addEventListener("click", function () { toggleHelp(false); });
  window.addEventListener("hashchange", function () { setBoxes(readState()); apply(); });

  shortcuts.checked = storedShortcuts();
  form.hidden = false;
  setBoxes(readState());
  apply();
  /* an address that names a claim (report.html#claim-3) opens on it */
  var named = document.getElementById(window.location.hash.slice(1));
  if (named && named.classList.contains("card")) { select(named); }
})();
