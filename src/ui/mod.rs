//! What both the site's pages (`render`) and the training report
//! (`report`) present, so that neither depends on the other for it: the UI
//! strings of each language ([`Labels`], from the tables in `i18n`), the one
//! HTML escape, and the file-safe spelling of an id that packages and the
//! report's readers share.

pub(crate) mod i18n;
mod i18n_frame;
mod i18n_report;
mod labels;

pub use labels::Labels;

/// Escapes the five characters that matter in HTML text and attributes.
/// (Tera's default also escapes `/`, which makes every URL unreadable.)
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    let mut rest = input;
    while let Some(k) = rest
        .as_bytes()
        .iter()
        .position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        out.push_str(&rest[..k]);
        out.push_str(match rest.as_bytes()[k] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#x27;",
        });
        rest = &rest[k + 1..];
    }
    out.push_str(rest);
    out
}

/// A name safe in a file name and in an XML id (`[A-Za-z0-9._-]`).
pub fn file_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_html_escapes_the_five_and_keeps_the_rest() {
        assert_eq!(
            escape_html(r#"<a href="x">Å & 'ö'</a> /sök/"#),
            "&lt;a href=&quot;x&quot;&gt;Å &amp; &#x27;ö&#x27;&lt;/a&gt; /sök/"
        );
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("lösenord"), "lösenord");
    }
}
