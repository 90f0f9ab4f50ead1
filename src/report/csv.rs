//! A small RFC 4180 CSV reader: comma-separated fields, `"` quoting with
//! `""` for a quote, line breaks inside quotes, CRLF or LF, and a UTF-8
//! byte-order mark (spreadsheet exports start with one). Each record keeps
//! the line it starts on and that line's text, for messages like
//! `export.csv:7: …`. [`Reader`] streams a file record by record, so a
//! large export is never held in memory whole; [`parse`] reads a text.

use std::io::BufRead;

/// One record, the 1-based line it starts on, and that line as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    pub text: String,
}

/// A malformed file: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: crate::messages::Message,
}

/// Reads records one at a time from `input`. Blank lines are skipped.
/// After an error the reader yields nothing more. [`Reader::read_into`]
/// reuses one record's buffers, so reading a large file allocates almost
/// nothing per record; the iterator hands out records of their own.
pub struct Reader<R> {
    input: R,
    /// The physical line being read, and how far.
    buf: String,
    pos: usize,
    line: usize,
    started: bool,
    done: bool,
    rec: Partial,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Self {
        Reader {
            input,
            buf: String::new(),
            pos: 0,
            line: 0,
            started: false,
            done: false,
            rec: Partial::default(),
        }
    }

    /// The next physical line into `buf`; false at the end of the input.
    fn fill(&mut self) -> Result<bool, CsvError> {
        self.buf.clear();
        self.pos = 0;
        let n = self.input.read_line(&mut self.buf).map_err(|e| CsvError {
            line: self.line + 1,
            message: if e.kind() == std::io::ErrorKind::InvalidData {
                t!("the file is not UTF-8 text; export the CSV as UTF-8")
            } else {
                t!("cannot read the file: {e}", e)
            },
        })?;
        if n == 0 {
            return Ok(false);
        }
        self.line += 1;
        if !self.started {
            self.started = true;
            if let Some(rest) = self.buf.strip_prefix('\u{feff}') {
                self.buf = rest.to_string();
            }
        }
        Ok(true)
    }

    /// Reads the next record into `out` (its buffers reused); false at the
    /// end of the input.
    pub fn read_into(&mut self, out: &mut Record) -> Result<bool, CsvError> {
        if self.done {
            return Ok(false);
        }
        let r = self.read_record(out);
        if !matches!(r, Ok(true)) {
            self.done = true;
        }
        r
    }

    fn read_record(&mut self, out: &mut Record) -> Result<bool, CsvError> {
        self.rec.start();
        loop {
            if self.pos >= self.buf.len() && !self.fill()? {
                return self.rec.finish_at_end(out);
            }
            if self.rec.line == 0 {
                self.rec.line = self.line;
                let first = self.buf[self.pos..].trim_end_matches(['\n', '\r']);
                self.rec.text.push_str(first);
            }
            let rest = &self.buf[self.pos..];
            match self.rec.feed(rest, self.line)? {
                Fed::More => self.pos = self.buf.len(),
                Fed::End(used) => {
                    self.pos += used;
                    if self.rec.take(out) {
                        return Ok(true);
                    }
                    self.rec.start();
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut out = Record::default();
        match self.read_into(&mut out) {
            Ok(true) => Some(Ok(out)),
            Ok(false) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// A record being read, possibly over several physical lines. Its field
/// strings are kept from record to record; `n` of them are in use.
#[derive(Default)]
struct Partial {
    line: usize,
    text: String,
    fields: Vec<String>,
    n: usize,
    in_quotes: bool,
    /// The current field was quoted and its closing quote has been seen.
    closed: bool,
}

enum Fed {
    /// The record goes on past this text.
    More,
    /// The record ended after this many bytes.
    End(usize),
}

impl Partial {
    /// Starts a new record (keeping the buffers).
    fn start(&mut self) {
        self.line = 0;
        self.text.clear();
        self.n = 0;
        self.in_quotes = false;
        self.closed = false;
        if self.fields.is_empty() {
            self.fields.push(String::new());
        }
        self.fields[0].clear();
    }

    fn field(&mut self) -> &mut String {
        &mut self.fields[self.n]
    }

    /// Ends the current field and starts the next.
    fn next_field(&mut self) {
        self.n += 1;
        if self.n == self.fields.len() {
            self.fields.push(String::new());
        }
        self.fields[self.n].clear();
        self.closed = false;
    }

    /// Reads `text` (the rest of physical line `line`) into the record.
    fn feed(&mut self, text: &str, line: usize) -> Result<Fed, CsvError> {
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if self.in_quotes {
                match c {
                    '"' if chars.peek().map(|p| p.1) == Some('"') => {
                        chars.next();
                        self.field().push('"');
                    }
                    '"' => {
                        self.in_quotes = false;
                        self.closed = true;
                    }
                    c => self.field().push(c),
                }
                continue;
            }
            match c {
                '"' if self.fields[self.n].is_empty() && !self.closed => self.in_quotes = true,
                '"' => {
                    return Err(CsvError {
                        line,
                        message: t!("a quote inside an unquoted field; quote the whole field and double the quote (\"\")"),
                    })
                }
                ',' => self.next_field(),
                '\r' if chars.peek().map(|p| p.1) == Some('\n') => {}
                '\n' | '\r' => return Ok(Fed::End(i + c.len_utf8())),
                _ if self.closed => {
                    return Err(CsvError {
                        line,
                        message: t!("text after a closing quote; a field is either quoted whole or not at all"),
                    })
                }
                c => self.field().push(c),
            }
        }
        Ok(Fed::More)
    }

    /// Hands the finished record to `out`; false for a blank line.
    fn take(&mut self, out: &mut Record) -> bool {
        if self.n == 0 && self.fields[0].trim().is_empty() {
            return false;
        }
        out.line = self.line;
        std::mem::swap(&mut out.text, &mut self.text);
        // The buffers go back and forth: `out`'s old strings are reused next.
        std::mem::swap(&mut out.fields, &mut self.fields);
        let used = self.n + 1;
        if self.fields.len() < out.fields.len() {
            self.fields.extend(out.fields.drain(used..));
        } else {
            out.fields.truncate(used);
        }
        true
    }

    /// At the end of the input: the last record, unless it was blank.
    fn finish_at_end(&mut self, out: &mut Record) -> Result<bool, CsvError> {
        if self.in_quotes {
            return Err(CsvError {
                line: self.line,
                message: t!("a quoted field is never closed"),
            });
        }
        if self.line == 0 {
            return Ok(false);
        }
        Ok(self.take(out))
    }
}

/// A header row: where each column is, by its name as written (trimmed,
/// lowercased). The results export and the roster both read theirs here.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub record: Record,
    index: std::collections::HashMap<String, usize>,
}

impl Header {
    pub fn new(record: Record) -> Header {
        let index = record
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.trim().to_lowercase(), i))
            .collect();
        Header { record, index }
    }

    /// The index of column `name` (lowercase), when the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }
}

/// Reads the header row of `reader`; `None` when the input is empty.
pub fn read_header<R: BufRead>(reader: &mut Reader<R>) -> Result<Option<Header>, CsvError> {
    reader.next().transpose().map(|r| r.map(Header::new))
}

/// Field `column` of a record, trimmed; empty when the column or the field
/// is missing.
pub fn field(record: &Record, column: Option<usize>) -> &str {
    column
        .and_then(|i| record.fields.get(i))
        .map_or("", |s| s.trim())
}

/// Parses a whole text. Blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    Reader::new(text.as_bytes()).collect()
}

/// Quotes a field for writing when it needs it.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn plain_quoted_and_multiline_fields() {
        let text = "\u{feff}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",\n3,,last";
        let recs = parse(text).unwrap();
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0].fields, ["a", "b", "c"]);
        assert_eq!(recs[1].fields, ["1", "x, y", "say \"hi\""]);
        assert_eq!(recs[1].line, 2);
        assert_eq!(recs[2].fields, ["2", "two\nlines", ""]);
        assert_eq!(recs[2].line, 4);
        assert_eq!(recs[3].fields, ["3", "", "last"]);
        assert_eq!(recs[3].line, 6);
    }

    #[test]
    fn empty_quoted_field_at_the_end() {
        assert_eq!(fields("a,\"\""), [["a", ""]]);
        // A record of one empty field is a blank line, and skipped.
        assert!(fields("\"\"\n").is_empty());
    }

    #[test]
    fn malformed_quotes_are_errors_with_a_line() {
        let e = parse("a,b\n1,x\"y\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("a\n\"open\nstill").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.en().contains("never closed"));
        let e = parse("\"a\"b\n").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn quoting_round_trips() {
        for s in ["plain", "a,b", "say \"hi\"", "two\nlines", ""] {
            let text = format!("{},x\n", quote(s));
            assert_eq!(fields(&text), [[s, "x"]]);
        }
    }
}
