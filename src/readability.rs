//! Readability of a document's body: LIX (läsbarhetsindex, Björnsson), on
//! the plain text of the Markdown. Computed once per document while the site
//! loads (in parallel with the other per-file work); `check` warns on hard
//! text and the document status board shows the value.
//!
//! LIX = words / sentences + 100 × long words / words.
//!
//! What is counted, and why:
//!
//! - **Text** is what a reader reads: paragraphs, headings, list items,
//!   table cells, block quotes, link text, emphasis. Code blocks, inline
//!   code, raw HTML, image alt text and link addresses are skipped — they
//!   are not prose and would distort the value.
//! - **A word** is a run of letters and digits; `-`, `.`, `:`, `/`, `'` and
//!   `’` between two letters or digits join it (`e-post`, `t.ex.`,
//!   `LIS-R-04`, `KS/2022:123` are one word each).
//! - **A long word** has more than 6 letters (digits do not count, so
//!   `2024` is never long).
//! - **A sentence** ends at the end of every block — so each heading, list
//!   item and table cell is (at least) one sentence — and inside a block at
//!   `!` or `?` followed by a space, or at `.` or `:` followed by a space and
//!   a capital letter. The capital-letter rule keeps abbreviations such as
//!   `t.ex. lösenord` and lead-ins such as `följande: lösenord` inside their
//!   sentence. Closing quotes and brackets after the mark are allowed.
//!   A block without words is no sentence.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// LIX above this is hard to read: `check` warns (SPEC §4).
pub const LIX_WARN_ABOVE: f64 = 55.0;

/// How many of the longest sentences are kept for the warning.
const KEEP_LONGEST: usize = 3;

/// Counts and the longest sentences of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub long_words: usize,
    /// The longest sentences by word count, longest first (at most three).
    pub longest: Vec<Sentence>,
}

/// A sentence, for pointing a writer at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's words as read, whitespace collapsed.
    pub text: String,
    pub words: usize,
    /// Byte offset in the Markdown body where the sentence starts (close to
    /// it when Markdown markup precedes the first word).
    pub offset: usize,
}

/// The LIX bands of Björnsson (lix.se).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// below 30
    VeryEasy,
    /// 30 to below 40
    Easy,
    /// 40 to below 50
    Medium,
    /// 50 to below 60
    Hard,
    /// 60 and above
    VeryHard,
}

impl Band {
    pub fn of(lix: f64) -> Band {
        match lix {
            x if x < 30.0 => Band::VeryEasy,
            x if x < 40.0 => Band::Easy,
            x if x < 50.0 => Band::Medium,
            x if x < 60.0 => Band::Hard,
            _ => Band::VeryHard,
        }
    }

    /// Stable name, also the suffix of the UI label key `lix_band_*`.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::VeryEasy => "very_easy",
            Band::Easy => "easy",
            Band::Medium => "medium",
            Band::Hard => "hard",
            Band::VeryHard => "very_hard",
        }
    }
}

impl Readability {
    /// LIX, or `None` for a text without words.
    pub fn lix(&self) -> Option<f64> {
        if self.words == 0 {
            return None;
        }
        let sentences = self.sentences.max(1) as f64;
        let words = self.words as f64;
        Some(words / sentences + 100.0 * self.long_words as f64 / words)
    }

    /// LIX rounded to a whole number, as shown to readers.
    pub fn lix_rounded(&self) -> Option<u32> {
        self.lix().map(|l| l.round() as u32)
    }

    fn add_sentence(&mut self, words: usize, long: usize, text: &str, offset: usize) {
        if words == 0 {
            return;
        }
        self.words += words;
        self.long_words += long;
        self.sentences += 1;
        let full = self.longest.len() == KEEP_LONGEST;
        if full && self.longest.last().is_some_and(|s| s.words >= words) {
            return;
        }
        let at = self.longest.partition_point(|s| s.words >= words);
        self.longest.insert(
            at,
            Sentence {
                text: collapse_whitespace(text),
                words,
                offset,
            },
        );
        self.longest.truncate(KEEP_LONGEST);
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of one block, with where each piece came from in the body.
#[derive(Default)]
struct Block {
    text: String,
    /// `(position in text, byte offset in body)` for each piece of text.
    origins: Vec<(usize, usize)>,
}

impl Block {
    fn push(&mut self, s: &str, offset: usize) {
        self.origins.push((self.text.len(), offset));
        self.text.push_str(s);
    }

    fn source_offset(&self, pos: usize) -> usize {
        let i = self.origins.partition_point(|&(p, _)| p <= pos);
        match i.checked_sub(1).map(|k| self.origins[k]) {
            Some((p, o)) => o + (pos - p),
            None => 0,
        }
    }
}

/// Analyses a Markdown body (front matter already removed). The site's
/// first Markdown pass ([`crate::markdown::scan`]) counts with a
/// [`Counter`] as it goes, so a build parses each body once for both.
pub fn analyse(body: &str) -> Readability {
    let mut counter = Counter::default();
    for (event, range) in
        Parser::new_ext(body, crate::markdown::syntax::options()).into_offset_iter()
    {
        counter.event(&event, range.start);
    }
    counter.finish()
}

/// Counts one body's Markdown events, in order.
#[derive(Default)]
pub struct Counter {
    out: Readability,
    block: Block,
    /// Depth inside content that is not prose (code blocks, images).
    skip: usize,
}

impl Counter {
    /// Takes the next event; `offset` is where it starts in the body.
    pub fn event(&mut self, event: &Event, offset: usize) {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::Image { .. }) => self.skip += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::Image) => {
                self.skip = self.skip.saturating_sub(1)
            }
            Event::Text(t) if self.skip == 0 => self.block.push(t, offset),
            Event::SoftBreak | Event::HardBreak if self.skip == 0 => self.block.push(" ", offset),
            // Inline code stands for a word the reader sees; keep a space
            // so its neighbours do not run together.
            Event::Code(_) => self.block.push(" ", offset),
            Event::Start(tag) if is_block(tag) => flush(&mut self.block, &mut self.out),
            Event::End(tag) if is_block_end(tag) => flush(&mut self.block, &mut self.out),
            Event::Rule => flush(&mut self.block, &mut self.out),
            _ => {}
        }
    }

    pub fn finish(mut self) -> Readability {
        flush(&mut self.block, &mut self.out);
        self.out
    }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
    )
}

/// Splits the block into sentences and counts them.
fn flush(block: &mut Block, out: &mut Readability) {
    if block.text.trim().is_empty() {
        block.text.clear();
        block.origins.clear();
        return;
    }
    let text = std::mem::take(&mut block.text);
    let mut start = 0;
    for end in sentence_ends(&text) {
        let sentence = &text[start..end];
        let (words, long) = count_words(sentence);
        let lead = sentence.len() - sentence.trim_start().len();
        out.add_sentence(words, long, sentence, block.source_offset(start + lead));
        start = end;
    }
    block.origins.clear();
}

/// Byte positions just after each sentence of `text`; the last is its end.
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    // The marks are ASCII, so bytes can be searched: no UTF-8 continuation
    // byte equals one.
    for (i, b) in text.bytes().enumerate() {
        if !matches!(b, b'.' | b'!' | b'?' | b':') {
            continue;
        }
        let c = char::from(b);
        // Closing quotes and brackets belong to the sentence they close.
        let closed = text[i + 1..].trim_start_matches(['"', '”', '»', '\'', '’', ')', ']']);
        if closed.chars().next().is_some_and(|n| !n.is_whitespace()) {
            continue;
        }
        let ends_here = match closed.chars().find(|c| !c.is_whitespace()) {
            None => false, // the block's end closes it anyway
            Some(_) if matches!(c, '!' | '?') => true,
            Some(n) => n.is_uppercase() || matches!(n, '"' | '”' | '»' | '–' | '-'),
        };
        if ends_here {
            ends.push(text.len() - closed.len());
        }
    }
    ends.push(text.len());
    ends
}

/// `(is_alphanumeric, is_alphabetic)`, with Swedish letters answered
/// without a Unicode table lookup.
fn letter_kind(c: char) -> (bool, bool) {
    if c.is_ascii() {
        (c.is_ascii_alphanumeric(), c.is_ascii_alphabetic())
    } else if matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö' | 'é' | 'É' | 'ü' | 'Ü') {
        (true, true)
    } else {
        (c.is_alphanumeric(), c.is_alphabetic())
    }
}

/// Words and long words (more than 6 letters) in `text`. ASCII is read a
/// byte at a time; only other characters are decoded.
fn count_words(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut words, mut long) = (0, 0);
    let mut letters = 0usize;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b.is_ascii() {
            i += 1;
            char::from(b)
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            c
        };
        let (alphanumeric, alphabetic) = letter_kind(c);
        if alphanumeric {
            in_word = true;
            if alphabetic {
                letters += 1;
            }
            continue;
        }
        let joins = in_word
            && matches!(c, '-' | '.' | ':' | '/' | '\'' | '’')
            && text[i..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric());
        if joins {
            continue;
        }
        if in_word {
            words += 1;
            if letters > 6 {
                long += 1;
            }
        }
        in_word = false;
        letters = 0;
    }
    if in_word {
        words += 1;
        if letters > 6 {
            long += 1;
        }
    }
    (words, long)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_kind_agrees_with_the_unicode_tables() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(
                letter_kind(c),
                (c.is_alphanumeric(), c.is_alphabetic()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn words_join_on_inner_punctuation() {
        assert_eq!(count_words("e-post t.ex. LIS-R-04 KS/2022:123"), (4, 0));
        assert_eq!(count_words("informationssäkerhet 2024 datorer"), (3, 2));
        assert_eq!(count_words("sex är sexton"), (3, 0));
        assert_eq!(count_words(" – , ."), (0, 0));
    }

    #[test]
    fn sentences_end_at_marks_before_capitals() {
        let count = |t: &str| analyse(t).sentences;
        assert_eq!(count("Ett. Två! tre? Fyra"), 4);
        assert_eq!(count("Till exempel t.ex. lösenord. Sedan"), 2);
        assert_eq!(count("Gör följande: lås datorn."), 1);
        assert_eq!(count("Gör så här: Lås datorn."), 2);
        assert_eq!(count("Han sa ”Nej.” Sedan gick han."), 2);
        assert_eq!(count("Version 2.1 gäller"), 1);
    }

    #[test]
    fn blocks_are_sentences_and_code_is_skipped() {
        let r = analyse("# Rubrik\n\n- ett\n- två\n\n```\nkod kod kod.\n```\n\n| a | b |\n|---|---|\n| c | d |\n");
        // heading, two items, four table cells
        assert_eq!(r.sentences, 7);
        assert_eq!(r.words, 7);
        let r = analyse("Se `kod` och ![bild med text](b.png) [länk](https://x.se/lång-adress).");
        assert_eq!(r.words, 3);
    }

    #[test]
    fn longest_sentences_are_kept_with_offsets() {
        let body = "Kort.\n\nEn mening med sex ord här. Den längsta meningen i hela texten har nio ord!\n\nTre ord här.\n";
        let r = analyse(body);
        let words: Vec<usize> = r.longest.iter().map(|s| s.words).collect();
        assert_eq!(words, [9, 6, 3]);
        assert!(r.longest[0].text.starts_with("Den längsta"));
        assert_eq!(&body[r.longest[0].offset..r.longest[0].offset + 3], "Den");
    }

    #[test]
    fn empty_text_has_no_lix() {
        assert_eq!(analyse("```\nkod\n```\n").lix(), None);
        assert_eq!(Band::of(29.9), Band::VeryEasy);
        assert_eq!(Band::of(55.0), Band::Hard);
        assert_eq!(Band::of(60.0), Band::VeryHard);
    }
}
