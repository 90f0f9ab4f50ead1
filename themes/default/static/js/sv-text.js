// sv-text.js: Swedish text pipeline for styrdok's browser-side search.
//
// The search index is built in Rust by elasticlunr-rs 3.1.0 with the `sv`
// feature. A query only finds a document if its terms go through exactly the
// same processing as the indexed text, so this module mirrors that processing
// step by step:
//
//   tokenize  -> elasticlunr::lang::tokenize_whitespace (src/lang/mod.rs)
//   trim      -> RegexTrimmer("trimmer-sv", r"\p{Latin}") (src/lang/common.rs)
//   stop word -> StopWordFilter("stopWordFilter-sv", STOP_WORDS) (src/lang/sv.rs)
//   stem      -> RustStemmer(Algorithm::Swedish), i.e. rust-stemmers 1.2.0's
//                classic Snowball Swedish stemmer (src/snowball/algorithms/swedish.rs)
//
// Dependency-free ES module; works in modern browsers and Node 20.
// Parity is checked by tests/js/sv-text.test.js (30,623-word Snowball golden
// list plus sentences whose expected terms were produced by the Rust crate).

// ---------------------------------------------------------------------------
// Tokenizer

// Rust's `char::is_whitespace` is the Unicode White_Space property. JS `\s`
// is NOT the same set: it adds U+FEFF and lacks U+0085 (NEL), so the class is
// spelled out. The ASCII hyphen-minus is the only other separator; other
// dashes (U+2010, en dash, em dash, minus sign) do not split.
const SEPARATOR =
  /[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000-]/;

/**
 * Split text into lowercase tokens.
 * Mirrors `tokenize_whitespace`: `text.split(|c| c.is_whitespace() || c == '-')`,
 * drop empty pieces, then `trim()` (a no-op after splitting on whitespace) and
 * `to_lowercase()` (full Unicode lowercasing, like JS `toLowerCase`, not the
 * locale-sensitive `toLocaleLowerCase`). Digits and punctuation stay attached;
 * the trimmer deals with them.
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
  return String(text)
    .split(SEPARATOR)
    .filter((s) => s.length > 0)
    .map((s) => s.toLowerCase());
}

// ---------------------------------------------------------------------------
// Trimmer

// elasticlunr-rs builds `^[^\p{Latin}]+|[^\p{Latin}]+$` with the regex crate,
// where a bare `\p{Latin}` means Script=Latin (not Script_Extensions). JS has
// no bare script names, hence `\p{Script=Latin}` with the `u` flag.
// Consequences that are intended (they match the index): digits, punctuation,
// combining marks (Script=Inherited) and non-Latin letters are removed at
// both ends of a token, but kept inside it.
const TRIMMER = /^[^\p{Script=Latin}]+|[^\p{Script=Latin}]+$/gu;

/**
 * Remove leading and trailing characters that are not in the Latin script.
 * Mirrors `RegexTrimmer::filter` with `\p{Latin}`. Returns "" when nothing is
 * left (the Rust filter returns None then; `pipeline` drops such tokens).
 * @param {string} token
 * @returns {string}
 */
export function trim(token) {
  return String(token).replace(TRIMMER, '');
}

// ---------------------------------------------------------------------------
// Stop words

/**
 * Swedish stop words, the exact list of elasticlunr-rs 3.1.0 src/lang/sv.rs
 * (including its "" entry). Checked after trimming and before stemming, on
 * the lowercased token, by exact string equality.
 * @type {Set<string>}
 */
export const STOP_WORDS = new Set([
  '', 'alla', 'allt', 'att', 'av', 'blev', 'bli', 'blir', 'blivit', 'de', 'dem', 'den', 'denna',
  'deras', 'dess', 'dessa', 'det', 'detta', 'dig', 'din', 'dina', 'ditt', 'du', 'där', 'då',
  'efter', 'ej', 'eller', 'en', 'er', 'era', 'ert', 'ett', 'från', 'för', 'ha', 'hade', 'han',
  'hans', 'har', 'henne', 'hennes', 'hon', 'honom', 'hur', 'här', 'i', 'icke', 'ingen', 'inom',
  'inte', 'jag', 'ju', 'kan', 'kunde', 'man', 'med', 'mellan', 'men', 'mig', 'min', 'mina',
  'mitt', 'mot', 'mycket', 'ni', 'nu', 'när', 'någon', 'något', 'några', 'och', 'om', 'oss',
  'på', 'samma', 'sedan', 'sig', 'sin', 'sina', 'sitta', 'själv', 'skulle', 'som', 'så', 'sådan',
  'sådana', 'sådant', 'till', 'under', 'upp', 'ut', 'utan', 'vad', 'var', 'vara', 'varför',
  'varit', 'varje', 'vars', 'vart', 'vem', 'vi', 'vid', 'vilka', 'vilkas', 'vilken', 'vilket',
  'vår', 'våra', 'vårt', 'än', 'är', 'åt', 'över',
]);

// ---------------------------------------------------------------------------
// Stemmer: classic Snowball Swedish, as generated into rust-stemmers 1.2.0.
//
// The Rust code works on UTF-8 byte offsets but every cursor move is by whole
// characters, so working on an array of code points is equivalent. (Working
// on UTF-16 code units would not be: a character outside the BMP must count
// as one character when R1 is measured.)

const cp = (s) => s.codePointAt(0);

// g_v: a e i o u y ä å ö
const VOWELS = new Set(Array.from('aeiouyäåö', cp));
// g_s_ending: letters after which a final -s is removed
const S_ENDING = new Set(Array.from('bcdfghjklmnoprtvy', cp));

// Suffix tables (among_0, among_1, among_2). `find_among_b` picks the longest
// entry that ends the word and lies wholly inside R1; entries are therefore
// kept sorted by length, longest first, and the first fit wins.
const byLengthDesc = (rows) =>
  rows
    .map(([s, action]) => ({ chars: Array.from(s, cp), action, text: s }))
    .sort((a, b) => b.chars.length - a.chars.length);

const MAIN_SUFFIXES = byLengthDesc([
  ['a', 1], ['arna', 1], ['erna', 1], ['heterna', 1], ['orna', 1], ['ad', 1], ['e', 1],
  ['ade', 1], ['ande', 1], ['arne', 1], ['are', 1], ['aste', 1], ['en', 1], ['anden', 1],
  ['aren', 1], ['heten', 1], ['ern', 1], ['ar', 1], ['er', 1], ['heter', 1], ['or', 1],
  ['s', 2], ['as', 1], ['arnas', 1], ['ernas', 1], ['ornas', 1], ['es', 1], ['ades', 1],
  ['andes', 1], ['ens', 1], ['arens', 1], ['hetens', 1], ['erns', 1], ['at', 1], ['andet', 1],
  ['het', 1], ['ast', 1],
]);

const CONSONANT_PAIRS = byLengthDesc([
  ['dd', 1], ['gd', 1], ['nn', 1], ['dt', 1], ['gt', 1], ['kt', 1], ['tt', 1],
]);

// action 1: delete, 2: replace with "lös", 3: replace with "full"
const OTHER_SUFFIXES = byLengthDesc([
  ['ig', 1], ['lig', 1], ['els', 1], ['fullt', 3], ['löst', 2],
]);

// Longest table entry that is a suffix of w and starts at or after `limit`.
function findSuffix(w, table, limit) {
  for (const entry of table) {
    const n = entry.chars.length;
    const start = w.length - n;
    if (start < limit) continue;
    let k = 0;
    while (k < n && w[start + k] === entry.chars[k]) k++;
    if (k === n) return entry;
  }
  return null;
}

// r_mark_regions: R1 starts after the first non-vowel that follows a vowel,
// but not before the 3rd character. If the word has fewer than 3 characters,
// or no such non-vowel exists, R1 is empty (p1 = length).
function markRegionR1(w) {
  const len = w.length;
  if (len < 3) return len; // `hop 3` fails
  let i = 0;
  while (i < len && !VOWELS.has(w[i])) i++; // goto v
  if (i >= len) return len;
  while (i < len && VOWELS.has(w[i])) i++; // gopast non-v
  if (i >= len) return len;
  return Math.max(i + 1, 3);
}

/**
 * Stem one word with the classic (pre-3.0) Snowball Swedish algorithm,
 * producing byte-for-byte the output of rust-stemmers 1.2.0
 * `Stemmer::create(Algorithm::Swedish).stem(word)`.
 * Like rust-stemmers it does not lowercase; feed it lowercase input.
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  const w = Array.from(String(word), cp);
  const p1 = markRegionR1(w);

  // r_main_suffix: longest suffix in R1; "-s" alone only after a valid
  // s-ending letter, which may lie before R1 (the limit is lifted by then).
  const main = findSuffix(w, MAIN_SUFFIXES, p1);
  if (main) {
    const start = w.length - main.chars.length;
    if (main.action === 1) {
      w.length = start;
    } else if (start > 0 && S_ENDING.has(w[start - 1])) {
      w.length = start;
    }
  }

  // r_consonant_pair: dd gd nn dt gt kt tt wholly in R1 -> drop the last letter.
  if (findSuffix(w, CONSONANT_PAIRS, p1)) {
    w.length -= 1;
  }

  // r_other_suffix: -ig -lig -els deleted, -löst -> -lös, -fullt -> -full (in R1).
  const other = findSuffix(w, OTHER_SUFFIXES, p1);
  if (other) {
    const start = w.length - other.chars.length;
    w.length = start;
    if (other.action === 2) w.push(...Array.from('lös', cp));
    else if (other.action === 3) w.push(...Array.from('full', cp));
  }

  return String.fromCodePoint(...w);
}

// ---------------------------------------------------------------------------
// Whole pipeline

/**
 * Turn text into index terms exactly as elasticlunr-rs does for a Swedish
 * document field: `Language::tokenize`, then `Pipeline::run` with the sv
 * queue [trimmer-sv, stopWordFilter-sv, stemmer-sv]. Order and duplicates are
 * preserved; a token dropped by one step is not seen by later steps.
 * @param {string} text
 * @returns {string[]}
 */
export function pipeline(text) {
  const terms = [];
  for (const token of tokenize(text)) {
    const trimmed = trim(token);
    if (trimmed === '') continue;
    if (STOP_WORDS.has(trimmed)) continue;
    const stemmed = stem(trimmed);
    if (stemmed === '') continue; // RustStemmer returns None for "" (cannot happen)
    terms.push(stemmed);
  }
  return terms;
}
