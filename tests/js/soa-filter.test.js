// Filtering of the Statement of Applicability (themes/default/static/js/soa-filter.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { rowMatches, countText } from "../../themes/default/static/js/soa-filter.js";

const row = { theme: "technological", status: "in_progress", applicable: "yes" };

test("empty filters pass every row", () => {
  assert.equal(rowMatches(row, "8.25 Säker utveckling", {}), true);
  assert.equal(rowMatches(row, "x", { text: " ", theme: "", status: "", applicable: "" }), true);
});

test("each select must match the row's own value", () => {
  assert.equal(rowMatches(row, "", { theme: "technological" }), true);
  assert.equal(rowMatches(row, "", { theme: "people" }), false);
  assert.equal(rowMatches(row, "", { status: "done" }), false);
  assert.equal(rowMatches(row, "", { applicable: "no" }), false);
  assert.equal(rowMatches({ theme: "people", status: "", applicable: "no" }, "", { status: "done" }), false);
});

test("text matches anywhere in the row, ignoring case", () => {
  assert.equal(rowMatches(row, "8.25 Säker utveckling", { text: "SÄKER" }), true);
  assert.equal(rowMatches(row, "8.25 Säker utveckling", { text: "kryptering" }), false);
});

test("the count fills its template", () => {
  assert.equal(countText("{n} av {total} åtgärder visas.", 3, 93), "3 av 93 åtgärder visas.");
  assert.equal(countText("", 1, 2), "1 / 2");
});
