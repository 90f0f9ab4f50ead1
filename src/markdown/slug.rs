//! Heading ids as GitHub makes them, keeping å, ä and ö readable:
//! `## Rapportera en incident` → `rapportera-en-incident`.

use std::collections::HashMap;

/// GitHub's rule: lowercase; keep letters, digits, `-` and `_`; spaces
/// become `-`; everything else is dropped (hyphens are not collapsed).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// Hands out unique ids within one page: the second "Syfte" is `syfte-1`.
#[derive(Debug, Default)]
pub struct SlugCounter {
    seen: HashMap<String, usize>,
}

impl SlugCounter {
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "rubrik" } else { base };
        let mut candidate = base.to_string();
        while let Some(n) = self.seen.get(&candidate).copied() {
            let next = format!("{base}-{}", n + 1);
            self.seen.insert(candidate, n + 1);
            candidate = next;
        }
        self.seen.insert(candidate.clone(), 0);
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_swedish_letters() {
        assert_eq!(slugify("Rapportera en incident"), "rapportera-en-incident");
        assert_eq!(slugify("Fas 1: Grunden"), "fas-1-grunden");
        assert_eq!(slugify("Åtkomst & behörighet"), "åtkomst--behörighet");
        assert_eq!(slugify("  Lösenord (för alla)?  "), "lösenord-för-alla");
        assert_eq!(slugify("ISO/IEC 27001:2022"), "isoiec-270012022");
        assert_eq!(slugify("snake_case-ok"), "snake_case-ok");
    }

    #[test]
    fn duplicates_get_numbers() {
        let mut c = SlugCounter::default();
        assert_eq!(c.unique("syfte"), "syfte");
        assert_eq!(c.unique("syfte"), "syfte-1");
        assert_eq!(c.unique("syfte"), "syfte-2");
        assert_eq!(c.unique("syfte-1"), "syfte-1-1");
        assert_eq!(c.unique(""), "rubrik");
    }
}
