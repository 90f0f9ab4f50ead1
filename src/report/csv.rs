//! A small RFC 4180 CSV reader: comma-separated fields, `"` quoting with
//! `""` for a quote, line breaks inside quotes, CRLF or LF, and a UTF-8
//! byte-order mark (spreadsheet exports start with one). Each record keeps
//! the line it starts on, for messages like `export.csv:7: …`.

/// One record and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A malformed file: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// Parses the whole text. Blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut in_quotes = false;
    // The current field was quoted and its closing quote has been seen.
    let mut closed = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    in_quotes = false;
                    closed = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !closed => in_quotes = true,
            '"' => {
                return Err(CsvError {
                    line,
                    message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")".into(),
                })
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                closed = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                closed = false;
                push_record(&mut records, &mut fields, start_line);
                line += 1;
                start_line = line;
            }
            _ if closed => {
                return Err(CsvError {
                    line,
                    message: "text after a closing quote; a field is either quoted whole or not at all".into(),
                })
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError {
            line: start_line,
            message: "a quoted field is never closed".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() || closed {
        fields.push(field);
        push_record(&mut records, &mut fields, start_line);
    }
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, fields: &mut Vec<String>, line: usize) {
    let fields = std::mem::take(fields);
    let blank = fields.len() == 1 && fields[0].trim().is_empty();
    if !blank {
        records.push(Record { line, fields });
    }
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
