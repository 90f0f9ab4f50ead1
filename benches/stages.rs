//! The build's hot stages at fixed sizes (criterion; `cargo bench`):
//! front matter, Markdown, templates and the search index, measured on the
//! bundled site (50 pages). `STYRDOK_BENCH_SITE=DIR` measures another site
//! instead, e.g. a corpus from `bench/build.sh`. Whole builds against Hugo
//! are timed by `bench/build.sh`, not here.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;
use styrdok::site::{self, LoadOptions};

fn root() -> PathBuf {
    std::env::var_os("STYRDOK_BENCH_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// Every content file as (root-relative path, text).
fn sources(root: &std::path::Path) -> Vec<(String, String)> {
    let content = root.join("content");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.expect("readable content folder");
        if entry.path().extension().is_some_and(|e| e == "md") {
            let rel = entry
                .path()
                .strip_prefix(root)
                .expect("inside the root")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(entry.path()).expect("UTF-8 content");
            out.push((rel, text));
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    let root = root();
    let files = sources(&root);
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let options = LoadOptions {
        today: styrdok::model::Date::from_ymd_opt(2026, 11, 29),
        ..Default::default()
    };
    let (site, _) = site::load(&root, &options).expect("the site loads");

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("front matter", |b| {
        b.iter(|| {
            for (rel, text) in &files {
                let content_path = rel.strip_prefix("content/").unwrap_or(rel);
                black_box(styrdok::document::parse(rel, content_path, text.clone()));
            }
        })
    });
    g.bench_function("markdown scan", |b| {
        b.iter(|| {
            for doc in &site.docs {
                black_box(styrdok::markdown::scan(doc.body()));
            }
        })
    });
    g.bench_function("markdown render", |b| {
        b.iter(|| {
            for (i, doc) in site.docs.iter().enumerate() {
                black_box(styrdok::markdown::render(
                    doc.body(),
                    &site.scans[i],
                    &site.hrefs[i],
                ));
            }
        })
    });
    g.bench_function("readability", |b| {
        b.iter(|| {
            for doc in &site.docs {
                black_box(styrdok::readability::analyse(doc.body()));
            }
        })
    });
    g.bench_function("load and validate", |b| {
        b.iter(|| black_box(site::load(&root, &options).expect("the site loads")))
    });
    g.bench_function("search index", |b| {
        b.iter(|| {
            // As the build does it: postings taken from the entries, the
            // export streamed (here only counted).
            let mut index = styrdok::search::build(&site);
            let postings = index.take_postings();
            let inverted = index.invert(postings);
            let mut bytes = 0;
            styrdok::search::lunr::write_json(&site, &index, inverted, |part| {
                bytes += part.len();
                Ok(())
            })
            .expect("counting cannot fail");
            black_box(bytes)
        })
    });
    g.finish();

    // Reading lists: at 10,000 documents the longest is a page of some
    // 6,500 entries. Cold, as a build renders it; then with its entries
    // rendered already, as `serve` redraws it after a front-matter edit.
    let mut g = c.benchmark_group("templates");
    let theme = styrdok::theme::load(&root, &site.config.theme).expect("the theme loads");
    let tera = std::sync::Arc::new(
        styrdok::render::compile_templates(&site, &theme).expect("the templates compile"),
    );
    let out = tempfile::tempdir().expect("a temp dir");
    let staging = styrdok::output::Staging::live(out.path());
    let role = site
        .config
        .roles
        .iter()
        .max_by_key(|r| site.reading_list(&r.id).len())
        .map(|r| r.id.clone())
        .expect("the site has roles");
    let list = |renderer: &styrdok::render::Renderer| {
        styrdok::render::pages::reading_lists(renderer, &staging, |r| r == role)
            .expect("the list renders")
    };
    g.bench_function("longest reading list", |b| {
        b.iter(|| {
            let renderer = styrdok::render::Renderer::with_templates(&site, tera.clone());
            black_box(list(&renderer))
        })
    });
    let warm = styrdok::render::Renderer::with_templates(&site, tera.clone());
    list(&warm);
    g.bench_function("longest reading list, entries cached", |b| {
        b.iter(|| black_box(list(&warm)))
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("whole site", |b| {
        let out = tempfile::tempdir().expect("a temp dir");
        let mut build = styrdok::BuildOptions::new(&root);
        build.out = Some(out.path().join("public"));
        build.today = options.today;
        b.iter(|| black_box(styrdok::build(&build).expect("the site builds")))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
