//! The theme a site renders with: the default theme built into the binary,
//! overridden file by file by `SITE/themes/<theme>/templates/` and
//! `static/`.

use crate::diagnostics::Diagnostic;
use crate::discover;
use std::collections::BTreeMap;
use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme.rs"));
}

/// Templates (name → source) and static files (path → bytes) after overrides.
#[derive(Debug, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, String>,
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// The built-in theme's file names and contents, for `init --theme` too.
pub fn builtin_templates() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    embedded::TEMPLATES.iter().copied()
}

pub fn builtin_statics() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    embedded::STATIC.iter().copied()
}

/// Loads the theme for a site at `root` whose `site.yaml` names `name`.
pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let mut theme = Theme::default();
    let mut errors = Vec::new();
    for (rel, bytes) in builtin_templates() {
        theme
            .templates
            .insert(rel.to_string(), String::from_utf8_lossy(bytes).into_owned());
    }
    for (rel, bytes) in builtin_statics() {
        theme.statics.insert(rel.to_string(), bytes.to_vec());
    }
    let Some(dir) = discover::theme_dir(root, name) else {
        if name != "default" {
            errors.push(Diagnostic::error(
                crate::model::CONFIG_FILE,
                t!(
                    "theme `{name}` not found: there is no themes/{name}/ folder",
                    name
                ),
            ));
        }
        return if errors.is_empty() {
            Ok(theme)
        } else {
            Err(errors)
        };
    };
    for (sub, is_template) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        let files = match discover::walk(root, &base) {
            Ok(f) => f,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        for rel in files {
            let key = rel
                .strip_prefix(&format!("{}/", discover::relative(root, &base)))
                .unwrap_or(&rel)
                .to_string();
            if is_template {
                match discover::read_text(&root.join(&rel), &rel) {
                    Ok(text) => {
                        theme.templates.insert(key, text);
                    }
                    Err(d) => errors.push(d),
                }
            } else {
                match std::fs::read(root.join(&rel)) {
                    Ok(bytes) => {
                        theme.statics.insert(key, bytes);
                    }
                    Err(e) => errors.push(Diagnostic::error(rel, t!("cannot read: {e}", e))),
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(theme)
    } else {
        Err(errors)
    }
}
