//! Resolves every link of every document against the site: `.md` paths and
//! `id:` links become page addresses, fragments must name a heading of the
//! target, links to unpublished pages lose their address (never their
//! text), and forbidden schemes or paths out of `content/` are errors.

use super::addresses::Found;
use super::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::links::{classify, is_external, normalize, Target};
use crate::markdown::{Href, Scan};
use crate::messages::Message;
use crate::model::Document;
use rayon::prelude::*;
use std::collections::HashSet;

fn asset_set(site: &Site) -> HashSet<&str> {
    site.assets
        .iter()
        .map(|a| a.strip_prefix("content/").unwrap_or(a))
        .collect()
}

/// The links of document `i` only (after an edit to its body).
pub(super) fn resolve_one(site: &Site, i: usize, diags: &mut Diagnostics) -> Vec<Href> {
    let (hrefs, ds) = resolve_doc(site, i, &asset_set(site));
    diags.extend(ds);
    hrefs
}

pub(super) fn resolve_all(site: &Site, diags: &mut Diagnostics) -> Vec<Vec<Href>> {
    let assets = asset_set(site);
    let results: Vec<(Vec<Href>, Vec<Diagnostic>)> = (0..site.docs.len())
        .into_par_iter()
        .map(|i| resolve_doc(site, i, &assets))
        .collect();
    results
        .into_iter()
        .map(|(hrefs, ds)| {
            diags.extend(ds);
            hrefs
        })
        .collect()
}

fn resolve_doc(site: &Site, i: usize, assets: &HashSet<&str>) -> (Vec<Href>, Vec<Diagnostic>) {
    let doc = &site.docs[i];
    let scan = &site.scans[i];
    let mut diags = Vec::new();
    let mut hrefs = Vec::with_capacity(scan.links.len() + scan.html_refs.len());
    // The folder relative links are written from: a section's own folder.
    let dir = doc.content_dir();
    // Markdown links first, then raw HTML's `src` and `href` values, which
    // are checked and rewritten the same way (see [`Href`]'s order).
    for link in scan.links.iter().chain(&scan.html_refs) {
        let at = |message: Message| {
            Diagnostic::error(doc.source_path.as_str(), message)
                .at_offset(&doc.source, doc.body_offset + link.offset)
        };
        let target = classify(&link.dest, dir);
        let href = match target {
            Target::Verbatim if !(link.is_image && is_external(&link.dest)) => {
                Href::Url(link.dest.clone())
            }
            Target::Verbatim | Target::DisallowedScheme(_) | Target::OutsideContent => {
                diags.push(refused(&target, &link.dest, &at));
                Href::Url("#".into())
            }
            Target::Fragment(f) => {
                if !scan.has_heading(&f) {
                    diags.push(heading_error(
                        at(t!("this page has no heading `#{fragment}`", fragment = f)),
                        scan,
                        &f,
                    ));
                }
                Href::Url(format!("#{}", f))
            }
            Target::Id { id, fragment } => {
                to_id(site, i, &id, fragment, &mut diags, &at, &link.dest)
            }
            Target::Address {
                path,
                rooted,
                query,
                fragment,
            } => {
                let to = Address {
                    path: &path,
                    rooted,
                    query: query.as_deref(),
                    fragment,
                };
                to_address(site, i, to, &mut diags, &at, &link.dest)
            }
            Target::Content { path, fragment } => to_content(
                site,
                i,
                (&path, fragment),
                assets,
                &mut diags,
                &at,
                &link.dest,
            ),
        };
        hrefs.push(href);
    }
    (hrefs, diags)
}

/// A link the site cannot follow: an image from another site, a scheme
/// that is not allowed, a path out of content/.
fn refused(target: &Target, dest: &str, at: &dyn Fn(Message) -> Diagnostic) -> Diagnostic {
    match target {
        Target::DisallowedScheme(s) => at(t!(
            "the link `{link}` uses the `{scheme}:` scheme, which is not allowed",
            link = short(dest),
            scheme = s
        ))
        .with_hint(t!(
            "links may be relative paths, id:, https:, http:, mailto: or tel:"
        )),
        Target::OutsideContent => at(t!(
            "the link `{link}` points outside content/",
            link = short(dest)
        )),
        _ => at(t!("the image `{image}` is not a file of the site", image = short(dest)))
            .with_hint(t!("put the image in content/ and link it by relative path: readers' browsers must not contact other sites, and the Content-Security-Policy blocks such images")),
    }
}

/// A link by id (`id:LIS-R-05#syfte`): the page, or an error with the
/// nearest id as a hint.
fn to_id(
    site: &Site,
    from: usize,
    id: &str,
    fragment: Option<String>,
    diags: &mut Vec<Diagnostic>,
    at: &dyn Fn(Message) -> Diagnostic,
    dest: &str,
) -> Href {
    if let Some(t) = site.by_id(id) {
        return to_page(site, from, t, fragment, diags, at);
    }
    let known: Vec<&str> = site.by_id.keys().map(String::as_str).collect();
    let mut d = at(t!(
        "the link `{link}` names no document (no id `{id}`)",
        link = short(dest),
        id = short(id)
    ));
    if let Some(s) = crate::frontmatter::did_you_mean(id, &known) {
        d = d.with_hint(t!("did you mean `id:{near}`?", near = s));
    }
    diags.push(d);
    Href::Url("#".into())
}

/// A link to a file of `content/` (`(path, fragment)`): its page, an
/// attachment, or an error saying why there is none.
fn to_content(
    site: &Site,
    from: usize,
    (path, fragment): (&str, Option<String>),
    assets: &HashSet<&str>,
    diags: &mut Vec<Diagnostic>,
    at: &dyn Fn(Message) -> Diagnostic,
    dest: &str,
) -> Href {
    if let Some(t) = site.by_content_path(path) {
        return to_page(site, from, t, fragment, diags, at);
    }
    if assets.contains(path) && !path.ends_with(".md") {
        return Href::Url(site.config.url(path));
    }
    let why = match site.refused.get(&format!("content/{path}")) {
        Some(r) => t!(
            "which is never published: it is {reason}",
            reason = r.reason()
        ),
        None => t!("which does not exist"),
    };
    diags.push(at(t!(
        "the link `{link}` points to content/{target}, {why}",
        link = short(dest),
        target = short(path),
        why
    )));
    Href::Url("#".into())
}

/// A link to page `t` from page `from`, checking the fragment.
fn to_page(
    site: &Site,
    from: usize,
    t: usize,
    fragment: Option<String>,
    diags: &mut Vec<Diagnostic>,
    at: &dyn Fn(Message) -> Diagnostic,
) -> Href {
    let target = &site.docs[t];
    if let Some(f) = &fragment {
        if !site.scans[t].has_heading(f) {
            diags.push(heading_error(
                at(t!(
                    "{source_path} has no heading `#{fragment}`",
                    source_path = target.source_path,
                    fragment = f
                )),
                &site.scans[t],
                f,
            ));
        }
    }
    if !site.published[t] {
        // Only a published page's link matters to readers; say why it is inert.
        if site.published[from] {
            let mut d = at(t!("this links to {source_path}, which is not published in this build; the link text is shown without a link", source_path = target.source_path));
            d.severity = crate::diagnostics::Severity::Warning;
            diags.push(d);
        }
        return Href::Unlinked;
    }
    let mut url = site.url(t);
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(&f);
    }
    Href::Titled {
        url,
        title: target.title.clone(),
    }
}

/// A link to an address of the site, as [`Target::Address`] gives it.
struct Address<'a> {
    path: &'a str,
    rooted: bool,
    query: Option<&'a str>,
    fragment: Option<String>,
}

/// The site path (relative to the site root) that the address `path` leads
/// to from the page at site path `page`, or `None` when it leaves the site.
pub(crate) fn site_path(site: &Site, page: &str, path: &str, rooted: bool) -> Option<String> {
    if rooted {
        let root = site.config.root.as_str();
        let rest = path
            .strip_prefix(root)
            .or_else(|| (path == root.trim_end_matches('/')).then_some(""))?;
        normalize("", rest)
    } else {
        normalize(page, path)
    }
}

/// Checks a link to an address of the site and writes it from the root,
/// so that it works on every page showing the text (older versions too).
fn to_address(
    site: &Site,
    from: usize,
    to: Address,
    diags: &mut Vec<Diagnostic>,
    at: &dyn Fn(Message) -> Diagnostic,
    dest: &str,
) -> Href {
    let Some(path) = site_path(site, &site.docs[from].url_path, to.path, to.rooted) else {
        let d = at(t!(
            "the link `{link}` points outside the site",
            link = short(dest)
        ));
        diags.push(if to.rooted {
            d.with_hint(t!("addresses of this site start with {root}; a relative link or id: keeps working when it moves", root = site.config.root))
        } else {
            d
        });
        return Href::Url("#".into());
    };
    let href = match site.addresses.find(&path) {
        Some(Found::Page(t)) => to_page(site, from, t, to.fragment, diags, at),
        Some(Found::Other(p)) => Href::Url(site.config.url(&p) + &hash(to.fragment)),
        None if site.refused.contains_key(&format!("content/{path}")) => {
            let reason = site.refused[&format!("content/{path}")].reason();
            diags.push(at(t!("the link `{link}` points to content/{target}, which is never published: it is {reason}", link = short(dest), target = short(&path), reason)));
            Href::Url("#".into())
        }
        None => {
            let slash = if to.path.ends_with('/') && !path.is_empty() {
                "/"
            } else {
                ""
            };
            let mut d = at(t!(
                "the link `{link}` points to {target}, which is no page or file of the site",
                link = short(dest),
                target = short(&format!("{}{path}{}", site.config.root, slash))
            ));
            let pages: Vec<&str> = site.addresses.page_paths().collect();
            let wanted = format!("{}/", path.trim_end_matches('/'));
            if let Some(s) = crate::frontmatter::did_you_mean(&wanted, &pages) {
                d = d.with_hint(t!(
                    "did you mean {root}{near}?",
                    root = site.config.root,
                    near = s
                ));
            }
            diags.push(d);
            Href::Url("#".into())
        }
    };
    with_query(href, to.query)
}

/// `#fragment`, or nothing.
pub(crate) fn hash(fragment: Option<String>) -> String {
    fragment.map(|f| format!("#{f}")).unwrap_or_default()
}

/// `href` with `?query` put in before its fragment.
pub(crate) fn with_query(href: Href, query: Option<&str>) -> Href {
    let Some(q) = query else { return href };
    let put = |url: String| match url.split_once('#') {
        Some((u, f)) => format!("{u}?{q}#{f}"),
        None => format!("{url}?{q}"),
    };
    match href {
        Href::Url(u) if u != "#" => Href::Url(put(u)),
        Href::Titled { url, title } => Href::Titled {
            url: put(url),
            title,
        },
        other => other,
    }
}

pub(crate) fn heading_error(
    d: Diagnostic,
    scan: &crate::markdown::Scan,
    wanted: &str,
) -> Diagnostic {
    let ids: Vec<&str> = scan.headings.iter().map(|h| h.id.as_str()).collect();
    match crate::frontmatter::did_you_mean(wanted, &ids) {
        Some(s) => d.with_hint(t!("did you mean `#{near}`?", near = s)),
        None if ids.is_empty() => d,
        None => d.with_hint(t!(
            "headings there: {headings}",
            headings = ids
                .iter()
                .take(8)
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// A destination as messages show it: long ones (data: URLs) cut, control
/// characters escaped so that a message stays one line and cannot drive the
/// terminal it is printed on.
fn short(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(60)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
/// Links of a historical body, resolved against today's site without
/// errors: a target that is gone or unpublished keeps its text, unlinked.
pub(crate) fn lenient_hrefs(site: &Site, doc: &Document, scan: &Scan) -> Vec<Href> {
    let page = |t: Option<usize>, fragment: Option<String>| match t.filter(|&t| site.published[t]) {
        Some(t) => {
            let mut url = site.url(t);
            if let Some(f) = fragment {
                url = format!("{url}#{f}");
            }
            Href::Titled {
                url,
                title: site.docs[t].title.clone(),
            }
        }
        None => Href::Unlinked,
    };
    scan.links
        .iter()
        .chain(&scan.html_refs)
        .map(|l| match classify(&l.dest, doc.content_dir()) {
            Target::Verbatim => Href::Url(l.dest.clone()),
            Target::Fragment(f) => Href::Url(format!("#{f}")),
            Target::Address {
                path,
                rooted,
                query,
                fragment,
            } => {
                let found = site_path(site, &doc.url_path, &path, rooted)
                    .and_then(|p| site.addresses.find(&p));
                let href = match found {
                    Some(Found::Page(t)) => page(Some(t), fragment),
                    Some(Found::Other(p)) => Href::Url(site.config.url(&p) + &hash(fragment)),
                    None => Href::Unlinked,
                };
                with_query(href, query.as_deref())
            }
            Target::Id { id, fragment } => page(site.by_id(&id), fragment),
            Target::Content { path, fragment } => match site.by_content_path(&path) {
                Some(t) => page(Some(t), fragment),
                None if site
                    .attachments
                    .iter()
                    .any(|a| a.strip_prefix("content/") == Some(path.as_str())) =>
                {
                    Href::Url(site.config.url(&path))
                }
                None => Href::Unlinked,
            },
            Target::DisallowedScheme(_) | Target::OutsideContent => Href::Unlinked,
        })
        .collect()
}
