use super::*;

/// The bundled site, and a rule of it re-read with `edit` applied.
fn edited(edit: impl Fn(&str) -> String) -> (Site, usize, Vec<(usize, Document, Scan)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, _) = load(root, &LoadOptions::default()).expect("the bundled site loads");
    let rel = "content/regler/e-post-chatt-och-molntjanster.md";
    let i = site
        .by_content_path("regler/e-post-chatt-och-molntjanster.md")
        .unwrap();
    let text = edit(&std::fs::read_to_string(root.join(rel)).unwrap());
    let (doc, diags) = crate::document::parse(rel, "regler/e-post-chatt-och-molntjanster.md", text);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = doc.unwrap();
    let scan = markdown::scan(doc.body());
    (site, i, vec![(i, doc, scan)])
}

#[test]
fn a_front_matter_edit_moves_the_document_between_parents_in_order() {
    let (mut site, i, fresh) = edited(|text| {
        text.replace("parent: LIS-RL-01", "parent: LIS-P-01")
            .replace("title: Regel för e-post", "title: AAA Regel för e-post")
    });
    let guideline = site.by_id("LIS-RL-01").unwrap();
    let policy = site.by_id("LIS-P-01").unwrap();
    assert!(site.children_of(guideline).contains(&i));
    let diags = site.replace_front_matter(fresh);
    assert!(!diags.has_errors(), "{diags:?}");
    assert!(!site.children_of(guideline).contains(&i));
    assert!(site.children_of(policy).contains(&i));
    // The same lists, in the same order, as computed from scratch.
    assert_eq!(site.children, children(&site));
}

#[test]
fn a_reweighted_document_moves_to_its_place_among_its_siblings() {
    let (mut site, i, fresh) =
        edited(|text| text.replace("type: rule\n", "type: rule\nweight: -1000\n"));
    let guideline = site.by_id("LIS-RL-01").unwrap();
    assert_ne!(site.children_of(guideline).first(), Some(&i));
    let diags = site.replace_front_matter(fresh);
    assert!(!diags.has_errors(), "{diags:?}");
    assert_eq!(site.children_of(guideline).first(), Some(&i));
    assert_eq!(site.children, children(&site));
}
