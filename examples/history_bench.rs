//! Benchmark (not a test) for issue #5: history extraction for 1,000
//! documents × 20 versions. Generates a repository with `git fast-import`
//! (one commit per version bump, 20,000 commits on the first-parent line),
//! then times extraction cold (no cache) and again with the cache.
//!
//! Run: `cargo run --release --example history_bench [DOCS] [VERSIONS]`
//! (or `bench/history.sh`). Add `--build` to also time a full build.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn rule(d: usize, v: usize) -> String {
    format!(
        "---\ntitle: Regel {d}\ntype: rule\nid: R-{d}\nversion: \"{v}.0\"\nowner: IT\napproved_by: KD\napproved_on: 2020-01-01\neffective_from: 2020-{:02}-01\nreview_by: 2030-01-01\nparent: P-1\nchanges: Version {v}\n---\n## Krav\n\nRegel {d} i version {v}. Lösenord ska vara minst {} tecken långa och bytas när de kan ha röjts. Dela aldrig ditt lösenord.\n\n## Ansvar\n\nVarje medarbetare ansvarar för sina inloggningsuppgifter.\n",
        1 + v % 12,
        8 + v
    )
}

fn data(out: &mut Vec<u8>, text: &str) {
    let _ = writeln!(out, "data {}", text.len());
    out.extend_from_slice(text.as_bytes());
    out.push(b'\n');
}

/// A fast-import stream: one commit with every document at version 1,
/// then one commit per further version of each document.
fn stream(docs: usize, versions: usize) -> Vec<u8> {
    let mut s = Vec::new();
    let mut time = 1_600_000_000u64;
    let mut commit = |s: &mut Vec<u8>, files: Vec<(String, String)>, msg: &str| {
        time += 60;
        let _ = writeln!(s, "commit refs/heads/main");
        let _ = writeln!(s, "committer Bench <bench@example.se> {time} +0000");
        data(s, msg);
        for (path, text) in files {
            let _ = writeln!(s, "M 100644 inline {path}");
            data(s, &text);
        }
    };
    let mut first = vec![
        ("site.yaml".to_string(), "title: Bench\norganisation: Bench\nbase_url: /\n".to_string()),
        (
            "content/policy.md".to_string(),
            "---\ntitle: Policy\ntype: policy\nid: P-1\nversion: \"1.0\"\nowner: X\napproved_by: KF\napproved_on: 2020-01-01\nreview_by: 2030-01-01\n---\nPolicy.\n".to_string(),
        ),
    ];
    for d in 0..docs {
        first.push((
            format!("content/omrade-{}/regel-{d}.md", d % 10),
            rule(d, 1),
        ));
    }
    commit(&mut s, first, "first versions");
    for v in 2..=versions {
        for d in 0..docs {
            let file = (
                format!("content/omrade-{}/regel-{d}.md", d % 10),
                rule(d, v),
            );
            commit(&mut s, vec![file], "bump");
        }
    }
    s
}

/// CPU time (user + system) of this process so far, in seconds (Linux),
/// a steadier figure than wall time on a machine shared with other builds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

fn git(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("git");
    c.args(args).current_dir(dir);
    c
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let nums: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let (docs, versions) = (*nums.first().unwrap_or(&1000), *nums.get(1).unwrap_or(&20));
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let started = Instant::now();
    assert!(git(root, &["init", "-q", "-b", "main"])
        .status()
        .unwrap()
        .success());
    let mut fi = git(root, &["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    fi.stdin
        .take()
        .unwrap()
        .write_all(&stream(docs, versions))
        .unwrap();
    assert!(fi.wait().unwrap().success());
    assert!(git(root, &["checkout", "-q", "main"])
        .status()
        .unwrap()
        .success());
    println!(
        "generated {docs} documents × {versions} versions in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    for label in ["cold (no cache)", "cached (nothing changed)"] {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let (ids, found) = styrdok::history::extract_counts(root).expect("history");
        println!(
            "history extraction, {label}: {:.3} s wall, {:.2} s CPU ({ids} ids, {found} versions)",
            t.elapsed().as_secs_f64(),
            cpu_seconds() - cpu
        );
    }
    if args.iter().any(|a| a == "--build") {
        let options = styrdok::BuildOptions::new(root);
        let t = Instant::now();
        match styrdok::build(&options) {
            Ok(r) => println!(
                "full build with cached history: {:.2} s, {} pages",
                t.elapsed().as_secs_f64(),
                r.pages
            ),
            Err(d) => println!("build failed: {} errors", d.error_count()),
        }
    }
}
