//! Reproducible zip files: entries in path order, every timestamp the
//! zip epoch (1980-01-01 00:00), the same permissions for every file and
//! deflate at a fixed level, so the same input gives the same bytes.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A zip of `files` (path in the archive → contents), in path order.
pub fn write(files: &BTreeMap<String, Vec<u8>>) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files {
        zip.start_file(path.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn files() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            ("b/index.html".to_string(), b"<p>hej</p>".to_vec()),
            ("a.xml".to_string(), vec![b'x'; 10_000]),
        ])
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let one = write(&files()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(one, write(&files()).unwrap());
    }

    #[test]
    fn entries_are_sorted_dated_1980_and_read_back() {
        let bytes = write(&files()).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(names, ["a.xml", "b/index.html"]);
        let mut entry = zip.by_name("b/index.html").unwrap();
        assert_eq!(entry.last_modified(), Some(DateTime::default()));
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        assert_eq!(text, "<p>hej</p>");
    }
}
