// The sheet's admin form: the error summary takes the focus after a failed save, and the
// arrows that move a part first or last work from the keyboard, with French names.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

window.addEventListener("load", () => {
  const names = { "move-begin": "Placer en premier", "move-end": "Placer en dernier" };
  for (const [className, name] of Object.entries(names)) {
    for (const arrow of document.querySelectorAll(`fieldset.sortable i.${className}`)) {
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
});
