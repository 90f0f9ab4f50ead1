//! `gallande/`: the consolidated view an auditor asks for — for one day,
//! the set of governing documents in force, each linking the exact
//! version — and below it the whole in-force record (every version of
//! every published governing document with its days in force), both also
//! as CSV. The answers come from `history::record` alone, so the versions
//! from before the repository count, and the page says where the record
//! begins.
//!
//! Without JavaScript the page shows the set in force on the build date
//! (with `gallande/gallande.csv`) and the whole record
//! (`gallande/alla-versioner.csv`). `js/in-force.js` answers for any
//! chosen day from the record embedded as JSON, with each version's CSV
//! line made here, so every CSV cell is neutralised by the same helper.

use super::csv::{csv_row, Cell};
use super::plumbing::{gather, generated, home_crumb, index_file, script_json, Rendered};
use super::renderer::Renderer;
use crate::history::record::{self, End, OnDay, Period, Record, Source, Timeline};
use crate::model::Date;
use crate::site::addresses::IN_FORCE_PATH;
use crate::site::{kind_rank, order_key, Standing};
use serde::Serialize;

/// The day's set as a file (the build date's; the script makes others).
const SET_CSV: &str = "gallande.csv";
/// The whole record as a file.
const RECORD_CSV: &str = "alla-versioner.csv";

/// One version of one document, as the page and the script see it.
#[derive(Serialize)]
struct VersionView {
    version: String,
    /// The version's own page, or for a version from before the
    /// repository the document's version table.
    url: String,
    has_page: bool,
    /// First day in force (empty: unknown).
    from: String,
    /// First day no longer in force (empty: open or unknown).
    to: String,
    /// `open`, `on` or `unknown` (see `record::End`).
    end: &'static str,
    /// The "in force through" column: the last day in force (empty when
    /// open or unknown) and a note beside it or instead of it ("tills
    /// vidare", "(upphävd 2025-10-20)", …).
    last_day: String,
    note: String,
    current: bool,
    /// This version's CSV record, neutralised (for the script's download).
    csv: String,
}

/// One document of the record.
#[derive(Serialize)]
struct DocView {
    id: String,
    title: String,
    kind_label: String,
    url: String,
    /// Nothing is missing before its oldest version.
    complete: bool,
    first_day: String,
    /// Oldest first.
    versions: Vec<VersionView>,
}

/// A document of the record's table, which shows its versions newest
/// first (`docs` keeps the record's order, oldest first). The template
/// reads the versions from here rather than reversing `d.versions` with a
/// filter: Tera copies a loop's item for every variable read in a loop
/// over a filter's result, which made this one page 4 % of a build.
#[derive(Serialize)]
struct RecordDoc<'a> {
    id: &'a str,
    title: &'a str,
    kind_label: &'a str,
    complete: bool,
    versions: Vec<&'a VersionView>,
}

fn record_table(docs: &[DocView]) -> Vec<RecordDoc<'_>> {
    docs.iter()
        .map(|d| RecordDoc {
            id: &d.id,
            title: &d.title,
            kind_label: &d.kind_label,
            complete: d.complete,
            versions: d.versions.iter().rev().collect(),
        })
        .collect()
}

/// One row of the day's set.
#[derive(Serialize)]
struct SetRow<'a> {
    doc: &'a DocView,
    version: &'a VersionView,
}

/// What the script reads.
#[derive(Serialize)]
struct Data<'a> {
    today: String,
    complete_from: String,
    csv_header: String,
    docs: &'a [DocView],
}

fn day(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Published, decided governing documents in reading order: a draft or a
/// version on review was never in force, so not even a `--drafts` preview
/// puts one in the record.
fn governing_docs(r: &Renderer) -> Vec<usize> {
    let site = r.site;
    let mut docs: Vec<usize> = site
        .published_docs()
        .filter(|&i| {
            let d = &site.docs[i];
            d.kind.is_governing() && !d.is_section && !d.status.is_unapproved()
        })
        .collect();
    docs.sort_by_key(|&i| {
        let d = &site.docs[i];
        (kind_rank(d.kind.tag()), order_key(d))
    });
    docs
}

/// What ended the current version, for the "in force through" column.
enum Ending {
    Superseded,
    Retired(Option<Date>),
    Expired,
}

/// The "in force through" column: the last day (empty when there is
/// none) and what to say beside or instead of it.
fn through(r: &Renderer, p: &Period, ending: Ending) -> (String, String) {
    let last = day(p.last_day());
    let note = match (p.end, ending) {
        (End::Open, _) => r.labels.get("in_force_until_further"),
        (End::Unknown, Ending::Retired(None)) => r.labels.get("in_force_retired_undated"),
        (End::Unknown, _) => r.labels.get("in_force_until_unknown"),
        // A version replaced on the day it took effect was never in force.
        (End::On(to), _) if p.from.is_some_and(|f| f >= to) => {
            return (String::new(), r.labels.get("in_force_never"));
        }
        (End::On(to), Ending::Retired(Some(on))) if on == to => {
            format!(
                "({})",
                r.labels
                    .get("in_force_retired_on")
                    .replace("{date}", &on.to_string())
            )
        }
        (End::On(_), Ending::Expired) => format!("({})", r.labels.get("in_force_expired")),
        (End::On(_), _) => String::new(),
    };
    (last, note)
}

fn version_view(r: &Renderer, t: &Timeline, k: usize, kind_label: &str) -> VersionView {
    let site = r.site;
    let i = t.doc;
    let doc = &site.docs[i];
    let p = &t.periods[k];
    let (url, has_page, permalink) = match p.source {
        Source::Current => (site.url(i), true, site.config.permalink(&doc.url_path)),
        Source::Git(_) => {
            let path = format!("{}v{}/", doc.url_path, p.version);
            (site.config.url(&path), true, site.config.permalink(&path))
        }
        Source::Before(_) => (
            format!("{}#history-heading", site.url(i)),
            false,
            format!("{}#history-heading", site.config.permalink(&doc.url_path)),
        ),
    };
    let current = p.source == Source::Current;
    let ending = match site.standing(i) {
        _ if !current => Ending::Superseded,
        Standing::Retired { on } => Ending::Retired(on),
        Standing::Expired { .. } => Ending::Expired,
        _ => Ending::Superseded,
    };
    let (end, to) = match p.end {
        End::Open => ("open", String::new()),
        End::On(d) => ("on", d.to_string()),
        End::Unknown => ("unknown", String::new()),
    };
    let through = through(r, p, ending);
    let csv = csv_row(&[
        Cell::Text(doc.id.clone().unwrap_or_default()),
        Cell::Text(kind_label.to_string()),
        Cell::Text(doc.title.clone()),
        Cell::Text(p.version.clone()),
        Cell::Text(day(p.from)),
        Cell::Text(day(p.last_day())),
        Cell::Text(permalink),
    ]);
    VersionView {
        last_day: through.0,
        note: through.1,
        version: p.version.clone(),
        url,
        has_page,
        from: day(p.from),
        to,
        end,
        current,
        csv,
    }
}

fn doc_views(r: &Renderer, record: &Record) -> Vec<DocView> {
    record
        .docs
        .iter()
        .map(|t| {
            let d = &r.site.docs[t.doc];
            let kind_label = r.labels.get(&format!("kind_{}", d.kind.as_str()));
            DocView {
                id: d.id.clone().unwrap_or_default(),
                title: d.title.clone(),
                url: r.site.url(t.doc),
                complete: t.complete,
                first_day: day(t.first_day()),
                versions: (0..t.periods.len())
                    .map(|k| version_view(r, t, k, &kind_label))
                    .collect(),
                kind_label,
            }
        })
        .collect()
}

fn csv_header(r: &Renderer) -> String {
    let l = |k: &str| Cell::Text(r.labels.get(k));
    csv_row(&[
        l("gov_col_id"),
        l("gov_col_type"),
        l("gov_col_title"),
        l("gov_col_version"),
        l("in_force_from"),
        l("in_force_to"),
        l("gov_col_url"),
    ])
}

/// The set in force on `today`, and the documents the record cannot
/// answer for.
fn set_on<'a>(
    record: &Record,
    docs: &'a [DocView],
    today: Date,
) -> (Vec<SetRow<'a>>, Vec<&'a DocView>) {
    let mut set = Vec::new();
    let mut unknown = Vec::new();
    for (t, d) in record.docs.iter().zip(docs) {
        match t.on(today) {
            OnDay::InForce(k) => set.push(SetRow {
                doc: d,
                version: &d.versions[k],
            }),
            OnDay::Unknown => unknown.push(d),
            OnDay::NotInForce => {}
        }
    }
    (set, unknown)
}

/// `gallande/index.html`, `gallande/gallande.csv` (the build date's set)
/// and `gallande/alla-versioner.csv` (the whole record).
pub fn in_force(r: &Renderer, staging: &crate::output::Staging) -> Rendered {
    let site = r.site;
    let record = record::record(site, r.history, &governing_docs(r));
    let docs = doc_views(r, &record);
    let today = site.today;
    let (set, unknown) = set_on(&record, &docs, today);
    let header = csv_header(r);
    let set_csv: String = std::iter::once(header.as_str())
        .chain(set.iter().map(|s| s.version.csv.as_str()))
        .collect();
    let record_csv: String = std::iter::once(header.as_str())
        .chain(
            docs.iter()
                .flat_map(|d| d.versions.iter().map(|v| v.csv.as_str())),
        )
        .collect();
    let complete_from = day(record.complete_from());
    let data = script_json(&Data {
        today: today.to_string(),
        complete_from: complete_from.clone(),
        csv_header: header.clone(),
        docs: &docs,
    });
    let mut page = generated(
        site,
        r.labels.get("in_force_title"),
        IN_FORCE_PATH,
        vec![home_crumb(site)],
    );
    page.kind = "generated";
    let mut ctx = r.context(&page.url);
    ctx.insert("page", &page);
    ctx.insert("docs", &docs);
    ctx.insert("record", &record_table(&docs));
    ctx.insert("set", &set);
    ctx.insert("unknown", &unknown);
    ctx.insert("today", &today.to_string());
    ctx.insert("complete_from", &complete_from);
    ctx.insert(
        "incomplete_today",
        &record.complete_from().is_some_and(|c| today < c),
    );
    ctx.insert("data", &data);
    let base = format!("{}{IN_FORCE_PATH}", site.config.root);
    ctx.insert("set_csv_url", &format!("{base}{SET_CSV}"));
    ctx.insert("record_csv_url", &format!("{base}{RECORD_CSV}"));
    let page_file = r
        .render("in_force.html", &ctx, IN_FORCE_PATH)
        .and_then(|html| staging.write(&index_file(IN_FORCE_PATH), html.as_bytes()));
    gather(vec![
        page_file,
        staging.write(&format!("{IN_FORCE_PATH}{SET_CSV}"), set_csv.as_bytes()),
        staging.write(
            &format!("{IN_FORCE_PATH}{RECORD_CSV}"),
            record_csv.as_bytes(),
        ),
    ])
    .map(|_| 1)
}
