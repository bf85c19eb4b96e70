// Uploads an image without leaving the page and puts its Markdown where the author is writing.
// Enhances any form[data-image-upload]; data-target names the textarea to insert into, if any.
// Without this file the same form posts normally and the page shows the Markdown to copy.
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.matches("form[data-image-upload]")) {
    event.preventDefault();
    uploadImage(form);
  }
});

async function uploadImage(form) {
  const status = form.querySelector("[data-image-upload-status]");
  const input = form.querySelector("input[type='file']");
  const file = input?.files?.[0];
  if (!file) {
    showError(status, "Choose a PNG, JPEG, GIF or WebP image to upload.");
    return;
  }

  // The server checks again; this only saves sending a file that would be refused.
  const maxBytes = Number(form.dataset.maxBytes);
  if (maxBytes > 0 && file.size > maxBytes) {
    showError(status, `That image is ${size(file.size)}; images can be at most ${size(maxBytes)}. Make it smaller (fewer pixels or more compression) and try again.`);
    return;
  }

  const button = form.querySelector("button[type='submit']");
  button?.setAttribute("disabled", "");
  form.setAttribute("aria-busy", "true");
  showText(status, "Uploading…");
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    const answer = await readJson(response);
    if (response.ok && answer?.markdown) {
      insertAtCursor(document.getElementById(form.dataset.target ?? ""), answer.markdown);
      showMarkdown(status, answer.markdown);
      input.value = "";
    } else {
      showError(status, answer?.error ?? explain(response, maxBytes));
    }
  } catch {
    showError(status, "The upload did not reach the server. Check your connection and try again.");
  } finally {
    button?.removeAttribute("disabled");
    form.removeAttribute("aria-busy");
  }
}

async function readJson(response) {
  if (!(response.headers.get("Content-Type") ?? "").includes("application/json")) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

// Answers that came from the server's framework rather than the upload page carry no message of their own.
function explain(response, maxBytes) {
  if (response.redirected && new URL(response.url).pathname.startsWith("/account/login")) {
    return "You have been signed out. Sign in again in another tab, then upload the image again.";
  }
  switch (response.status) {
    case 400:
      return "The form has expired. Reload the page and upload the image again.";
    case 403:
      return "Your account can't upload images. Ask an admin for the Author role.";
    case 413:
      return `That image is too large; images can be at most ${size(maxBytes)}.`;
    default:
      return `The upload failed (status ${response.status}). Try again in a moment.`;
  }
}

function insertAtCursor(textarea, text) {
  if (!(textarea instanceof HTMLTextAreaElement)) {
    return;
  }
  textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
  textarea.focus();
}

function showMarkdown(status, markdown) {
  const field = document.createElement("div");
  field.className = "field";
  const label = document.createElement("label");
  label.textContent = "Markdown for your article";
  const snippet = document.createElement("input");
  snippet.className = "image-upload__markdown";
  snippet.readOnly = true;
  snippet.value = markdown;
  label.append(snippet);
  field.append(label);
  status?.replaceChildren(field);
}

function showError(status, message) {
  const error = document.createElement("p");
  error.className = "field__error";
  error.textContent = message;
  status?.replaceChildren(error);
}

function showText(status, message) {
  const text = document.createElement("p");
  text.className = "field__hint";
  text.textContent = message;
  status?.replaceChildren(text);
}

// As the server words sizes: 7.2 MB, 640 KB.
function size(bytes) {
  if (bytes >= 1_000_000) {
    return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  }
  return bytes >= 1_000 ? `${Number((bytes / 1_000).toFixed(1))} KB` : `${bytes} bytes`;
}
