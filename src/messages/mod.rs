//! Every sentence styrdok writes for a person — diagnostics, hints and the
//! command line's own lines — in English and Swedish, from one catalogue
//! ([`catalogue`]).
//!
//! A message is written where it arises as its English template and named
//! arguments, with [`t!`](crate::t):
//!
//! ```ignore
//! Diagnostic::error(path, t!("`{key}` is empty", key))
//! ```
//!
//! The English template is the message's key (as in gettext): the catalogue
//! maps it to its Swedish text and, for a diagnostic, its stable code
//! (`SD0202`). A test reads the source and fails when a template has no
//! catalogue entry, when an entry is used nowhere, or when the two languages
//! do not name the same arguments; so every message exists in both.
//!
//! Text that styrdok did not write (a YAML parser's or the operating
//! system's error) travels as [`Message::foreign`] and is shown as it came.
//!
//! The language is the site's `language`, overridden by `--lang` or
//! `STYRDOK_LANG` ([`resolve`]).

pub mod catalogue;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

/// UI language, search stemming and the language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Sv,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::En => "en",
        }
    }
}

/// The language of the command line: `--lang`, else `STYRDOK_LANG` (`sv`,
/// `en`, a region such as `sv-SE` allowed), else the site's `language`,
/// else Swedish (styrdok's sites are Swedish).
pub fn resolve(flag: Option<Language>, env: Option<&str>, site: Option<Language>) -> Language {
    flag.or_else(|| env.and_then(parse))
        .or(site)
        .unwrap_or_default()
}

/// The language the command line speaks in, set once by the binary after
/// it has read `--lang`, `STYRDOK_LANG` and the site's `language` (until
/// then, and in library use, Swedish). Like the terminal it writes to, it
/// is one fact for the whole process, so the serve threads that print read
/// it here rather than carrying it.
pub fn cli() -> Language {
    CLI.get().copied().unwrap_or_default()
}

/// Sets [`cli`]; only the first call counts.
pub fn set_cli(lang: Language) {
    let _ = CLI.set(lang);
}

static CLI: OnceLock<Language> = OnceLock::new();

/// `sv` or `en`, any case, a region allowed (`sv-SE`, `en_GB.UTF-8`).
pub fn parse(text: &str) -> Option<Language> {
    let base = text
        .trim()
        .split(['-', '_', '.'])
        .next()?
        .to_ascii_lowercase();
    match base.as_str() {
        "sv" => Some(Language::Sv),
        "en" => Some(Language::En),
        _ => None,
    }
}

/// One argument of a message: text, or another message (rendered in the
/// same language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(Box<Message>),
}

/// A value on its way to becoming an [`Arg`]. [`t!`](crate::t) calls
/// `(&ArgOf(&value)).arg()`: method lookup takes [`MessageArg`] for a
/// [`Message`] (kept whole, so it is rendered in the reader's language) and
/// [`DisplayArg`] for anything else that prints.
pub struct ArgOf<'a, T: ?Sized>(pub &'a T);

pub trait MessageArg {
    fn arg(&self) -> Arg;
}

impl MessageArg for ArgOf<'_, Message> {
    fn arg(&self) -> Arg {
        Arg::Message(Box::new(self.0.clone()))
    }
}

impl MessageArg for ArgOf<'_, &Message> {
    fn arg(&self) -> Arg {
        Arg::Message(Box::new((*self.0).clone()))
    }
}

pub trait DisplayArg {
    fn arg(&self) -> Arg;
}

impl<T: Display + ?Sized> DisplayArg for &ArgOf<'_, T> {
    fn arg(&self) -> Arg {
        Arg::Text(self.0.to_string())
    }
}

/// A sentence for a person, renderable in every [`Language`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    /// A catalogue template and its arguments.
    Entry {
        template: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Text from elsewhere (a parser, the operating system), as it came.
    Foreign(String),
    /// Messages one after the other, `separator` between them.
    List {
        items: Vec<Message>,
        separator: &'static str,
    },
}

impl Message {
    /// A catalogue message; use [`t!`](crate::t) rather than this.
    pub fn new(template: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message {
            body: Body::Entry { template, args },
        }
    }

    /// Text styrdok did not write, shown as it is in every language.
    pub fn foreign(text: impl Into<String>) -> Message {
        Message {
            body: Body::Foreign(text.into()),
        }
    }

    /// `items` one after the other, each in the reader's language.
    pub fn list(items: Vec<Message>, separator: &'static str) -> Message {
        Message {
            body: Body::List { items, separator },
        }
    }

    /// The message in `lang`. A template missing from the catalogue (which
    /// the catalogue test prevents) is shown in English.
    pub fn render(&self, lang: Language) -> String {
        match &self.body {
            Body::Foreign(text) => text.clone(),
            Body::List { items, separator } => items
                .iter()
                .map(|m| m.render(lang))
                .collect::<Vec<_>>()
                .join(separator),
            Body::Entry { template, args } => {
                let text = match (lang, entry(template)) {
                    (Language::Sv, Some(e)) => e.sv,
                    _ => template,
                };
                fill(text, args, lang)
            }
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        self.render(Language::En)
    }

    /// The diagnostic code of this message's catalogue entry, if it has one.
    pub fn code(&self) -> Option<&'static str> {
        match &self.body {
            Body::Entry { template, .. } => entry(template).and_then(|e| e.code),
            Body::Foreign(_) | Body::List { .. } => None,
        }
    }
}

/// The message in English, as logs and tests read it.
impl Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

/// Compares the English text (what tests and logs match on).
impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

/// The catalogue entry of an English template.
fn entry(template: &str) -> Option<&'static catalogue::Entry> {
    static INDEX: OnceLock<HashMap<&'static str, &'static catalogue::Entry>> = OnceLock::new();
    INDEX
        .get_or_init(|| catalogue::ENTRIES.iter().map(|e| (e.en, e)).collect())
        .get(template)
        .copied()
}

/// A template with its `{name}` placeholders replaced; `{{` and `}}` are
/// literal braces. A placeholder without an argument stays as written.
fn fill(template: &str, args: &[(&'static str, Arg)], lang: Language) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        match (tail.starts_with('{'), tail.find('}')) {
            (true, Some(end)) => {
                let name = &tail[1..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, Arg::Text(t))) => out.push_str(t),
                    Some((_, Arg::Message(m))) => out.push_str(&m.render(lang)),
                    None => out.push_str(&tail[..=end]),
                }
                rest = &tail[end + 1..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        match tail.find('}') {
            Some(end) => {
                names.push(&tail[1..end]);
                rest = &tail[end + 1..];
            }
            None => break,
        }
    }
    names
}

/// A catalogue message: `t!("`{key}` is empty", key)` or
/// `t!("… {n} …", n = list.len())`. The template must be a string literal
/// (the catalogue test finds it in the source).
#[macro_export]
macro_rules! t {
    ($template:literal $(,)?) => {
        $crate::messages::Message::new($template, Vec::new())
    };
    ($template:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::messages::Message::new(
            $template,
            vec![$((stringify!($name), $crate::t!(@arg $name $($value)?))),+],
        )
    };
    (@arg $name:ident) => {{
        #[allow(unused_imports)]
        use $crate::messages::{DisplayArg as _, MessageArg as _};
        (&$crate::messages::ArgOf(&$name)).arg()
    }};
    (@arg $name:ident $value:expr) => {{
        #[allow(unused_imports)]
        use $crate::messages::{DisplayArg as _, MessageArg as _};
        (&$crate::messages::ArgOf(&$value)).arg()
    }};
}

#[cfg(test)]
mod tests;
