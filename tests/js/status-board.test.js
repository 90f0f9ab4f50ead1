// Sorting helpers of the document status board (themes/default/static/js/status-board.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareValues, compareVersions } from "../../themes/default/static/js/status-board.js";

test("versions compare by number, not text", () => {
  assert.ok(compareVersions("2.10", "2.9") > 0);
  assert.ok(compareVersions("1.0", "1.0") === 0);
  assert.ok(compareVersions("0.9", "1.0") < 0);
});

test("numbers sort numerically, empty values last", () => {
  assert.ok(compareValues("-71", "14", "number") < 0);
  assert.ok(compareValues("100", "20", "number") > 0);
  assert.ok(compareValues("", "3", "number") > 0);
  assert.ok(compareValues("3", "", "number") < 0);
});

test("text sorts with Swedish collation", () => {
  assert.ok(compareValues("Ärende", "Zon", "text") > 0);
  assert.ok(compareValues("LIS-R-2", "LIS-R-10", "text") < 0);
});
