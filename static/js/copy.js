// "Copier" buttons of the job-ad page: progressive enhancement, the text areas work without.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.nextElementSibling;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = "Copié dans le presse-papiers.";
    } catch {
      source.select();
      status.textContent = "Texte sélectionné : copiez-le avec Ctrl+C (ou Cmd+C).";
    }
  });
}
