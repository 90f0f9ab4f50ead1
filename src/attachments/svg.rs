//! A strict check that an SVG file is a drawing and nothing else: only
//! drawing elements (shapes, text, gradients, filters), no event handler,
//! no link out of the file, no foreign namespace, no DOCTYPE, no
//! stylesheet or processing instruction, no animation (SMIL `<set>` can
//! write a `javascript:` link). A file that passes is published byte for
//! byte; anything this tokenizer does not understand is refused, since a
//! browser's XML parser is stricter still and a file it cannot parse
//! never runs anything either.

use crate::diagnostics::Diagnostic;
use crate::messages::Message;

const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
];

/// Attributes one element may have (duplicates are looked for by scanning).
const MAX_ATTRIBUTES: usize = 256;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// `Ok` when `bytes` is an SVG drawing without active content.
pub fn check(rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Diagnostic::error(rel, t!("this SVG file is not valid UTF-8 text")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut t = Tokenizer { src: text, pos: 0 };
    let refuse = |t: &Tokenizer, at: usize, msg: Message| {
        Diagnostic::error(rel, t!("{msg}; SVG files are published only as plain drawings", msg))
            .with_hint(t!("export the drawing as \"plain SVG\" (or PNG) without scripts, links, animation or embedded content"))
            .at_offset(t.src, at)
    };
    let mut open: Vec<&str> = Vec::new();
    let mut seen_root = false;
    while t.pos < text.len() {
        let at = t.pos;
        let rest = &text[at..];
        if !rest.starts_with('<') {
            let next = rest.find('<').unwrap_or(rest.len());
            if open.is_empty() && !rest[..next].trim().is_empty() {
                return Err(refuse(&t, at, t!("text outside the <svg> element")));
            }
            t.pos += next;
        } else if rest.starts_with("<!--") {
            let end = rest
                .find("-->")
                .ok_or_else(|| refuse(&t, at, t!("an unclosed comment")))?;
            t.pos += end + 3;
        } else if rest.starts_with("<?xml ") && at == 0 {
            let end = rest
                .find("?>")
                .ok_or_else(|| refuse(&t, at, t!("an unclosed XML declaration")))?;
            t.pos += end + 2;
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            let what = if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype") {
                t!("a DOCTYPE (it can define entities)")
            } else if rest.starts_with("<![CDATA[") {
                t!("a CDATA section")
            } else {
                t!("a processing instruction (such as a stylesheet)")
            };
            return Err(refuse(&t, at, t!("the file has {what}", what)));
        } else if let Some(after) = rest.strip_prefix("</") {
            let name_len = after.find(|c: char| c == '>' || c.is_whitespace());
            let name = name_len.map(|n| &after[..n]);
            if name.is_none() || open.pop() != name {
                return Err(refuse(&t, at, t!("an end tag that closes no open element")));
            }
            let close = after
                .find('>')
                .ok_or_else(|| refuse(&t, at, t!("an unclosed end tag")))?;
            t.pos += 2 + close + 1;
        } else {
            let tag = t.start_tag().map_err(|(p, m)| refuse(&t, p, m))?;
            if !seen_root && tag.name != "svg" {
                return Err(refuse(
                    &t,
                    at,
                    t!("the root element is <{name}>", name = tag.name),
                ));
            }
            if seen_root && open.is_empty() {
                return Err(refuse(&t, at, t!("a second root element")));
            }
            seen_root = true;
            element(&tag).map_err(|m| refuse(&t, at, m))?;
            if !tag.self_closing {
                open.push(tag.name);
            }
        }
    }
    if !seen_root || !open.is_empty() {
        return Err(Diagnostic::error(
            rel,
            t!("this SVG file has no complete <svg> element"),
        ));
    }
    Ok(())
}

struct StartTag<'a> {
    name: &'a str,
    attributes: Vec<(&'a str, String)>,
    self_closing: bool,
}

/// Is this element, with its attributes, part of a plain drawing?
fn element(tag: &StartTag) -> Result<(), Message> {
    if !ELEMENTS.contains(&tag.name) {
        return Err(t!("the file has a <{name}> element", name = tag.name));
    }
    for (name, value) in &tag.attributes {
        attribute(tag.name, name, value)?;
    }
    Ok(())
}

fn attribute(element: &str, name: &str, value: &str) -> Result<(), Message> {
    let lower = name.to_ascii_lowercase();
    let bad = |why: Message| Err(t!("<{element}> has {why} (`{name}`)", element, why, name));
    if lower.starts_with("on") {
        return bad(t!("an event handler"));
    }
    match name {
        "xmlns" if value == SVG_NS => return Ok(()),
        "xmlns:xlink" if value == XLINK_NS => return Ok(()),
        "xmlns" => return bad(t!("a namespace other than SVG's")),
        "href" | "xlink:href" => {
            return if value.trim_start().starts_with('#') {
                Ok(())
            } else {
                bad(t!("a link out of the drawing"))
            }
        }
        "xml:space" | "xml:lang" => return Ok(()),
        _ => {}
    }
    if name.contains(':') {
        return bad(t!("an attribute of another namespace"));
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || lower == "src" {
        return bad(t!("an attribute that is not a drawing's"));
    }
    let v = value.to_ascii_lowercase();
    let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    let url_out = compact.match_indices("url(").any(|(i, _)| {
        !compact[i + 4..]
            .trim_start_matches(['"', '\''])
            .starts_with('#')
    });
    if url_out
        || compact.contains("javascript:")
        || compact.contains("@import")
        || compact.contains("expression(")
        || (lower == "style" && v.contains('\\'))
    {
        return bad(t!("a value that loads or runs something"));
    }
    Ok(())
}

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

type Fail = (usize, Message);

impl<'a> Tokenizer<'a> {
    /// Reads `<name attr="value" …>` or `…/>` at `pos`.
    fn start_tag(&mut self) -> Result<StartTag<'a>, Fail> {
        let start = self.pos;
        self.pos += 1;
        let name = self.name().ok_or((start, t!("a tag without a name")))?;
        let mut attributes = Vec::new();
        loop {
            let ws = self.skip_ws();
            let rest = &self.src[self.pos..];
            if let Some(after) = rest.strip_prefix("/>") {
                let _ = after;
                self.pos += 2;
                return Ok(StartTag {
                    name,
                    attributes,
                    self_closing: true,
                });
            }
            if rest.starts_with('>') {
                self.pos += 1;
                return Ok(StartTag {
                    name,
                    attributes,
                    self_closing: false,
                });
            }
            let at = self.pos;
            if !ws {
                return Err((at, t!("a malformed tag")));
            }
            let attr = self.name().ok_or((at, t!("a malformed attribute")))?;
            self.skip_ws();
            if !self.src[self.pos..].starts_with('=') {
                return Err((at, t!("the attribute `{attr}` has no value", attr)));
            }
            self.pos += 1;
            self.skip_ws();
            let raw = self
                .quoted()
                .ok_or((at, t!("the attribute `{attr}` is not quoted", attr)))?;
            let value = decode_entities(raw)
                .ok_or((at, t!("the attribute `{attr}` has an unknown entity", attr)))?;
            if attributes.len() >= MAX_ATTRIBUTES {
                return Err((
                    at,
                    t!(
                        "more than {MAX_ATTRIBUTES} attributes on one element",
                        MAX_ATTRIBUTES
                    ),
                ));
            }
            if attributes.iter().any(|(n, _)| *n == attr) {
                return Err((at, t!("the attribute `{attr}` is given twice", attr)));
            }
            attributes.push((attr, value));
        }
    }

    fn name(&mut self) -> Option<&'a str> {
        let rest = &self.src[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
            .unwrap_or(rest.len());
        let first = rest.chars().next()?;
        if len == 0 || !(first.is_ascii_alphabetic() || first == '_') {
            return None;
        }
        self.pos += len;
        Some(&rest[..len])
    }

    fn skip_ws(&mut self) -> bool {
        let rest = &self.src[self.pos..];
        let len = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
        self.pos += len;
        len > 0
    }

    fn quoted(&mut self) -> Option<&'a str> {
        let rest = &self.src[self.pos..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let end = rest[1..].find(quote)?;
        let value = &rest[1..1 + end];
        if value.contains('<') {
            return None;
        }
        self.pos += end + 2;
        Some(value)
    }
}

/// XML's predefined entities and character references; `None` for any
/// other entity (which only a DOCTYPE could define).
fn decode_entities(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')?;
        let entity = &rest[i + 1..i + end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code =
                    if let Some(hex) = entity.strip_prefix("#x").or(entity.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()?
                    } else {
                        entity.strip_prefix('#')?.parse().ok()?
                    };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::check;

    const DRAWING: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- Ritad för hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" width="10" height="10">
  <title>Schema</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect x="0" y="0" width="10" height="10" fill="url(#g)" style="stroke: #000; stroke-width: 1"/>
  <use xlink:href="#g"/>
  <text x="1" y="5" font-family="sans-serif">Å &amp; Ö</text>
</svg>
"##;

    #[test]
    fn a_plain_drawing_passes() {
        check("content/a.svg", DRAWING.as_bytes()).unwrap();
    }

    #[test]
    fn hostile_drawings_are_refused() {
        let hostile = [
            r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect ONclick="alert(1)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="&#106;avascript:alert(1)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" values="javascript:alert(1)"/></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#,
            r#"<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css)</style></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://evil.example/t)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url( 'https://evil.example/t')"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><g xmlns="http://www.w3.org/1999/xhtml"><iframe src="x"/></g></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><![CDATA[<script>alert(1)</script>]]></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="background:\75rl(x)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect fill=x onload=alert(1)/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect x="1" x="2"/></svg>"#,
            r#"<html><body><script>alert(1)</script></body></html>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"></svg><script>alert(1)</script>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#,
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect\nonmouseover=\"alert(1)\"/></svg>",
        ];
        for svg in hostile {
            assert!(check("content/a.svg", svg.as_bytes()).is_err(), "{svg}");
        }
    }

    #[test]
    fn the_error_names_the_line() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <script>alert(1)</script>\n</svg>";
        let d = check("content/a.svg", svg.as_bytes()).unwrap_err();
        assert_eq!(d.location(), "content/a.svg:2:3");
        assert!(d.message.en().contains("<script>"), "{}", d.message);
    }
}
