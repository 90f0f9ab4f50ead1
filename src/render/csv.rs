//! CSV for the governance exports (`iso27001/soa.csv`,
//! `dokumentstatus/dokumentstatus.csv`, `gallande/*.csv`): RFC 4180
//! records (comma, CRLF, quotes where needed), safe to open in a
//! spreadsheet by the same rule as `report --format csv`
//! ([`crate::report::defuse`]).

/// A CSV field. Text that a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
/// `'`; numbers are written as is.
pub enum Cell {
    Text(String),
    Number(String),
}

/// One CSV record with CRLF, each field quoted when it needs to be.
pub fn csv_row(cells: &[Cell]) -> String {
    let fields: Vec<String> = cells
        .iter()
        .map(|c| {
            let value = match c {
                Cell::Text(t) => crate::report::defuse(t).into_owned(),
                Cell::Number(t) => t.clone(),
            };
            // `;` too: Swedish spreadsheets often split on it.
            if value.contains([',', '"', '\n', '\r', ';']) || value.trim() != value {
                format!("\"{}\"", value.replace('"', "\"\""))
            } else {
                value
            }
        })
        .collect();
    format!("{}\r\n", fields.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let row = csv_row(&[
            Cell::Text("a,b".into()),
            Cell::Text("säger \"hej\"".into()),
            Cell::Text("=SUM(A1)".into()),
            Cell::Number("-3".into()),
            Cell::Text("rad\nny".into()),
            Cell::Text("enkel".into()),
        ]);
        assert_eq!(
            row,
            "\"a,b\",\"säger \"\"hej\"\"\",'=SUM(A1),-3,\"rad\nny\",enkel\r\n"
        );
    }
}
