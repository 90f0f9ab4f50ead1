//! Fuzz target: the whole pipeline (`styrdok::build`) on a small site in a
//! temporary folder. The input is cut at NUL bytes into a policy, a rule, a
//! page and a quiz bank; site.yaml is fixed so that most inputs get past
//! configuration and into linking, rendering and the output swap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

const SITE_YAML: &str = "title: Fuzz\norganisation: Fuzz\nbase_url: /\nroles:\n  - { id: medarbetare, name: Medarbetare }\nunits:\n  - { id: klf, name: KLF }\nareas:\n  - { id: incidenthantering, name: Incidenthantering, phase: 1 }\n";
const FILES: [&str; 4] = [
    "content/policy.md",
    "content/regler/regel.md",
    "content/sida.md",
    "quizzes/q.yaml",
];

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("styrdok-fuzz-site-{}", std::process::id()));
        fs::create_dir_all(dir.join("content/regler")).unwrap();
        fs::create_dir_all(dir.join("quizzes")).unwrap();
        fs::write(dir.join("site.yaml"), SITE_YAML).unwrap();
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let root = root();
    let mut parts = text.splitn(FILES.len(), '\0');
    for file in FILES {
        let path = root.join(file);
        match parts.next() {
            Some(p) => fs::write(&path, p).unwrap(),
            None => {
                let _ = fs::remove_file(&path);
            }
        }
    }
    let mut options = styrdok::BuildOptions::new(root);
    options.out = Some(root.join("public"));
    options.drafts = data.len() % 2 == 0;
    let _ = styrdok::build(&options);
});
