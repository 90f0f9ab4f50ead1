//! Embeds the default theme (`themes/default/templates` and `static`) into
//! the binary, so a site without a `themes/` folder still builds.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, base, out);
        } else if path.is_file() {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, path));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let theme = manifest.join("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut code = String::new();
    for (name, sub) in [("TEMPLATES", "templates"), ("STATIC", "static")] {
        let base = theme.join(sub);
        let mut list = Vec::new();
        files(&base, &base, &mut list);
        writeln!(code, "pub(crate) static {name}: &[(&str, &[u8])] = &[").unwrap();
        for (rel, path) in list {
            println!("cargo:rerun-if-changed={}", path.display());
            writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("theme.rs");
    fs::write(out, code).unwrap();
}
