// Document versions (`MAJOR.MINOR`, as `check` requires them), shared by
// the training pages (quiz-core.js: read receipts, what changed since) and
// the document status board (status-board.js: the version column).

/**
 * Compares two `MAJOR.MINOR` versions numerically (`1.10` is after `1.9`):
 * negative, zero or positive; NaN when either is malformed (not two runs of
 * digits joined by a dot, surrounding spaces allowed), so a caller decides
 * what a malformed version means instead of it passing for `0.0`.
 */
export function compareVersions(a, b) {
  const parse = (v) => /^(\d+)\.(\d+)$/.exec(String(v || '').trim());
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return NaN;
  return Number(x[1]) - Number(y[1]) || Number(x[2]) - Number(y[2]);
}
