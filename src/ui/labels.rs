//! The site's UI strings ([`Labels`]), from the tables in `i18n`, looked
//! up by key by views, outputs and templates (as `t`).

use super::i18n;
use std::collections::HashMap;

/// UI strings for the site's language, looked up by key.
#[derive(Debug, Clone)]
pub struct Labels {
    map: HashMap<&'static str, &'static str>,
}

impl Labels {
    pub fn new(language: &str) -> Labels {
        Labels {
            map: i18n::strings(language)
                .iter()
                .chain(super::i18n_frame::strings(language))
                .chain(super::i18n_report::strings(language))
                .copied()
                .collect(),
        }
    }

    /// Every key of the table.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.map.keys().copied()
    }

    pub fn get(&self, key: &str) -> String {
        self.map.get(key).copied().unwrap_or_default().to_string()
    }

    pub(crate) fn to_json(&self) -> serde_json::Value {
        self.map
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }
}
