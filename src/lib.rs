//! styrdok: a static site generator for an information-security management
//! system (LIS). Markdown governing documents, training modules, quizzes and
//! paths go in; a versioned, searchable intranet site comes out.
//!
//! The pipeline, one module per stage:
//! `config` (site.yaml) → `discover` (files) → `frontmatter` + `document`
//! (one file each) → `markdown` (scan) → `attachments` (which other files
//! may be published) → `site` (linked, validated, frozen graph) → `history` (older versions from git) → `render` (Tera, in
//! parallel) → `output` (atomic swap).
//!
//! The public API is what the binary (`main.rs`), the integration tests,
//! the benches, the examples and the fuzz targets use: [`build`],
//! [`check`], [`serve()`], [`init()`], [`new_document`], `export`, `report`
//! and `summary`, and for tests and benches the stages they drive one at a
//! time (`config`, `document`, `quiz`, `markdown`, `site`, `history`,
//! `render`, `search`, `readability`, `attachments`, `output`, `outdir`) with
//! the types they pass (`model`, `diagnostics`, `messages`). Modules that
//! only serve other modules (`contact`, `digest`, `discover`, `frontmatter`,
//! `iso27001`, `limits`, `pdf`, `requirements`, `scaffold`, `soa`,
//! `theme_options`) are `pub(crate)`.

// A `Diagnostic` (path, position, message, hint, source line) is the error
// type throughout; it is only built on the cold path, so its size does not
// matter and boxing it would only add noise.
#![allow(clippy::result_large_err)]

#[macro_use]
pub mod messages;

pub mod attachments;
pub mod config;
pub(crate) mod contact;
pub mod diagnostics;
pub(crate) mod digest;
pub(crate) mod discover;
pub mod document;
pub mod export;
pub(crate) mod frontmatter;
pub mod history;
pub mod init;
pub(crate) mod iso27001;
pub(crate) mod limits;
pub mod markdown;
pub mod model;
pub mod outdir;
pub mod output;
pub(crate) mod pdf;
pub mod progress;
pub mod quiz;
pub mod readability;
pub mod render;
pub mod report;
pub(crate) mod requirements;
pub(crate) mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub(crate) mod soa;
pub mod summary;
pub mod theme;
pub(crate) mod theme_options;
pub(crate) mod ui;

pub use init::{init, InitOptions};
pub use scaffold::{new_document, NewDocument, NewOptions};
pub use serve::{serve, ServeOptions};

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
    /// Replace an output folder styrdok did not make (see [`outdir`]).
    pub force: bool,
    /// Results (and a roster) for the follow-up page `uppfoljning/`.
    pub followup: Option<FollowUpInput>,
}

/// The files `build --completions FILE [--roster FILE]` reads.
#[derive(Debug, Clone)]
pub struct FollowUpInput {
    pub completions: PathBuf,
    pub roster: Option<PathBuf>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            drafts: false,
            base_url: None,
            today: None,
            force: false,
            followup: None,
        }
    }

    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }

    pub fn load_options(&self) -> site::LoadOptions {
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
    /// Things to tell the user that are not problems with the content
    /// (e.g. why there are no older versions), each said once.
    pub notes: Vec<String>,
    pub elapsed: Duration,
}

/// Builds the site into the output folder: validate everything, render into
/// a staging folder, then swap it in. On error nothing in OUT changes.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_keeping(options).map(|(report, _)| report)
}

/// What a build rendered, kept by `serve` to re-render parts of it after an edit.
pub struct Kept {
    pub site: site::Site,
    pub theme: theme::Theme,
    pub history: history::History,
    /// The list entries the build rendered (see [`render::ItemCache`]).
    pub items: render::ItemCache,
}

/// [`build`], handing back the site, theme and history it rendered.
pub fn build_keeping(options: &BuildOptions) -> Result<(BuildReport, Kept), Diagnostics> {
    let started = Instant::now();
    let out = options.out_dir();
    let out_real = outdir::claim(&options.root, &out, options.force)
        .map_err(|msg| single(Diagnostic::error(out.display().to_string(), msg)))?;
    let timings = Timings::from_env();
    let (site, warnings) = site::load(&options.root, &options.load_options())?;
    timings.stage("load and validate");
    let mut warnings = warnings;
    let followup = match &options.followup {
        Some(input) => Some(followup_figures(&site, input, &mut warnings)?),
        None => None,
    };
    let theme = theme::load(&options.root, &site.config.theme).map_err(with(&warnings))?;
    let history = history::load(&site);
    let staging = output::Staging::create(&out_real)
        .map_err(|d| with(&warnings)(vec![d]))?
        .forced(options.force);
    timings.stage("history");
    let items = render::ItemCache::default();
    let pages = render::render_site(
        &site,
        &history,
        &theme,
        &staging,
        items.clone(),
        followup.as_ref(),
    )
    .map_err(with(&warnings))?;
    timings.stage("render and write");
    staging.commit().map_err(|d| with(&warnings)(vec![d]))?;
    timings.stage("swap");
    let report = BuildReport {
        pages,
        out,
        diagnostics: warnings,
        notes: history.note.clone().into_iter().collect(),
        elapsed: started.elapsed(),
    };
    Ok((
        report,
        Kept {
            site,
            theme,
            history,
            items,
        },
    ))
}

/// The follow-up page's figures from the results (and roster) of `input`;
/// the files' warnings join `warnings`. A file that cannot be read, or is
/// malformed, fails the build (nothing in OUT changes).
fn followup_figures(
    site: &site::Site,
    input: &FollowUpInput,
    warnings: &mut Diagnostics,
) -> Result<report::followup::FollowUp, Diagnostics> {
    let (counted, w) =
        count_results(site, &input.completions, input.roster.as_deref()).map_err(|e| match e {
            ReportError::Usage(msg) => with(warnings)(vec![Diagnostic::error(
                input.completions.display().to_string(),
                msg,
            )]),
            ReportError::Content(d) => with(warnings)(d.iter().cloned().collect()),
        })?;
    warnings.extend(w);
    let units: Vec<(String, String)> = site
        .config
        .units
        .iter()
        .map(|u| (u.id.clone(), u.name.clone()))
        .collect();
    let labels = render::Labels::new(site.config.language.as_str());
    Ok(report::followup::build(
        &counted,
        &units,
        &labels.get("fu_other_units"),
        site.config.followup_min_group,
    ))
}

/// Runs every validation of `build` and writes nothing. With `strict`,
/// warnings count as errors. With `base` (a git revision), a governing
/// document whose text changed since then without a higher `version`, or
/// whose version went down, is an error too.
pub fn check(
    root: &Path,
    strict: bool,
    today: Option<model::Date>,
    base: Option<&str>,
) -> Diagnostics {
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
    if let Some(rev) = base {
        diags.extend(history::base::check(root, rev));
    }
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

/// Why `styrdok report` could not write a report.
#[derive(Debug)]
pub enum ReportError {
    /// Bad usage (exit 2): the CSV file cannot be read.
    Usage(messages::Message),
    /// The site or the CSV file has errors (exit 1).
    Content(Diagnostics),
}

/// What `styrdok report` is asked to do.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub root: PathBuf,
    /// The CSV export of results.
    pub completions: PathBuf,
    /// An HR export of who should take the training (SPEC §7).
    pub roster: Option<PathBuf>,
    pub format: report::ReportFormat,
    /// The day lateness is counted on (default: today).
    pub today: Option<model::Date>,
}

/// Opens a file given on the command line; a missing one is bad usage.
fn open_input(path: &Path) -> Result<std::io::BufReader<std::fs::File>, ReportError> {
    std::fs::File::open(path)
        .map(|f| std::io::BufReader::with_capacity(1 << 16, f))
        .map_err(|e| ReportError::Usage(t!("cannot read `{path}`: {e}", path = path.display(), e)))
}

/// Streams the results at `completions` through a [`report::Tally`] and,
/// with a roster, counts coverage: the counts behind `report` and the
/// follow-up page. Returns the report and the warnings.
pub fn count_results(
    site: &site::Site,
    completions: &Path,
    roster: Option<&Path>,
) -> Result<(report::Report, Vec<Diagnostic>), ReportError> {
    let content = |d: Diagnostic| ReportError::Content(single(d));
    let mut warnings = Vec::new();
    let roster = match roster {
        Some(path) => {
            let shown = path.display().to_string();
            let (r, w) = report::roster::read(&shown, open_input(path)?).map_err(content)?;
            warnings.extend(w);
            Some(r)
        }
        None => None,
    };
    let shown = completions.display().to_string();
    let mut input = open_input(completions)?;
    let mut tally = report::Tally::new(site, &shown);
    if starts_like_json(&mut input) {
        // An xAPI statements export (issue #19): read whole, then counted.
        let mut text = String::new();
        std::io::Read::read_to_string(&mut input, &mut text)
            .map_err(|e| content(Diagnostic::error(shown.as_str(), t!("cannot read: {e}", e))))?;
        let ids: Vec<String> = site
            .docs
            .iter()
            .filter(|d| d.kind.tag() == model::Kind::Module || d.kind.is_governing())
            .filter_map(|d| d.id.clone())
            .collect();
        let (rows, w) = report::xapi::read(&shown, &text, &ids).map_err(content)?;
        rows.iter().for_each(|row| tally.add(row));
        warnings.extend(w);
    } else {
        let known = report::lms_csv::Known::from_site(site);
        let mut rows = report::completions::read_csv(&shown, input, known).map_err(content)?;
        for row in rows.by_ref() {
            tally.add(&row.map_err(content)?);
        }
        warnings.append(&mut rows.warnings);
    }
    let unit_of = |key: &str| {
        roster
            .as_ref()
            .and_then(|r| r.find(key))
            .map(|p| p.unit.clone())
    };
    let (mut counted, passes) = tally.finish(&unit_of);
    if let Some(r) = &roster {
        counted.coverage = Some(report::coverage::compute(site, r, &passes, site.today));
    }
    Ok((counted, warnings))
}

/// Does the buffered input start (after white space) with `{` or `[`?
fn starts_like_json(input: &mut impl std::io::BufRead) -> bool {
    input.fill_buf().is_ok_and(|b| {
        b.iter()
            .find(|c| !c.is_ascii_whitespace())
            .is_some_and(|c| matches!(c, b'{' | b'['))
    })
}

/// `styrdok report`: counts the results against the site. Returns the
/// report text and the warnings (rows skipped, site warnings).
pub fn report(options: &ReportOptions) -> Result<(String, Diagnostics), ReportError> {
    let load = site::LoadOptions {
        today: options.today,
        ..Default::default()
    };
    let (site, mut warnings) = site::load(&options.root, &load).map_err(ReportError::Content)?;
    let (counted, skipped) = count_results(&site, &options.completions, options.roster.as_deref())
        .map_err(|e| match e {
            ReportError::Content(errors) => {
                let mut all = warnings.clone();
                all.extend(errors);
                ReportError::Content(all)
            }
            usage => usage,
        })?;
    warnings.extend(skipped);
    let labels = render::Labels::new(site.config.language.as_str());
    Ok((report::render(&counted, options.format, &labels), warnings))
}
