//! A small RFC 4180 CSV reader: comma-separated fields, `"` quoting with
//! `""` for a quote, line breaks inside quotes, CRLF or LF, and a UTF-8
//! byte-order mark (spreadsheet exports start with one). Each record keeps
//! the line it starts on and that line's text, for messages like
//! `export.csv:7: …`. [`Reader`] streams a file record by record, so a
//! large export is never held in memory whole; [`parse`] reads a text.

use std::io::BufRead;

/// One record, the 1-based line it starts on, and that line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    pub text: String,
}

/// A malformed file: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// Reads records one at a time from `input`. Blank lines are skipped.
/// After an error the reader yields nothing more.
pub struct Reader<R> {
    input: R,
    /// The physical line being read, and how far.
    buf: String,
    pos: usize,
    line: usize,
    started: bool,
    done: bool,
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
        }
    }

    /// The next physical line into `buf`; false at the end of the input.
    fn fill(&mut self) -> Result<bool, CsvError> {
        self.buf.clear();
        self.pos = 0;
        let n = self.input.read_line(&mut self.buf).map_err(|e| CsvError {
            line: self.line + 1,
            message: if e.kind() == std::io::ErrorKind::InvalidData {
                "the file is not UTF-8 text; export the CSV as UTF-8".into()
            } else {
                format!("cannot read the file: {e}")
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

    fn read_record(&mut self) -> Result<Option<Record>, CsvError> {
        let mut rec = Partial::default();
        loop {
            if self.pos >= self.buf.len() && !self.fill()? {
                return rec.finish_at_end();
            }
            if rec.line == 0 {
                rec.line = self.line;
                rec.text = self.buf[self.pos..]
                    .trim_end_matches(['\n', '\r'])
                    .to_string();
            }
            let rest = &self.buf[self.pos..];
            match rec.feed(rest, self.line)? {
                Fed::More => self.pos = self.buf.len(),
                Fed::End(used) => {
                    self.pos += used;
                    if let Some(r) = rec.take() {
                        return Ok(Some(r));
                    }
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.read_record();
        if !matches!(r, Ok(Some(_))) {
            self.done = true;
        }
        r.transpose()
    }
}

/// A record being read, possibly over several physical lines.
#[derive(Default)]
struct Partial {
    line: usize,
    text: String,
    fields: Vec<String>,
    field: String,
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
    /// Reads `text` (the rest of physical line `line`) into the record.
    fn feed(&mut self, text: &str, line: usize) -> Result<Fed, CsvError> {
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if self.in_quotes {
                match c {
                    '"' if chars.peek().map(|p| p.1) == Some('"') => {
                        chars.next();
                        self.field.push('"');
                    }
                    '"' => {
                        self.in_quotes = false;
                        self.closed = true;
                    }
                    c => self.field.push(c),
                }
                continue;
            }
            match c {
                '"' if self.field.is_empty() && !self.closed => self.in_quotes = true,
                '"' => {
                    return Err(CsvError {
                        line,
                        message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")".into(),
                    })
                }
                ',' => {
                    self.fields.push(std::mem::take(&mut self.field));
                    self.closed = false;
                }
                '\r' if chars.peek().map(|p| p.1) == Some('\n') => {}
                '\n' | '\r' => {
                    self.fields.push(std::mem::take(&mut self.field));
                    self.closed = false;
                    return Ok(Fed::End(i + c.len_utf8()));
                }
                _ if self.closed => {
                    return Err(CsvError {
                        line,
                        message: "text after a closing quote; a field is either quoted whole or not at all".into(),
                    })
                }
                c => self.field.push(c),
            }
        }
        Ok(Fed::More)
    }

    /// The finished record, or `None` for a blank line (and a fresh start).
    fn take(&mut self) -> Option<Record> {
        let done = std::mem::take(self);
        let blank = done.fields.len() == 1 && done.fields[0].trim().is_empty();
        (!blank).then_some(Record {
            line: done.line,
            fields: done.fields,
            text: done.text,
        })
    }

    /// At the end of the input: the last record, unless it was blank.
    fn finish_at_end(&mut self) -> Result<Option<Record>, CsvError> {
        if self.in_quotes {
            return Err(CsvError {
                line: self.line,
                message: "a quoted field is never closed".into(),
            });
        }
        if !self.field.is_empty() || !self.fields.is_empty() || self.closed {
            let field = std::mem::take(&mut self.field);
            self.fields.push(field);
            return Ok(self.take());
        }
        Ok(None)
    }
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
        assert!(e.message.contains("never closed"));
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
