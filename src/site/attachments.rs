//! Which attachments (inert non-page files, see [`crate::attachments`]) a
//! build publishes: those a published page links or embeds (Markdown links
//! and images, raw HTML `src` and `href`), and those in a declared folder
//! (`filer/`) that no page uses. An attachment that only unpublished pages
//! use follows them: not published, not even from `filer/`; with
//! `--drafts` it follows its draft, and a restricted page's never. Files
//! nothing uses are reported so that their owners notice.

use super::Site;
use crate::attachments::in_declared_folder;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::links::{classify, Target};
use std::collections::HashMap;

/// The content path (`bilder/a.png`) a destination written in document
/// `i` names, if it names a file of the site: a relative path from its
/// file, or an address of the site (`/lis/bilder/a.png`) from its page.
fn content_target(site: &Site, dest: &str, i: usize) -> Option<String> {
    match classify(dest, site.docs[i].content_dir()) {
        Target::Content { path, .. } => Some(path),
        Target::Address { path, rooted, .. } => {
            super::site_path(site, &site.docs[i].url_path, &path, rooted)
        }
        _ => None,
    }
}

/// The root-relative paths of the attachments this build publishes, sorted;
/// warnings for attachments nothing uses.
pub(super) fn publish(site: &Site, diags: &mut Diagnostics) -> Vec<String> {
    let index: HashMap<&str, usize> = site
        .assets
        .iter()
        .enumerate()
        .map(|(k, a)| (a.strip_prefix("content/").unwrap_or(a), k))
        .collect();
    let mut used = vec![false; site.assets.len()];
    let mut wanted = vec![false; site.assets.len()];
    for (i, scan) in site.scans.iter().enumerate() {
        for link in scan.links.iter().chain(&scan.html_refs) {
            let Some(path) = content_target(site, &link.dest, i) else {
                continue;
            };
            if let Some(&k) = index.get(path.as_str()) {
                used[k] = true;
                wanted[k] |= site.published[i];
            }
        }
    }
    let mut out = Vec::new();
    for (k, rel) in site.assets.iter().enumerate() {
        let declared = in_declared_folder(rel);
        if wanted[k] || (!used[k] && declared) {
            out.push(rel.clone());
        } else if !used[k] {
            diags.push(
                Diagnostic::warning(
                    rel.as_str(),
                    t!("this file is not published: no page links to it (an unused attachment)"),
                )
                .with_hint(t!("link it from the page it belongs to, or put it in a `{declared_folder}/` folder to publish it without a link; delete it if nobody needs it", declared_folder = crate::attachments::DECLARED_FOLDER)),
            );
        }
    }
    out
}
