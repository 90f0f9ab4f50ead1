//! The Markdown dialect every pass parses (the scan, the HTML, the search
//! text, readability): CommonMark with tables, footnotes, strike-through,
//! task lists and heading attributes. One place, so the passes line up.

use pulldown_cmark::Options;

/// The parser options of every Markdown pass.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}
