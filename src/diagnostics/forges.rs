//! `check`'s formats for the forges a municipality may host its site on:
//! SARIF 2.1.0 (GitHub code scanning, Azure DevOps, GitLab and most
//! editors read it), GitLab Code Quality JSON (a merge request's widget),
//! and Azure Pipelines logging commands (annotations on the run). The
//! GitHub workflow commands live beside `text` and `json` in the parent.
//!
//! Each carries the diagnostic's stable code (see [`super::codes`]) and the
//! hint as part of the message, since none of them has a place for one.

use super::codes::{self, Code};
use super::{with_hint, Diagnostics, Severity};
use crate::messages::Language;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// A path relative to the site root as a URI reference: every byte but
/// unreserved characters and `/` percent-encoded (`lösenord.md` →
/// `l%C3%B6senord.md`), so a SARIF reader resolves it whatever it holds.
/// The same encoding as the site's own addresses.
fn uri_reference(path: &str) -> String {
    crate::markdown::links::encode_path(path)
}

/// SARIF 2.1.0: one run of the `styrdok` tool, its rules the codes that
/// occur, one result per diagnostic.
pub fn sarif(diagnostics: &Diagnostics, lang: Language) -> String {
    let mut rules: Vec<&'static Code> = Vec::new();
    let mut results = Vec::new();
    for d in diagnostics.iter() {
        let code = codes::of(d);
        let index = match rules.iter().position(|r| r.code == code.code) {
            Some(i) => i,
            None => {
                rules.push(code);
                rules.len() - 1
            }
        };
        let mut location = json!({
            "artifactLocation": { "uri": uri_reference(&d.path), "uriBaseId": "SRCROOT" }
        });
        if let Some(line) = d.line {
            let mut region = json!({ "startLine": line });
            if let Some(col) = d.column {
                region["startColumn"] = json!(col);
            }
            location["region"] = region;
        }
        results.push(json!({
            "ruleId": code.code,
            "ruleIndex": index,
            "level": match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            },
            "message": { "text": with_hint(d, lang) },
            "locations": [{ "physicalLocation": location }],
        }));
    }
    let rules: Vec<Value> = rules
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": { "text": c.summary },
            })
        })
        .collect();
    pretty(&json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "styrdok",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "originalUriBaseIds": { "SRCROOT": { "description": { "text": "The site root (the folder holding site.yaml)." } } },
            "results": results,
        }],
    }))
}

/// GitLab Code Quality: a JSON array of issues, each with a fingerprint
/// that stays the same while the problem does (so a merge request shows
/// what it fixed and what it added).
pub fn gitlab(diagnostics: &Diagnostics, lang: Language) -> String {
    let issues: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let code = codes::of(d);
            let mut hash = Sha256::new();
            for part in [
                code.code,
                d.path.as_str(),
                &d.line.unwrap_or(0).to_string(),
                &d.column.unwrap_or(0).to_string(),
                // English whatever the output language, so a fingerprint
                // does not change with who runs the check.
                &d.message.en(),
            ] {
                hash.update(part.as_bytes());
                hash.update([0]);
            }
            let fingerprint: String = hash.finalize()[..16]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            json!({
                "type": "issue",
                "check_name": code.code,
                "description": with_hint(d, lang),
                "fingerprint": fingerprint,
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Note => "info",
                },
                "location": { "path": d.path, "lines": { "begin": d.line.unwrap_or(1) } },
            })
        })
        .collect();
    pretty(&Value::Array(issues))
}

/// Escapes a logging command's message (`%`, CR, LF) and, inside
/// properties, also `;` and `]` — as Azure's own task library does.
fn azure_escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%AZP25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(';', "%3B").replace(']', "%5D");
    }
    out
}

/// Azure Pipelines logging commands: `##vso[task.logissue …]` for errors
/// and warnings (Azure knows no other kind of issue); a note is a plain
/// log line, seen in the log without marking the run.
pub fn azure(diagnostics: &Diagnostics, lang: Language) -> String {
    let mut out = String::new();
    for d in diagnostics.iter() {
        let code = codes::of(d);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => {
                let _ = writeln!(
                    out,
                    "{}: note[{}]: {}",
                    azure_escape(&d.location(), false),
                    code.code,
                    azure_escape(&with_hint(d, lang), false)
                );
                continue;
            }
        };
        let mut props = format!("type={kind};sourcepath={}", azure_escape(&d.path, true));
        if let Some(l) = d.line {
            let _ = write!(props, ";linenumber={l}");
        }
        if let Some(c) = d.column {
            let _ = write!(props, ";columnnumber={c}");
        }
        let _ = writeln!(
            out,
            "##vso[task.logissue {props};code={};]{}",
            code.code,
            azure_escape(&with_hint(d, lang), false)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;
    use crate::messages::Message;

    fn sample() -> Diagnostics {
        let src = "---\ntitle: X\nreveiw_by: 2024-01-01\n---\n";
        let mut ds = Diagnostics::default();
        ds.push(
            Diagnostic::error(
                "content/regler/lösenord.md",
                Message::foreign("unknown key `reveiw_by`"),
            )
            .at(src, 3, 1)
            .with_hint(Message::foreign("did you mean `review_by`?")),
        );
        ds.push(Diagnostic::warning(
            "site.yaml",
            Message::foreign("a; b] 100%\nnext"),
        ));
        ds.push(Diagnostic::note(
            "content/a.md",
            Message::foreign("the review date 2026-01-01 is in 3 days"),
        ));
        ds
    }

    #[test]
    fn sarif_names_rules_and_places_results() {
        let v: Value = serde_json::from_str(&sarif(&sample(), Language::En)).unwrap();
        let run = &v["runs"][0];
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "SD0101");
        let first = &run["results"][0];
        assert_eq!(first["ruleId"], "SD0101");
        assert_eq!(first["level"], "error");
        let loc = &first["locations"][0]["physicalLocation"];
        assert_eq!(
            loc["artifactLocation"]["uri"],
            "content/regler/l%C3%B6senord.md"
        );
        assert_eq!(loc["region"]["startLine"], 3);
        assert!(run["results"][1]["locations"][0]["physicalLocation"]["region"].is_null());
        assert_eq!(run["results"][2]["level"], "note");
    }

    #[test]
    fn gitlab_issues_have_stable_distinct_fingerprints() {
        let a: Value = serde_json::from_str(&gitlab(&sample(), Language::En)).unwrap();
        let b: Value = serde_json::from_str(&gitlab(&sample(), Language::En)).unwrap();
        assert_eq!(a, b);
        let prints: std::collections::HashSet<_> = a
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].clone())
            .collect();
        assert_eq!(prints.len(), 3);
        assert_eq!(a[0]["severity"], "major");
        assert_eq!(a[0]["location"]["lines"]["begin"], 3);
        assert_eq!(a[1]["location"]["lines"]["begin"], 1);
    }

    #[test]
    fn azure_commands_are_one_line_each_and_escaped() {
        let out = azure(&sample(), Language::En);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert_eq!(
            lines[0],
            "##vso[task.logissue type=error;sourcepath=content/regler/lösenord.md;linenumber=3;columnnumber=1;code=SD0101;]unknown key `reveiw_by` (did you mean `review_by`?)"
        );
        assert!(
            lines[1].ends_with("]a; b] 100%AZP25%0Anext"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("content/a.md: note[SD0802]: "),
            "{}",
            lines[2]
        );
    }
}
