//! The typst [`World`] a PDF is compiled in: one generated source file,
//! the fonts bundled with typst (Libertinus Serif and DejaVu Sans Mono,
//! embedded in the binary), no files, no packages, no clock. Nothing is
//! read from the disk or the network, so the same source gives the same
//! PDF on every machine.

use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// What every compilation shares: the standard library and the fonts,
/// parsed once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// True when a bundled font has a glyph for `c` and PDF/A allows it (no
/// private-use characters, no U+FEFF or U+FFFE).
pub(super) fn displayable(c: char) -> bool {
    let u = c as u32;
    if matches!(u, 0 | 0xFEFF | 0xFFFE | 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
    {
        return false;
    }
    // Latin, Latin-1 and Latin Extended-A and -B: all in Libertinus Serif.
    if (' '..='~').contains(&c) || ('\u{a0}'..='\u{24f}').contains(&c) {
        return true;
    }
    SHARED.fonts.iter().any(|f| f.info().coverage.contains(u))
}

/// A world holding one source file.
pub(super) struct OneFile {
    main: Source,
}

impl OneFile {
    pub(super) fn new(text: String) -> OneFile {
        let path = VirtualPath::new("/dokument.typ").expect("a fixed, valid path");
        let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
        OneFile {
            main: Source::new(id, text),
        }
    }

    /// The generated source (for locating a compile error in it).
    pub(super) fn source(&self) -> &Source {
        &self.main
    }
}

impl World for OneFile {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
