//! Finds YAML tags (`!!binary`, `!!python/object:…`, `!custom`) before
//! serde_yaml reads the text. serde_yaml takes a tag for an enum variant or
//! drops it and reports nothing, or reports it without a position; a site
//! has no use for tags, so each one is an error at its own line and column.
//!
//! A small lexer over YAML's block and flow styles: a `!` is a tag only
//! where a node may start (after indentation, `- `, `: `, `? `, `[`, `{` or
//! `,`), never inside quotes, comments, plain scalars or block scalars.

use super::YamlError;

/// Every tag in `yaml`, with 1-based line and column within it.
pub(super) fn find(yaml: &str) -> Vec<YamlError> {
    let mut out = Vec::new();
    // Every tag starts with `!`: most texts have none to look at.
    if !yaml.contains('!') {
        return out;
    }
    let mut lexer = Lexer::default();
    for (i, line) in yaml.lines().enumerate() {
        for col in lexer.line(line) {
            let tag: String = line
                .chars()
                .skip(col - 1)
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                .take(40)
                .collect();
            out.push(YamlError {
                line: i + 1,
                column: col,
                message: t!("YAML tags such as `{tag}` are not allowed", tag),
                hint: Some(t!(
                    "write the value as plain text; put it in quotes if it starts with `!`"
                )),
            });
        }
    }
    out
}

#[derive(Default)]
struct Lexer {
    /// Inside a block scalar (`|`, `>`) of a node indented this much.
    block: Option<usize>,
    /// Inside a quoted scalar that goes on to the next line.
    quote: Option<char>,
    /// Open `[` and `{`.
    flow: usize,
}

impl Lexer {
    /// Reads one line; returns the 1-based columns (in characters) of tags.
    fn line(&mut self, line: &str) -> Vec<usize> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = self.block {
            if line.trim().is_empty() || indent > parent {
                return Vec::new();
            }
            self.block = None;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut tags = Vec::new();
        // A node may start here (a key or a value).
        let mut node = self.quote.is_none();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            let next = chars.get(k + 1).copied();
            let spaced = |n: Option<char>| n.is_none_or(char::is_whitespace);
            if let Some(q) = self.quote {
                if q == '"' && c == '\\' {
                    k += 2;
                    continue;
                }
                if c == q {
                    if q == '\'' && next == Some('\'') {
                        k += 2;
                        continue;
                    }
                    self.quote = None;
                }
                k += 1;
                continue;
            }
            let after_space = k == 0 || chars[k - 1].is_whitespace();
            match c {
                '#' if after_space => break,
                c if c.is_whitespace() => {}
                '!' if node => {
                    tags.push(k + 1);
                    while k + 1 < chars.len() && !chars[k + 1].is_whitespace() {
                        k += 1;
                    }
                }
                '&' if node => {
                    while k + 1 < chars.len() && !chars[k + 1].is_whitespace() {
                        k += 1;
                    }
                }
                '"' | '\'' if node => {
                    self.quote = Some(c);
                    node = false;
                }
                '|' | '>' if node && self.flow == 0 => {
                    self.block = Some(indent);
                    break;
                }
                '-' | '?' if node && spaced(next) => {}
                '[' | '{' if node || self.flow > 0 => {
                    self.flow += 1;
                    node = true;
                }
                ']' | '}' if self.flow > 0 => {
                    self.flow -= 1;
                    node = false;
                }
                ',' if self.flow > 0 => node = true,
                ':' if spaced(next) => node = true,
                _ => node = false,
            }
            k += 1;
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(yaml: &str) -> Vec<(usize, usize)> {
        find(yaml).iter().map(|e| (e.line, e.column)).collect()
    }

    #[test]
    fn tags_are_found_where_nodes_start() {
        assert_eq!(at("title: A\nextra: !!binary aGVq\n"), [(2, 8)]);
        assert_eq!(at("x: !!python/object:os.system [ls]\n"), [(1, 4)]);
        assert_eq!(at("roles:\n  - !custom chef\n"), [(2, 5)]);
        assert_eq!(at("roles: [a, !t b]\n"), [(1, 12)]);
        assert_eq!(at("m: {k: !t v}\n"), [(1, 8)]);
        assert_eq!(at("!t key: v\n"), [(1, 1)]);
        assert_eq!(at("a: &x !t v\n"), [(1, 7)]);
        let e = &find("x: !!binary aGVq\n")[0];
        assert_eq!(e.message, "YAML tags such as `!!binary` are not allowed");
    }

    #[test]
    fn exclamation_marks_in_text_are_not_tags() {
        for yaml in [
            "title: Hej!\n",
            "title: a - !b\n",
            "title: \"!viktigt\"\n",
            "title: '!viktigt'\n",
            "title: 'it''s !x'\n",
            "title: x # !kommentar\n",
            "summary: |\n  !inte en tagg\n  - !inte heller\nnext: 1\n",
            "summary: >-\n  rad\n\n  !text\n",
            "t: \"två\n  !rader\"\n",
            "url: https://x.se/!a\n",
            "list: [a!, b]\n",
            "- a\n- b!\n",
        ] {
            assert_eq!(at(yaml), [], "{yaml}");
        }
        assert_eq!(at("summary: |\n  text\nx: !t 1\n"), [(3, 4)]);
    }
}
