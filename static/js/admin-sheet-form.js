// The sheet's admin form: the error summary takes the focus after a failed save, the arrows
// that move a part first or last work from the keyboard, and the autocomplete fields
// (select2) carry the name of their label for screen readers.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

function labelOf(select) {
  const label = document.querySelector(`label[for="${select.id}"]`);
  return label ? label.textContent.replace(/\s*:\s*$/, "").trim() : "";
}

// select2 draws its own controls next to the <select>, without a name; it redraws them on
// every change.
function nameAutocomplete(select) {
  const container = select.nextElementSibling;
  if (!container || !container.classList.contains("select2")) return;
  const name = labelOf(select);
  for (const control of container.querySelectorAll(
    ".select2-selection, .select2-selection__rendered[role=textbox], .select2-search__field",
  )) {
    control.removeAttribute("aria-labelledby");
    control.setAttribute("aria-label", name);
  }
  // The "clear all" cross sits inside the list of choices, which may hold only items.
  const selection = container.querySelector(".select2-selection--multiple");
  if (selection) {
    for (const stale of selection.querySelectorAll(":scope > .select2-selection__clear")) {
      stale.remove();
    }
    const clear = selection.querySelector("ul > .select2-selection__clear");
    if (clear) selection.prepend(clear);
  }
}

function nameAutocompletes() {
  for (const select of document.querySelectorAll("select.admin-autocomplete")) {
    nameAutocomplete(select);
  }
}

function keyboardArrows() {
  const names = { "move-begin": "Placer en premier", "move-end": "Placer en dernier" };
  for (const [className, name] of Object.entries(names)) {
    for (const arrow of document.querySelectorAll(`fieldset.sortable i.${className}`)) {
      if (arrow.tabIndex === 0) continue;
      arrow.setAttribute("aria-label", name);
      arrow.setAttribute("title", name);
      arrow.tabIndex = 0;
      arrow.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          arrow.click();
          arrow.focus();
        }
      });
    }
  }
}

// Django's date and time inputs of one field have no label of their own.
function nameDateTimes() {
  for (const row of document.querySelectorAll(".form-row p.datetime")) {
    const label = row.closest(".form-row").querySelector("label");
    const name = label ? label.textContent.replace(/\s*:\s*$/, "").trim() : "";
    const [date, time] = row.querySelectorAll("input");
    if (date) date.setAttribute("aria-label", `${name} : jour`);
    if (time) time.setAttribute("aria-label", `${name} : heure`);
  }
}

// The tags field's suggestions complete the tag being typed after the last comma.
function suggestTags() {
  const input = document.querySelector("input[list=tag-suggestions]");
  const list = document.getElementById("tag-suggestions");
  if (!input || !list) return;
  const names = Array.from(list.options, (option) => option.value);
  input.addEventListener("input", () => {
    const typed = input.value.split(",").map((part) => part.trim());
    const current = typed.pop().toLowerCase();
    const prefix = typed.length ? `${typed.join(", ")}, ` : "";
    const options = names
      .filter((name) => !typed.includes(name) && name.toLowerCase().includes(current))
      .map((name) => new Option("", prefix + name));
    list.replaceChildren(...options);
  });
}

window.addEventListener("load", () => {
  suggestTags();
  nameDateTimes();
  keyboardArrows();
  nameAutocompletes();
  if (window.django && window.django.jQuery) {
    window.django.jQuery(document).on("change", "select.admin-autocomplete", (event) =>
      setTimeout(() => nameAutocomplete(event.target)),
    );
  }
  document.addEventListener("formset:added", () => setTimeout(nameAutocompletes));
});
