//! `theme_options:` in `site.yaml` — the organisation's own look within
//! the default theme: a logo and the primary and link colours. Part of
//! [`crate::config`]; colours are checked against WCAG 2.1 AA here, at
//! build time, so a site cannot choose a colour its readers cannot read.
//! The theme gets them as `css/theme.css` (custom properties; no inline
//! styles, so the strict CSP holds) and `site.theme_options`.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::frontmatter::{self, KeyLine};
use crate::messages::Message;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Where the generated custom properties are written.
pub const THEME_CSS: &str = "css/theme.css";

/// Largest logo file accepted.
const MAX_LOGO_BYTES: u64 = 512 * 1024;

/// Text on the primary colour (the header, buttons) is this white.
const WHITE: Rgb = Rgb(255, 255, 255);
/// Links stand on the page and on the light surface of boxes.
/// A colour text is read against, and its name for messages.
type Ground = (Rgb, fn() -> Message);

const LINK_GROUNDS: [Ground; 2] = [
    (WHITE, || t!("white")),
    (Rgb(0xf2, 0xf5, 0xf8), || t!("the light grey of boxes")),
];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThemeOptions {
    /// A logo file (SVG, PNG, WebP or JPEG), relative to the site root.
    #[serde(default)]
    pub logo: String,
    /// The logo's text alternative (default: the organisation's name).
    #[serde(default)]
    pub logo_alt: String,
    #[serde(default)]
    pub primary_colour: String,
    #[serde(default)]
    pub link_colour: String,
}

/// The validated options (`site.theme_options` in templates).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ThemeOptions {
    /// The logo's source, relative to the site root (empty: none).
    #[serde(skip)]
    pub logo_source: String,
    /// The logo's address in the output, relative to the site root (`logo.svg`).
    pub logo: String,
    pub logo_alt: String,
    pub primary_colour: String,
    pub link_colour: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rgb` or `#rrggbb`.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let n = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
        match hex.len() {
            3 => Some(Rgb(n(0, 1)? * 17, n(1, 1)? * 17, n(2, 1)? * 17)),
            6 => Some(Rgb(n(0, 2)?, n(2, 2)?, n(4, 2)?)),
            _ => None,
        }
    }

    fn luminance(self) -> f64 {
        let c = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(self.0) + 0.7152 * c(self.1) + 0.0722 * c(self.2)
    }

    /// The WCAG contrast ratio, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The colour three quarters as bright (the navigation bar under the header).
    fn darker(self) -> Rgb {
        let d = |v: u8| (f64::from(v) * 0.75).round() as u8;
        Rgb(d(self.0), d(self.1), d(self.2))
    }

    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

fn colour(
    at: &dyn Fn(Diagnostic, &str) -> Diagnostic,
    key: &str,
    value: &str,
    grounds: &[Ground],
    diags: &mut Diagnostics,
) -> String {
    let v = value.trim();
    if v.is_empty() {
        return String::new();
    }
    let Some(rgb) = Rgb::parse(v) else {
        diags.push(at(
            Diagnostic::error(
                crate::model::CONFIG_FILE,
                t!("`theme_options.{key}` is `{v}`, not a colour", key, v),
            )
            .with_hint(t!(
                "write a hex colour like \"#0f3a63\" (in quotes: YAML reads # as a comment)"
            )),
            v,
        ));
        return String::new();
    };
    for &(ground, name) in grounds {
        let ratio = rgb.contrast(ground);
        if ratio < 4.5 {
            diags.push(at(
                Diagnostic::error(
                    crate::model::CONFIG_FILE,
                    t!("`theme_options.{key}` `{v}` has a contrast of {ratio}:1 against {name}; WCAG 2.1 AA needs 4.5:1", key, v, ratio = format!("{:.2}", (ratio * 100.0).floor() / 100.0), name = name()),
                )
                .with_hint(t!("choose a darker colour")),
                v,
            ));
            return String::new();
        }
    }
    rgb.hex()
}

/// Validates `theme_options:` as written (the logo file is checked by [`check_logo`]).
pub fn read(
    raw: &RawThemeOptions,
    text: &str,
    keys: &[KeyLine],
    organisation: &str,
    diags: &mut Diagnostics,
) -> ThemeOptions {
    let at = |d: Diagnostic, needle: &str| {
        let (l, c) = frontmatter::value_line(text, keys, "theme_options", needle).unwrap_or((1, 1));
        d.at(text, l, c)
    };
    let primary = colour(
        &at,
        "primary_colour",
        &raw.primary_colour,
        &[(WHITE, || t!("white text"))],
        diags,
    );
    let link = colour(&at, "link_colour", &raw.link_colour, &LINK_GROUNDS, diags);
    let logo_source = raw.logo.trim().to_string();
    let logo = if logo_source.is_empty() {
        String::new()
    } else {
        let ext = Path::new(&logo_source)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let safe =
            !logo_source.starts_with('/') && !logo_source.split(['/', '\\']).any(|s| s == "..");
        if !safe || !matches!(ext.as_str(), "svg" | "png" | "webp" | "jpg" | "jpeg") {
            diags.push(at(
                Diagnostic::error(crate::model::CONFIG_FILE, t!("`theme_options.logo` `{logo_source}` is not usable", logo_source))
                    .with_hint(t!("name an .svg, .png, .webp or .jpg file inside the site folder, e.g. static/logo.svg")),
                &logo_source,
            ));
            String::new()
        } else {
            format!("logo.{ext}")
        }
    };
    ThemeOptions {
        logo_source: if logo.is_empty() {
            String::new()
        } else {
            logo_source
        },
        logo,
        logo_alt: match raw.logo_alt.trim() {
            "" => organisation.to_string(),
            alt => alt.to_string(),
        },
        primary_colour: primary,
        link_colour: link,
    }
}

/// Checks that the logo file exists under `root` and is small enough.
pub fn check_logo(
    options: &ThemeOptions,
    root: &Path,
    text: &str,
    keys: &[KeyLine],
    diags: &mut Diagnostics,
) {
    if options.logo_source.is_empty() {
        return;
    }
    let problem = match std::fs::metadata(root.join(&options.logo_source)) {
        Ok(m) if !m.is_file() => Some(t!("is not a file")),
        Ok(m) if m.len() > MAX_LOGO_BYTES => Some(t!(
            "is {size}; the limit is {limit}",
            size = crate::limits::human(m.len()),
            limit = crate::limits::human(MAX_LOGO_BYTES)
        )),
        Ok(_) => None,
        Err(_) => Some(t!("does not exist")),
    };
    if let Some(p) = problem {
        let (l, c) = frontmatter::value_line(text, keys, "theme_options", &options.logo_source)
            .unwrap_or((1, 1));
        diags.push(
            Diagnostic::error(
                crate::model::CONFIG_FILE,
                t!(
                    "logo `{logo_source}` {p}",
                    logo_source = options.logo_source,
                    p
                ),
            )
            .at(text, l, c),
        );
    }
}

/// The custom properties for [`THEME_CSS`] (a comment only when nothing is set).
pub fn css(options: &ThemeOptions) -> String {
    let mut light = String::new();
    let mut both = String::new();
    if let Some(p) = Rgb::parse(&options.primary_colour) {
        both.push_str(&format!(
            "  --header-bg: {};\n  --nav-bg: {};\n  --button-bg: {};\n",
            p.hex(),
            p.darker().hex(),
            p.hex()
        ));
        light.push_str(&format!("  --accent: {};\n", p.hex()));
    }
    if let Some(l) = Rgb::parse(&options.link_colour) {
        light.push_str(&format!("  --link: {};\n", l.hex()));
    }
    let mut out =
        String::from("/* The site's theme_options from site.yaml (written by styrdok). */\n");
    if !both.is_empty() || !light.is_empty() {
        out.push_str(&format!(":root {{\n{both}{light}}}\n"));
    }
    if !both.is_empty() {
        out.push_str(&format!(
            "@media (prefers-color-scheme: dark) {{\n  :root {{\n{}  }}\n}}\n",
            both.replace("  --", "    --")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_match_wcag() {
        let black = Rgb(0, 0, 0);
        assert!((black.contrast(WHITE) - 21.0).abs() < 1e-9);
        // #767676 is the lightest grey with 4.5:1 on white.
        assert!(Rgb::parse("#767676").unwrap().contrast(WHITE) >= 4.5);
        assert!(Rgb::parse("#777").unwrap().contrast(WHITE) < 4.5);
        assert_eq!(Rgb::parse("#0F3A63"), Some(Rgb(0x0f, 0x3a, 0x63)));
        assert_eq!(Rgb::parse("0f3a63"), None);
        assert_eq!(Rgb::parse("#12345"), None);
    }

    #[test]
    fn css_sets_only_what_is_given() {
        let none = css(&ThemeOptions::default());
        assert!(!none.contains(":root"));
        let o = ThemeOptions {
            primary_colour: "#00508c".into(),
            ..Default::default()
        };
        let c = css(&o);
        assert!(c.contains("--header-bg: #00508c;"), "{c}");
        assert!(c.contains("--nav-bg: #003c69;"), "{c}");
        assert!(!c.contains("--link"), "{c}");
    }
}
