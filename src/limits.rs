//! The sizes styrdok accepts, in one place (documented for site authors in
//! docs/content.md, "Limits"). Each keeps a hostile or mistaken file from
//! exhausting memory or time; going over one is a clear error naming the
//! file, never a crash or a hang.

/// A text file (Markdown, quiz bank, site.yaml): 32 MiB.
pub const MAX_TEXT_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The front matter of one content file: 256 KiB. Long text belongs in the
/// Markdown body.
pub const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;

/// One YAML document (a quiz bank, site.yaml, a front matter): 1 MiB.
pub const MAX_YAML_BYTES: usize = 1024 * 1024;

/// Nesting of elements in a body that has raw HTML (Markdown blocks plus
/// open HTML tags): the HTML sanitiser's time grows with its square.
pub const MAX_HTML_DEPTH: usize = 512;

/// `bytes` as people read sizes: `1.5 MB`, `300 kB`.
pub fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}
