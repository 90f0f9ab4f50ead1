use super::*;
use crate::markdown::{self, Href};

fn header() -> Header {
    Header {
        language: "sv".into(),
        organisation: "Botkyrka kommun".into(),
        kind_label: "Regel".into(),
        title: "Lösenord och inloggning".into(),
        id: "LIS-R-05".into(),
        version: "2.1".into(),
        version_label: "Version".into(),
        status_label: "Gällande".into(),
        owner: "Informationssäkerhetssamordnare".into(),
        date: Date::from_ymd_opt(2024, 3, 5),
        fields: vec![
            Field {
                label: "Dokument-id".into(),
                value: "LIS-R-05".into(),
            },
            Field {
                label: "Beslutad av".into(),
                value: "Kommundirektören".into(),
            },
        ],
        note: String::new(),
        page_label: "Sida {page} av {pages}".into(),
    }
}

fn pdf_of(body: &str) -> Result<Vec<u8>, String> {
    let scan = markdown::scan(body);
    let hrefs: Vec<Href> = scan
        .links
        .iter()
        .map(|l| Href::Url(l.dest.clone()))
        .collect();
    let absolute = |u: &str| u.starts_with("https://").then(|| u.to_string());
    let input = Input {
        header: header(),
        body,
        links: Links {
            scan: &scan,
            hrefs: &hrefs,
            absolute: &absolute,
        },
    };
    compile(source(&input))
}

#[test]
fn a_body_with_every_construct_compiles() {
    let body = "## Syfte\n\nDen här regeln gäller för *alla* medarbetare i **Botkyrka** – även `root`.\n\n\
        ### Krav\n\n- Använd minst 14 tecken.\n- Byt lösenord vid misstanke:\n  1. Kontakta servicedesk\n  2. Byt\n\n\
        | Krav | Nivå |\n|---|:-:|\n| Längd | 14 |\n| MFA | Ja |\n\n> Ett citat.\n\n```\nkod \"här\" \\\n```\n\n\
        Läs [mer](https://example.org/å) och [inget](../x/).[^1]\n\n[^1]: En fotnot.\n\n---\n\n\
        ![Bild på något](bild.png) <b>fet</b> ~~struken~~\n\n- [x] klar\n- [ ] inte klar\n";
    let t = std::time::Instant::now();
    let pdf = pdf_of(body).unwrap();
    eprintln!("compiled in {:?}", t.elapsed());
    assert!(pdf.starts_with(b"%PDF-"));
    std::fs::write("/tmp/pdfwork/unit.pdf", &pdf).ok();
}

#[test]
fn characters_outside_the_fonts_still_compile() {
    let pdf = pdf_of("Bock ✓ och pil → ≥ 5 😀 中文 \u{200b}x\u{feff} ﬁ.\n").unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}
