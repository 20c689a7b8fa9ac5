// Kuroshio dashboard: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Filter forms: leave empty fields out of the URL; submit when a select changes.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && field.value === "") { field.disabled = true; }
      });
    });
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { form.requestSubmit(); });
    });
  });

  // Document page: hovering an event in the list lights up its trigger in the text, and back.
  var list = document.querySelectorAll(".doc-event[data-trigger]");
  function triggerOf(item) {
    return document.querySelectorAll('mark.trigger[data-start="' + item.getAttribute("data-trigger") + '"]');
  }
  list.forEach(function (item) {
    item.addEventListener("mouseenter", function () {
      triggerOf(item).forEach(function (m) { m.classList.add("active"); });
    });
    item.addEventListener("mouseleave", function () {
      triggerOf(item).forEach(function (m) { m.classList.remove("active"); });
    });
  });
  document.querySelectorAll("mark.trigger").forEach(function (mark) {
    var events = (mark.getAttribute("data-events") || "").split(" ");
    mark.addEventListener("mouseenter", function () {
      events.forEach(function (i) {
        var item = document.getElementById("event-" + i);
        if (item) { item.classList.add("active"); }
      });
    });
    mark.addEventListener("mouseleave", function () {
      events.forEach(function (i) {
        var item = document.getElementById("event-" + i);
        if (item) { item.classList.remove("active"); }
      });
    });
  });
})();
