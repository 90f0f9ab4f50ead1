// Document pages: the print / save-as-PDF button (a button only works
// with JavaScript, so the markup keeps it hidden until this runs) and
// copy-link buttons beside the heading and requirement anchors. Reading
// never depends on this: each anchor is a plain link to itself.

const actions = document.querySelector('[data-doc-actions]');
if (actions) {
  actions.hidden = false;
  actions.querySelector('[data-print]')?.addEventListener('click', () => window.print());
}

// An anchor link (`a.anchor`) copies its absolute address when clicked and
// says so in its own live region; without clipboard access it just
// navigates, as a link does.
for (const a of document.querySelectorAll('a.anchor')) {
  a.addEventListener('click', async (event) => {
    if (!navigator.clipboard) return;
    event.preventDefault();
    const url = new URL(a.getAttribute('href'), window.location.href).href;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      a.dataset.copied = '';
      setTimeout(() => delete a.dataset.copied, 2000);
    } catch {
      window.location.hash = a.hash;
    }
  });
}

// Printed (or saved as PDF), the folded "all facts" show in full.
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details.meta')) {
    d.dataset.wasOpen = d.open ? '1' : '';
    d.open = true;
  }
});
window.addEventListener('afterprint', () => {
  for (const d of document.querySelectorAll('details.meta')) d.open = d.dataset.wasOpen === '1';
});
