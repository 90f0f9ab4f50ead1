//! An archival PDF of one version of a governing document (issue #20):
//! typst source generated from the document's metadata and Markdown body,
//! compiled with the typst crates in a world of one file and the fonts
//! bundled with typst (see [`world`]), exported as **PDF/A-2a with
//! PDF/UA-1**.
//!
//! Why that pair: PDF/A-2 is what Swedish e-archives take (PDF/A-1 cannot
//! hold transparency or tagged structure as richly; PDF/A-3 adds embedded
//! files, which an archive copy should not carry), and its conformance
//! level `a` requires a tagged, accessible structure (headings, lists,
//! tables, reading order, Unicode text) on top of `b`'s visual fidelity.
//! PDF/UA-1 adds the accessibility rules DOS-lagen asks of a published
//! PDF (document title shown, language, alternative texts, no skipped
//! heading levels). typst's exporter checks both while it writes and
//! refuses to write a file that breaks them; its errors and warnings are
//! reported, never swallowed.
//!
//! Page one carries the header block (organisation, kind, title, id,
//! version, status, record number, decided by and on, in force from,
//! valid until, owner); every page carries id, version and status in its
//! header and "Sida X av Y" in its footer. The PDF's metadata has the
//! title, the language and the owner as author; its creation date is the
//! version's decision date (or none), so the same input always gives the
//! same bytes.

mod markup;
mod world;

pub use markup::Links;

use crate::model::Date;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// One label/value row of the header block.
pub struct Field {
    pub label: String,
    pub value: String,
}

/// What a PDF says besides the body.
pub struct Header {
    /// `sv` or `en`.
    pub language: String,
    pub organisation: String,
    pub kind_label: String,
    pub title: String,
    pub id: String,
    pub version: String,
    /// "Version" in the site's language.
    pub version_label: String,
    pub status_label: String,
    /// Author in the PDF's metadata: the document owner.
    pub owner: String,
    /// The decision date: the PDF's creation date.
    pub date: Option<Date>,
    /// The header block's rows, in order (empty values are left out).
    pub fields: Vec<Field>,
    /// A note under the header block (an older version's validity), or empty.
    pub note: String,
    /// "Sida {page} av {pages}" in the site's language.
    pub page_label: String,
}

/// A PDF to make: its header and its Markdown body with resolved links.
pub struct Input<'a> {
    pub header: Header,
    pub body: &'a str,
    pub links: Links<'a>,
}

/// The typst source of `input` (deterministic: the PDF cache is keyed by it).
pub fn source(input: &Input) -> String {
    let h = &input.header;
    let s = markup::string;
    let t = markup::text;
    let mut out = String::with_capacity(input.body.len() * 2 + 4096);
    let author = if h.owner.is_empty() {
        h.organisation.clone()
    } else {
        h.owner.clone()
    };
    let date = h.date.map_or("none".to_string(), |d| {
        use chrono::Datelike;
        format!(
            "datetime(year: {}, month: {}, day: {})",
            d.year(),
            d.month(),
            d.day()
        )
    });
    let region = if h.language == "sv" { "\"SE\"" } else { "none" };
    let running = [
        h.id.as_str(),
        &format!("{} {}", h.version_label, h.version),
        &h.status_label,
    ]
    .into_iter()
    .filter(|p| !p.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let (before, after) = h
        .page_label
        .split_once("{page}")
        .unwrap_or(("", " / {pages}"));
    let (middle, end) = after.split_once("{pages}").unwrap_or((after, ""));
    out.push_str(&format!(
        "#set document(title: {title}, author: ({author},), keywords: ({id}, {ver}), date: {date})\n\
         #set text(font: \"Libertinus Serif\", size: 11pt, lang: {lang}, region: {region})\n\
         #set par(leading: 0.7em, spacing: 1.1em)\n\
         #set page(paper: \"a4\", margin: (top: 30mm, bottom: 25mm, x: 25mm),\n  \
           header: [#set text(size: 9pt, fill: luma(25%)); #grid(columns: (1fr, auto), column-gutter: 12pt, align(left)[{org}], align(right)[{running}]) #v(-4pt) #line(length: 100%, stroke: 0.4pt + luma(55%))],\n  \
           footer: context [#set text(size: 9pt, fill: luma(25%)); #align(center)[{before}#counter(page).display(){middle}#counter(page).final().first(){end}]])\n\
         #show title: set text(size: 20pt, weight: \"semibold\")\n\
         #show title: set block(above: 6pt, below: 14pt)\n\
         #show heading: set text(weight: \"semibold\")\n\
         #show heading.where(level: 1): set text(size: 14pt)\n\
         #show heading.where(level: 2): set text(size: 12.5pt)\n\
         #show heading: set block(above: 1.4em, below: 0.7em)\n\
         #show link: set text(fill: rgb(\"#00466e\"))\n\
         #show link: underline\n\
         #show raw: set text(font: \"DejaVu Sans Mono\", size: 9pt)\n\
         #set table(stroke: 0.5pt + luma(60%), inset: 5pt)\n\
         #show table.cell.where(y: 0): set text(weight: \"semibold\")\n\
         #show quote: set pad(left: 1.2em)\n",
        title = s(&h.title),
        author = s(&author),
        id = s(&h.id),
        ver = s(&format!("{} {}", h.version_label, h.version)),
        lang = s(&h.language),
        org = t(&h.organisation),
        running = t(&running),
        before = t(before),
        middle = t(middle),
        end = t(end),
    ));
    out.push_str(&header_block(h));
    out.push_str(&markup::body(input.body, &input.links));
    out
}

/// Page one's lead: organisation and kind, the title, the fields, the note.
fn header_block(h: &Header) -> String {
    let t = markup::text;
    let mut out = format!(
        "#text(size: 10pt, fill: luma(25%))[{} · {}]\n#title[{}]\n",
        t(&h.organisation),
        t(&h.kind_label),
        t(&h.title)
    );
    let cells: Vec<String> = h
        .fields
        .iter()
        .filter(|f| !f.value.trim().is_empty())
        .map(|f| {
            format!(
                "[#box(width: 38mm)[#strong[{}]]{}]",
                t(&f.label),
                t(&f.value)
            )
        })
        .collect();
    // One line per field, label then value, so the text reads in that
    // order (a two-column grid would be read column by column).
    if !cells.is_empty() {
        out.push_str(&format!(
            "#block(width: 100%, stroke: 0.5pt + luma(60%), inset: 10pt, radius: 2pt, fill: luma(97%))[#set text(size: 10pt); #set par(hanging-indent: 38mm); #grid(columns: 1fr, row-gutter: 7pt, {})]\n",
            cells.join(", ")
        ));
    }
    if !h.note.is_empty() {
        out.push_str(&format!(
            "#block(above: 10pt, width: 100%, inset: 8pt, stroke: (left: 2pt + luma(40%)))[{}]\n",
            t(&h.note)
        ));
    }
    out.push_str("#v(8pt)\n");
    out
}

/// The PDF/A-2a and PDF/UA-1 bytes of `source` (from [`source`]), or
/// what typst said against it.
pub fn compile(source: String) -> Result<Vec<u8>, String> {
    let world = world::OneFile::new(source);
    let warned = typst::compile::<PagedDocument>(&world);
    let doc = warned.output.map_err(|e| messages(&world, &e))?;
    if !warned.warnings.is_empty() {
        return Err(messages(&world, &warned.warnings));
    }
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("styrdok".into())),
        timestamp: None,
        standards: standards(),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|e| messages(&world, &e))
}

fn standards() -> PdfStandards {
    PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .expect("PDF/A-2a and PDF/UA-1 are compatible")
}

/// typst's diagnostics as one message, each with its place in the
/// generated source when it has one.
fn messages(world: &world::OneFile, diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut m = format!("{kind}: {}", d.message);
            if let Some(range) = typst::WorldExt::range(world, d.span) {
                let src = world.source().text();
                let at = src
                    .get(range)
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect::<String>();
                m.push_str(&format!(" (at `{at}`)"));
            }
            for hint in &d.hints {
                m.push_str(&format!("; {}", hint.v));
            }
            m
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests;
