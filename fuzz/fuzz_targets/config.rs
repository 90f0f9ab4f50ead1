//! Fuzz target: `site.yaml` through `config::parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrdok::diagnostics::Diagnostics;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut diags = Diagnostics::default();
        let _ = styrdok::config::parse(text, None, &mut diags);
        let mut diags = Diagnostics::default();
        let _ = styrdok::config::parse(text, Some("/"), &mut diags);
    }
});
