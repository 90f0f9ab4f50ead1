//! The catalogue: every message's English template (its key), Swedish text
//! and, for a diagnostic, its code. Sorted by code, then English.

/// One message in both languages.
#[derive(Debug)]
pub struct Entry {
    /// The diagnostic code (`SD0202`), or `None` for the command line's
    /// own lines.
    pub code: Option<&'static str>,
    pub en: &'static str,
    pub sv: &'static str,
}

const fn e(code: &'static str, en: &'static str, sv: &'static str) -> Entry {
    Entry {
        code: if code.is_empty() { None } else { Some(code) },
        en,
        sv,
    }
}

pub static ENTRIES: &[Entry] = &[
    e(
        "SD0101",
        "unknown key `{key}`",
        "okänd nyckel `{key}`",
    ),
    e(
        "SD0101",
        "unknown key `{name}`",
        "okänd nyckel `{name}`",
    ),
    e(
        "SD0102",
        "`{name}` is not an allowed value",
        "`{name}` är inget tillåtet värde",
    ),
    e(
        "SD0102",
        "invalid type: {found}, expected {expected}",
        "fel sorts värde: {found}, väntat: {expected}",
    ),
    e(
        "SD0103",
        "YAML tags such as `{tag}` are not allowed",
        "YAML-taggar som `{tag}` är inte tillåtna",
    ),
    e(
        "SD0104",
        "the file does not start with a front matter block (a line with `---`)",
        "filen börjar inte med ett front matter-block (en rad med `---`)",
    ),
    e(
        "SD0104",
        "the file is empty; it needs front matter with at least a title",
        "filen är tom; den behöver front matter med åtminstone en titel",
    ),
    e(
        "SD0104",
        "the front matter block opened on line {opened_at} is never closed with a `---` line",
        "front matter-blocket som öppnades på rad {opened_at} avslutas aldrig med en `---`-rad",
    ),
    e(
        "SD0105",
        "the YAML is {size}; the limit is {limit}",
        "YAML-texten är {size}; gränsen är {limit}",
    ),
    e(
        "SD0105",
        "the file is {size}; styrdok reads text files of up to {limit}",
        "filen är {size}; styrdok läser textfiler på upp till {limit}",
    ),
    e(
        "SD0105",
        "the front matter is {size}; the limit is {limit}",
        "front matter är {size}; gränsen är {limit}",
    ),
    e(
        "SD0105",
        "this page has raw HTML and elements nested {max_depth} levels deep; the limit with raw HTML is {limit}",
        "denna sida har rå HTML och element nästlade {max_depth} nivåer djupt; gränsen med rå HTML är {limit}",
    ),
    e(
        "SD0106",
        "the file contains the control character U+{u32}, which is not text",
        "filen innehåller styrtecknet U+{u32}, som inte är text",
    ),
    e(
        "SD0106",
        "the file is not UTF-8 text; export the CSV as UTF-8",
        "filen är inte UTF-8-text; exportera CSV-filen som UTF-8",
    ),
    e(
        "SD0106",
        "the file is not valid UTF-8 text",
        "filen är inte giltig UTF-8-text",
    ),
    e(
        "SD0108",
        "`{name}` has no name before `.md`, so the page would have no address",
        "`{name}` har inget namn före `.md`, så sidan skulle sakna adress",
    ),
    e(
        "SD0201",
        "a path needs `modules`: the module ids in order",
        "en utbildningsväg behöver `modules`: modulernas id i ordning",
    ),
    e(
        "SD0201",
        "a {kind} needs a `version` (e.g. \"1.0\")",
        "typen {kind} behöver en `version` (t.ex. \"1.0\")",
    ),
    e(
        "SD0201",
        "a {kind} needs an `id`",
        "typen {kind} behöver ett `id`",
    ),
    e(
        "SD0201",
        "missing field `{field}`",
        "nyckeln `{field}` saknas",
    ),
    e(
        "SD0201",
        "missing required key `title`",
        "den obligatoriska nyckeln `title` saknas",
    ),
    e(
        "SD0201",
        "missing required key `{key}`",
        "den obligatoriska nyckeln `{key}` saknas",
    ),
    e(
        "SD0202",
        "`title` is empty",
        "`title` är tom",
    ),
    e(
        "SD0202",
        "`{key}` is empty",
        "`{key}` är tom",
    ),
    e(
        "SD0203",
        "`{key}` is not a key of type {kind}",
        "`{key}` är ingen nyckel för typen {kind}",
    ),
    e(
        "SD0203",
        "a section page (`_index.md`) is of type page, not {kind}",
        "en avsnittssida (`_index.md`) är av typen page, inte {kind}",
    ),
    e(
        "SD0204",
        "`{id}` is not a valid id",
        "`{id}` är inget giltigt id",
    ),
    e(
        "SD0204",
        "`{id}` is not a valid id (letters, digits and . _ : / -)",
        "`{id}` är inget giltigt id (bokstäver, siffror och . _ : / -)",
    ),
    e(
        "SD0204",
        "`{id}` is not a valid id in `{key}`",
        "`{id}` är inget giltigt id i `{key}`",
    ),
    e(
        "SD0204",
        "the quiz id `{id}` (the file name) is not a valid id",
        "quiz-id:t `{id}` (filnamnet) är inget giltigt id",
    ),
    e(
        "SD0205",
        "version `{text}` is not MAJOR.MINOR",
        "versionen `{text}` är inte HUVUD.DEL (MAJOR.MINOR)",
    ),
    e(
        "SD0206",
        "`history` entry {n}: `date` is `{date}`, not a date",
        "`history`-post {n}: `date` är `{date}`, inte ett datum",
    ),
    e(
        "SD0206",
        "`{key}` is `{text}`, not a date",
        "`{key}` är `{text}`, inte ett datum",
    ),
    e(
        "SD0207",
        "`{control}` is not an ISO/IEC 27001:2022 Annex A control",
        "`{control}` är ingen åtgärd i ISO/IEC 27001:2022 Annex A",
    ),
    e(
        "SD0208",
        "alias `{alias}` {why}",
        "aliaset `{alias}` {why}",
    ),
    e(
        "SD0209",
        "`contact.incident_form` is `{incident_form}`, not an address",
        "`contact.incident_form` är `{incident_form}`, inte en adress",
    ),
    e(
        "SD0209",
        "`owner_contact` is `{owner_contact}`, not an e-mail address",
        "`owner_contact` är `{owner_contact}`, inte en e-postadress",
    ),
    e(
        "SD0209",
        "`{field}` is `{v}`, not a phone number",
        "`{field}` är `{v}`, inte ett telefonnummer",
    ),
    e(
        "SD0209",
        "`{field}` is `{v}`, not an e-mail address",
        "`{field}` är `{v}`, inte en e-postadress",
    ),
    e(
        "SD0210",
        "the draft still holds a placeholder (`{MARKER} …`)",
        "utkastet innehåller fortfarande en platshållare (`{MARKER} …`)",
    ),
    e(
        "SD0211",
        "a retired document holds a placeholder (`{MARKER} …`); it would be published as it stands",
        "ett upphävt dokument innehåller en platshållare (`{MARKER} …`); det skulle publiceras som det står",
    ),
    e(
        "SD0211",
        "an active document holds a placeholder (`{MARKER} …`); it would be published as it stands",
        "ett aktivt dokument innehåller en platshållare (`{MARKER} …`); det skulle publiceras som det står",
    ),
    e(
        "SD0212",
        "an active {kind} is at version {v}",
        "ett aktivt dokument av typen {kind} har version {v}",
    ),
    e(
        "SD0213",
        "`{field}` still holds a placeholder; it is left off the site until it is filled in",
        "`{field}` innehåller fortfarande en platshållare; den visas inte på webbplatsen förrän den är ifylld",
    ),
    e(
        "SD0214",
        "`retired_on` is set but the status is {status}, not retired",
        "`retired_on` är satt men statusen är {status}, inte retired",
    ),
    e(
        "SD0301",
        "another file already defines quiz `{id}`",
        "en annan fil definierar redan quizet `{id}`",
    ),
    e(
        "SD0301",
        "duplicate id `{id}` in `{key}`",
        "id:t `{id}` förekommer två gånger i `{key}`",
    ),
    e(
        "SD0301",
        "the id `{id}` is already used by {source_path}",
        "id:t `{id}` används redan av {source_path}",
    ),
    e(
        "SD0302",
        "`contact.units` names unknown unit `{unit}`",
        "`contact.units` anger den okända enheten `{unit}`",
    ),
    e(
        "SD0302",
        "role `{id}` includes unknown role `{inc}`",
        "rollen `{id}` inkluderar den okända rollen `{inc}`",
    ),
    e(
        "SD0302",
        "the quiz `{q}` does not exist (no quizzes/{q}.yaml)",
        "quizet `{q}` finns inte (ingen quizzes/{q}.yaml)",
    ),
    e(
        "SD0302",
        "unknown catalogue `{cat_id}`",
        "okänd kravkatalog `{cat_id}`",
    ),
    e(
        "SD0302",
        "unknown {what} `{value}`",
        "okänt värde för {what}: `{value}`",
    ),
    e(
        "SD0303",
        "`contact.incident_rule` names `{id}`, which is not a governing document",
        "`contact.incident_rule` anger `{id}`, som inte är ett styrande dokument",
    ),
    e(
        "SD0303",
        "`{id}` is a {kind}, but `{key}` lists {what}",
        "`{id}` är av typen {kind}, men `{key}` listar {what}",
    ),
    e(
        "SD0303",
        "the parent of a {kind} must be {want}; `{parent}` is a {pk}",
        "överordnat dokument till typen {kind} måste vara {want}; `{parent}` är av typen {pk}",
    ),
    e(
        "SD0304",
        "module `{id}` is, through its prerequisites, a prerequisite of itself",
        "modulen `{id}` är, genom sina förkunskapskrav, ett förkunskapskrav för sig själv",
    ),
    e(
        "SD0304",
        "parents form a cycle: {chain}",
        "de överordnade dokumenten bildar en cirkel: {chain}",
    ),
    e(
        "SD0304",
        "roles include each other in a cycle: {cycle}",
        "rollerna inkluderar varandra i en cirkel: {cycle}",
    ),
    e(
        "SD0305",
        "/{url_path} is an address styrdok generates itself; move the file",
        "/{url_path} är en adress som styrdok själv skapar; flytta filen",
    ),
    e(
        "SD0305",
        "the alias `{alias}` is already the address of {prev}",
        "aliaset `{alias}` är redan adressen till {prev}",
    ),
    e(
        "SD0305",
        "this page and {prev} both want the address /{url_path}",
        "denna sida och {prev} vill båda ha adressen /{url_path}",
    ),
    e(
        "SD0306",
        "{skipped} references to other documents were not checked, because {unread} file(s) could not be read",
        "{skipped} hänvisningar till andra dokument kontrollerades inte, eftersom {unread} fil(er) inte kunde läsas",
    ),
    e(
        "SD0401",
        "the link `{link}` names no document (no id `{id}`)",
        "länken `{link}` anger inget dokument (inget id `{id}`)",
    ),
    e(
        "SD0401",
        "the link `{link}` points to {target}, which is no page or file of the site",
        "länken `{link}` pekar på {target}, som inte är någon sida eller fil på webbplatsen",
    ),
    e(
        "SD0401",
        "the source `{source}` of question {n}: {source_path} has no heading `#{fragment}`",
        "källan `{source}` för fråga {n}: {source_path} har ingen rubrik `#{fragment}`",
    ),
    e(
        "SD0401",
        "this page has no heading `#{fragment}`",
        "denna sida har ingen rubrik `#{fragment}`",
    ),
    e(
        "SD0401",
        "{source_path} has no heading `#{fragment}`",
        "{source_path} har ingen rubrik `#{fragment}`",
    ),
    e(
        "SD0402",
        "the image `{image}` is not a file of the site",
        "bilden `{image}` är ingen fil på webbplatsen",
    ),
    e(
        "SD0402",
        "the link `{link}` points outside content/",
        "länken `{link}` pekar utanför content/",
    ),
    e(
        "SD0402",
        "the link `{link}` points outside the site",
        "länken `{link}` pekar utanför webbplatsen",
    ),
    e(
        "SD0402",
        "the link `{link}` uses the `{scheme}:` scheme, which is not allowed",
        "länken `{link}` använder schemat `{scheme}:`, som inte är tillåtet",
    ),
    e(
        "SD0403",
        "the link `{link}` points to content/{target}, which is never published: it is {reason}",
        "länken `{link}` pekar på content/{target}, som aldrig publiceras: den är {reason}",
    ),
    e(
        "SD0403",
        "this links to {source_path}, which is not published in this build; the link text is shown without a link",
        "detta länkar till {source_path}, som inte publiceras i detta bygge; länktexten visas utan länk",
    ),
    e(
        "SD0501",
        "a quiz needs at least one question under `questions`",
        "ett quiz behöver minst en fråga under `questions`",
    ),
    e(
        "SD0501",
        "pass_mark is {pass_mark}; it is a percentage from 1 to 100",
        "pass_mark är {pass_mark}; det är en procentsats från 1 till 100",
    ),
    e(
        "SD0501",
        "question {n}: {msg}",
        "fråga {n}: {msg}",
    ),
    e(
        "SD0502",
        "no module uses the quiz `{id}`",
        "ingen modul använder quizet `{id}`",
    ),
    e(
        "SD0503",
        "name quiz files with letters, digits and . _ -, e.g. grundkurs.yaml",
        "namnge quizfiler med bokstäver, siffror och . _ -, t.ex. grundkurs.yaml",
    ),
    e(
        "SD0504",
        "the source `{source}` of question {n} names no document (no id `{id}`)",
        "källan `{source}` för fråga {n} anger inget dokument (inget id `{id}`)",
    ),
    e(
        "SD0505",
        "`{key}` measures knowledge with the module's quiz, and this module has no `quiz`",
        "`{key}` mäter kunskap med modulens quiz, och modulen har inget `quiz`",
    ),
    e(
        "SD0506",
        "a learning-platform package cannot report question {n}: it has {options} options, a SCORM interaction at most {MAX_OPTIONS}",
        "ett paket för lärplattformar kan inte rapportera fråga {n}: den har {options} svarsalternativ, en SCORM-interaktion högst {MAX_OPTIONS}",
    ),
    e(
        "SD0601",
        "`.{ext}` files are active content, which is never published",
        "`.{ext}`-filer är aktivt innehåll, som aldrig publiceras",
    ),
    e(
        "SD0601",
        "this SVG file has no complete <svg> element",
        "denna SVG-fil har inget komplett <svg>-element",
    ),
    e(
        "SD0601",
        "this SVG file is not valid UTF-8 text",
        "denna SVG-fil är inte giltig UTF-8-text",
    ),
    e(
        "SD0601",
        "this office document holds macros, which are never published",
        "detta kontorsdokument innehåller makron, som aldrig publiceras",
    ),
    e(
        "SD0601",
        "this text file starts with markup (`<`), which a browser may run as HTML; it is never published",
        "denna textfil börjar med märkning (`<`), som en webbläsare kan köra som HTML; den publiceras aldrig",
    ),
    e(
        "SD0601",
        "{msg}; SVG files are published only as plain drawings",
        "{msg}; SVG-filer publiceras bara som vanliga ritningar",
    ),
    e(
        "SD0602",
        "this `.{ext}` file is not {what}: its first bytes say otherwise, so it is never published",
        "denna `.{ext}`-fil är inte {what}: dess första byte säger något annat, så den publiceras aldrig",
    ),
    e(
        "SD0602",
        "this file is never published: it is {reason}",
        "denna fil publiceras aldrig: den är {reason}",
    ),
    e(
        "SD0602",
        "this file is not published: `.{ext}` is not a type styrdok publishes",
        "denna fil publiceras inte: `.{ext}` är ingen filtyp som styrdok publicerar",
    ),
    e(
        "SD0602",
        "this file is not published: no page links to it (an unused attachment)",
        "denna fil publiceras inte: ingen sida länkar till den (en oanvänd bilaga)",
    ),
    e(
        "SD0602",
        "this text file holds binary bytes (NUL), so it is never published",
        "denna textfil innehåller binära byte (NUL), så den publiceras aldrig",
    ),
    e(
        "SD0602",
        "this text file starts with front matter (`---`): it is a copy of a page, which is never published",
        "denna textfil börjar med front matter (`---`): den är en kopia av en sida, som aldrig publiceras",
    ),
    e(
        "SD0701",
        "area `{id}` has phase {phase}; phases are 1 to 5",
        "området `{id}` har fas {phase}; faserna är 1 till 5",
    ),
    e(
        "SD0701",
        "base_url `{base_url}` must be `/`, a path starting with `/`, or an http(s) URL",
        "base_url `{base_url}` måste vara `/`, en sökväg som börjar med `/` eller en http(s)-adress",
    ),
    e(
        "SD0701",
        "search.synonyms: `{w}` is already in group {group} (line {line})",
        "search.synonyms: `{w}` finns redan i grupp {group} (rad {line})",
    ),
    e(
        "SD0701",
        "search.synonyms: `{w}` is listed twice in the same group",
        "search.synonyms: `{w}` finns två gånger i samma grupp",
    ),
    e(
        "SD0701",
        "search.synonyms: a synonym group needs at least two words",
        "search.synonyms: en synonymgrupp behöver minst två ord",
    ),
    e(
        "SD0701",
        "search.synonyms: empty word in a synonym group",
        "search.synonyms: tomt ord i en synonymgrupp",
    ),
    e(
        "SD0701",
        "the site has no `content/` folder",
        "webbplatsen har ingen `content/`-mapp",
    ),
    e(
        "SD0701",
        "training.followup_min_group is {k}; it must be at least 2, since a group of one is a person",
        "training.followup_min_group är {k}; den måste vara minst 2, eftersom en grupp på en är en person",
    ),
    e(
        "SD0702",
        "`theme_options.logo` `{logo_source}` is not usable",
        "`theme_options.logo` `{logo_source}` går inte att använda",
    ),
    e(
        "SD0702",
        "`theme_options.{key}` `{v}` has a contrast of {ratio}:1 against {name}; WCAG 2.1 AA needs 4.5:1",
        "`theme_options.{key}` `{v}` har kontrasten {ratio}:1 mot {name}; WCAG 2.1 AA kräver 4.5:1",
    ),
    e(
        "SD0702",
        "`theme_options.{key}` is `{v}`, not a colour",
        "`theme_options.{key}` är `{v}`, inte en färg",
    ),
    e(
        "SD0702",
        "logo `{logo_source}` {p}",
        "logotypen `{logo_source}` {p}",
    ),
    e(
        "SD0702",
        "theme `{name}` not found: there is no themes/{name}/ folder",
        "temat `{name}` hittades inte: det finns ingen mapp themes/{name}/",
    ),
    e(
        "SD0801",
        "the review date {review_by} passed {days} days ago",
        "översynsdatumet {review_by} passerades för {days} dagar sedan",
    ),
    e(
        "SD0802",
        "the review date {review_by} is {when}",
        "översynsdatumet {review_by} är {when}",
    ),
    e(
        "SD0803",
        "the reading list of role `{id}` is empty: no published document names it or a role it includes",
        "läslistan för rollen `{id}` är tom: inget publicerat dokument anger den eller en roll den inkluderar",
    ),
    e(
        "SD0804",
        "hard to read: LIX {lix} (above {lix_warn_above}; {words} words in {sentences} sentences, {long_words} long words)",
        "svårläst: LIX {lix} (över {lix_warn_above}; {words} ord i {sentences} meningar, {long_words} långa ord)",
    ),
    e(
        "SD0805",
        "the area `{id}` (phase {phase}) has no published governing document",
        "området `{id}` (fas {phase}) har inget publicerat styrande dokument",
    ),
    e(
        "SD0806",
        "the document expired: its last day in force (`valid_until`) was {until}; it is shown as expired",
        "dokumentet har löpt ut: dess sista giltighetsdag (`valid_until`) var {until}; det visas som utgånget",
    ),
    e(
        "SD0807",
        "the document expires after {until} (`valid_until`), in {n} days",
        "dokumentet löper ut efter {until} (`valid_until`), om {n} dagar",
    ),
    e(
        "SD0808",
        "the retired document does not say since when (`retired_on`)",
        "det upphävda dokumentet anger inte sedan när (`retired_on`)",
    ),
    e(
        "SD0809",
        "`retired_on` {on} is after today, but the document is already shown as retired",
        "`retired_on` {on} är efter i dag, men dokumentet visas redan som upphävt",
    ),
    e(
        "SD0901",
        "the text changed since {rev} but `version` is still {new}",
        "texten har ändrats sedan {rev} men `version` är fortfarande {new}",
    ),
    e(
        "SD0902",
        "`version` went down from {old} to {new} since {rev}",
        "`version` har sänkts från {old} till {new} sedan {rev}",
    ),
    e(
        "SD0903",
        "`id` changed from {id} to {id2} since {rev}",
        "`id` har ändrats från {id} till {id2} sedan {rev}",
    ),
    e(
        "SD0903",
        "`id` changed from {id} to {id2} since {rev} (the file was `{was_path}`)",
        "`id` har ändrats från {id} till {id2} sedan {rev} (filen hette `{was_path}`)",
    ),
    e(
        "SD0904",
        "--base needs the site in a git repository with that revision fetched",
        "--base kräver att webbplatsen ligger i ett git-förråd där den revisionen är hämtad",
    ),
    e(
        "SD0904",
        "check --base {rev}: {why}",
        "check --base {rev}: {why}",
    ),
    e(
        "SD0905",
        "the text changed and `version` went from {old} to {new} since {rev}: say whether readers must confirm it again",
        "texten har ändrats och `version` har gått från {old} till {new} sedan {rev}: ange om läsarna måste bekräfta den igen",
    ),
    e(
        "SD1001",
        "cannot read `{path}`: {e}",
        "kan inte läsa `{path}`: {e}",
    ),
    e(
        "SD1001",
        "cannot read file: {e}",
        "kan inte läsa filen: {e}",
    ),
    e(
        "SD1001",
        "cannot read the file: {e}",
        "kan inte läsa filen: {e}",
    ),
    e(
        "SD1001",
        "cannot read {dir}: {e}",
        "kan inte läsa {dir}: {e}",
    ),
    e(
        "SD1001",
        "cannot read: {e}",
        "kan inte läsas: {e}",
    ),
    e(
        "SD1001",
        "cannot write packages here: it is a file, not a folder; choose a folder with --out",
        "kan inte skriva paket här: det är en fil, inte en mapp; välj en mapp med --out",
    ),
    e(
        "SD1001",
        "cannot write packages inside the site's {protected}/ folder: they would become part of the site; choose a folder outside it",
        "kan inte skriva paket i webbplatsens mapp {protected}/: de skulle bli en del av webbplatsen; välj en mapp utanför den",
    ),
    e(
        "SD1001",
        "cannot write packages into the folder: {e}",
        "kan inte skriva paket i mappen: {e}",
    ),
    e(
        "SD1001",
        "cannot write the package: {e}",
        "kan inte skriva paketet: {e}",
    ),
    e(
        "SD1001",
        "cannot write {path}: {e}",
        "kan inte skriva {path}: {e}",
    ),
    e(
        "SD1001",
        "cannot write {rel}: {e}",
        "kan inte skriva {rel}: {e}",
    ),
    e(
        "SD1001",
        "cannot write: {e}",
        "kan inte skriva: {e}",
    ),
    e(
        "SD1001",
        "refusing to write outside the output folder",
        "vägrar att skriva utanför utdatamappen",
    ),
    e(
        "SD1001",
        "the output folder `{out}` cannot be resolved (`{p}`: {e})",
        "utdatamappen `{out}` kan inte slås upp (`{p}`: {e})",
    ),
    e(
        "SD1001",
        "the output folder `{out}` cannot be resolved; name it without `..`",
        "utdatamappen `{out}` kan inte slås upp; ange den utan `..`",
    ),
    e(
        "SD1001",
        "the output folder `{shown}` contains the site itself; choose a folder inside it, such as public/",
        "utdatamappen `{shown}` innehåller själva webbplatsen; välj en mapp i den, till exempel public/",
    ),
    e(
        "SD1001",
        "the output folder `{shown}` is inside {protected}/",
        "utdatamappen `{shown}` ligger i {protected}/",
    ),
    e(
        "SD1001",
        "the output folder `{shown}` is the home folder or holds it; a build replaces its output folder whole, so choose a folder of its own, such as public/",
        "utdatamappen `{shown}` är hemmappen eller innehåller den; ett bygge ersätter hela sin utdatamapp, så välj en egen mapp, till exempel public/",
    ),
    e(
        "SD1001",
        "the output folder `{shown}` {why}",
        "utdatamappen `{shown}` {why}",
    ),
    e(
        "SD1001",
        "the output folder has no parent folder",
        "utdatamappen har ingen överordnad mapp",
    ),
    e(
        "SD1001",
        "the output folder {why}",
        "utdatamappen {why}",
    ),
    e(
        "SD1003",
        "answers has `{item}`, not question-id=1 or =0; the answers are left out",
        "answers har `{item}`, inte fråge-id=1 eller =0; svaren räknas inte",
    ),
    e(
        "SD1003",
        "attempt is `{other}`, not pre, post or retention; row skipped",
        "attempt är `{other}`, inte pre, post eller retention; raden hoppades över",
    ),
    e(
        "SD1003",
        "kind is `{kind}`, not quiz or receipt; row skipped",
        "kind är `{kind}`, inte quiz eller receipt; raden hoppades över",
    ),
    e(
        "SD1003",
        "no e-mail, name or id; row skipped",
        "ingen e-post, inget namn eller id; raden hoppades över",
    ),
    e(
        "SD1003",
        "passed is `{other}`, not true or false; row skipped",
        "passed är `{other}`, inte true eller false; raden hoppades över",
    ),
    e(
        "SD1003",
        "score is `{s}`, not a percent from 0 to 100; the score is left out",
        "score är `{s}`, inte en procentsats från 0 till 100; poängen räknas inte",
    ),
    e(
        "SD1003",
        "the file is empty; it needs a header row",
        "filen är tom; den behöver en rubrikrad",
    ),
    e(
        "SD1003",
        "the header row lacks the column(s) {missing}",
        "rubrikraden saknar kolumnen/kolumnerna {missing}",
    ),
    e(
        "SD1003",
        "the header row is neither styrdok's results export (kind, id, version, passed) nor a learning platform's: no column for {missing}",
        "rubrikraden är varken styrdoks resultatexport (kind, id, version, passed) eller en lärplattforms: ingen kolumn för {missing}",
    ),
    e(
        "SD1003",
        "no e-mail, user id or name; row skipped",
        "ingen e-post, inget användar-id eller namn; raden hoppades över",
    ),
    e(
        "SD1003",
        "the status `{w}` is none of passed, failed, completed or in progress; row skipped",
        "statusen `{w}` är varken godkänd, underkänd, slutförd eller pågående; raden hoppades över",
    ),
    e(
        "SD1003",
        "score is `{text}`, not a percent from 0 to 100 or points out of a maximum; the score is left out",
        "poängen är `{text}`, inte en procentsats från 0 till 100 eller poäng av ett maximum; poängen räknas inte",
    ),
    e(
        "SD1003",
        "the completion date `{date}` is not a date YYYY-MM-DD; the date is left out",
        "slutdatumet `{date}` är inte ett datum ÅÅÅÅ-MM-DD; datumet räknas inte",
    ),
    e(
        "SD1003",
        "{n} row(s), the first on this line, are of courses that are no styrdok package; skipped",
        "{n} rad(er), den första på denna rad, gäller kurser som inte är styrdok-paket; de hoppades över",
    ),
    e(
        "SD1003",
        "{n} row(s), the first on this line, are results of the path {path}'s package, which do not say which of its modules were passed; skipped",
        "{n} rad(er), den första på denna rad, är resultat för paketet till utbildningsvägen {path}, som inte säger vilka av dess moduler som klarades; de hoppades över",
    ),
    e(
        "SD1004",
        "`{key}` is already in the roster on line {first}; row skipped",
        "`{key}` finns redan i personallistan på rad {first}; raden hoppades över",
    ),
    e(
        "SD1004",
        "start_date is `{start}`, not a date YYYY-MM-DD; the date is left out",
        "start_date är `{start}`, inte ett datum ÅÅÅÅ-MM-DD; datumet räknas inte",
    ),
    e(
        "SD1004",
        "the roster is empty; it needs a header row",
        "personallistan är tom; den behöver en rubrikrad",
    ),
    e(
        "SD1004",
        "the roster row has no e-mail or person id; row skipped",
        "raden i personallistan saknar e-post och person-id; raden hoppades över",
    ),
    e(
        "SD1004",
        "the roster's header row lacks the column(s) {missing}",
        "personallistans rubrikrad saknar kolumnen/kolumnerna {missing}",
    ),
    e(
        "SD1010",
        "cannot make the PDF of version {version}: {e}",
        "kan inte skapa PDF-filen för version {version}: {e}",
    ),
    e(
        "SD1010",
        "cannot make the PDFs: no threads could be started for them",
        "kan inte skapa PDF-filerna: inga trådar kunde startas för dem",
    ),
    e(
        "SD1101",
        "`applicable` of control {control} must be true or false",
        "`applicable` för åtgärd {control} måste vara true eller false",
    ),
    e(
        "SD1101",
        "`target` of control {control} is `{t}`, not a date",
        "`target` för åtgärd {control} är `{t}`, inte ett datum",
    ),
    e(
        "SD1101",
        "`{s}` is not an implementation status",
        "`{s}` är ingen genomförandestatus",
    ),
    e(
        "SD1101",
        "applicable control {control} has no `status`",
        "den tillämpliga åtgärden {control} saknar `status`",
    ),
    e(
        "SD1101",
        "control {control} is listed twice in `applicability`",
        "åtgärd {control} finns två gånger i `applicability`",
    ),
    e(
        "SD1102",
        "control {control} has no `justification`; an {why} control needs one",
        "åtgärd {control} saknar `justification`; en {why} åtgärd behöver en",
    ),
    e(
        "SD1103",
        "the Statement of Applicability leaves out {missing} of the 93 Annex A controls: {list}",
        "uttalandet om tillämplighet utelämnar {missing} av de 93 åtgärderna i Annex A: {list}",
    ),
    e(
        "SD1104",
        "a site has one Statement of Applicability, and {source_path} already is it",
        "en webbplats har ett uttalande om tillämplighet, och {source_path} är redan det",
    ),
    e(
        "SD1105",
        "`{id}` is a {kind}; only policies, guidelines and rules implement controls",
        "`{id}` är av typen {kind}; bara policyer, riktlinjer och regler genomför åtgärder",
    ),
    e(
        "SD1105",
        "control {control} is excluded but lists implementing documents",
        "åtgärd {control} är undantagen men listar genomförande dokument",
    ),
    e(
        "SD1105",
        "unknown document id `{id}` for control {control}",
        "okänt dokument-id `{id}` för åtgärd {control}",
    ),
    e(
        "SD1106",
        "cites control {control}, which the Statement of Applicability ({source_path}) excludes",
        "hänvisar till åtgärd {control}, som uttalandet om tillämplighet ({source_path}) undantar",
    ),
    e(
        "SD1107",
        "control {control} should have been implemented by {target} and is not",
        "åtgärd {control} skulle ha varit genomförd senast {target} och är det inte",
    ),
    e(
        "SD1108",
        "control {control}: the Statement of Applicability lists {id}, but {id} does not cite the control in `iso27001`",
        "åtgärd {control}: uttalandet om tillämplighet listar {id}, men {id} hänvisar inte till åtgärden i `iso27001`",
    ),
    e(
        "SD1108",
        "control {control}: {id} cites it, but the Statement of Applicability does not list {id} in `documents`",
        "åtgärd {control}: {id} hänvisar till den, men uttalandet om tillämplighet listar inte {id} i `documents`",
    ),
    e(
        "SD1109",
        "`{id}` names no catalogue",
        "`{id}` anger ingen kravkatalog",
    ),
    e(
        "SD1109",
        "catalogue `{cat_id}` has no requirement `{req_id}`",
        "kravkatalogen `{cat_id}` har inget krav `{req_id}`",
    ),
    e(
        "SD1110",
        "`{id}` is not a valid catalogue id",
        "`{id}` är inget giltigt id för en kravkatalog",
    ),
    e(
        "SD1110",
        "`{id}` is not a valid requirement id",
        "`{id}` är inget giltigt krav-id",
    ),
    e(
        "SD1110",
        "catalogue id `{id}` is built in",
        "katalog-id:t `{id}` är inbyggt",
    ),
    e(
        "SD1110",
        "duplicate catalogue id `{id}`",
        "katalog-id:t `{id}` förekommer två gånger",
    ),
    e(
        "SD1110",
        "duplicate requirement id `{id}` in catalogue `{id2}`",
        "krav-id:t `{id}` förekommer två gånger i kravkatalogen `{id2}`",
    ),
    e(
        "",
        ", {count} warning(s): run styrdok check",
        ", {count} varning(ar): kör styrdok check",
    ),
    e(
        "",
        "--format summary needs --base REV: the revision to compare with",
        "--format summary kräver --base REV: revisionen att jämföra med",
    ),
    e(
        "",
        "<{element}> has {why} (`{name}`)",
        "<{element}> har {why} (`{name}`)",
    ),
    e(
        "",
        "Annex A controls are 5.1–5.37, 6.1–6.8, 7.1–7.14 and 8.1–8.34; write them in quotes, e.g. \"5.24\"",
        "Annex A-åtgärderna är 5.1–5.37, 6.1–6.8, 7.1–7.14 och 8.1–8.34; skriv dem inom citattecken, t.ex. \"5.24\"",
    ),
    e(
        "",
        "Build failed with {errors} error(s); the browser shows them until they are fixed.",
        "Bygget misslyckades med {errors} fel; webbläsaren visar dem tills de är rättade.",
    ),
    e(
        "",
        "Build failed; the output folder was left as it was.",
        "Bygget misslyckades; utdatamappen lämnades som den var.",
    ),
    e(
        "",
        "Building…",
        "Bygger …",
    ),
    e(
        "",
        "Built {pages} pages in {ms} ms",
        "Byggde {pages} sidor på {ms} ms",
    ),
    e(
        "",
        "Built {pages} pages into {out} in {ms} ms",
        "Byggde {pages} sidor till {out} på {ms} ms",
    ),
    e(
        "",
        "Built {pages} pages into {out} in {ms} ms (with drafts)",
        "Byggde {pages} sidor till {out} på {ms} ms (med utkast)",
    ),
    e(
        "",
        "Export failed.",
        "Exporten misslyckades.",
    ),
    e(
        "",
        "No packages: the site has no published, active training module or path.",
        "Inga paket: webbplatsen har ingen publicerad, aktiv utbildningsmodul eller utbildningsväg.",
    ),
    e(
        "",
        "No problems found.",
        "Inga problem hittades.",
    ),
    e(
        "",
        "Re-rendered {pages} pages in {ms} ms",
        "Renderade om {pages} sidor på {ms} ms",
    ),
    e(
        "",
        "Refreshed lists, governance views and the search index in {ms} ms",
        "Uppdaterade listor, styrningsvyer och sökindex på {ms} ms",
    ),
    e(
        "",
        "STYRDOK_TODAY must be a date YYYY-MM-DD, not `{v}`",
        "STYRDOK_TODAY måste vara ett datum ÅÅÅÅ-MM-DD, inte `{v}`",
    ),
    e(
        "",
        "Serving {site} at {url} (with drafts) — press Ctrl+C to stop",
        "Visar {site} på {url} (med utkast) — tryck Ctrl+C för att avsluta",
    ),
    e(
        "",
        "Serving {site} at {url} — press Ctrl+C to stop",
        "Visar {site} på {url} — tryck Ctrl+C för att avsluta",
    ),
    e(
        "",
        "Windows and macOS checkouts and many web servers see one file; rename one of them",
        "Windows, macOS och många webbservrar ser dem som en fil; byt namn på en av dem",
    ),
    e(
        "",
        "Wrote a new site ({n} files) into {dir}. Next:",
        "Skrev en ny webbplats ({n} filer) i {dir}. Nästa steg:",
    ),
    e(
        "",
        "Wrote {n} packages into {out}",
        "Skrev {n} paket till {out}",
    ),
    e(
        "",
        "Wrote {path} (status draft)",
        "Skrev {path} (status utkast)",
    ),
    e(
        "",
        "Wrote {path} ({id}, status draft)",
        "Skrev {path} ({id}, status utkast)",
    ),
    e(
        "",
        "`{dir}` is not empty; styrdok init only writes into a new or empty folder",
        "`{dir}` är inte tom; styrdok init skriver bara i en ny eller tom mapp",
    ),
    e(
        "",
        "`{end_key}` {end} is before `{start_key}` {start}",
        "`{end_key}` {end} är före `{start_key}` {start}",
    ),
    e(
        "",
        "`{id}` covers it but is not approved yet",
        "`{id}` täcker den men är inte fastställd än",
    ),
    e(
        "",
        "`{id}` is an ISO/IEC 27002:2013 number; in the 2022 edition it is {successors}",
        "`{id}` är ett nummer ur ISO/IEC 27002:2013; i 2022 års utgåva är det {successors}",
    ),
    e(
        "",
        "`{key}` belongs to {owners}",
        "`{key}` hör till {owners}",
    ),
    e(
        "",
        "`{parent}` is a {kind}; a {child}'s parent must be a {want}",
        "`{parent}` är av typen {kind}; överordnat dokument till typen {child} måste vara av typen {want}",
    ),
    e(
        "",
        "`{path}` and `{first}` {how}",
        "`{path}` och `{first}` {how}",
    ),
    e(
        "",
        "`{rel}` already exists; styrdok new never overwrites a file",
        "`{rel}` finns redan; styrdok new skriver aldrig över en fil",
    ),
    e(
        "",
        "`{root}` has no site.yaml",
        "`{root}` har ingen site.yaml",
    ),
    e(
        "",
        "`{shown}` (the file system root) cannot be an output folder; choose a folder of its own, such as public/",
        "`{shown}` (filsystemets rot) kan inte vara utdatamapp; välj en egen mapp, till exempel public/",
    ),
    e(
        "",
        "`{shown}` is not inside the site's content/ folder",
        "`{shown}` ligger inte i webbplatsens content/-mapp",
    ),
    e(
        "",
        "`{shown}` is outside content/; write e.g. content/{parts}",
        "`{shown}` ligger utanför content/; skriv t.ex. content/{parts}",
    ),
    e(
        "",
        "`{shown}` must be a Markdown file ending in .md",
        "`{shown}` måste vara en Markdown-fil som slutar på .md",
    ),
    e(
        "",
        "`{shown}` must stay inside content/ (no `..`)",
        "`{shown}` måste ligga i content/ (inga `..`)",
    ),
    e(
        "",
        "`{shown}`: hidden files and folders are not built",
        "`{shown}`: dolda filer och mappar byggs inte",
    ),
    e(
        "",
        "a CDATA section",
        "ett CDATA-avsnitt",
    ),
    e(
        "",
        "a DOCTYPE (it can define entities)",
        "en DOCTYPE (den kan definiera entiteter)",
    ),
    e(
        "",
        "a backup or copy file",
        "en säkerhetskopia eller kopia",
    ),
    e(
        "",
        "a boolean",
        "true eller false",
    ),
    e(
        "",
        "a browser would run it as part of the site; publish the content as a Markdown page, or as a PDF",
        "en webbläsare skulle köra den som en del av webbplatsen; publicera innehållet som en Markdown-sida eller som PDF",
    ),
    e(
        "",
        "a catalogue id uses lower-case letters, digits and -, e.g. `gdpr32`",
        "ett katalog-id består av små bokstäver, siffror och -, t.ex. `gdpr32`",
    ),
    e(
        "",
        "a draft is 0.x; the approved version is 1.0 or higher, e.g. version: \"1.0\"",
        "ett utkast har version 0.x; den fastställda versionen är 1.0 eller högre, t.ex. version: \"1.0\"",
    ),
    e(
        "",
        "a link out of the drawing",
        "en länk ut ur ritningen",
    ),
    e(
        "",
        "a list, e.g. [a, b]",
        "en lista, t.ex. [a, b]",
    ),
    e(
        "",
        "a malformed attribute",
        "ett felformat attribut",
    ),
    e(
        "",
        "a malformed tag",
        "en felformad tagg",
    ),
    e(
        "",
        "a map",
        "nycklar och värden",
    ),
    e(
        "",
        "a namespace other than SVG's",
        "en annan namnrymd än SVG:s",
    ),
    e(
        "",
        "a new version needs a number above {old}, e.g. \"{next}\"",
        "en ny version behöver ett nummer över {old}, t.ex. \"{next}\"",
    ),
    e(
        "",
        "a processing instruction (such as a stylesheet)",
        "en bearbetningsinstruktion (till exempel en stilmall)",
    ),
    e(
        "",
        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
        "ett citattecken i ett fält utan citattecken; citera hela fältet och dubblera citattecknet (\"\")",
    ),
    e(
        "",
        "a quoted field is never closed",
        "ett citerat fält avslutas aldrig",
    ),
    e(
        "",
        "a retired {kind}",
        "ett upphävt dokument av typen {kind}",
    ),
    e(
        "",
        "a second root element",
        "ett andra rotelement",
    ),
    e(
        "",
        "a sequence",
        "en lista",
    ),
    e(
        "",
        "a string",
        "en text",
    ),
    e(
        "",
        "a tag without a name",
        "en tagg utan namn",
    ),
    e(
        "",
        "a value that loads or runs something",
        "ett värde som läser in eller kör något",
    ),
    e(
        "",
        "a whole number",
        "ett heltal",
    ),
    e(
        "",
        "a whole number (0 or more)",
        "ett heltal (0 eller mer)",
    ),
    e(
        "",
        "a {kind}",
        "ett dokument av typen {kind}",
    ),
    e(
        "",
        "a {kind} file",
        "en {kind}-fil",
    ),
    e(
        "",
        "a {kind} has no parent; --parent is for guideline, rule and policy",
        "typen {kind} har inget överordnat dokument; --parent gäller riktlinje, regel och policy",
    ),
    e(
        "",
        "a {kind} needs a parent, and the site has no {want} yet; write that first or give --parent",
        "typen {kind} behöver ett överordnat dokument, och webbplatsen har ingen {want} än; skriv den först eller ange --parent",
    ),
    e(
        "",
        "active content, or not what its name says",
        "aktivt innehåll, eller inte vad namnet säger",
    ),
    e(
        "",
        "add `acknowledge: true` (a change of substance: readers who confirmed an earlier version are asked again) or `acknowledge: false` (an editorial change: their confirmations still count)",
        "lägg till `acknowledge: true` (en ändring i sak: läsare som bekräftat en tidigare version ombeds bekräfta igen) eller `acknowledge: false` (en redaktionell ändring: deras bekräftelser gäller fortfarande)",
    ),
    e(
        "",
        "add `areas: [{id}]` to the guideline or rule that covers it",
        "lägg till `areas: [{id}]` i den riktlinje eller regel som täcker det",
    ),
    e(
        "",
        "add `quiz: ID` (a file quizzes/ID.yaml) or remove the key",
        "lägg till `quiz: ID` (en fil quizzes/ID.yaml) eller ta bort nyckeln",
    ),
    e(
        "",
        "add `retired_on: YYYY-MM-DD` so that gallande/ can tell when it stopped applying",
        "lägg till `retired_on: ÅÅÅÅ-MM-DD` så att gallande/ kan visa när det upphörde att gälla",
    ),
    e(
        "",
        "add an entry for each, with `applicable: false` and a justification if it does not apply",
        "lägg till en post för var och en, med `applicable: false` och en motivering om den inte är tillämplig",
    ),
    e(
        "",
        "addresses of this site start with {root}; a relative link or id: keeps working when it moves",
        "adresserna på denna webbplats börjar med {root}; en relativ länk eller id: fortsätter att fungera om den flyttas",
    ),
    e(
        "",
        "allowed values: {allowed}",
        "tillåtna värden: {allowed}",
    ),
    e(
        "",
        "an active {kind}",
        "ett aktivt dokument av typen {kind}",
    ),
    e(
        "",
        "an attribute of another namespace",
        "ett attribut ur en annan namnrymd",
    ),
    e(
        "",
        "an attribute that is not a drawing's",
        "ett attribut som inte hör till en ritning",
    ),
    e(
        "",
        "an end tag that closes no open element",
        "en sluttagg som inte stänger något öppet element",
    ),
    e(
        "",
        "an event handler",
        "en händelsehanterare",
    ),
    e(
        "",
        "an excluded control is implemented by nothing; set `applicable: true` or remove `documents`",
        "en undantagen åtgärd genomförs inte av något; sätt `applicable: true` eller ta bort `documents`",
    ),
    e(
        "",
        "an unclosed XML declaration",
        "en XML-deklaration som inte avslutas",
    ),
    e(
        "",
        "an unclosed comment",
        "en kommentar som inte avslutas",
    ),
    e(
        "",
        "an unclosed end tag",
        "en sluttagg som inte avslutas",
    ),
    e(
        "",
        "area",
        "område",
    ),
    e(
        "",
        "boolean {value}",
        "värdet {value}",
    ),
    e(
        "",
        "cannot be read: {e}",
        "kan inte läsas: {e}",
    ),
    e(
        "",
        "cannot create {dir}: {e}",
        "kan inte skapa {dir}: {e}",
    ),
    e(
        "",
        "cannot create {parent}: {e}",
        "kan inte skapa {parent}: {e}",
    ),
    e(
        "",
        "cannot listen on {addr}",
        "kan inte lyssna på {addr}",
    ),
    e(
        "",
        "cannot listen on {addr}: {e}",
        "kan inte lyssna på {addr}: {e}",
    ),
    e(
        "",
        "cannot watch {path}: {e}",
        "kan inte bevaka {path}: {e}",
    ),
    e(
        "",
        "cannot watch {root}: {e}",
        "kan inte bevaka {root}: {e}",
    ),
    e(
        "",
        "choose a darker colour",
        "välj en mörkare färg",
    ),
    e(
        "",
        "close the HTML tags you open, or nest fewer lists and quotes",
        "stäng de HTML-taggar du öppnar, eller nästla färre listor och citat",
    ),
    e(
        "",
        "contains characters not allowed in a path",
        "innehåller tecken som inte är tillåtna i en sökväg",
    ),
    e(
        "",
        "custom data belongs under `extra:`",
        "egna uppgifter hör hemma under `extra:`",
    ),
    e(
        "",
        "delete it (it is invisible in most editors; it often comes from copying out of another program)",
        "ta bort det (det syns inte i de flesta redigerare; det kommer ofta från kopiering ur ett annat program)",
    ),
    e(
        "",
        "delete it, or move it out of content/: editors' backups and copies may hold text that must not be published",
        "ta bort den eller flytta den ur content/: redigerares säkerhetskopior och kopior kan innehålla text som inte får publiceras",
    ),
    e(
        "",
        "delete the copy; pages are the .md files",
        "ta bort kopian; sidorna är .md-filerna",
    ),
    e(
        "",
        "did you mean `#{near}`?",
        "menade du `#{near}`?",
    ),
    e(
        "",
        "did you mean `id:{near}`?",
        "menade du `id:{near}`?",
    ),
    e(
        "",
        "did you mean `{cat_id}:{near}`?",
        "menade du `{cat_id}:{near}`?",
    ),
    e(
        "",
        "did you mean `{near}`?",
        "menade du `{near}`?",
    ),
    e(
        "",
        "did you mean `{near}`? Allowed: {allowed}",
        "menade du `{near}`? Tillåtna: {allowed}",
    ),
    e(
        "",
        "did you mean {root}{near}?",
        "menade du {root}{near}?",
    ),
    e(
        "",
        "differ only in how a letter such as å, ä or ö is encoded (composed or decomposed)",
        "skiljer sig bara i hur en bokstav som å, ä eller ö är kodad (sammansatt eller uppdelad)",
    ),
    e(
        "",
        "differ only in upper and lower case",
        "skiljer sig bara i versaler och gemener",
    ),
    e(
        "",
        "document id",
        "dokument-id",
    ),
    e(
        "",
        "does not exist",
        "finns inte",
    ),
    e(
        "",
        "error: {msg}",
        "fel: {msg}",
    ),
    e(
        "",
        "every module is also packaged for learning platforms (SCORM), which record each answer as a choice among at most 36 options; split the question",
        "varje modul paketeras också för lärplattformar (SCORM), som registrerar varje svar som ett val bland högst 36 alternativ; dela upp frågan",
    ),
    e(
        "",
        "excluded",
        "undantagen",
    ),
    e(
        "",
        "export the LRS's GET /statements pages as JSON, one after another",
        "exportera LRS:ens GET /statements-sidor som JSON, den ena efter den andra",
    ),
    e(
        "",
        "export the drawing as \"plain SVG\" (or PNG) without scripts, links, animation or embedded content",
        "exportera ritningen som \"vanlig SVG\" (eller PNG) utan skript, länkar, animering eller inbäddat innehåll",
    ),
    e(
        "",
        "fetch every page, following `more` until it is empty",
        "hämta varje sida och följ `more` tills den är tom",
    ),
    e(
        "",
        "file not found",
        "filen finns inte",
    ),
    e(
        "",
        "floating point {value}",
        "decimaltalet {value}",
    ),
    e(
        "",
        "give the file a name, e.g. `sida.md`",
        "ge filen ett namn, t.ex. `sida.md`",
    ),
    e(
        "",
        "governing documents",
        "styrande dokument",
    ),
    e(
        "",
        "headings there: {headings}",
        "rubriker där: {headings}",
    ),
    e(
        "",
        "holds files that styrdok did not make (it has no {MARKER} file); a build replaces its output folder whole, so choose another folder, empty this one, or pass --force to replace it and everything in it",
        "innehåller filer som styrdok inte har skapat (den saknar filen {MARKER}); ett bygge ersätter hela sin utdatamapp, så välj en annan mapp, töm den här eller ange --force för att ersätta den och allt i den",
    ),
    e(
        "",
        "ids use letters, digits and . _ : / -",
        "id består av bokstäver, siffror och . _ : / -",
    ),
    e(
        "",
        "ids use letters, digits and . _ : / - (e.g. LIS-R-04)",
        "id består av bokstäver, siffror och . _ : / - (t.ex. LIS-R-04)",
    ),
    e(
        "",
        "in 1 day",
        "om 1 dag",
    ),
    e(
        "",
        "in {n} days",
        "om {n} dagar",
    ),
    e(
        "",
        "included",
        "inkluderad",
    ),
    e(
        "",
        "integer {value}",
        "talet {value}",
    ),
    e(
        "",
        "is a file, not a folder; styrdok does not replace it: choose a folder with --out",
        "är en fil, inte en mapp; styrdok ersätter den inte: välj en mapp med --out",
    ),
    e(
        "",
        "is a mount point, which cannot be replaced; build into a folder inside it, such as public/",
        "är en monteringspunkt, som inte kan ersättas; bygg till en mapp i den, till exempel public/",
    ),
    e(
        "",
        "is a symbolic link (to `{target}`); styrdok does not replace links: name the folder itself with --out",
        "är en symbolisk länk (till `{target}`); styrdok ersätter inte länkar: ange själva mappen med --out",
    ),
    e(
        "",
        "is a symbolic link; styrdok does not replace links: name the folder itself with --out",
        "är en symbolisk länk; styrdok ersätter inte länkar: ange själva mappen med --out",
    ),
    e(
        "",
        "is not a file",
        "är ingen fil",
    ),
    e(
        "",
        "is {size}; the limit is {limit}",
        "är {size}; gränsen är {limit}",
    ),
    e(
        "",
        "keep `id: {id}`: the id is the document itself, and a new one breaks every `id:` link and read receipt",
        "behåll `id: {id}`: id:t är själva dokumentet, och ett nytt bryter varje `id:`-länk och läskvittens",
    ),
    e(
        "",
        "keep `status: active` with `valid_until` set to the last day until then",
        "behåll `status: active` med `valid_until` satt till den sista dagen fram till dess",
    ),
    e(
        "",
        "keys and values",
        "nycklar och värden",
    ),
    e(
        "",
        "known catalogues: {known}",
        "kända kravkataloger: {known}",
    ),
    e(
        "",
        "known: {list}",
        "kända: {list}",
    ),
    e(
        "",
        "link it from the page it belongs to, or put it in a `{declared_folder}/` folder to publish it without a link; delete it if nobody needs it",
        "länka den från sidan den hör till, eller lägg den i en `{declared_folder}/`-mapp för att publicera den utan länk; ta bort den om ingen behöver den",
    ),
    e(
        "",
        "links and ids that name a document with errors would all look broken; fix its errors and run check again",
        "länkar och id som anger ett dokument med fel skulle alla se trasiga ut; rätta dess fel och kör check igen",
    ),
    e(
        "",
        "links may be relative paths, id:, https:, http:, mailto: or tel:",
        "länkar kan vara relativa sökvägar, id:, https:, http:, mailto: eller tel:",
    ),
    e(
        "",
        "modules",
        "moduler",
    ),
    e(
        "",
        "more than {MAX_ATTRIBUTES} attributes on one element",
        "mer än {MAX_ATTRIBUTES} attribut på ett element",
    ),
    e(
        "",
        "must be a path on this site, not a URL",
        "måste vara en sökväg på denna webbplats, inte en URL",
    ),
    e(
        "",
        "must be a path starting with `/`",
        "måste vara en sökväg som börjar med `/`",
    ),
    e(
        "",
        "must not be the start page",
        "får inte vara startsidan",
    ),
    e(
        "",
        "must not contain `.`, `..` or `\\` segments",
        "får inte innehålla `.`, `..` eller `\\`",
    ),
    e(
        "",
        "name an .svg, .png, .webp or .jpg file inside the site folder, e.g. static/logo.svg",
        "ange en .svg-, .png-, .webp- eller .jpg-fil i webbplatsens mapp, t.ex. static/logo.svg",
    ),
    e(
        "",
        "no usable temp folder: {e}",
        "ingen användbar tillfällig mapp: {e}",
    ),
    e(
        "",
        "not an xAPI statements export: {e}",
        "ingen export av xAPI-utsagor: {e}",
    ),
    e(
        "",
        "note: {note}",
        "obs: {note}",
    ),
    e(
        "",
        "of a type styrdok does not publish",
        "av en typ som styrdok inte publicerar",
    ),
    e(
        "",
        "parent document",
        "överordnat dokument",
    ),
    e(
        "",
        "plan the review with the document owner",
        "planera översynen med dokumentägaren",
    ),
    e(
        "",
        "put long text in the Markdown body below the closing `---`",
        "lägg lång text i Markdown-texten under den avslutande `---`",
    ),
    e(
        "",
        "put the image in content/ and link it by relative path: readers' browsers must not contact other sites, and the Content-Security-Policy blocks such images",
        "lägg bilden i content/ och länka den med relativ sökväg: läsarnas webbläsare får inte kontakta andra webbplatser, och Content-Security-Policy blockerar sådana bilder",
    ),
    e(
        "",
        "raise `version` (e.g. to \"{next}\") and say what changed in `changes`",
        "höj `version` (t.ex. till \"{next}\") och skriv vad som ändrats i `changes`",
    ),
    e(
        "",
        "rename it: a file's name becomes part of its address",
        "byt namn på den: filens namn blir en del av dess adress",
    ),
    e(
        "",
        "replace `{v}` with the real value, or remove the key",
        "ersätt `{v}` med det riktiga värdet, eller ta bort nyckeln",
    ),
    e(
        "",
        "replace the line with the document's own text before it is set to active",
        "ersätt raden med dokumentets egen text innan det sätts till active",
    ),
    e(
        "",
        "review the document, raise its version and set a new review_by",
        "se över dokumentet, höj dess version och sätt ett nytt review_by",
    ),
    e(
        "",
        "revise it in time, or let it expire and retire it",
        "revidera det i tid, eller låt det löpa ut och upphäv det",
    ),
    e(
        "",
        "revise it with a new version and a later `valid_until`, or retire it",
        "revidera det med en ny version och ett senare `valid_until`, eller upphäv det",
    ),
    e(
        "",
        "role",
        "roll",
    ),
    e(
        "",
        "save it without macros (as .docx, .xlsx or .pptx), or as a PDF",
        "spara den utan makron (som .docx, .xlsx eller .pptx), eller som PDF",
    ),
    e(
        "",
        "save the file again from the program that made it, under the right extension",
        "spara filen igen från programmet som skapade den, med rätt filändelse",
    ),
    e(
        "",
        "save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)",
        "spara filen som UTF-8 (i de flesta redigerare: \"Spara med kodning\" → UTF-8)",
    ),
    e(
        "",
        "say why the control applies (a risk, a law, a requirement) or why it does not",
        "skriv varför åtgärden är tillämplig (en risk, en lag, ett krav) eller varför den inte är det",
    ),
    e(
        "",
        "set `status: retired` too, or use `valid_until` for the last day a document in force applies",
        "sätt även `status: retired`, eller använd `valid_until` för den sista dagen ett gällande dokument gäller",
    ),
    e(
        "",
        "shorter sentences and shorter words help; the longest sentences: {longest}",
        "kortare meningar och kortare ord hjälper; de längsta meningarna: {longest}",
    ),
    e(
        "",
        "split it into several documents",
        "dela upp det i flera dokument",
    ),
    e(
        "",
        "string {value}",
        "texten {value}",
    ),
    e(
        "",
        "styrdok publishes PDF, PNG, JPEG, GIF, WebP, SVG drawings, Word/Excel/PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, odp), CSV and TXT files",
        "styrdok publicerar PDF, PNG, JPEG, GIF, WebP, SVG-ritningar, Word/Excel/PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, odp), CSV- och TXT-filer",
    ),
    e(
        "",
        "text after a closing quote; a field is either quoted whole or not at all",
        "text efter ett avslutande citattecken; ett fält är antingen citerat i sin helhet eller inte alls",
    ),
    e(
        "",
        "text outside the <svg> element",
        "text utanför <svg>-elementet",
    ),
    e(
        "",
        "the SoA and the document's own list are merged on the site; make them agree",
        "uttalandet om tillämplighet och dokumentets egen lista slås ihop på webbplatsen; se till att de stämmer överens",
    ),
    e(
        "",
        "the SoA says: {justification}; include the control there or remove it here",
        "uttalandet om tillämplighet säger: {justification}; ta med åtgärden där eller ta bort den här",
    ),
    e(
        "",
        "the attribute `{attr}` has an unknown entity",
        "attributet `{attr}` har en okänd entitet",
    ),
    e(
        "",
        "the attribute `{attr}` has no value",
        "attributet `{attr}` saknar värde",
    ),
    e(
        "",
        "the attribute `{attr}` is given twice",
        "attributet `{attr}` anges två gånger",
    ),
    e(
        "",
        "the attribute `{attr}` is not quoted",
        "attributet `{attr}` står inte inom citattecken",
    ),
    e(
        "",
        "the built-in catalogues are `iso27001` and `nis2`; choose another id",
        "de inbyggda kravkatalogerna är `iso27001` och `nis2`; välj ett annat id",
    ),
    e(
        "",
        "a learning platform's export is read by its headings, such as {names}",
        "en lärplattforms export läses efter sina kolumnrubriker, till exempel {names}",
    ),
    e(
        "",
        "a styrdok package's identifier carries the module id and version, such as styrdok-M-01-v2.0",
        "ett styrdok-pakets identifierare bär modulens id och version, till exempel styrdok-M-01-v2.0",
    ),
    e(
        "",
        "export the results per module (SCO), or let the platform assign the modules' own packages",
        "exportera resultaten per modul (SCO), eller låt plattformen tilldela modulernas egna paket",
    ),
    e(
        "",
        "the columns are {fields} (and optionally attempt, answers)",
        "kolumnerna är {fields} (och valfritt attempt, answers)",
    ),
    e(
        "",
        "the export's last page says there is more (`more`: {more}); the statements after it are not counted",
        "exportens sista sida säger att det finns fler (`more`: {more}); utsagorna efter den räknas inte",
    ),
    e(
        "",
        "the file has a <{name}> element",
        "filen har ett <{name}>-element",
    ),
    e(
        "",
        "the file has {what}",
        "filen har {what}",
    ),
    e(
        "",
        "the file watcher stopped",
        "filbevakningen stannade",
    ),
    e(
        "",
        "the id `{id}` is already used",
        "id:t `{id}` används redan",
    ),
    e(
        "",
        "the light grey of boxes",
        "den ljusgrå färgen i rutor",
    ),
    e(
        "",
        "the link `{link}` points to content/{target}, {why}",
        "länken `{link}` pekar på content/{target}, {why}",
    ),
    e(
        "",
        "the name contains the control character U+{u32}, which cannot be part of a safe address",
        "namnet innehåller styrtecknet U+{u32}, som inte kan ingå i en säker adress",
    ),
    e(
        "",
        "the name is not valid UTF-8 text, so it cannot be part of an address (the name is shown with � for the bytes that are not)",
        "namnet är inte giltig UTF-8-text och kan därför inte ingå i en adress (namnet visas med � för de byte som inte är det)",
    ),
    e(
        "",
        "the root element is <{name}>",
        "rotelementet är <{name}>",
    ),
    e(
        "",
        "the roster's columns are email (or person), name, unit, role, manager, start_date",
        "personallistans kolumner är email (eller person), name, unit, role, manager, start_date",
    ),
    e(
        "",
        "the site folder `{root}` does not exist",
        "webbplatsmappen `{root}` finns inte",
    ),
    e(
        "",
        "the site folder `{root}`: {e}",
        "webbplatsmappen `{root}`: {e}",
    ),
    e(
        "",
        "the status is one of: {written}",
        "statusen är en av: {written}",
    ),
    e(
        "",
        "there is no document with id `{id}`",
        "det finns inget dokument med id `{id}`",
    ),
    e(
        "",
        "today",
        "i dag",
    ),
    e(
        "",
        "unit",
        "enhet",
    ),
    e(
        "",
        "unit value",
        "ingenting",
    ),
    e(
        "",
        "update its `status`, or set a new `target` and say why in `changes`",
        "uppdatera dess `status`, eller sätt ett nytt `target` och skriv varför i `changes`",
    ),
    e(
        "",
        "which does not exist",
        "som inte finns",
    ),
    e(
        "",
        "which is never published: it is {reason}",
        "som aldrig publiceras: den är {reason}",
    ),
    e(
        "",
        "while rendering {page}",
        "när {page} renderades",
    ),
    e(
        "",
        "white",
        "vitt",
    ),
    e(
        "",
        "white text",
        "vit text",
    ),
    e(
        "",
        "write `applicable: true` (ja) or `applicable: false` (nej)",
        "skriv `applicable: true` (ja) eller `applicable: false` (nej)",
    ),
    e(
        "",
        "write `catalogue:requirement`, e.g. `nis2:21.2.b` or `iso27001:5.24`",
        "skriv `katalog:krav`, t.ex. `nis2:21.2.b` eller `iso27001:5.24`",
    ),
    e(
        "",
        "write a hex colour like \"#0f3a63\" (in quotes: YAML reads # as a comment)",
        "skriv en hexfärg som \"#0f3a63\" (inom citattecken: YAML läser # som en kommentar)",
    ),
    e(
        "",
        "write an address like it-servicedesk@kommun.se",
        "skriv en adress som it-servicedesk@kommun.se",
    ),
    e(
        "",
        "write an https:// address, or a path on this site starting with `/`",
        "skriv en https://-adress eller en sökväg på denna webbplats som börjar med `/`",
    ),
    e(
        "",
        "write dates as YYYY-MM-DD, e.g. 2026-03-31",
        "skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2026-03-31",
    ),
    e(
        "",
        "write dates as YYYY-MM-DD, e.g. 2026-12-31",
        "skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2026-12-31",
    ),
    e(
        "",
        "write digits with spaces or hyphens, e.g. 08-530 610 00 or +46 8 530 610 00",
        "skriv siffror med mellanslag eller bindestreck, t.ex. 08-530 610 00 eller +46 8 530 610 00",
    ),
    e(
        "",
        "write e.g. version: \"1.0\" or \"2.3\"",
        "skriv t.ex. version: \"1.0\" eller \"2.3\"",
    ),
    e(
        "",
        "write it in quotes, e.g. \"5.10\", so that YAML keeps it as text",
        "skriv det inom citattecken, t.ex. \"5.10\", så att YAML behåller det som text",
    ),
    e(
        "",
        "write the owner's or a functional mailbox's address, e.g. informationssakerhet@kommun.se",
        "skriv ägarens eller en funktionsbrevlådas adress, t.ex. informationssakerhet@kommun.se",
    ),
    e(
        "",
        "write the value as plain text; put it in quotes if it starts with `!`",
        "skriv värdet som vanlig text; sätt det inom citattecken om det börjar med `!`",
    ),
    e(
        "",
        "write the words that mean the same as a list: [mejl, e-post]",
        "skriv orden som betyder samma sak som en lista: [mejl, e-post]",
    ),
    e(
        "",
        "{errors} error(s), {warnings} warning(s)",
        "{errors} fel, {warnings} varning(ar)",
    ),
    e(
        "",
        "{errors} error(s), {warnings} warning(s), {notes} note(s)",
        "{errors} fel, {warnings} varning(ar), {notes} anmärkning(ar)",
    ),
    e(
        "",
        "{path}: {detail}",
        "{path}: {detail}",
    ),
    e(
        "",
        "{root}: {e}",
        "{root}: {e}",
    ),
    e(
        "",
        "{why} needs `{key}`",
        "{why} behöver `{key}`",
    ),
    e(
        "",
        "“{text}” ({words} words)",
        "”{text}” ({words} ord)",
    ),
    e(
        "",
        "Build the governing documents and training of an information-security management system into a static site",
        "Bygg styrdokumenten och utbildningen i ett ledningssystem för informationssäkerhet till en statisk webbplats",
    ),
    e(
        "",
        "Build the site into the output folder (default ROOT/public).",
        "Bygg webbplatsen i utdatamappen (standard: public/ i webbplatsmappen).",
    ),
    e(
        "",
        "Validate the site and report every problem, writing nothing.",
        "Granska webbplatsen och rapportera alla problem, utan att skriva något.",
    ),
    e(
        "",
        "Build, serve on the loopback interface, rebuild on change and reload open pages.",
        "Bygg, visa på den lokala adressen, bygg om vid ändring och ladda om öppna sidor.",
    ),
    e(
        "",
        "Write a new document with every key its type needs.",
        "Skriv ett nytt dokument med alla nycklar som dess typ behöver.",
    ),
    e(
        "",
        "Create a new site that builds at once.",
        "Skapa en ny webbplats som går att bygga direkt.",
    ),
    e(
        "",
        "Report who passed, learned and kept each module, per unit, from a CSV export of results; with --roster, coverage and who is overdue.",
        "Rapportera vilka som klarat, lärt sig och behållit varje modul, per enhet, från en CSV-export av resultat; med --roster även täckning och vilka som är försenade.",
    ),
    e(
        "",
        "Write the site's packages for learning platforms into a folder.",
        "Skriv webbplatsens paket för lärplattformar till en mapp.",
    ),
    e(
        "",
        "The SCORM 1.2, SCORM 2004 and cmi5 package of every published, active training module and path (the files a build writes to OUT/scorm/), written into DIR beside whatever is there.",
        "SCORM 1.2-, SCORM 2004- och cmi5-paketet för varje publicerad, gällande utbildningsmodul och utbildningsväg (de filer ett bygge skriver till UT/scorm/), skrivna till MAPP bredvid det som redan finns där.",
    ),
    e(
        "",
        "The language of messages (sv or en); default: STYRDOK_LANG, else the site's `language`.",
        "Meddelandenas språk (sv eller en); standard: STYRDOK_LANG, annars webbplatsens `language`.",
    ),
    e(
        "",
        "The site folder (holding site.yaml and content/).",
        "Webbplatsmappen (med site.yaml och content/).",
    ),
    e(
        "",
        "The output folder (default: ROOT/public).",
        "Utdatamappen (standard: public/ i webbplatsmappen).",
    ),
    e(
        "",
        "Also publish documents with status draft or review (a preview).",
        "Publicera även dokument med status utkast eller granskning (en förhandsvisning).",
    ),
    e(
        "",
        "Use this base URL instead of site.yaml's base_url.",
        "Använd den här basadressen i stället för base_url i site.yaml.",
    ),
    e(
        "",
        "Replace the output folder even if styrdok did not make it (never `/`, the home folder, the site root or a folder above them).",
        "Ersätt utdatamappen även om styrdok inte skapade den (aldrig `/`, hemmappen, webbplatsmappen eller en mapp ovanför dem).",
    ),
    e(
        "",
        "Results (a CSV export) for the aggregate follow-up page uppfoljning/.",
        "Resultat (en CSV-export) för den sammanställda uppföljningssidan uppfoljning/.",
    ),
    e(
        "",
        "With --completions: an HR roster, for coverage on the follow-up page.",
        "Med --completions: en personallista från HR, för täckningen på uppföljningssidan.",
    ),
    e(
        "",
        "How to print problems: text, json, github (Actions annotations), sarif (SARIF 2.1.0), gitlab (Code Quality), azure (logging commands), summary (Markdown for a pull request; needs --base).",
        "Hur problemen skrivs ut: text, json, github (Actions-anteckningar), sarif (SARIF 2.1.0), gitlab (Code Quality), azure (loggkommandon), summary (Markdown för en pull request; kräver --base).",
    ),
    e(
        "",
        "Treat warnings as errors.",
        "Behandla varningar som fel.",
    ),
    e(
        "",
        "A git revision (e.g. origin/main): governing documents whose text changed since then must have a higher version.",
        "En git-revision (t.ex. origin/main): styrdokument vars text har ändrats sedan dess måste ha en högre version.",
    ),
    e(
        "",
        "With --format summary: the preview's address, for a link to each changed document.",
        "Med --format summary: förhandsvisningens adress, för en länk till varje ändrat dokument.",
    ),
    e(
        "",
        "The port to listen on.",
        "Porten att lyssna på.",
    ),
    e(
        "",
        "The address to listen on; anything but loopback exposes the preview.",
        "Adressen att lyssna på; allt utom den lokala adressen gör förhandsvisningen åtkomlig för andra.",
    ),
    e(
        "",
        "Also show documents with status draft or review.",
        "Visa även dokument med status utkast eller granskning.",
    ),
    e(
        "",
        "Poll for changes instead of using file events (for network shares).",
        "Leta efter ändringar med jämna mellanrum i stället för att använda filhändelser (för nätverksenheter).",
    ),
    e(
        "",
        "The document type (English or Swedish: regel, riktlinje, policy, modul, utbildningsväg, sida).",
        "Dokumenttypen (på svenska eller engelska: regel, riktlinje, policy, modul, utbildningsväg, sida).",
    ),
    e(
        "",
        "The file to write, under content/ (e.g. content/regler/ny-regel.md).",
        "Filen att skriva, under content/ (t.ex. content/regler/ny-regel.md).",
    ),
    e(
        "",
        "The document id (default: the next free id in the site's pattern).",
        "Dokumentets id (standard: nästa lediga id enligt webbplatsens mönster).",
    ),
    e(
        "",
        "The parent document's id (guideline and rule; default: the first one).",
        "Överordnade dokumentets id (riktlinje och regel; standard: det första).",
    ),
    e(
        "",
        "The document's title.",
        "Dokumentets titel.",
    ),
    e(
        "",
        "The new site's folder (must not exist, or be empty).",
        "Den nya webbplatsens mapp (får inte finnas, eller ska vara tom).",
    ),
    e(
        "",
        "Also copy the built-in theme to DIR/themes/default/ for customising.",
        "Kopiera även det inbyggda temat till MAPP/themes/default/ för att anpassa det.",
    ),
    e(
        "",
        "CSV export of what training.report_endpoint collected, or an xAPI statements export (the JSON pages of an LRS's GET /statements).",
        "CSV-export av det som training.report_endpoint samlat in, eller en export av xAPI-påståenden (JSON-sidorna från en LRS:s GET /statements).",
    ),
    e(
        "",
        "HR export of who should take the training: email (or person), name, unit, role, manager, start_date.",
        "Export från HR av vilka som ska gå utbildningen: email (eller person), name, unit, role, manager, start_date.",
    ),
    e(
        "",
        "Output format.",
        "Utdataformat.",
    ),
    e(
        "",
        "The folder to write the zip files into (made if missing; other files in it are left alone, a package of the same name replaced).",
        "Mappen att skriva zip-filerna till (skapas om den saknas; andra filer i den lämnas orörda, ett paket med samma namn ersätts).",
    ),
    e(
        "",
        "Usage:",
        "Användning:",
    ),
    e(
        "",
        "Commands",
        "Kommandon",
    ),
    e(
        "",
        "Arguments",
        "Argument",
    ),
    e(
        "",
        "Options",
        "Flaggor",
    ),
    e(
        "",
        "Print help",
        "Visa hjälpen",
    ),
    e(
        "",
        "Print version",
        "Visa versionen",
    ),
    e(
        "",
        "Print this message or the help of the given subcommand(s)",
        "Visa den här hjälpen eller hjälpen för de angivna kommandona",
    ),
    e(
        "",
        "Print help for the subcommand(s)",
        "Visa hjälpen för kommandona",
    ),
    e(
        "",
        "default: {value}",
        "standard: {value}",
    ),
    e(
        "",
        "possible values: {values}",
        "möjliga värden: {values}",
    ),
    e(
        "",
        "a command",
        "ett kommando",
    ),
    e(
        "",
        "an option",
        "en flagga",
    ),
    e(
        "",
        "a value",
        "ett värde",
    ),
    e(
        "",
        "  tip: there is {what} like `{value}`",
        "  tips: det finns {what} som liknar det: `{value}`",
    ),
    e(
        "",
        "For more information, try `--help`.",
        "Mer information får du med `--help`.",
    ),
    e(
        "",
        "`{arg}` needs a value",
        "`{arg}` behöver ett värde",
    ),
    e(
        "",
        "`{value}` is not a valid value for `{arg}`",
        "`{value}` är inget giltigt värde för `{arg}`",
    ),
    e(
        "",
        "`{value}` is not a valid value for `{arg}` ({note})",
        "`{value}` är inget giltigt värde för `{arg}` ({note})",
    ),
    e(
        "",
        "unknown option `{arg}`",
        "okänd flagga `{arg}`",
    ),
    e(
        "",
        "unknown command `{name}`",
        "okänt kommando `{name}`",
    ),
    e(
        "",
        "missing: {arg}",
        "saknas: {arg}",
    ),
    e(
        "",
        "a command is needed: {valid}",
        "ett kommando behövs: {valid}",
    ),
    e(
        "",
        "`{arg}` cannot be used with `{prior}`",
        "`{arg}` kan inte användas tillsammans med `{prior}`",
    ),
    e(
        "",
        "`{arg}` takes no more values than given; `{value}` is one too many",
        "`{arg}` tar inte fler värden; `{value}` är ett för mycket",
    ),
    e(
        "",
        "the command line could not be read ({kind})",
        "kommandoraden gick inte att läsa ({kind})",
    ),
    e(
        "",
        "unexpected argument `{arg}`",
        "oväntat argument `{arg}`",
    ),
];
