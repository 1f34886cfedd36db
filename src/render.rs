//! Read-only parts of the page as HTML text: the family's sheet, the
//! clinician's record, the decision's statements, cautions, notes and rules,
//! and citations.
//!
//! Why text and not Yew elements: each element Yew builds costs code in the
//! wasm (a large struct filled in field by field), and these parts are many
//! elements with no state of their own. Built here as one string each, they
//! are a fraction of the size, and the shell inserts them with
//! `Html::from_html_unchecked`. Interactive controls stay Yew elements.
//!
//! Pure: no yew or web-sys. Invariant: every piece of text that is not a
//! literal of this module goes through [`H::text`] or [`H::attr`], which
//! escape it; only this module's literals are written raw. Citation buttons
//! carry `data-citation`; the shell opens the paragraph with one delegated
//! click handler.

use crate::citation::Cite;
use crate::consent::{Paragraph, Record, Sheet};
use crate::engine::{CautionSpec, NoteSpec, Rule};

/// An HTML text being written.
#[derive(Default)]
pub struct H(String);

impl H {
    pub fn new() -> H {
        H(String::with_capacity(1024))
    }

    /// Markup written by this module, trusted as it is.
    #[inline(never)]
    pub fn raw(&mut self, markup: &str) -> &mut H {
        self.0.push_str(markup);
        self
    }

    /// Text, escaped for element content.
    #[inline(never)]
    pub fn text(&mut self, text: &str) -> &mut H {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// ` name="value"`, the value escaped.
    #[inline(never)]
    pub fn attr(&mut self, name: &str, value: &str) -> &mut H {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        self.text(value);
        self.0.push('"');
        self
    }

    /// `<tag class="class">`: both literals of this module.
    #[inline(never)]
    pub fn open(&mut self, tag: &str, class: &str) -> &mut H {
        self.0.push('<');
        self.0.push_str(tag);
        if !class.is_empty() {
            self.0.push_str(" class=\"");
            self.0.push_str(class);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut H {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag class="class">text</tag>`, the text escaped.
    pub fn el(&mut self, tag: &str, class: &str, text: &str) -> &mut H {
        self.open(tag, class).text(text).close(tag)
    }

    /// Citation buttons, as `<span class="cites">`: each opens its
    /// paragraph. Nothing when there are none.
    #[inline(never)]
    pub fn cites(&mut self, cites: &[Cite]) -> &mut H {
        if cites.is_empty() {
            return self;
        }
        self.raw("<span class=\"cites\">");
        for c in cites {
            let label = c.to_string();
            self.raw("<button type=\"button\" class=\"cite\" aria-haspopup=\"dialog\"")
                .attr("data-citation", &label)
                .attr("title", &format!("Show {label}"))
                .raw(">")
                .text(&label)
                .raw("</button>");
        }
        self.raw("</span>")
    }

    /// Text, then a space and its citations.
    pub fn text_cited(&mut self, text: &str, cites: &[Cite]) -> &mut H {
        self.text(text);
        if !cites.is_empty() {
            self.raw(" ").cites(cites);
        }
        self
    }

    /// `<tag class="class">text [cites]</tag>`.
    pub fn cited(&mut self, tag: &str, class: &str, text: &str, cites: &[Cite]) -> &mut H {
        self.open(tag, class).text_cited(text, cites).close(tag)
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// Citation buttons alone.
pub fn cites(cites: &[Cite]) -> String {
    let mut h = H::new();
    h.cites(cites);
    h.finish()
}

/// The family's sheet, as it prints (the `<article>`'s content).
pub fn sheet(sheet: &Sheet) -> String {
    let mut h = H::new();
    h.el("h1", "sheet__title", &sheet.title).el("p", "sheet__intro", &sheet.intro);
    for s in &sheet.sections {
        h.raw("<section class=\"sheet__section\"").attr("data-section", s.id).raw("><h2>").text(s.heading);
        if !s.cites.is_empty() {
            h.raw(" <small class=\"sheet__cites\">").cites(&s.cites).raw("</small>");
        }
        h.raw("</h2>");
        for p in &s.paragraphs {
            paragraph(&mut h, p);
        }
        h.raw("</section>");
    }
    h.el("footer", "sheet__stamp", &sheet.stamp.line());
    h.finish()
}

fn paragraph(h: &mut H, p: &Paragraph) {
    match p {
        Paragraph::Text(t) => {
            h.el("p", "", t);
        }
        Paragraph::Bullets(items) => {
            h.raw("<ul>");
            for b in items {
                h.el("li", "", b);
            }
            h.raw("</ul>");
        }
        Paragraph::IconArray { per_100, caption } => icon_array(h, *per_100, caption),
        Paragraph::WriteIn { label, lines } => {
            h.open("div", "write-in").el("p", "", label);
            for _ in 0..*lines {
                h.raw("<div class=\"write-in__line\"></div>");
            }
            h.raw("</div>");
        }
        Paragraph::Field { label, value } => {
            h.open("p", "sheet__field").open("span", "sheet__label").text(label).raw(": </span>");
            if value.trim().is_empty() {
                h.raw("<span class=\"write-in__blank\"></span>");
            } else {
                h.el("strong", "", value);
            }
            h.raw("</p>");
        }
    }
}

/// 100 figures, `n` of them filled: 20 across and 5 down, half the height of
/// a square, for a two-page sheet.
fn icon_array(h: &mut H, n: u8, caption: &str) {
    h.raw("<figure class=\"icon-array\"><svg viewBox=\"0 0 240 80\" role=\"img\"")
        .attr("aria-label", caption)
        .raw(">");
    for i in 0..100u8 {
        let class = if i < n { "icon icon--on" } else { "icon icon--off" };
        // Whole numbers: formatting them needs none of f64's formatting code.
        let (x, y) = (u32::from(i % 20) * 12, u32::from(i / 20) * 16);
        h.raw("<g class=\"")
            .raw(class)
            .raw(&format!("\" transform=\"translate({x} {y})\">"))
            .raw("<circle cx=\"5\" cy=\"3\" r=\"2.6\"></circle>")
            .raw("<path d=\"M1.5 14 V8.5 Q1.5 6.5 3.5 6.5 H6.5 Q8.5 6.5 8.5 8.5 V14 Z\"></path></g>");
    }
    h.raw("</svg>").el("figcaption", "", caption).raw("</figure>");
}

/// The clinician's record, as it prints (the `<article>`'s content).
pub fn record(r: &Record) -> String {
    let mut h = H::new();
    let item = |h: &mut H, i: &crate::consent::RecordItem| {
        h.raw("<li>").el("strong", "", i.title).raw(" ").text_cited(i.text, &i.cites).raw("</li>");
    };
    h.el("h1", "sheet__title", &r.title).el("p", "", &format!("Printed {}", r.when));
    h.raw("<h2>Case</h2><table class=\"record__table\">");
    for (k, v) in &r.rows {
        h.raw("<tr><th scope=\"row\">").text(k).raw("</th>").el("td", "", v).raw("</tr>");
    }
    h.raw("</table>");
    if !r.input_errors.is_empty() {
        h.raw("<h2>Inputs not valid</h2><ul>");
        for (p, m) in &r.input_errors {
            h.el("li", "", &format!("{p}: {m}"));
        }
        h.raw("</ul>");
    }
    h.el("h2", "", &format!("Verdict: {} ({})", r.verdict.title, r.verdict.id));
    if let Some(p) = r.verdict.prospective {
        h.el("p", "", &format!("At 30 minutes: {p}"));
    }
    h.raw("<ul>");
    r.verdict.statements.iter().for_each(|i| item(&mut h, i));
    h.raw("</ul>");
    if !r.requirements.is_empty() {
        h.raw("<h2>Conditions</h2><table class=\"record__table\"><tr><th scope=\"col\">Condition</th><th scope=\"col\">Status</th><th scope=\"col\">The guidance says</th></tr>");
        for q in &r.requirements {
            h.raw("<tr>").el("td", "", q.title).raw("<td>").el("strong", "", q.status_label).raw("</td>");
            h.cited("td", "", q.text, &q.cites).raw("</tr>");
        }
        h.raw("</table>");
    }
    for (heading, items) in [("Cautions", &r.cautions), ("Notes", &r.notes)] {
        if !items.is_empty() {
            h.el("h2", "", heading).raw("<ul>");
            items.iter().for_each(|i| item(&mut h, i));
            h.raw("</ul>");
        }
    }
    h.raw("<h2>Rules applied</h2><ol>");
    for i in &r.rules {
        h.raw("<li>").el("code", "", i.id).raw(" ").text_cited(i.text, &i.cites).raw("</li>");
    }
    h.raw("</ol>");
    h.el("footer", "sheet__stamp", &r.stamp.line());
    h.finish()
}

/// The cautions' list items.
pub fn cautions(cautions: &[&CautionSpec]) -> String {
    let mut h = H::new();
    for c in cautions {
        h.raw("<li class=\"caution\"").attr("data-caution", c.id.id()).raw(">");
        h.el("h3", "caution__title", c.title).cited("p", "", c.text, c.cites).raw("</li>");
    }
    h.finish()
}

/// The notes' list items.
pub fn notes(notes: &[&NoteSpec]) -> String {
    let mut h = H::new();
    for n in notes {
        h.raw("<li").attr("data-note", n.id).raw(">").text_cited(n.text, n.cites).raw("</li>");
    }
    h.finish()
}

/// The rules applied, as list items.
pub fn trace(trace: &[&Rule]) -> String {
    let mut h = H::new();
    for r in trace {
        h.raw("<li")
            .attr("data-rule", r.id)
            .raw(">")
            .el("code", "", r.id)
            .raw(" ")
            .text_cited(r.says, r.cites)
            .raw("</li>");
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citation::Cite;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = H::new();
        h.el("p", "", "<script>\"a\" & 'b'</script>").attr("title", "\"><img>");
        assert_eq!(
            h.finish(),
            "<p>&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;</p> title=\"&quot;&gt;&lt;img&gt;\""
        );
    }

    #[test]
    fn cites_are_buttons_with_their_label() {
        assert_eq!(
            cites(&[Cite::ipg("1.1")]),
            "<span class=\"cites\"><button type=\"button\" class=\"cite\" aria-haspopup=\"dialog\" \
             data-citation=\"IPG808 1.1\" title=\"Show IPG808 1.1\">IPG808 1.1</button></span>"
        );
        assert_eq!(cites(&[]), "");
    }
}
