//! Stable codes for every kind of diagnostic (`SD0101`), so that the
//! documentation, a forge's rule list (SARIF `ruleId`, GitLab `check_name`)
//! and an owner asking for help can name a problem whatever its wording.
//!
//! A message's code is its catalogue entry's ([`crate::messages`]). Text
//! styrdok did not write (a YAML parser's), and the entries that carry no
//! code yet, are matched against the patterns of [`CODES`] (`*` stands for
//! any text). Codes are never reused: a retired kind keeps its number. `docs/diagnostics.md` lists
//! them and a test keeps that list and this table equal.
//!
//! Numbering: SD01 files and YAML, SD02 front matter of documents, SD03 the
//! site's graph, SD04 links, SD05 training, SD06 attachments and files,
//! SD07 site.yaml, theme and contact, SD08 review and readability, SD09
//! `check --base`, SD10 building and reports, SD11 the Statement of
//! Applicability and requirement catalogues; SD0x99 is the rest of an area.

use super::Diagnostic;

/// One kind of diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// `SD` and four digits.
    pub code: &'static str,
    /// A short kebab-case name (SARIF `rule.name`).
    pub name: &'static str,
    /// What the kind means, one sentence.
    pub summary: &'static str,
    /// Message patterns; `*` matches any text.
    patterns: &'static [&'static str],
}

const fn code(
    code: &'static str,
    name: &'static str,
    summary: &'static str,
    patterns: &'static [&'static str],
) -> Code {
    Code {
        code,
        name,
        summary,
        patterns,
    }
}

/// Every code, in order. The patterns are tried top to bottom.
pub const CODES: &[Code] = &[
    code(
        "SD0101",
        "unknown-key",
        "A key that no type knows (often misspelt).",
        &["unknown key `*`", "*: unknown key `*`"],
    ),
    code(
        "SD0102",
        "bad-value",
        "A value of the wrong kind or not among the allowed ones.",
        &[
            "*is not an allowed value",
            "*invalid type: *",
            "*invalid value: *",
            "*invalid length *",
            "*duplicate field*",
        ],
    ),
    code(
        "SD0103",
        "yaml-tag",
        "A YAML tag (`!!binary`, `!custom`), never allowed.",
        &["YAML tags such as *"],
    ),
    code(
        "SD0104",
        "no-front-matter",
        "A content file without a closed front matter block.",
        &[
            "the file is empty; it needs front matter*",
            "the file does not start with a front matter block*",
            "the front matter block opened on line * is never closed*",
        ],
    ),
    code(
        "SD0105",
        "too-large",
        "A file, front matter or YAML text over its size limit.",
        &[
            "the YAML is *; the limit is *",
            "the front matter is *; the limit is *",
            "the file is *; styrdok reads text files of up to *",
            "this page has raw HTML and elements nested *",
        ],
    ),
    code(
        "SD0106",
        "not-text",
        "A file that is not UTF-8 text or holds control characters.",
        &[
            "the file is not valid UTF-8 text*",
            "the file contains the control character *",
            "the file is not UTF-8 text*",
        ],
    ),
    code(
        "SD0107",
        "case-clash",
        "Two files whose names differ only in upper and lower case.",
        &["`*` and `*` differ only in upper and lower case"],
    ),
    code(
        "SD0108",
        "no-page-name",
        "A Markdown file with no name before `.md`.",
        &["`*` has no name before `.md`*"],
    ),
    code(
        "SD0109",
        "yaml-syntax",
        "YAML that cannot be read at all (a syntax error).",
        &[
            "*while parsing*",
            "*while scanning*",
            "*did not find expected*",
            "*mapping values are not allowed*",
            "*found unexpected*",
            "*found character that cannot start*",
            "*could not find expected*",
        ],
    ),
    code(
        "SD0201",
        "missing-key",
        "A key the type or status requires is missing.",
        &[
            "missing required key `*`",
            "*missing field `*`",
            "a * needs `*`",
            "an * needs `*`",
            "a * needs an `id`",
            "a * needs a `version`*",
            "a path needs `modules`*",
        ],
    ),
    code(
        "SD0202",
        "empty-value",
        "A required key is present but empty.",
        &["`*` is empty"],
    ),
    code(
        "SD0203",
        "misplaced-key",
        "A key that belongs to another type.",
        &[
            "`*` is not a key of type *",
            "a section page (`_index.md`) is of type page*",
        ],
    ),
    code(
        "SD0204",
        "bad-id",
        "An id with characters ids may not use.",
        &[
            "`*` is not a valid id*",
            "the quiz id `*` (the file name) is not a valid id",
        ],
    ),
    code(
        "SD0205",
        "bad-version",
        "A version that is not MAJOR.MINOR.",
        &["version `*` is not MAJOR.MINOR"],
    ),
    code(
        "SD0206",
        "bad-date",
        "A date that is not YYYY-MM-DD.",
        &["`*` is `*`, not a date"],
    ),
    code(
        "SD0207",
        "unknown-control",
        "An ISO/IEC 27001:2022 Annex A control that does not exist.",
        &["`*` is not an ISO/IEC 27001:2022 Annex A control"],
    ),
    code(
        "SD0208",
        "bad-alias",
        "An alias that is not a path on this site.",
        &["alias `*` *"],
    ),
    code(
        "SD0209",
        "bad-contact-address",
        "An e-mail address or phone number that is not one.",
        &[
            "`*` is `*`, not an e-mail address",
            "`*` is `*`, not a phone number",
            "`contact.incident_form` is `*`, not an address",
        ],
    ),
    code(
        "SD0210",
        "placeholder-in-draft",
        "A draft still holds a `FYLL I:` placeholder.",
        &["the draft still holds a placeholder*"],
    ),
    code(
        "SD0211",
        "placeholder-published",
        "An active or retired document holds a `FYLL I:` placeholder.",
        &["a* document holds a placeholder*"],
    ),
    code(
        "SD0212",
        "active-draft-version",
        "An active document still at version 0.x.",
        &["an active * is at version *"],
    ),
    code(
        "SD0213",
        "placeholder-in-config",
        "A `contact` value still holds the `FYLL I` placeholder.",
        &["`*` still holds a placeholder*"],
    ),
    code(
        "SD0214",
        "retired-on-not-retired",
        "`retired_on` on a document whose status is not retired.",
        &["`retired_on` is set but the status is *"],
    ),
    code(
        "SD0215",
        "validity-before-start",
        "`valid_until` or `retired_on` before the document was approved or took effect.",
        &[
            "`valid_until` * is before `*` *",
            "`retired_on` * is before `*` *",
        ],
    ),
    code(
        "SD0301",
        "duplicate-id",
        "An id used twice.",
        &[
            "the id `*` is already used by *",
            "duplicate id `*` in `*`",
            "another file already defines quiz `*`",
        ],
    ),
    code(
        "SD0302",
        "unknown-reference",
        "A reference to a role, unit, area, document or quiz that does not exist.",
        &[
            "unknown * `*`",
            "role `*` includes unknown role `*`",
            "the quiz `*` does not exist*",
            "`contact.units` names unknown unit `*`",
        ],
    ),
    code(
        "SD0303",
        "wrong-reference-type",
        "A reference to something of the wrong type.",
        &[
            "`*` is a *, but `*` lists *",
            "the parent of a * must be *",
            "`contact.incident_rule` names `*`, which is not a governing document",
        ],
    ),
    code(
        "SD0304",
        "cycle",
        "Parents, role includes or prerequisites that form a cycle.",
        &[
            "parents form a cycle: *",
            "roles include each other in a cycle*",
            "module `*` is, through its prerequisites, a prerequisite of itself",
        ],
    ),
    code(
        "SD0305",
        "address-clash",
        "Two pages, or a page and an alias, want one address.",
        &[
            "this page and * both want the address *",
            "/* is an address styrdok generates itself*",
            "the alias `*` is already the address of *",
        ],
    ),
    code(
        "SD0306",
        "unchecked-references",
        "References to other documents were left unchecked because a document could not be read.",
        &["* references to other documents were not checked, because *"],
    ),
    code(
        "SD0401",
        "broken-link",
        "A link to a missing file, id or heading.",
        &[
            "* has no heading `#*`",
            "the link `*` names no document*",
            "the link `*` points to content/*, which does not exist",
            "the link `*` points to *, which is no page or file of the site",
        ],
    ),
    code(
        "SD0402",
        "link-outside",
        "A link out of content/ or the site, or with a forbidden scheme.",
        &[
            "the link `*` points outside *",
            "the link `*` uses the `*` scheme*",
            "the image `*` is not a file of the site",
        ],
    ),
    code(
        "SD0403",
        "link-to-unpublished",
        "A link to a file or page that is never published.",
        &[
            "the link `*` points to content/*, which is never published*",
            "this links to *, which is not published in this build*",
        ],
    ),
    code(
        "SD0501",
        "bad-question",
        "A quiz question that cannot be answered as written.",
        &[
            "question *",
            "a quiz needs at least one question*",
            "a single-choice question *",
            "a multiple-choice question *",
            "a truefalse question *",
            "pass_mark is *",
        ],
    ),
    code(
        "SD0502",
        "unused-quiz",
        "A quiz no module uses.",
        &["no module uses the quiz `*`"],
    ),
    code(
        "SD0503",
        "bad-quiz-file-name",
        "A quiz file name that is not an id.",
        &["name quiz files *"],
    ),
    code(
        "SD0504",
        "bad-question-source",
        "A question's `source:` names no document or no heading of it.",
        &["the source `*` of question *"],
    ),
    code(
        "SD0505",
        "measurement-without-quiz",
        "`pretest` or `retest_after_days` on a module without a quiz.",
        &["`*` measures knowledge with the module's quiz*"],
    ),
    code(
        "SD0506",
        "unreportable-question",
        "A quiz question a SCORM package cannot report as an interaction.",
        &["a learning-platform package cannot report *"],
    ),
    code(
        "SD0601",
        "active-content",
        "A file a browser would run (HTML, JavaScript, SVG with scripts).",
        &[
            "`.*` files are active content*",
            "this text file starts with markup*",
            "*SVG files are published only as plain drawings",
            "this SVG file *",
            "this office document holds macros*",
        ],
    ),
    code(
        "SD0602",
        "unpublished-file",
        "A file under content/ that is never published.",
        &[
            "this file is never published: *",
            "this file is not published: *",
            "this `.*` file is not *",
            "this text file holds binary bytes*",
            "this text file starts with front matter*",
        ],
    ),
    code(
        "SD0701",
        "bad-site-config",
        "A problem in site.yaml's own values.",
        &[
            "base_url `*` must be *",
            "training.followup_min_group is *",
            "area `*` has phase *",
            "search.synonyms: *",
            "the site has no `content/` folder",
        ],
    ),
    code(
        "SD0702",
        "bad-theme",
        "A theme or theme option that cannot be used.",
        &["theme `*` not found*", "`theme_options.*", "logo `*` *"],
    ),
    code(
        "SD0801",
        "review-overdue",
        "A review date that has passed.",
        &["the review date * passed * days ago"],
    ),
    code(
        "SD0802",
        "review-soon",
        "A review date coming up (a note).",
        &["the review date * is *"],
    ),
    code(
        "SD0803",
        "empty-reading-list",
        "A role whose reading list is empty.",
        &["the reading list of role `*` is empty*"],
    ),
    code(
        "SD0804",
        "hard-to-read",
        "Text above the readability limit (LIX).",
        &["hard to read: LIX *"],
    ),
    code(
        "SD0805",
        "area-without-document",
        "An area with no published governing document.",
        &["the area `*` (phase *) has no published governing document"],
    ),
    code(
        "SD0806",
        "document-expired",
        "A document past its `valid_until`, shown as expired.",
        &["the document expired: *"],
    ),
    code(
        "SD0807",
        "expiry-soon",
        "A document whose `valid_until` is coming up (a note).",
        &["the document expires after *"],
    ),
    code(
        "SD0808",
        "retired-undated",
        "A retired document without `retired_on` (a note).",
        &["the retired document does not say since when*"],
    ),
    code(
        "SD0809",
        "retired-later",
        "A retired document whose `retired_on` is after today.",
        &["`retired_on` * is after today*"],
    ),
    code(
        "SD0901",
        "version-not-raised",
        "Changed text whose version was not raised since the base.",
        &["the text changed since * but `version` is still *"],
    ),
    code(
        "SD0902",
        "version-went-down",
        "A version lower than at the base.",
        &["`version` went down from * to * since *"],
    ),
    code(
        "SD0903",
        "id-changed",
        "A governing document's id changed since the base.",
        &["`id` changed from * to * since *"],
    ),
    code(
        "SD0904",
        "base-unavailable",
        "`--base` cannot be compared (no git, unknown revision).",
        &["check --base *", "--base needs *"],
    ),
    code(
        "SD0905",
        "acknowledge-not-explicit",
        "A minor version step with changed text that does not say whether readers must confirm again.",
        &["the text changed and `version` went from * to * since *: say whether readers must confirm it again"],
    ),
    code(
        "SD1001",
        "io",
        "A file that cannot be read or written.",
        &[
            "cannot read*",
            "cannot write*",
            "refusing to write outside the output folder",
            "the output folder *",
        ],
    ),
    code(
        "SD1002",
        "template",
        "A template that fails to render.",
        &["*template*"],
    ),
    code(
        "SD1003",
        "report-input",
        "A problem in a CSV export given to `report`.",
        &[
            "kind is `*`, not quiz or receipt*",
            "passed is `*`, not true or false*",
            "attempt is `*`, not pre, post or retention*",
            "score is `*`, not a percent*",
            "answers has `*`, not question-id*",
            "no e-mail, name or id; row skipped",
            "the header row lacks the column*",
            "the file is empty; it needs a header row",
        ],
    ),
    code(
        "SD1004",
        "roster-input",
        "A problem in a roster given to `report --roster` or `build --roster`.",
        &[
            "the roster is empty*",
            "the roster's header row lacks the column*",
            "the roster row has no e-mail or person id*",
            "`*` is already in the roster on line *",
            "start_date is `*`, not a date*",
        ],
    ),
    code(
        "SD1010",
        "pdf",
        "A governing document version whose archival PDF cannot be made (typst's message says why).",
        &["cannot make the PDF of version *", "cannot make the PDFs: *"],
    ),
    code(
        "SD1101",
        "soa-entry",
        "An `applicability:` entry that is not well formed: a repeated control, `applicable` not true or false, a missing or unknown `status`, a `target` that is not a date.",
        &[
            "control * is listed twice in `applicability`",
            "`applicable` of control * must be true or false",
            "applicable control * has no `status`",
            "`*` is not an implementation status",
            "`target` of control * is `*`, not a date",
        ],
    ),
    code(
        "SD1102",
        "soa-justification",
        "A Statement of Applicability entry without a justification (needed for included and excluded controls).",
        &[
            "control * has no `justification`; an * control needs one",
        ],
    ),
    code(
        "SD1103",
        "soa-incomplete",
        "A Statement of Applicability that leaves Annex A controls out.",
        &[
            "the Statement of Applicability leaves out * of the 93 Annex A controls: *",
        ],
    ),
    code(
        "SD1104",
        "soa-second",
        "A second document with an `applicability:` list.",
        &[
            "a site has one Statement of Applicability, and * already is it",
        ],
    ),
    code(
        "SD1105",
        "soa-implementer",
        "An implementing document that does not exist, is not a governing document, or is listed for an excluded control.",
        &[
            "unknown document id `*` for control *",
            "`*` is a *; only policies, guidelines and rules implement controls",
            "control * is excluded but lists implementing documents",
        ],
    ),
    code(
        "SD1106",
        "soa-excluded-cited",
        "A document citing a control the Statement of Applicability excludes.",
        &[
            "cites control *, which the Statement of Applicability (*) excludes",
        ],
    ),
    code(
        "SD1107",
        "soa-target-passed",
        "A control not implemented by its target date.",
        &[
            "control * should have been implemented by * and is not",
        ],
    ),
    code(
        "SD1108",
        "soa-disagreement",
        "The Statement of Applicability and a document's own `iso27001` list disagree about who implements a control.",
        &[
            "control *: * cites it, but the Statement of Applicability does not list * in `documents`",
            "control *: the Statement of Applicability lists *, but * does not cite the control in `iso27001`",
        ],
    ),
    code(
        "SD1109",
        "unknown-requirement",
        "A `requirements:` citation of an unknown catalogue or requirement.",
        &[
            "`*` names no catalogue",
            "unknown catalogue `*`",
            "catalogue `*` has no requirement `*`",
        ],
    ),
    code(
        "SD1110",
        "catalogue",
        "A site catalogue in `site.yaml` that is not well formed: a built-in, invalid or repeated catalogue id, an invalid or repeated requirement id.",
        &[
            "catalogue id `*` is built in",
            "`*` is not a valid catalogue id",
            "duplicate catalogue id `*`",
            "`*` is not a valid requirement id",
            "duplicate requirement id `*` in catalogue `*`",
        ],
    ),
];

/// The rest of each area, for a message no pattern knows yet.
pub const FALLBACK: Code = code(
    "SD0099",
    "other",
    "A problem without a code of its own yet.",
    &[],
);

/// The code of `d`: its catalogue entry's, else (for text styrdok did not
/// write, such as a YAML parser's) the first code whose pattern matches.
pub fn of(d: &Diagnostic) -> &'static Code {
    if let Some(code) = d.message.code() {
        return CODES.iter().find(|c| c.code == code).unwrap_or(&FALLBACK);
    }
    let text = d.message.en();
    CODES
        .iter()
        .find(|c| c.patterns.iter().any(|p| glob(p, &text)))
        .unwrap_or(&FALLBACK)
}

/// The code the patterns give an English template (used once, to seed the
/// catalogue; kept for the catalogue test).
pub fn by_pattern(text: &str) -> &'static str {
    CODES
        .iter()
        .find(|c| c.patterns.iter().any(|p| glob(p, text)))
        .unwrap_or(&FALLBACK)
        .code
}

/// Whether `text` matches `pattern`, where `*` is any text (also none).
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, rest) = (parts[0], &parts[1..]);
    let Some(mut tail) = text.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return tail.is_empty();
    };
    for part in middle {
        match tail.find(part) {
            Some(i) => tail = &tail[i + part.len()..],
            None => return false,
        }
    }
    tail.len() >= last.len() && tail.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_like_a_shell() {
        assert!(glob("unknown key `*`", "unknown key `reveiw_by`"));
        assert!(!glob("unknown key `*`", "an unknown key `x`"));
        assert!(glob(
            "*is not an allowed value",
            "status: `aktiv` is not an allowed value"
        ));
        assert!(glob("an * needs `*`", "an active rule needs `review_by`"));
        assert!(glob("x*", "x"));
        assert!(!glob("x*y*y", "xy"));
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for c in CODES.iter().chain([&FALLBACK]) {
            assert!(seen.insert(c.code), "{} twice", c.code);
            assert!(c.code.len() == 6 && c.code.starts_with("SD"), "{}", c.code);
            assert!(
                c.code[2..].bytes().all(|b| b.is_ascii_digit()),
                "{}",
                c.code
            );
        }
    }

    #[test]
    fn the_documentation_lists_every_code() {
        let doc = include_str!("../../docs/diagnostics.md");
        for c in CODES.iter().chain([&FALLBACK]) {
            let row = format!("| `{}` | `{}` |", c.code, c.name);
            assert!(doc.contains(&row), "docs/diagnostics.md lacks {row}");
        }
    }
}
