//! Training output for the browser: the quiz each published module page
//! embeds (correct answers only as salted SHA-256 hashes), the catalogue of
//! published modules, paths and roles that the path builder and certificate
//! pages embed, those two pages (`utbildning/vag/`, `utbildning/intyg/`),
//! and the settings and UI strings the training scripts read.
//!
//! Everything here is embedded as `<script type="application/json">`, which
//! a browser never executes, so a strict Content-Security-Policy holds and
//! pages work without a fetch. Only published content is ever written: a
//! quiz reaches the output only through a published module.

use super::plumbing::{generated, home_crumb, script_json, Rendered};
use super::renderer::Renderer;
use crate::digest::sha256_hex;
use crate::markdown::{self, sanitize};
use crate::model::{Kind, Question, QuestionKind, Quiz, Status};
use crate::output::Staging;
use crate::site::addresses::{BUILDER_PATH, CERTIFICATE_PATH};
use crate::site::{order_key, Site};
use crate::ui::Labels;
use serde::Serialize;

/// The canonical form of a question's correct selection, as the browser
/// builds it from the person's answer: original option indices in ascending
/// order joined by `,`, or `true`/`false`.
pub fn correct_selection(q: &Question) -> String {
    match q.kind {
        QuestionKind::Truefalse => q.answer.unwrap_or(false).to_string(),
        QuestionKind::Single | QuestionKind::Multiple => q
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i.to_string())
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// A deterministic salt per question, so that builds are reproducible and
/// two questions with the same answer do not share a hash.
fn salt(quiz: &Quiz, index: usize) -> String {
    let seed = format!(
        "styrdok|{}|{index}|{}",
        quiz.id, quiz.questions[index].prompt
    );
    sha256_hex(&seed)[..16].to_string()
}

/// Markdown → sanitised HTML. `inline` strips a lone paragraph's `<p>` so
/// the text can sit inside a `<legend>` or `<label>`.
fn quiz_html(text: &str, inline: bool) -> String {
    let scan = markdown::scan(text);
    let html = sanitize::clean(&markdown::render(text, &scan, &[]));
    let trimmed = html.trim();
    if inline {
        if let Some(inner) = trimmed
            .strip_prefix("<p>")
            .and_then(|s| s.strip_suffix("</p>"))
        {
            if !inner.contains("<p>") {
                return inner.to_string();
            }
        }
    }
    trimmed.to_string()
}

#[derive(Debug, Serialize)]
pub struct QuestionData {
    /// The question id results carry (`quiz::derived_id` when not written).
    pub id: String,
    pub kind: QuestionKind,
    /// HTML; inline when the prompt is one paragraph.
    pub prompt: String,
    /// HTML per option, in file order (empty for truefalse).
    pub options: Vec<String>,
    pub explanation: String,
    pub salt: String,
    /// `sha256(salt + ":" + correct_selection)`.
    pub hash: String,
    /// The section that teaches the point (address with `#heading`) and
    /// its title; empty when the question names none.
    pub source_url: String,
    pub source_title: String,
}

/// What a module page embeds for its quiz.
#[derive(Debug, Serialize)]
pub struct QuizData {
    pub quiz: String,
    pub module: String,
    pub module_title: String,
    pub version: String,
    pub title: String,
    pub pass_mark: u32,
    pub shuffle: bool,
    /// The same items are offered before the content (`pretest: true`).
    pub pretest: bool,
    /// Days after a pass when a retention check is offered; 0 = never.
    pub retest_after_days: u32,
    pub questions: Vec<QuestionData>,
}

/// The quiz data for module `i`, or `None` when it has no (valid) quiz.
pub fn quiz_data(site: &Site, i: usize) -> Option<QuizData> {
    let doc = &site.docs[i];
    let module = doc.kind.module()?;
    let quiz_id = module.quiz.as_deref()?;
    let quiz = site.quizzes.iter().find(|q| q.id == quiz_id)?;
    let questions = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(k, q)| {
            let salt = salt(quiz, k);
            let (source_url, source_title) =
                crate::site::quiz_sources::resolve(site, q).unwrap_or_default();
            QuestionData {
                id: q.id.clone(),
                kind: q.kind,
                prompt: quiz_html(&q.prompt, true),
                options: q.options.iter().map(|o| quiz_html(&o.text, true)).collect(),
                explanation: quiz_html(&q.explanation, false),
                hash: sha256_hex(&format!("{salt}:{}", correct_selection(q))),
                salt,
                source_url,
                source_title,
            }
        })
        .collect();
    Some(QuizData {
        quiz: quiz.id.clone(),
        module: doc.id.clone().unwrap_or_default(),
        module_title: doc.title.clone(),
        version: doc.version.map(|v| v.to_string()).unwrap_or_default(),
        title: quiz.title.clone(),
        pass_mark: quiz.pass_mark,
        shuffle: quiz.shuffle,
        pretest: module.pretest,
        retest_after_days: module.retest_after_days,
        questions,
    })
}

/// The training values of a content page (`training` in templates).
#[derive(Debug, Default, Serialize)]
pub struct PageTraining {
    /// Role ids whose reading list holds this page (empty when none).
    pub readers: Vec<String>,
    /// The module's quiz as embeddable JSON; empty when there is none.
    pub quiz: String,
    /// A document some cmi5 course gives to read (see
    /// [`super::lms::reading_docs`]): its xAPI activity id and the context
    /// extension for its version, for a read receipt sent to the platform
    /// that launched the page. Empty otherwise.
    pub xapi_activity: String,
    pub xapi_version_extension: String,
}

impl PageTraining {
    /// Marks the page as a document that takes read receipts from a cmi5
    /// launch.
    pub fn with_xapi(mut self, site: &Site, i: usize) -> Self {
        self.xapi_activity = super::lms::document_activity(site, i);
        self.xapi_version_extension = super::lms::document_version_extension(site);
        self
    }
}

/// Is published document `i` on any reading list?
fn on_reading_lists(site: &Site, i: usize) -> bool {
    let d = &site.docs[i];
    site.published[i] && !d.is_section && d.status == Status::Active && !d.roles.is_empty()
}

pub fn page_training(site: &Site, i: usize) -> PageTraining {
    let doc = &site.docs[i];
    let readers = if on_reading_lists(site, i) {
        site.config
            .readers_of(&doc.roles)
            .map(|r| r.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    let quiz = if doc.kind == Kind::Module && site.published[i] {
        quiz_data(site, i)
            .map(|q| script_json(&q))
            .unwrap_or_default()
    } else {
        String::new()
    };
    PageTraining {
        readers,
        quiz,
        ..PageTraining::default()
    }
}

/// Where the training scripts' settings are written, as an ES module that
/// `js/training.js` imports: one file the browser caches, instead of the
/// same 5–6 kB of JSON in every page.
pub const CONFIG_MODULE: &str = "js/training-config.js";

#[derive(Debug, Serialize)]
struct CatalogModule {
    id: String,
    title: String,
    url: String,
    version: String,
    duration: Option<u32>,
    has_quiz: bool,
    prerequisites: Vec<String>,
    documents: Vec<String>,
}

#[derive(Debug, Serialize)]
struct CatalogPath {
    id: String,
    title: String,
    url: String,
    modules: Vec<String>,
    documents: Vec<String>,
    due_days: Option<u32>,
    /// The roles the path is curated for (its `roles:`).
    roles: Vec<String>,
}

#[derive(Debug, Serialize)]
struct CatalogDocument {
    id: String,
    title: String,
    url: String,
    version: String,
    kind_label: String,
}

#[derive(Debug, Serialize)]
struct CatalogRole {
    id: String,
    name: String,
    modules: Vec<String>,
}

/// Published modules, paths, documents and what each role must take.
#[derive(Debug, Serialize)]
pub struct Catalog {
    modules: Vec<CatalogModule>,
    paths: Vec<CatalogPath>,
    documents: Vec<CatalogDocument>,
    roles: Vec<CatalogRole>,
}

fn sorted_of_kind(site: &Site, kinds: &[Kind]) -> Vec<usize> {
    let mut v: Vec<usize> = site
        .published_docs()
        .filter(|&i| !site.docs[i].is_section && kinds.contains(&site.docs[i].kind.tag()))
        .collect();
    v.sort_by(|&a, &b| order_key(&site.docs[a]).cmp(&order_key(&site.docs[b])));
    v
}

/// Only ids of published documents survive into the catalogue.
fn published_ids(site: &Site, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter(|id| site.by_id(id).is_some_and(|i| site.published[i]))
        .cloned()
        .collect()
}

pub fn catalog(site: &Site, labels: &Labels) -> Catalog {
    let id_of = |i: usize| site.docs[i].id.clone().unwrap_or_default();
    let version_of = |i: usize| {
        site.docs[i]
            .version
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let modules = sorted_of_kind(site, &[Kind::Module])
        .into_iter()
        .map(|i| {
            let m = site.docs[i].kind.module().cloned().unwrap_or_default();
            CatalogModule {
                id: id_of(i),
                title: site.docs[i].title.clone(),
                url: site.url(i),
                version: version_of(i),
                duration: m.duration,
                has_quiz: quiz_data(site, i).is_some(),
                prerequisites: published_ids(site, &m.prerequisites),
                documents: published_ids(site, &m.documents),
            }
        })
        .collect();
    let paths = sorted_of_kind(site, &[Kind::Path])
        .into_iter()
        .map(|i| {
            let p = site.docs[i].kind.path().cloned().unwrap_or_default();
            CatalogPath {
                id: id_of(i),
                title: site.docs[i].title.clone(),
                url: site.url(i),
                modules: published_ids(site, &p.modules),
                documents: published_ids(site, &p.documents),
                due_days: p.due_days,
                roles: site.docs[i].roles.clone(),
            }
        })
        .collect();
    let documents = sorted_of_kind(site, &[Kind::Policy, Kind::Guideline, Kind::Rule])
        .into_iter()
        .map(|i| CatalogDocument {
            id: id_of(i),
            title: site.docs[i].title.clone(),
            url: site.url(i),
            version: version_of(i),
            kind_label: labels.get(&format!("kind_{}", site.docs[i].kind.as_str())),
        })
        .collect();
    let roles = site
        .config
        .roles
        .iter()
        .map(|r| {
            let mut list: Vec<usize> = site
                .reading_list(&r.id)
                .into_iter()
                .filter(|&i| site.docs[i].kind == Kind::Module)
                .collect();
            list.sort_by(|&a, &b| order_key(&site.docs[a]).cmp(&order_key(&site.docs[b])));
            CatalogRole {
                id: r.id.clone(),
                name: r.name.clone(),
                modules: list.into_iter().map(id_of).collect(),
            }
        })
        .collect();
    Catalog {
        modules,
        paths,
        documents,
        roles,
    }
}

/// The training scripts' settings ([`CONFIG_MODULE`]), the path builder and
/// the certificate page. A published content page at the address of one of
/// the pages wins; the generated page is then not written.
pub fn pages(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let catalog = catalog(site, &r.labels);
    let catalog_json = script_json(&catalog);
    let mut written = 0;
    let mut errors = Vec::new();
    let module = format!(
        "// Settings and UI strings for the training scripts (written by styrdok).\nexport default {};\n",
        r.training_config
    );
    match staging.write(CONFIG_MODULE, module.as_bytes()) {
        Ok(()) => written += 1,
        Err(e) => errors.push(e),
    }
    for (path, template, title) in [
        (BUILDER_PATH, "path-builder.html", "tr_builder_title"),
        (CERTIFICATE_PATH, "certificate.html", "tr_certificate_title"),
    ] {
        let taken = site.published_docs().any(|i| site.docs[i].url_path == path);
        if taken {
            continue;
        }
        let page = generated(r.site, r.labels.get(title), path, vec![home_crumb(r.site)]);
        let mut ctx = r.context(&page.url);
        ctx.insert("page", &page);
        ctx.insert("catalog", &catalog);
        ctx.insert("catalog_json", &catalog_json);
        let result = r
            .render(template, &ctx, path)
            .and_then(|html| staging.write(&format!("{path}index.html"), html.as_bytes()));
        match result {
            Ok(()) => written += 1,
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(written)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuizOption;

    fn question(kind: QuestionKind, correct: &[bool], answer: Option<bool>) -> Question {
        Question {
            id: "q".into(),
            source: None,
            line: 1,
            source_line: 1,
            kind,
            prompt: "Fråga?".into(),
            options: correct
                .iter()
                .enumerate()
                .map(|(i, &c)| QuizOption {
                    text: format!("Alt {i}"),
                    correct: c,
                })
                .collect(),
            answer,
            explanation: String::new(),
        }
    }

    #[test]
    fn correct_selections_are_canonical() {
        let s = question(QuestionKind::Single, &[false, true, false], None);
        assert_eq!(correct_selection(&s), "1");
        let m = question(QuestionKind::Multiple, &[true, false, true, true], None);
        assert_eq!(correct_selection(&m), "0,2,3");
        let t = question(QuestionKind::Truefalse, &[], Some(false));
        assert_eq!(correct_selection(&t), "false");
    }

    #[test]
    fn sha256_matches_the_standard_vector() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn quiz_text_is_sanitised_markdown() {
        assert_eq!(
            quiz_html("Vad är **KRT**?", true),
            "Vad är <strong>KRT</strong>?"
        );
        let html = quiz_html("[x](javascript:alert(1)) <script>alert(1)</script>", true);
        assert!(
            !html.contains("javascript") && !html.contains("<script"),
            "{html}"
        );
        assert!(quiz_html("Ett.\n\nTvå.", true).starts_with("<p>"));
    }
}
