//! The changed sections of a document's Markdown body, each as a short
//! word diff (`~~old~~ **new**` with a few words of context), for a pull
//! request's summary: enough for a reviewer to see what changed without
//! the raw diff.

use similar::{ChangeTag, TextDiff};

/// Words of context kept on each side of a change.
const CONTEXT: usize = 4;
/// A section's snippet is cut after this many characters.
const MAX_CHARS: usize = 300;

/// One section of a body: its heading (empty for the text before the first
/// heading) and its text.
#[derive(Debug, PartialEq, Eq)]
struct Section<'a> {
    heading: &'a str,
    text: String,
}

/// The sections of a Markdown body, split at heading lines outside fenced
/// code blocks.
fn sections(body: &str) -> Vec<Section<'_>> {
    let mut out = vec![Section {
        heading: "",
        text: String::new(),
    }];
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let t = line.trim_start();
        if let Some(open) = fence {
            if t.starts_with(open) {
                fence = None;
            }
        } else if let Some(open) = ["```", "~~~"].into_iter().find(|f| t.starts_with(f)) {
            fence = Some(open);
        } else if t.starts_with('#') {
            let heading = t.trim_start_matches('#');
            if heading.starts_with(' ') || heading.is_empty() {
                out.push(Section {
                    heading: heading.trim(),
                    text: String::new(),
                });
                continue;
            }
        }
        let last = out.last_mut().expect("never empty");
        last.text.push_str(line);
        last.text.push('\n');
    }
    out.retain(|s| !s.heading.is_empty() || !s.text.trim().is_empty());
    out
}

/// A section that differs: its heading and the word diff.
#[derive(Debug, PartialEq, Eq)]
pub struct SectionChange {
    pub heading: String,
    pub diff: String,
}

/// Every section whose text differs between `old` and `new` (matched by
/// heading; a section only in one of them shows as wholly added or
/// removed), in the order of `new`, then the removed ones.
pub fn changed_sections(old: &str, new: &str) -> Vec<SectionChange> {
    let old = sections(old);
    let new = sections(new);
    let mut out = Vec::new();
    for s in &new {
        let before = old
            .iter()
            .find(|o| o.heading == s.heading)
            .map_or("", |o| o.text.as_str());
        if before.split_whitespace().ne(s.text.split_whitespace()) {
            out.push(SectionChange {
                heading: s.heading.to_string(),
                diff: word_diff(before, &s.text),
            });
        }
    }
    for o in old
        .iter()
        .filter(|o| !new.iter().any(|n| n.heading == o.heading))
    {
        out.push(SectionChange {
            heading: o.heading.to_string(),
            diff: word_diff(&o.text, ""),
        });
    }
    out
}

/// Markdown's special characters in `s` escaped, so a snippet shows as
/// written (and cannot end a table cell or open a link).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_~[]<>|#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The changes from `old` to `new` as `… context ~~removed~~ **added**
/// context …`, on one line.
fn word_diff(old: &str, new: &str) -> String {
    let old = old.split_whitespace().collect::<Vec<_>>().join(" ");
    let new = new.split_whitespace().collect::<Vec<_>>().join(" ");
    let diff = TextDiff::from_words(old.as_str(), new.as_str());
    let mut runs: Vec<(ChangeTag, Vec<&str>)> = Vec::new();
    for change in diff.iter_all_changes() {
        let word = change.value().trim();
        if word.is_empty() {
            continue;
        }
        match runs.last_mut() {
            Some((t, words)) if *t == change.tag() => words.push(word),
            _ => runs.push((change.tag(), vec![word])),
        }
    }
    let mut out = String::new();
    let last = runs.len().saturating_sub(1);
    for (i, (tag, words)) in runs.iter().enumerate() {
        let text = |w: &[&str]| escape(&w.join(" "));
        let piece = match tag {
            ChangeTag::Delete => format!("~~{}~~", text(words)),
            ChangeTag::Insert => format!("**{}**", text(words)),
            ChangeTag::Equal if words.len() <= 2 * CONTEXT => text(words),
            ChangeTag::Equal => {
                let head = if i == 0 {
                    String::new()
                } else {
                    text(&words[..CONTEXT])
                };
                let tail = if i == last {
                    String::new()
                } else {
                    text(&words[words.len() - CONTEXT..])
                };
                [head, "…".to_string(), tail]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    if out.chars().count() > MAX_CHARS {
        out = out.chars().take(MAX_CHARS).collect::<String>() + " …";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_sections_are_listed_with_a_short_diff() {
        let old = "Inledning.\n\n## Syfte\n\nSkydda kontot.\n\n## Regler\n\n- Lösenordet ska ha minst 8 tecken och bytas ofta när det behövs.\n\n## Gammalt\n\nBort.\n";
        let new = "Inledning.\n\n## Syfte\n\nSkydda kontot.\n\n## Regler\n\n- Lösenordet ska ha minst 12 tecken och bytas ofta när det behövs.\n\n## Nytt\n\nTill.\n";
        let changes = changed_sections(old, new);
        let headings: Vec<&str> = changes.iter().map(|c| c.heading.as_str()).collect();
        assert_eq!(headings, ["Regler", "Nytt", "Gammalt"]);
        assert_eq!(
            changes[0].diff,
            "- Lösenordet ska ha minst ~~8~~ **12** tecken och bytas ofta när det behövs."
        );
        // Long unchanged runs keep a few words on each side.
        let long = word_diff("a b c d e f g h i j k l", "a b c d e f X h i j k l");
        assert_eq!(long, "a b c d e f ~~g~~ **X** h i j k l");
        let longer = word_diff(
            "1 2 3 4 5 6 7 8 9 10 a 1 2 3 4 5 6 7 8 9 10",
            "1 2 3 4 5 6 7 8 9 10 b 1 2 3 4 5 6 7 8 9 10",
        );
        assert_eq!(longer, "… 7 8 9 10 ~~a~~ **b** 1 2 3 4 …");
        assert_eq!(changes[1].diff, "**Till.**");
        assert_eq!(changes[2].diff, "~~Bort.~~");
    }

    #[test]
    fn headings_in_code_blocks_do_not_split() {
        let s = sections("## A\n```\n# not a heading\n```\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].heading, "A");
    }

    #[test]
    fn snippets_cannot_break_markdown() {
        assert_eq!(escape("a|b *c* [d](e)"), "a\\|b \\*c\\* \\[d\\](e)");
    }
}
