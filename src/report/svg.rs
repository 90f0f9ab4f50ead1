//! Horizontal bar charts as inline SVG, for the HTML report and the
//! site's follow-up page: no chart library, no script, nothing fetched.
//!
//! Each chart is a `role="img"` SVG named by its `<title>` and described
//! by its `<desc>` (what it shows, and that the numbers are in the table
//! under it). It has no `viewBox`: text keeps its size at every width, and
//! bars are drawn in percent of the width, so the chart fits a phone and a
//! desktop alike. Every bar is labelled in text with its series and value,
//! so no colour carries meaning alone.

use crate::ui::escape_html;

/// One bar: its series (0 pre, 1 post/done, 2 retention…), its length in
/// percent (`None`: no bar, e.g. a suppressed cell), and the text beside it.
#[derive(Debug, Clone)]
pub struct Bar {
    pub series: usize,
    pub value: Option<f64>,
    pub text: String,
}

/// A labelled group of bars (a module, a unit).
#[derive(Debug, Clone)]
pub struct Group {
    pub label: String,
    pub bars: Vec<Bar>,
}

/// A chart: `id` must be unique on the page.
#[derive(Debug, Clone)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub desc: String,
    pub groups: Vec<Group>,
}

/// Fill colours by series; each has at least 3:1 contrast on white.
const FILLS: [&str; 4] = ["#5b6b7f", "#00466e", "#2e7d32", "#8a4b00"];
/// Text is 16 px everywhere, the smallest body text on a phone.
const LABEL_H: usize = 24;
const BAR_H: usize = 24;
const GAP: usize = 10;
/// Bars end here (percent of the width); their text starts just after,
/// with room for about 16 characters on a 320 px phone.
const BAR_SPAN: f64 = 46.0;
const TEXT_X: &str = "48%";

/// Shortens a label for one line of the chart (the table has it whole).
fn short(label: &str) -> String {
    const MAX: usize = 28;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let s: String = label.chars().take(MAX - 1).collect();
        format!("{}…", s.trim_end())
    }
}

/// The chart as `<svg>` markup.
pub fn bar_chart(c: &Chart) -> String {
    let height: usize = c
        .groups
        .iter()
        .map(|g| LABEL_H + g.bars.len() * BAR_H + GAP)
        .sum::<usize>()
        .max(LABEL_H);
    let id = escape_html(&c.id);
    let mut out = format!(
        "<svg class=\"chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
        escape_html(&c.title),
        escape_html(&c.desc)
    );
    let mut y = 0;
    for g in &c.groups {
        out.push_str(&format!(
            "<text class=\"chart__label\" x=\"0\" y=\"{}\" font-size=\"16\" font-weight=\"600\" fill=\"#1a1a1a\">{}</text>\n",
            y + 17,
            escape_html(&short(&g.label))
        ));
        y += LABEL_H;
        for b in &g.bars {
            let fill = FILLS[b.series % FILLS.len()];
            out.push_str(&format!(
                "<rect class=\"chart__track\" x=\"0\" y=\"{}\" width=\"{BAR_SPAN}%\" height=\"14\" fill=\"#eef1f4\"/>\n",
                y + 3
            ));
            if let Some(v) = b.value {
                let w = (v.clamp(0.0, 100.0) * BAR_SPAN / 100.0 * 100.0).round() / 100.0;
                out.push_str(&format!(
                    "<rect class=\"chart__bar chart__bar--{}\" x=\"0\" y=\"{}\" width=\"{w}%\" height=\"14\" fill=\"{fill}\"/>\n",
                    b.series,
                    y + 3
                ));
            }
            out.push_str(&format!(
                "<text class=\"chart__value\" x=\"{TEXT_X}\" y=\"{}\" font-size=\"16\" fill=\"#1a1a1a\">{}</text>\n",
                y + 17,
                escape_html(&b.text)
            ));
            y += BAR_H;
        }
        y += GAP;
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_described_escaped_and_sized_in_percent() {
        let c = Chart {
            id: "c1".into(),
            title: "Före & efter".into(),
            desc: "Siffrorna finns i tabellen under.".into(),
            groups: vec![Group {
                label: "<M-1>".into(),
                bars: vec![
                    Bar {
                        series: 0,
                        value: Some(40.0),
                        text: "Före 40".into(),
                    },
                    Bar {
                        series: 1,
                        value: None,
                        text: "färre än 5".into(),
                    },
                ],
            }],
        };
        let svg = bar_chart(&c);
        assert!(
            svg.contains("role=\"img\" aria-labelledby=\"c1-t c1-d\""),
            "{svg}"
        );
        assert!(svg.contains("<title id=\"c1-t\">Före &amp; efter</title>"));
        assert!(svg.contains("&lt;M-1&gt;") && !svg.contains("<M-1>"));
        assert!(
            svg.contains("width=\"18.4%\""),
            "40 % of a 46 % span: {svg}"
        );
        assert_eq!(
            svg.matches("chart__bar ").count(),
            1,
            "no bar for a suppressed value"
        );
        assert!(svg.contains(">färre än 5</text>"));
        assert!(!svg.contains("viewBox"));
    }
}
