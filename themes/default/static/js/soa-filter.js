// Statement of Applicability (tillampning/): filtering the table by text,
// theme, implementation status and applicability. The page is a plain
// table that works without JavaScript; this module only adds to it. No
// inline script or style is used, so a strict Content-Security-Policy holds.

/**
 * Does a row with `data` (its data-* attributes: theme, status,
 * applicable) and `text` pass `filters` ({ text, theme, status,
 * applicable }; an empty value passes everything)?
 */
export function rowMatches(data, text, filters) {
  const needle = (filters.text || "").trim().toLowerCase();
  if (needle && !text.toLowerCase().includes(needle)) return false;
  for (const key of ["theme", "status", "applicable"]) {
    const want = filters[key] || "";
    if (want && (data[key] || "") !== want) return false;
  }
  return true;
}

/** The count line: `template` with {n} and {total} filled in. */
export function countText(template, shown, total) {
  return (template || "{n} / {total}")
    .replace("{n}", String(shown))
    .replace("{total}", String(total));
}

function apply(table, controls) {
  const filters = {};
  for (const field of controls.querySelectorAll("[data-filter]")) {
    filters[field.dataset.filter] = field.value;
  }
  const rows = Array.from(table.tBodies[0].rows);
  let shown = 0;
  for (const row of rows) {
    const visible = rowMatches(row.dataset, row.textContent, filters);
    row.hidden = !visible;
    if (visible) shown += 1;
  }
  const count = controls.querySelector("[data-soa-count]");
  if (count) count.textContent = countText(controls.dataset.countTemplate, shown, rows.length);
}

function init() {
  const table = document.querySelector("[data-soa-table]");
  const controls = document.querySelector("[data-soa-controls]");
  if (!table || !controls || !table.tBodies.length) return;
  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  controls.addEventListener("input", () => apply(table, controls));
  controls.addEventListener("change", () => apply(table, controls));
  apply(table, controls);
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
