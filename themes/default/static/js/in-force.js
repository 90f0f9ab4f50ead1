// The point-in-time page (gallande/): narrows the table of every version to
// the versions in force on the chosen day. Without JavaScript the form
// reloads the page and the whole table stays visible.
// A row is in force on day D when from <= D and (to is empty or D < to).

/**
 * @param {{ dataset: DOMStringMap }} row a table row with data-from/-to/-retired
 * @param {string} day YYYY-MM-DD
 */
export function inForce(row, day) {
  const from = row.dataset.from || "";
  const to = row.dataset.to || "";
  if (!from || from > day) return false;
  if (to) return day < to;
  return row.dataset.retired !== "true";
}

function show(day) {
  const rows = document.querySelectorAll(".in-force-table tbody tr");
  const status = document.getElementById("in-force-status");
  let count = 0;
  for (const row of rows) {
    const visible = !day || inForce(row, day);
    row.hidden = !visible;
    if (visible) count += 1;
  }
  if (!status) return;
  if (!day) {
    status.textContent = "";
  } else if (count === 0) {
    status.textContent = status.dataset.none;
  } else {
    status.textContent = `${status.dataset.on} ${day}: ${count} ${status.dataset.count}`;
  }
}

const form = typeof document === "undefined" ? null : document.querySelector(".in-force-form");
const input = form && document.getElementById("in-force-date");
if (form && input) {
  const day = new URLSearchParams(window.location.search).get("datum") || "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    input.value = day;
    show(day);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = input.value;
    const url = new URL(window.location.href);
    if (chosen) url.searchParams.set("datum", chosen);
    else url.searchParams.delete("datum");
    window.history.replaceState(null, "", url);
    show(chosen);
  });
}
