// Document status board (dokumentstatus/): sorting by column and filtering
// by text, type, status and overdue review. The page is a plain table that
// works without JavaScript; this module only adds to it. No inline script or
// style is used, so a strict Content-Security-Policy holds.

import { compareVersions } from "./versions.js";

/** Compares two `MAJOR.MINOR` versions (versions.js: NaN when malformed). */
export { compareVersions };

/** Is `v` not a `MAJOR.MINOR` version? */
const malformed = (v) => Number.isNaN(compareVersions(v, v));

/** The value a cell sorts by: its data-value if set, else its text. */
function cellValue(row, index) {
  const cell = row.cells[index];
  if (!cell) return "";
  return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
}

/**
 * Compares two cell values of a column of `type` (text, number, version).
 * Empty values always sort last; malformed versions after the others.
 */
export function compareValues(a, b, type) {
  if (a === "" || b === "") return (a === "") - (b === "");
  if (type === "number") return Number(a) - Number(b);
  if (type === "version") {
    // Numerically; a malformed version after every well-formed one, and
    // malformed ones among themselves as text.
    const d = compareVersions(a, b);
    if (!Number.isNaN(d)) return d;
    if (malformed(a) !== malformed(b)) return malformed(a) - malformed(b);
  }
  const lang = typeof document !== "undefined" ? document.documentElement.lang : "";
  return a.localeCompare(b, lang || "sv", { numeric: true });
}

function sortBy(table, index, type, descending) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  rows.sort((x, y) => {
    const a = cellValue(x, index);
    const b = cellValue(y, index);
    if (a === "" || b === "") return compareValues(a, b, type);
    const d = compareValues(a, b, type);
    return descending ? -d : d;
  });
  for (const row of rows) body.appendChild(row);
}

function makeSortable(table) {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", () => {
      const descending = th.getAttribute("aria-sort") === "ascending";
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      sortBy(table, index, th.dataset.sort || "text", descending);
    });
  });
}

function applyFilters(table, controls) {
  const get = (name) => controls.querySelector(`[data-filter="${name}"]`);
  const text = get("text").value.trim().toLowerCase();
  const kind = get("kind").value;
  const status = get("status").value;
  const overdueOnly = get("review").checked;
  const rows = Array.from(table.tBodies[0].rows);
  let shown = 0;
  for (const row of rows) {
    const visible =
      (!text || row.textContent.toLowerCase().includes(text)) &&
      (!kind || row.dataset.kind === kind) &&
      (!status || row.dataset.status === status) &&
      (!overdueOnly || row.dataset.review === "overdue");
    row.hidden = !visible;
    if (visible) shown += 1;
  }
  const count = controls.querySelector("[data-board-count]");
  if (count) {
    count.textContent = (controls.dataset.countTemplate || "{n} / {total}")
      .replace("{n}", String(shown))
      .replace("{total}", String(rows.length));
  }
}

function init() {
  const table = document.querySelector("[data-status-board]");
  if (!table || !table.tHead || !table.tBodies.length) return;
  makeSortable(table);
  const hint = document.querySelector("[data-sort-hint]");
  if (hint) hint.hidden = false;
  const controls = document.querySelector("[data-board-controls]");
  if (!controls) return;
  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  controls.addEventListener("input", () => applyFilters(table, controls));
  controls.addEventListener("change", () => applyFilters(table, controls));
  applyFilters(table, controls);
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
