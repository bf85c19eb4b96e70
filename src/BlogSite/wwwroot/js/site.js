// Progressive enhancement only: every form and link on the site works without this file.
"use strict";
document.documentElement.classList.add("js");

// Cached pages are shared by readers without cookies, so their forms carry no antiforgery token.
// Fetch one the first time a reader reaches for a form; reading alone sets no cookie.
let tokenRequest = null;
function ensureToken(form) {
  const field = form.querySelector("input[name='__RequestVerificationToken']");
  if (!field || field.value) {
    return Promise.resolve();
  }
  tokenRequest ??= fetch("/antiforgery/token", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))));
  return tokenRequest.then((data) => {
    document.querySelectorAll("form[data-needs-token='true'] input[name='__RequestVerificationToken']").forEach((input) => {
      input.value = data.token;
    });
  }).catch(() => {
    // Without a token the server answers with a page that asks the reader to press the button again.
    tokenRequest = null;
  });
}

document.addEventListener("focusin", (event) => {
  const form = event.target.closest?.("form[data-needs-token='true']");
  if (form) {
    ensureToken(form);
  }
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.matches("form.heart")) {
    event.preventDefault();
    toggleHeart(form);
    return;
  }
  const field = form.querySelector("input[name='__RequestVerificationToken']");
  if (form.dataset.needsToken === "true" && field && !field.value) {
    event.preventDefault();
    const submitter = event.submitter;
    ensureToken(form).then(() => form.requestSubmit(submitter));
  }
});

// The heart toggles in place: the same POST as the form, answered with the new count.
async function toggleHeart(form) {
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    await ensureToken(form);
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) {
      form.submit();
      return;
    }
    const state = await response.json();
    button.setAttribute("aria-pressed", String(state.hearted));
    form.querySelector(".heart__label").textContent = state.hearted ? "You hearted this" : "Heart this article";
    form.querySelector(".heart__count").textContent = state.label;
    form.querySelector("input[name='Hearted']").value = String(!state.hearted);
  } finally {
    button.disabled = false;
  }
}

// A refused post opens on its error summary, so that a screen reader reads it first and Tab goes on to the fields.
// On load, because Chromium clears focus when it scrolls to the page's #fragment; unless the reader has moved already.
const errorSummary = document.querySelector(".form__errors[role='alert']");
if (errorSummary) {
  errorSummary.tabIndex = -1;
  window.addEventListener("load", () => {
    if (document.activeElement === document.body) {
      errorSummary.focus();
    }
  });
}

// "E-mail me when someone replies" needs an address: the box waits for one (without script, the server says so).
document.querySelectorAll("form.comment-form").forEach((form) => {
  const email = form.querySelector("input[name='Input.Email']");
  const notify = form.querySelector("input[name='Input.NotifyReplies']");
  if (!email || !notify) {
    return;
  }
  const update = () => {
    notify.disabled = email.value.trim() === "";
    if (notify.disabled) {
      notify.checked = false;
    }
  };
  email.addEventListener("input", update);
  update();
});
