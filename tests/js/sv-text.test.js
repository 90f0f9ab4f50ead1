// Tests for themes/default/static/js/sv-text.js, the browser-side copy of
// elasticlunr-rs 3.1.0's Swedish text pipeline. Run with `node --test tests/js/`.
//
// 1. The stemmer against the Snowball project's classic Swedish golden list
//    (tests/data/snowball-sv, 30,623 words; rust-stemmers 1.2.0 reproduces it).
// 2. Stop words, tokenizer and trimmer against what the Rust source does.
// 3. Hand-checked sentences.
// 4. RUST_PARITY: sentences whose tokens and terms were printed by a scratch
//    Rust program calling elasticlunr-rs 3.1.0 (features = ["sv"]):
//    `Swedish::new().tokenize(text)` and `make_pipeline().run(tokens)`, and
//    checked to be the terms a real `Index` (IndexBuilder::with_language
//    Swedish) stores. Regenerate them from the Rust side if the crate changes;
//    do not edit the expected values by hand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { stem, STOP_WORDS, trim, tokenize, pipeline } from '../../themes/default/static/js/sv-text.js';

const dataFile = (name) =>
  readFileSync(new URL(`../data/snowball-sv/${name}`, import.meta.url), 'utf8');

const lines = (text) => {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
};

test('stem: classic Snowball Swedish golden list (voc.txt -> output.txt)', () => {
  const voc = lines(dataFile('voc.txt'));
  const expected = lines(dataFile('output.txt'));
  assert.equal(voc.length, 30623, 'voc.txt word count');
  assert.equal(expected.length, voc.length, 'output.txt must have one stem per word');

  const mismatches = [];
  for (let i = 0; i < voc.length; i++) {
    const got = stem(voc[i]);
    if (got !== expected[i]) mismatches.push(`${voc[i]} -> ${got} (expected ${expected[i]})`);
  }
  assert.equal(
    mismatches.length,
    0,
    `${mismatches.length} of ${voc.length} words stem wrongly; first ones:\n  ` +
      mismatches.slice(0, 20).join('\n  '),
  );
});

test('stem: classic algorithm details', () => {
  const cases = [
    ['arbetet', 'arbetet'], // classic keeps -et (Snowball 3.x would give "arbet")
    ['heterna', 'het'], // R1 starts at index 3, so only -erna fits
    ['flickornas', 'flick'],
    ['katts', 'katt'], // -s after t is removed; "tt" is not wholly in R1
    ['abs', 'abs'], // -s outside R1 is kept
    ['hus', 'hus'],
    ['tänkt', 'tänk'], // consonant pair kt
    ['kärleksfullt', 'kärleksfull'], // -fullt -> -full
    ['upplöst', 'upplös'], // -löst -> -lös
    ['fullt', 'fullt'], // suffix not inside R1
    ['möjligheterna', 'möj'],
    ['ska', 'ska'],
    ['ö', 'ö'],
    ['', ''],
    ['ARBETARE', 'ARBETARE'], // like rust-stemmers, no lowercasing
  ];
  for (const [word, want] of cases) assert.equal(stem(word), want, word);
});

test('stem: counts characters (code points), not UTF-16 units, like rust-stemmers', () => {
  // Expected values printed by rust-stemmers 1.2.0. A UTF-16 based port
  // would put R1 one unit too early and strip "as"/"ar" here.
  assert.equal(stem('a😀as'), 'a😀as');
  assert.equal(stem('a😀ar'), 'a😀ar');
  assert.equal(stem('xa😀en'), 'xa😀');
  assert.equal(stem('😀😀😀ens'), '😀😀😀en');
  assert.equal(stem('héllo'), 'héllo'); // é is not a Snowball vowel
});

test('STOP_WORDS: exactly the elasticlunr-rs sv list', () => {
  assert.ok(STOP_WORDS instanceof Set);
  assert.equal(STOP_WORDS.size, 115); // 114 words plus the "" entry of the Rust list
  for (const w of ['', 'och', 'att', 'för', 'på', 'är', 'över', 'sådant', 'vilkas', 'åt', 'icke']) {
    assert.ok(STOP_WORDS.has(w), `missing stop word ${JSON.stringify(w)}`);
  }
  // Not in the Rust list, even though they look like stop words.
  for (const w of ['ska', 'se', 'e', 'samt', 'via', 'in', 'Och', 'OCH', 'o\u0308ver']) {
    assert.ok(!STOP_WORDS.has(w), `unexpected stop word ${JSON.stringify(w)}`);
  }
  for (const w of STOP_WORDS) assert.equal(w, w.toLowerCase());
});

test('tokenize: split on Unicode White_Space and "-", then lowercase', () => {
  assert.deepEqual(tokenize('  Foo   BAR  '), ['foo', 'bar']);
  assert.deepEqual(tokenize('LIS-R-04 e-post'), ['lis', 'r', '04', 'e', 'post']);
  assert.deepEqual(tokenize('A - B'), ['a', 'b']);
  assert.deepEqual(tokenize('a\u00A0b\tc\nd\u2003e\u3000f'), ['a', 'b', 'c', 'd', 'e', 'f']);
  // Rust's char::is_whitespace includes U+0085 and excludes U+FEFF (JS \s is the reverse).
  assert.deepEqual(tokenize('a\u0085b'), ['a', 'b']);
  assert.deepEqual(tokenize('a\uFEFFb'), ['a\uFEFFb']);
  // Only ASCII hyphen-minus splits; other dashes stay in the token.
  assert.deepEqual(tokenize('a\u2013b c\u2014d e\u2010f g\u2212h'), ['a\u2013b', 'c\u2014d', 'e\u2010f', 'g\u2212h']);
  // Punctuation is not split off here; that is the trimmer's job.
  assert.deepEqual(tokenize('Hej, världen!'), ['hej,', 'världen!']);
  assert.deepEqual(tokenize('ÅÄÖ'), ['åäö']);
  assert.deepEqual(tokenize(''), []);
});

test('trim: strip non-Latin-script characters at both ends only', () => {
  assert.equal(trim('rutinen.'), 'rutinen');
  assert.equal(trim('(helst'), 'helst');
  assert.equal(trim('«gåsögon»'), 'gåsögon');
  assert.equal(trim('"citat",'), 'citat');
  assert.equal(trim('v1.2'), 'v'); // digits are Script=Common
  assert.equal(trim('3b.'), 'b');
  assert.equal(trim('2024'), '');
  assert.equal(trim('§4.2'), '');
  assert.equal(trim('\u2013'), '');
  assert.equal(trim('iso/iec'), 'iso/iec'); // inner punctuation is kept
  assert.equal(trim('user@example.se'), 'user@example.se');
  assert.equal(trim('σοφια'), ''); // Greek is not Latin
  assert.equal(trim('pa\u030A'), 'pa'); // a trailing combining mark is Script=Inherited
  assert.equal(trim('o\u0308ver'), 'o\u0308ver'); // ...but kept inside a word
  assert.equal(trim('åäö'), 'åäö');
  assert.equal(trim('café'), 'café');
});

test('pipeline: hand-checked Swedish sentences', () => {
  // alla: stop word; medarbetare: -are in R1; ska: R1 empty; läsa: -a; rutinerna.: trim, -erna
  assert.deepEqual(pipeline('Alla medarbetare ska läsa rutinerna.'), ['medarbet', 'ska', 'läs', 'rutin']);
  // till: stop word; IT-support: split on '-', "it" too short to stem
  assert.deepEqual(pipeline('Säkerhetsincidenter rapporteras till IT-support.'), [
    'säkerhetsincident',
    'rapporter',
    'it',
    'support',
  ]);
  // Stop words are checked after trimming, before stemming.
  assert.deepEqual(pipeline('Och, Det är Inte... SÅ'), []);
  // Tokens with no Latin letters disappear.
  assert.deepEqual(pipeline('2024-05-31 – 08-123 45 67 §4'), []);
  // Order and duplicates are kept (elasticlunr counts term frequency later).
  assert.deepEqual(pipeline('Hittade hittat hittar'), ['hitt', 'hitt', 'hitt']);
  assert.deepEqual(pipeline(''), []);
});

// Generated by the Rust scratch program (see header); expected values are Rust output.
const RUST_PARITY = [
  {
    text: 'Informationssäkerhetspolicyn gäller för alla anställda och konsulter.',
    tokens: ['informationssäkerhetspolicyn', 'gäller', 'för', 'alla', 'anställda', 'och', 'konsulter.'],
    terms: ['informationssäkerhetspolicyn', 'gäll', 'anställd', 'konsult'],
  },
  {
    text: 'Se LIS-R-04 och LIS-P-12 för riskbedömningen av leverantörerna.',
    tokens: ['se', 'lis', 'r', '04', 'och', 'lis', 'p', '12', 'för', 'riskbedömningen', 'av', 'leverantörerna.'],
    terms: ['se', 'lis', 'r', 'lis', 'p', 'riskbedömning', 'leverantör'],
  },
  {
    text: 'Skicka e-post till säkerhetsansvarig@example.se senast 2024-05-31.',
    tokens: ['skicka', 'e', 'post', 'till', 'säkerhetsansvarig@example.se', 'senast', '2024', '05', '31.'],
    terms: ['skick', 'e', 'post', 'säkerhetsansvarig@example.s', 'sen'],
  },
  {
    text: 'ÅTKOMSTKONTROLL: Behörigheterna granskas årligen av systemägaren!',
    tokens: ['åtkomstkontroll:', 'behörigheterna', 'granskas', 'årligen', 'av', 'systemägaren!'],
    terms: ['åtkomstkontroll', 'behör', 'gransk', 'årl', 'systemäg'],
  },
  {
    text: 'Lösenorden ska vara minst 12 tecken långa (helst 16).',
    tokens: ['lösenorden', 'ska', 'vara', 'minst', '12', 'tecken', 'långa', '(helst', '16).'],
    terms: ['lösenord', 'ska', 'minst', 'teck', 'lång', 'helst'],
  },
  {
    text: 'Incidenter rapporteras omedelbart – ring 08-123 45 67 eller 112.',
    tokens: ['incidenter', 'rapporteras', 'omedelbart', '–', 'ring', '08', '123', '45', '67', 'eller', '112.'],
    terms: ['incident', 'rapporter', 'omedelbart', 'ring'],
  },
  {
    text: 'Kryptering (AES-256) används för säkerhetskopiorna och loggarna.',
    tokens: ['kryptering', '(aes', '256)', 'används', 'för', 'säkerhetskopiorna', 'och', 'loggarna.'],
    terms: ['kryptering', 'aes', 'använd', 'säkerhetskopi', 'logg'],
  },
  {
    text: 'Vi har ansvaret; de har det inte, men ni är skyldiga att följa rutinen.',
    tokens: ['vi', 'har', 'ansvaret;', 'de', 'har', 'det', 'inte,', 'men', 'ni', 'är', 'skyldiga', 'att', 'följa', 'rutinen.'],
    terms: ['ansvaret', 'skyld', 'följ', 'rutin'],
  },
  {
    text: 'Fullt ansvar, löst kopplade system och fullständigt dokumenterade avvikelser.',
    tokens: ['fullt', 'ansvar,', 'löst', 'kopplade', 'system', 'och', 'fullständigt', 'dokumenterade', 'avvikelser.'],
    terms: ['fullt', 'ansv', 'löst', 'koppl', 'system', 'fullständ', 'dokumenter', 'avvik'],
  },
  {
    text: '"Citat", \'apostrofer\' och «gåsögon» runt ord... samt [hakparenteser]?',
    tokens: ['"citat",', '\'apostrofer\'', 'och', '«gåsögon»', 'runt', 'ord...', 'samt', '[hakparenteser]?'],
    terms: ['cit', 'apostrof', 'gåsögon', 'runt', 'ord', 'samt', 'hakparentes'],
  },
  {
    text: 'Version v1.2 av ISO/IEC 27001:2022 gäller från 1 januari; se §4.2 i bilaga 3b.',
    tokens: ['version', 'v1.2', 'av', 'iso/iec', '27001:2022', 'gäller', 'från', '1', 'januari;', 'se', '§4.2', 'i', 'bilaga', '3b.'],
    terms: ['version', 'v', 'iso/iec', 'gäll', 'januari', 'se', 'bilag', 'b'],
  },
  {
    text: 'Användarna loggar in via SSO\u00A0(single sign-on)\tvarje dag.\nNästa rad: Tvåfaktorsautentisering krävs.',
    tokens: ['användarna', 'loggar', 'in', 'via', 'sso', '(single', 'sign', 'on)', 'varje', 'dag.', 'nästa', 'rad:', 'tvåfaktorsautentisering', 'krävs.'],
    terms: ['använd', 'logg', 'in', 'via', 'sso', 'singl', 'sign', 'on', 'dag', 'näst', 'rad', 'tvåfaktorsautentisering', 'kräv'],
  },
  {
    text: 'Behörighetsstyrning — ägare: IT-avdelningen; granskare: CISO/DPO.',
    tokens: ['behörighetsstyrning', '—', 'ägare:', 'it', 'avdelningen;', 'granskare:', 'ciso/dpo.'],
    terms: ['behörighetsstyrning', 'ägar', 'it', 'avdelning', 'gransk', 'ciso/dpo'],
  },
  {
    text: 'Dekomponerat pa\u030A och o\u0308ver, samt Zürich-kontoret och café naïve.',
    tokens: ['dekomponerat', 'pa\u030A', 'och', 'o\u0308ver,', 'samt', 'zürich', 'kontoret', 'och', 'café', 'naïve.'],
    terms: ['dekomponer', 'pa', 'o\u0308v', 'samt', 'zürich', 'kontoret', 'café', 'naïv'],
  },
  {
    text: 'ord\u0085ord2 ett\uFEFFtvå ΣΟΦΙΑ Москва İstanbul',
    tokens: ['ord', 'ord2', 'ett\uFEFFtvå', 'σοφια', 'москва', 'i\u0307stanbul'],
    terms: ['ord', 'ord', 'ett\uFEFFtvå', 'i\u0307stanbul'],
  },
  {
    text: 'Hittade, hittat, hittar, flickornas, kattens, möjligheterna, kärlek, kärleksfullt',
    tokens: ['hittade,', 'hittat,', 'hittar,', 'flickornas,', 'kattens,', 'möjligheterna,', 'kärlek,', 'kärleksfullt'],
    terms: ['hitt', 'hitt', 'hitt', 'flick', 'katt', 'möj', 'kärlek', 'kärleksfull'],
  },
];

test('pipeline: parity with elasticlunr-rs 3.1.0 (sv) output', () => {
  for (const { text, tokens, terms } of RUST_PARITY) {
    assert.deepEqual(tokenize(text), tokens, `tokens of ${JSON.stringify(text)}`);
    assert.deepEqual(pipeline(text), terms, `terms of ${JSON.stringify(text)}`);
  }
});
