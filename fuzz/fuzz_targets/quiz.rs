//! Fuzz target: a quiz bank (`quizzes/ID.yaml`) through `quiz::parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = styrdok::quiz::parse("quizzes/q.yaml", text);
    }
});
