//! The package descriptions: `imsmanifest.xml` for SCORM 1.2 and SCORM
//! 2004 4th edition, `cmi5.xml` (the cmi5 course structure). Each module is
//! one SCO (one AU), in the path's order; in a path a module can be started
//! only once the one before it is completed or passed (SCORM 1.2
//! `adlcp:prerequisites`, SCORM 2004 a precondition on the previous
//! module's global objective). A module with a quiz carries its pass mark
//! as mastery score; the module version is in every identifier.

use super::page::{activity_id, site_iri, SHARED};
use super::{file_safe, Course, Reading, Unit};
use crate::site::Site;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text and attribute values.
fn esc(text: &str) -> String {
    crate::render::escape_html(text)
}

/// The manifest identifier (an XML id: it must not start with a digit).
fn manifest_id(course: &Course) -> String {
    format!("styrdok-{}", course.stem)
}

fn item_id(unit: &Unit) -> String {
    format!("item-{}", file_safe(&unit.id))
}

fn resource_id(unit: &Unit) -> String {
    format!("res-{}", file_safe(&unit.id))
}

/// `<file href>` lines for every file of the package under `prefix`.
fn file_list(files: &BTreeMap<String, Vec<u8>>, prefix: &str, out: &mut String) {
    for path in files.keys().filter(|p| p.starts_with(prefix)) {
        let _ = writeln!(out, "      <file href=\"{}\"/>", esc(path));
    }
}

/// The `<resources>` of both SCORM versions; `scorm_type` is the attribute
/// (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004).
fn resources(course: &Course, files: &BTreeMap<String, Vec<u8>>, scorm_type: &str) -> String {
    let mut out = String::from("  <resources>\n");
    for unit in &course.units {
        let _ = writeln!(
            out,
            "    <resource identifier=\"{}\" type=\"webcontent\" {scorm_type}=\"sco\" href=\"{}index.html\">",
            resource_id(unit),
            esc(&unit.folder)
        );
        file_list(files, &unit.folder, &mut out);
        out.push_str("      <dependency identifierref=\"res-shared\"/>\n    </resource>\n");
    }
    let _ = writeln!(
        out,
        "    <resource identifier=\"res-shared\" type=\"webcontent\" {scorm_type}=\"asset\">"
    );
    file_list(files, SHARED, &mut out);
    out.push_str("    </resource>\n  </resources>\n");
    out
}

/// `imsmanifest.xml` for SCORM 1.2.
pub(crate) fn scorm12(_site: &Site, course: &Course, files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="{version}" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
"#,
        id = esc(&manifest_id(course)),
        version = esc(&course.version),
        title = esc(&course.title),
    );
    let mut previous: Option<&Unit> = None;
    for unit in &course.units {
        let _ = writeln!(
            out,
            "      <item identifier=\"{}\" identifierref=\"{}\" isvisible=\"true\">\n        <title>{}</title>",
            item_id(unit),
            resource_id(unit),
            esc(&unit.title)
        );
        if let Some(prev) = previous {
            let _ = writeln!(
                out,
                "        <adlcp:prerequisites type=\"aicc_script\">{}</adlcp:prerequisites>",
                item_id(prev)
            );
        }
        if let Some(mark) = unit.pass_mark {
            let _ = writeln!(
                out,
                "        <adlcp:masteryscore>{mark}</adlcp:masteryscore>"
            );
        }
        out.push_str("      </item>\n");
        previous = Some(unit);
    }
    out.push_str("    </organization>\n  </organizations>\n");
    out.push_str(&resources(course, files, "adlcp:scormtype"));
    out.push_str("</manifest>\n");
    out
}

/// The global objective a module's result is written to in SCORM 2004.
fn global_objective(site: &Site, unit: &Unit) -> String {
    format!("{}.satisfied", activity_id(site, unit))
}

/// One module's `<imsss:sequencing>` in SCORM 2004: its primary objective
/// (satisfied by the pass mark) written to a global objective, and, after
/// the first module of a path, disabled until the previous one is satisfied.
fn sequencing(site: &Site, unit: &Unit, previous: Option<&Unit>) -> String {
    let mut out = String::from("        <imsss:sequencing>\n");
    if previous.is_some() {
        out.push_str(
            r#"          <imsss:sequencingRules>
            <imsss:preConditionRule>
              <imsss:ruleConditions conditionCombination="any">
                <imsss:ruleCondition referencedObjective="previous" operator="not" condition="satisfied"/>
                <imsss:ruleCondition referencedObjective="previous" operator="not" condition="objectiveStatusKnown"/>
              </imsss:ruleConditions>
              <imsss:ruleAction action="disabled"/>
            </imsss:preConditionRule>
          </imsss:sequencingRules>
"#,
        );
    }
    let by_measure = unit.pass_mark.is_some();
    let _ = writeln!(
        out,
        "          <imsss:objectives>\n            <imsss:primaryObjective objectiveID=\"passed\" satisfiedByMeasure=\"{by_measure}\">"
    );
    if let Some(mark) = unit.pass_mark {
        let _ = writeln!(
            out,
            "              <imsss:minNormalizedMeasure>{}</imsss:minNormalizedMeasure>",
            scaled(mark)
        );
    }
    let _ = writeln!(
        out,
        "              <imsss:mapInfo targetObjectiveID=\"{}\" readSatisfiedStatus=\"false\" writeSatisfiedStatus=\"true\"/>\n            </imsss:primaryObjective>",
        esc(&global_objective(site, unit))
    );
    if let Some(prev) = previous {
        let _ = writeln!(
            out,
            "            <imsss:objective objectiveID=\"previous\">\n              <imsss:mapInfo targetObjectiveID=\"{}\" readSatisfiedStatus=\"true\" writeSatisfiedStatus=\"false\"/>\n            </imsss:objective>",
            esc(&global_objective(site, prev))
        );
    }
    out.push_str("          </imsss:objectives>\n        </imsss:sequencing>\n");
    out
}

/// A pass mark in percent as a scaled score (`80` → `0.8`).
fn scaled(mark: u32) -> String {
    let text = format!("{:.2}", f64::from(mark) / 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `imsmanifest.xml` for SCORM 2004 4th edition.
pub(crate) fn scorm2004(site: &Site, course: &Course, files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="{version}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org" adlseq:objectivesGlobalToSystem="false">
      <title>{title}</title>
"#,
        id = esc(&manifest_id(course)),
        version = esc(&course.version),
        title = esc(&course.title),
    );
    let mut previous: Option<&Unit> = None;
    for unit in &course.units {
        let _ = writeln!(
            out,
            "      <item identifier=\"{}\" identifierref=\"{}\">\n        <title>{}</title>",
            item_id(unit),
            resource_id(unit),
            esc(&unit.title)
        );
        out.push_str(&sequencing(site, unit, previous));
        out.push_str("      </item>\n");
        previous = Some(unit);
    }
    out.push_str(
        "      <imsss:sequencing>\n        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n      </imsss:sequencing>\n",
    );
    out.push_str("    </organization>\n  </organizations>\n");
    out.push_str(&resources(course, files, "adlcp:scormType"));
    out.push_str("</manifest>\n");
    out
}

/// `cmi5.xml`: the course and one AU per module, in order. A module with a
/// quiz moves on when completed and passed, one without when completed.
pub(crate) fn cmi5(site: &Site, course: &Course) -> String {
    let lang = site.config.language.as_str();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="{id}">
    <title><langstring lang="{lang}">{title}</langstring></title>
    <description><langstring lang="{lang}">{summary}</langstring></description>
  </course>
"#,
        id = esc(&format!(
            "{}/xapi/courses/{}/v{}",
            site_iri(site),
            file_safe(&course.id),
            course.version
        )),
        title = esc(&course.title),
        summary = esc(&course.summary),
    );
    for unit in &course.units {
        let summary = &site.docs[unit.doc].summary;
        let (move_on, mastery) = match unit.pass_mark {
            Some(mark) => (
                "CompletedAndPassed",
                format!(" masteryScore=\"{}\"", scaled(mark)),
            ),
            None => ("Completed", String::new()),
        };
        let _ = write!(
            out,
            r#"  <au id="{id}" moveOn="{move_on}"{mastery} launchMethod="AnyWindow">
    <title><langstring lang="{lang}">{title}</langstring></title>
    <description><langstring lang="{lang}">{summary}</langstring></description>
    <url>{url}index.html</url>
  </au>
"#,
            id = esc(&activity_id(site, unit)),
            title = esc(&unit.title),
            summary = esc(summary),
            url = esc(&unit.folder),
        );
    }
    for reading in &course.readings {
        reading_au(site, reading, &mut out);
    }
    out.push_str("</courseStructure>\n");
    out
}

/// The AU of a document to read: its page on the site, opened in a window
/// of its own (the site forbids frames), `NotApplicable` because read
/// receipts are not required to complete a course (as in `styrdok report`).
fn reading_au(site: &Site, reading: &Reading, out: &mut String) {
    let lang = site.config.language.as_str();
    let _ = write!(
        out,
        r#"  <au id="{id}" moveOn="NotApplicable" launchMethod="OwnWindow">
    <title><langstring lang="{lang}">{title}</langstring></title>
    <description><langstring lang="{lang}">{summary}</langstring></description>
    <url>{url}</url>
  </au>
"#,
        id = esc(&reading.activity),
        title = esc(&reading.title),
        summary = esc(&site.docs[reading.doc].summary),
        url = esc(&reading.url),
    );
}

#[cfg(test)]
mod tests {
    use super::scaled;

    #[test]
    fn pass_marks_scale_without_trailing_zeros() {
        assert_eq!(scaled(80), "0.8");
        assert_eq!(scaled(75), "0.75");
        assert_eq!(scaled(100), "1");
        assert_eq!(scaled(1), "0.01");
    }
}
