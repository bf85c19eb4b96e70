// The article editor: a live preview that follows the text, and the slug the title would give.
// Without this script the Preview button does the same job with a full page.
(function () {
  "use strict";

  var form = document.getElementById("editor-form");
  var preview = document.getElementById("preview");
  if (!form || !preview || form.querySelector("fieldset[disabled]")) {
    return;
  }

  // The slug field shows, as its placeholder, the slug the server will make from the title.
  var title = form.querySelector("[name='Input.Title']");
  var slug = form.querySelector("[name='Input.Slug']");
  if (title && slug) {
    title.addEventListener("input", function () {
      slug.placeholder = title.value
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    });
  }

  // The live preview posts where the Preview button does, asking for the fragment alone.
  var button = form.querySelector("[data-preview-button]");
  var url = button && button.getAttribute("formaction");
  if (!url) {
    return;
  }

  var delayMs = 400;
  var timer = null;
  var inFlight = null;
  var pending = false;

  function refresh() {
    if (inFlight) {
      // One request at a time; the latest text is sent when this one returns.
      pending = true;
      return;
    }

    var data = new FormData(form);
    preview.setAttribute("aria-busy", "true");
    inFlight = fetch(url, {
      method: "POST",
      body: data,
      headers: { "X-Preview": "fragment" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("preview answered " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        // The server renders through the article pipeline and its allow-list sanitizer.
        preview.innerHTML = html;
      })
      .catch(function () {
        // Keep the last good preview; the Preview button still works.
      })
      .finally(function () {
        preview.setAttribute("aria-busy", "false");
        inFlight = null;
        if (pending) {
          pending = false;
          refresh();
        }
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, delayMs);
  }

  form.addEventListener("input", schedule);

})();
