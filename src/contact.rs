//! `contact:` in `site.yaml` — where an employee turns when something has
//! happened: the IT servicedesk's phone, e-mail and opening hours, the
//! incident form, the switchboard and, where a unit has its own, per-unit
//! contacts. Part of [`crate::config`]: read and validated with the rest of
//! the file, shown by the theme on every page (`site.contact`).
//!
//! A value the starter site of `init` writes as a placeholder (`FYLL I: …`)
//! is a warning until it is replaced, and is never published.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::frontmatter::{self, KeyLine};
use crate::model::Unit;
use serde::{Deserialize, Serialize};

/// How a placeholder value starts (what `init` writes for the reader to fill in).
pub const PLACEHOLDER: &str = "FYLL I";

/// `contact:` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub incident_form: String,
    #[serde(default)]
    pub switchboard: String,
    /// The id of the document that tells how to report an incident.
    #[serde(default)]
    pub incident_rule: String,
    #[serde(default)]
    pub units: Vec<RawUnitContact>,
}

/// One entry of `contact.units`: a unit's own servicedesk or mailbox.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnitContact {
    pub unit: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub hours: String,
}

/// A phone number as shown and as a `tel:` link.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Phone {
    pub text: String,
    /// `tel:` followed by the digits (and a leading `+`).
    pub href: String,
}

/// The validated contact block (`site.contact` in templates).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Contact {
    pub name: String,
    pub phone: Option<Phone>,
    pub email: String,
    pub hours: String,
    pub incident_form: String,
    pub switchboard: Option<Phone>,
    pub incident_rule: String,
    pub units: Vec<UnitContact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitContact {
    pub unit: String,
    pub unit_name: String,
    pub name: String,
    pub phone: Option<Phone>,
    pub email: String,
    pub hours: String,
}

impl Contact {
    /// True when the block gives a reader at least one way to reach someone.
    pub fn is_reachable(&self) -> bool {
        self.phone.is_some() || !self.email.is_empty() || !self.incident_form.is_empty()
    }
}

/// `tel:` link for a well-formed phone number: digits with spaces, `-`,
/// `/` or parentheses between them, an optional leading `+`, 3 to 15
/// digits (E.164's maximum). `None` when it is not one.
pub fn phone(text: &str) -> Option<Phone> {
    let t = text.trim();
    let body = t.strip_prefix('+').unwrap_or(t);
    let ok_chars = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '/'));
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let starts = body.starts_with(|c: char| c.is_ascii_digit() || c == '(');
    if !ok_chars || !starts || !(3..=15).contains(&digits.len()) {
        return None;
    }
    let plus = if t.starts_with('+') { "+" } else { "" };
    Some(Phone {
        text: t.to_string(),
        href: format!("tel:{plus}{digits}"),
    })
}

/// True for an address like `it-servicedesk@botkyrka.se`: one `@`, no
/// spaces or markup characters, a domain of dot-separated labels.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// An incident form address: an http(s) URL with a host, or a path on this site.
fn is_form_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let no_space = !text
        .chars()
        .any(|c| c.is_whitespace() || c == '"' || c == '<');
    match rest {
        Some(r) => no_space && r.split('/').next().is_some_and(|h| h.contains('.')),
        None => no_space && text.starts_with('/') && !text.starts_with("//"),
    }
}

/// Where in `site.yaml` the problems of `contact:` are reported.
struct At<'a> {
    text: &'a str,
    keys: &'a [KeyLine],
}

impl At<'_> {
    fn diag(&self, d: Diagnostic, needle: &str) -> Diagnostic {
        let (l, c) =
            frontmatter::value_line(self.text, self.keys, "contact", needle).unwrap_or((1, 1));
        d.at(self.text, l, c)
    }
}

/// A field's value, `""` for a placeholder (with a warning naming `field`).
fn filled(at: &At, field: &str, value: &str, diags: &mut Diagnostics) -> String {
    let v = value.trim();
    if v.starts_with(PLACEHOLDER) {
        diags.push(at.diag(
            Diagnostic::warning(
                crate::model::CONFIG_FILE,
                t!("`{field}` still holds a placeholder; it is left off the site until it is filled in", field),
            )
            .with_hint(t!("replace `{v}` with the real value, or remove the key", v)),
            v,
        ));
        return String::new();
    }
    v.to_string()
}

fn read_phone(at: &At, field: &str, value: &str, diags: &mut Diagnostics) -> Option<Phone> {
    let v = filled(at, field, value, diags);
    if v.is_empty() {
        return None;
    }
    let p = phone(&v);
    if p.is_none() {
        diags.push(
            at.diag(
                Diagnostic::error(
                    crate::model::CONFIG_FILE,
                    t!("`{field}` is `{v}`, not a phone number", field, v),
                )
                .with_hint(t!(
                    "write digits with spaces or hyphens, e.g. 08-530 610 00 or +46 8 530 610 00"
                )),
                &v,
            ),
        );
    }
    p
}

fn read_email(at: &At, field: &str, value: &str, diags: &mut Diagnostics) -> String {
    let v = filled(at, field, value, diags);
    if !v.is_empty() && !is_email(&v) {
        diags.push(
            at.diag(
                Diagnostic::error(
                    crate::model::CONFIG_FILE,
                    t!("`{field}` is `{v}`, not an e-mail address", field, v),
                )
                .with_hint(t!("write an address like it-servicedesk@kommun.se")),
                &v,
            ),
        );
        return String::new();
    }
    v
}

/// Validates `contact:` (problems into `diags`, each at its line).
pub fn read(
    raw: &RawContact,
    text: &str,
    keys: &[KeyLine],
    units: &[Unit],
    diags: &mut Diagnostics,
) -> Contact {
    let at = At { text, keys };
    let incident_form = filled(&at, "contact.incident_form", &raw.incident_form, diags);
    if !incident_form.is_empty() && !is_form_url(&incident_form) {
        diags.push(
            at.diag(
                Diagnostic::error(
                    crate::model::CONFIG_FILE,
                    t!(
                        "`contact.incident_form` is `{incident_form}`, not an address",
                        incident_form
                    ),
                )
                .with_hint(t!(
                    "write an https:// address, or a path on this site starting with `/`"
                )),
                &incident_form,
            ),
        );
    }
    let mut unit_contacts = Vec::new();
    for u in &raw.units {
        let Some(unit) = units.iter().find(|x| x.id == u.unit) else {
            let known: Vec<&str> = units.iter().map(|x| x.id.as_str()).collect();
            let mut d = at.diag(
                Diagnostic::error(
                    crate::model::CONFIG_FILE,
                    t!("`contact.units` names unknown unit `{unit}`", unit = u.unit),
                ),
                &format!("unit: {}", u.unit),
            );
            if let Some(s) = frontmatter::did_you_mean(&u.unit, &known) {
                d = d.with_hint(t!("did you mean `{near}`?", near = s));
            }
            diags.push(d);
            continue;
        };
        unit_contacts.push(UnitContact {
            unit: unit.id.clone(),
            unit_name: unit.name.clone(),
            name: filled(&at, "contact.units.name", &u.name, diags),
            phone: read_phone(&at, "contact.units.phone", &u.phone, diags),
            email: read_email(&at, "contact.units.email", &u.email, diags),
            hours: filled(&at, "contact.units.hours", &u.hours, diags),
        });
    }
    Contact {
        name: filled(&at, "contact.name", &raw.name, diags),
        phone: read_phone(&at, "contact.phone", &raw.phone, diags),
        email: read_email(&at, "contact.email", &raw.email, diags),
        hours: filled(&at, "contact.hours", &raw.hours, diags),
        incident_form: if is_form_url(&incident_form) {
            incident_form
        } else {
            String::new()
        },
        switchboard: read_phone(&at, "contact.switchboard", &raw.switchboard, diags),
        incident_rule: raw.incident_rule.trim().to_string(),
        units: unit_contacts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers() {
        let p = phone("08-530 610 00").unwrap();
        assert_eq!(p.href, "tel:0853061000");
        assert_eq!(phone("+46 8 530 610 00").unwrap().href, "tel:+46853061000");
        assert_eq!(phone("(08) 530 610 00").unwrap().href, "tel:0853061000");
        assert_eq!(phone("112").unwrap().href, "tel:112");
        for bad in [
            "",
            "12",
            "08-530 61O 00",
            "ring växeln",
            "+",
            "-08 530",
            "1234567890123456",
        ] {
            assert!(phone(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn email_addresses() {
        for good in [
            "it-servicedesk@botkyrka.se",
            "a.b+c@x.kommun.se",
            "säkerhet@kommun.se",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "", "it", "a@b", "a @b.se", "@b.se", "a@b..se", "a@-b.se", "a@b.se>", ".a@b.se",
            "a@@b.se",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn form_addresses() {
        assert!(is_form_url("https://intranat.botkyrka.se/incident"));
        assert!(is_form_url("/om/rapportera/"));
        assert!(!is_form_url("//evil.example/x"));
        assert!(!is_form_url("javascript:alert(1)"));
        assert!(!is_form_url("https://nodot/x"));
        assert!(!is_form_url("intranat/incident"));
    }

    const SITE: &str = "title: T\norganisation: O\nbase_url: /\nunits:\n  - { id: sof, name: Socialförvaltningen }\n";

    fn parse(extra: &str) -> (Option<crate::config::Config>, Vec<Diagnostic>) {
        let mut d = Diagnostics::default();
        let c = crate::config::parse(&format!("{SITE}{extra}"), None, &mut d);
        (c, d.into_iter().collect())
    }

    #[test]
    fn a_full_block_is_read() {
        let (c, d) = parse(
            "contact:\n  name: IT-servicedesk\n  phone: 08-530 611 00\n  email: it@botkyrka.se\n  hours: Vardagar 7–17\n  incident_form: https://intranat.botkyrka.se/incident\n  switchboard: 08-530 610 00\n  incident_rule: LIS-R-04\n  units:\n    - { unit: sof, name: Socialjouren, phone: 08-530 620 00 }\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap().contact.unwrap();
        assert_eq!(c.phone.unwrap().href, "tel:0853061100");
        assert_eq!(c.switchboard.unwrap().text, "08-530 610 00");
        assert_eq!(c.units[0].unit_name, "Socialförvaltningen");
        assert_eq!(c.incident_rule, "LIS-R-04");
    }

    #[test]
    fn bad_values_are_errors_at_their_line() {
        let (c, d) = parse(
            "contact:\n  phone: ring oss\n  email: it(at)botkyrka.se\n  incident_form: javascript:alert(1)\n  units:\n    - { unit: soc, email: a@b.se }\n",
        );
        assert!(c.is_none());
        let got: Vec<(String, Option<usize>)> =
            d.iter().map(|d| (d.message.en(), d.line)).collect();
        let line = |needle: &str| {
            got.iter()
                .find(|(m, _)| m.contains(needle))
                .and_then(|(_, l)| *l)
        };
        assert_eq!(
            line("`contact.phone` is `ring oss`, not a phone number"),
            Some(7),
            "{got:?}"
        );
        assert_eq!(line("not an e-mail address"), Some(8), "{got:?}");
        assert_eq!(line("`contact.incident_form`"), Some(9), "{got:?}");
        assert_eq!(line("unknown unit `soc`"), Some(11), "{got:?}");
        assert_eq!(
            d.iter()
                .find(|d| d.message.en().contains("soc"))
                .unwrap()
                .hint
                .as_ref()
                .map(|h| h.en())
                .as_deref(),
            Some("did you mean `sof`?")
        );
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_line() {
        let (c, d) = parse("contact:\n  phone: 08-530 610 00\n  telefon: 08-530 610 00\n");
        assert!(c.is_none());
        assert!(d[0].message.en().contains("unknown key `telefon`"), "{d:?}");
        assert_eq!(d[0].line, Some(8));
    }

    #[test]
    fn placeholders_warn_and_are_left_off() {
        let (c, d) = parse("contact:\n  phone: \"FYLL I: IT-servicedeskens telefonnummer\"\n  email: it@kommun.se\n");
        let c = c
            .expect("placeholders are warnings, not errors")
            .contact
            .unwrap();
        assert!(c.phone.is_none());
        assert_eq!(c.email, "it@kommun.se");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, crate::diagnostics::Severity::Warning);
        assert_eq!(d[0].line, Some(7));
        assert!(d[0]
            .message
            .en()
            .contains("`contact.phone` still holds a placeholder"));
    }
}
