//! styrdok: a static site generator for an information-security management
//! system (LIS). Markdown governing documents, training modules, quizzes and
//! paths go in; a versioned, searchable intranet site comes out.
//!
//! The pipeline, one module per stage:
//! `config` (site.yaml) → `discover` (files) → `frontmatter` + `document`
//! (one file each) → `markdown` (scan) → `site` (linked, validated, frozen
//! graph) → `render` (Tera, in parallel) → `output` (atomic swap).

// A `Diagnostic` (path, position, message, hint, source line) is the error
// type throughout; it is only built on the cold path, so its size does not
// matter and boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod diagnostics;
pub mod discover;
pub mod document;
pub mod frontmatter;
pub mod iso27001;
pub mod limits;
pub mod markdown;
pub mod model;
pub mod output;
pub mod quiz;
pub mod readability;
pub mod render;
pub mod site;
pub mod theme;

use diagnostics::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What `styrdok build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Default: `ROOT/public`.
    pub out: Option<PathBuf>,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// The day review dates are measured against (default: today).
    pub today: Option<model::Date>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            drafts: false,
            base_url: None,
            today: None,
        }
    }

    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }

    fn load_options(&self) -> site::LoadOptions {
        site::LoadOptions {
            drafts: self.drafts,
            base_url: self.base_url.clone(),
            today: self.today,
        }
    }
}

/// A finished build.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub out: PathBuf,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Diagnostics,
    pub elapsed: Duration,
}

/// Builds the site into the output folder: validate everything, render into
/// a staging folder, then swap it in. On error nothing in OUT changes.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let out = options.out_dir();
    if let Err(msg) = output::check_out_dir(&options.root, &out) {
        return Err(single(Diagnostic::error(out.display().to_string(), msg)));
    }
    let timings = Timings::from_env();
    let (site, warnings) = site::load(&options.root, &options.load_options())?;
    timings.stage("load and validate");
    let theme = theme::load(&options.root, &site.config.theme).map_err(with(&warnings))?;
    let staging = output::Staging::create(&out).map_err(|d| with(&warnings)(vec![d]))?;
    let pages = render::render_site(&site, &theme, &staging).map_err(with(&warnings))?;
    timings.stage("render and write");
    staging.commit().map_err(|d| with(&warnings)(vec![d]))?;
    timings.stage("swap");
    Ok(BuildReport {
        pages,
        out,
        diagnostics: warnings,
        elapsed: started.elapsed(),
    })
}

/// Runs every validation of `build` and writes nothing. With `strict`,
/// warnings count as errors.
pub fn check(root: &Path, strict: bool, today: Option<model::Date>) -> Diagnostics {
    let options = site::LoadOptions {
        today,
        ..Default::default()
    };
    let mut diags = match site::load(root, &options) {
        Ok((site, warnings)) => {
            let mut d = warnings;
            // Templates are part of the site: a broken override fails check too.
            match theme::load(root, &site.config.theme) {
                Ok(theme) => {
                    if let Err(errors) = render::Renderer::new(&site, &theme) {
                        d.extend(errors);
                    }
                }
                Err(errors) => d.extend(errors),
            }
            d
        }
        Err(d) => d,
    };
    if strict {
        diags.make_warnings_errors();
    }
    diags.sort();
    diags
}

/// Stage timings on stderr when `STYRDOK_TIMINGS` is set (for profiling).
pub(crate) struct Timings {
    last: Option<std::cell::Cell<Instant>>,
}

impl Timings {
    pub(crate) fn from_env() -> Timings {
        Timings {
            last: std::env::var_os("STYRDOK_TIMINGS").map(|_| std::cell::Cell::new(Instant::now())),
        }
    }

    pub(crate) fn stage(&self, name: &str) {
        if let Some(last) = &self.last {
            let now = Instant::now();
            eprintln!("timing: {name}: {} ms", (now - last.get()).as_millis());
            last.set(now);
        }
    }
}

fn single(d: Diagnostic) -> Diagnostics {
    let mut ds = Diagnostics::default();
    ds.push(d);
    ds
}

/// Adds errors to the warnings already found, for the failure report.
fn with(warnings: &Diagnostics) -> impl Fn(Vec<Diagnostic>) -> Diagnostics + '_ {
    move |errors| {
        let mut all = warnings.clone();
        all.extend(errors);
        all.sort();
        all
    }
}
