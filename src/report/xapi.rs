//! The xAPI reader of results (issue #19): what a Learning Record Store
//! returns from `GET /statements` — a page `{"statements": [...], "more":
//! "..."}`, several pages one after another (as a script saving each page
//! writes them), or a JSON array of pages or of statements — as the same
//! [`Completion`] records the CSV reader gives.
//!
//! `passed` and `failed` statements on a module's activity
//! (`…/xapi/modules/ID/vVERSION`, as styrdok's packages send them) are quiz
//! results; the `answered` statements before them in the same registration
//! are their per-question outcomes; `attested` statements on a document
//! (`…/xapi/documents/ID/vVERSION`) are read receipts. `experienced` on a
//! document only says the page was opened (what a page launched from a
//! platform sends first), so it is no receipt. The person is the actor's
//! account name, else its e-mail address, else its name. Everything else is
//! skipped.

use super::{Attempt, Completion};
use crate::diagnostics::Diagnostic;
use serde_json::Value;
use std::collections::HashMap;

const VERB: &str = "http://adlnet.gov/expapi/verbs/";

/// Does `text` look like an xAPI export rather than a CSV file?
pub fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

/// The results in an xAPI statements export. `site_ids` are the site's
/// module and document ids, to find one whose id an activity id had to
/// spell differently (`/` and `:` as `_`). Warnings: statements skipped for a
/// reason worth knowing, and an export whose last page says there is more.
pub fn read(
    path: &str,
    text: &str,
    site_ids: &[String],
) -> Result<(Vec<Completion>, Vec<Diagnostic>), Diagnostic> {
    let (mut statements, more) = statements_of(path, text)?;
    let mut warnings = Vec::new();
    if !more.is_empty() {
        warnings.push(Diagnostic::warning(
            path,
            t!("the export's last page says there is more (`more`: {more}); the statements after it are not counted", more),
        ).with_hint(t!("fetch every page, following `more` until it is empty")));
    }
    statements.sort_by(|a, b| text_at(a, &["timestamp"]).cmp(text_at(b, &["timestamp"])));
    let mut answers: HashMap<(String, String, String), Vec<(String, bool)>> = HashMap::new();
    let mut out = Vec::new();
    for s in &statements {
        let verb = text_at(s, &["verb", "id"]).strip_prefix(VERB).unwrap_or("");
        let person = person(s);
        let object = text_at(s, &["object", "id"]);
        let registration = text_at(s, &["context", "registration"]).to_string();
        match verb {
            "answered" => {
                let Some((activity, question)) = object.rsplit_once("/questions/") else {
                    continue;
                };
                let right = s["result"]["success"].as_bool().unwrap_or(false);
                let question = crate::markdown::links::percent_decode(question);
                answers
                    .entry((person.clone(), activity.to_string(), registration))
                    .or_default()
                    .push((question, right));
            }
            "passed" | "failed" => {
                let Some((id, version)) = item_of(object, "/xapi/modules/", site_ids) else {
                    continue;
                };
                let version = version_extension(s, "module-version").unwrap_or(version);
                let key = (person.clone(), object.to_string(), registration);
                out.push(Completion {
                    kind: "quiz".into(),
                    id,
                    version,
                    passed: verb == "passed",
                    person,
                    completed_at: text_at(s, &["timestamp"]).to_string(),
                    attempt: Attempt::Post,
                    score: score(s),
                    answers: answers.remove(&key).unwrap_or_default(),
                    ..Completion::default()
                });
            }
            "attested" => {
                if let Some((id, version)) = item_of(object, "/xapi/documents/", site_ids) {
                    let version = version_extension(s, "document-version").unwrap_or(version);
                    out.push(Completion {
                        kind: "receipt".into(),
                        id,
                        version,
                        passed: true,
                        person,
                        completed_at: text_at(s, &["timestamp"]).to_string(),
                        ..Completion::default()
                    });
                }
            }
            _ => {}
        }
    }
    out.retain(|c| !c.person.is_empty());
    Ok((out, warnings))
}

/// Every statement of the export's pages (JSON values one after another),
/// and the last page's `more`.
fn statements_of(path: &str, text: &str) -> Result<(Vec<Value>, String), Diagnostic> {
    let mut statements = Vec::new();
    let mut more = String::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        let value = value.map_err(|e| {
            Diagnostic::error(path, t!("not an xAPI statements export: {e}", e)).with_hint(t!(
                "export the LRS's GET /statements pages as JSON, one after another"
            ))
        })?;
        collect(value, &mut statements, &mut more);
    }
    Ok((statements, more))
}

/// Statements out of one JSON value of the export; `more` keeps the last
/// page's `more`.
fn collect(value: Value, statements: &mut Vec<Value>, more: &mut String) {
    match value {
        Value::Array(items) => {
            for item in items {
                collect(item, statements, more);
            }
        }
        Value::Object(mut page) if page.contains_key("statements") => {
            *more = page
                .get("more")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if let Some(Value::Array(list)) = page.remove("statements") {
                statements.extend(list);
            }
        }
        v @ Value::Object(_) if v.get("verb").is_some() => statements.push(v),
        _ => {}
    }
}

fn text_at<'v>(v: &'v Value, keys: &[&str]) -> &'v str {
    keys.iter()
        .try_fold(v, |v, k| v.get(k))
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// The actor as the report's person key (lowercased).
fn person(s: &Value) -> String {
    let actor = &s["actor"];
    let key = [
        text_at(actor, &["account", "name"]),
        text_at(actor, &["mbox"]).trim_start_matches("mailto:"),
        text_at(actor, &["name"]),
    ]
    .into_iter()
    .find(|k| !k.trim().is_empty())
    .unwrap_or("");
    key.trim().to_lowercase()
}

/// `…/xapi/modules/ID/vVERSION` (`kind` is `/xapi/modules/`) or
/// `…/xapi/documents/ID/vVERSION` → the site's id and the version.
fn item_of(activity: &str, kind: &str, site_ids: &[String]) -> Option<(String, String)> {
    let rest = activity.rsplit_once(kind)?.1;
    let (id, version) = rest.rsplit_once("/v")?;
    let id = site_ids
        .iter()
        .find(|m| *m == id || crate::ui::file_safe(m) == id)
        .cloned()
        .unwrap_or_else(|| id.to_string());
    Some((id, version.to_string()))
}

/// The version in a context extension named `…/NAME` (`module-version`,
/// `document-version`).
fn version_extension(s: &Value, name: &str) -> Option<String> {
    let ext = s["context"]["extensions"].as_object()?;
    ext.iter()
        .find(|(k, _)| k.rsplit_once('/').is_some_and(|(_, last)| last == name))
        .and_then(|(_, v)| v.as_str().map(String::from))
}

/// Percent right: `result.score.scaled` × 100, else `raw` out of `max`.
fn score(s: &Value) -> Option<f64> {
    let score = &s["result"]["score"];
    if let Some(scaled) = score["scaled"].as_f64() {
        return Some((scaled * 100.0).clamp(0.0, 100.0));
    }
    let raw = score["raw"].as_f64()?;
    let max = score["max"].as_f64().unwrap_or(100.0);
    (max > 0.0).then(|| (100.0 * raw / max).clamp(0.0, 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(verb: &str, object: &str, who: &str, reg: &str, at: &str, result: &str) -> String {
        format!(
            r#"{{"actor":{{"objectType":"Agent","account":{{"homePage":"https://lms.example.se","name":"{who}"}}}},"verb":{{"id":"{VERB}{verb}"}},"object":{{"objectType":"Activity","id":"{object}"}},"context":{{"registration":"{reg}","extensions":{{"https://lis.example.se/xapi/extensions/module-version":"2.0"}}}},"timestamp":"{at}"{result}}}"#
        )
    }

    #[test]
    fn pages_become_results_with_their_answers() {
        let m = "https://lis.example.se/xapi/modules/M-1/v2.0";
        let page1 = format!(
            r#"{{"statements":[{},{}],"more":"/xAPI/statements?page=2"}}"#,
            statement(
                "answered",
                &format!("{m}/questions/q-1"),
                "Anna",
                "r1",
                "2026-11-01T10:00:00Z",
                r#","result":{"success":false}"#
            ),
            statement(
                "failed",
                m,
                "Anna",
                "r1",
                "2026-11-01T10:01:00Z",
                r#","result":{"score":{"scaled":0.5}}"#
            ),
        );
        let page2 = format!(
            r#"{{"statements":[{},{}],"more":""}}"#,
            statement(
                "passed",
                m,
                "anna",
                "r1",
                "2026-11-02T10:01:00Z",
                r#","result":{"score":{"raw":9,"max":10}}"#
            ),
            statement("initialized", m, "anna", "r1", "2026-11-02T10:00:00Z", ""),
        );
        let (rows, warnings) =
            read("x.json", &format!("{page1}\n{page2}\n"), &["M-1".into()]).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].id.as_str(), rows[0].passed, rows[0].score),
            ("M-1", false, Some(50.0))
        );
        assert_eq!(rows[0].answers, [("q-1".to_string(), false)]);
        assert_eq!(
            (
                rows[1].person.as_str(),
                rows[1].version.as_str(),
                rows[1].score
            ),
            ("anna", "2.0", Some(90.0))
        );
    }

    #[test]
    fn attested_is_a_read_receipt_and_experienced_is_not() {
        let d = "https://lis.example.se/xapi/documents/KS_P-1/v1.0";
        let export = format!(
            "[{},{},{}]",
            statement("experienced", d, "anna", "r1", "2026-11-01T10:00:00Z", ""),
            statement("attested", d, "anna", "r1", "2026-11-01T10:05:00Z", ""),
            statement("experienced", d, "bo", "r2", "2026-11-01T11:00:00Z", ""),
        );
        let (rows, _) = read("x.json", &export, &["KS/P-1".into()]).unwrap();
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(
            (
                rows[0].kind.as_str(),
                rows[0].id.as_str(),
                rows[0].version.as_str(),
                rows[0].person.as_str()
            ),
            ("receipt", "KS/P-1", "1.0", "anna")
        );
    }

    #[test]
    fn a_last_page_with_more_is_a_warning_and_bad_json_an_error() {
        let (_, w) = read("x.json", r#"{"statements":[],"more":"/next"}"#, &[]).unwrap();
        assert!(w[0].message.en().contains("says there is more"), "{w:?}");
        let e = read("x.json", r#"{"statements": ["#, &[]).unwrap_err();
        assert!(
            e.message.en().starts_with("not an xAPI statements export"),
            "{e:?}"
        );
        assert!(looks_like_json("  [") && !looks_like_json("kind,id"));
    }
}
