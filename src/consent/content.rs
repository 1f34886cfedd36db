//! The words of the sheet, section by section, each with the paragraphs of the
//! guidance it reads. Plain words for families: short sentences, each medical
//! word explained the first time, the guidance's modal force kept ("can be
//! used as an option", "should only be done as part of research").
//!
//! Nothing here is clinical unless the cited paragraph says it. The only
//! figures are HTG762 3.2's 76 in 100, "30 minutes" (IPG808 3.1), and the
//! centre's own figure when the clinician types it.

use super::{Paragraph, Section, SheetInputs, SheetKind};
use crate::citation::Cite;
use crate::model::{Assessment, Cause, Location, Phase, Shockability};

// Section headings of the guidances, as they spell them.
const H_PRACTICE: &str = "What this means in practice";
const H_CONSENT: &str = "Enhanced informed consent";
const H_AUDIT: &str = "Auditing of outcomes";
const H_WHO: &str = "Who should be involved with the procedure";
const H_EVIDENCE: &str = "What evidence generation is needed";
const H_WHY: &str = "Why the committee made this recommendation";
const I_PRACTICE: &str = "What this means in practice";
const I_AUDIT: &str = "Auditing of outcomes";
const I_WHO: &str = "Who should be involved in the procedure";
const I_RESEARCH: &str = "What research is needed";
const I_WHY: &str = "Why the committee made these recommendations";

use SheetKind::{EvidenceGeneration, Option as Opt, ResearchOnly};

fn text(s: &str) -> Paragraph {
    Paragraph::Text(s.to_string())
}

fn bullets(items: &[&str]) -> Paragraph {
    Paragraph::Bullets(items.iter().map(|s| s.to_string()).collect())
}

fn field(label: &'static str, value: &str) -> Paragraph {
    Paragraph::Field { label, value: value.trim().to_string() }
}

/// A section built from sentences, each with the paragraphs it reads; the
/// section's cites are their union, in order of first use.
struct Builder {
    paragraphs: Vec<Paragraph>,
    cites: Vec<Cite>,
}

impl Builder {
    fn new() -> Builder {
        Builder { paragraphs: Vec::new(), cites: Vec::new() }
    }

    fn cite(&mut self, cites: &[Cite]) {
        for c in cites {
            if !self.cites.contains(c) {
                self.cites.push(*c);
            }
        }
    }

    fn add(&mut self, p: Paragraph, cites: &[Cite]) -> &mut Builder {
        self.paragraphs.push(p);
        self.cite(cites);
        self
    }

    fn text(&mut self, s: &str, cites: &[Cite]) -> &mut Builder {
        self.add(text(s), cites)
    }

    fn done(&mut self, id: &'static str, heading: &'static str) -> Section {
        Section {
            id,
            heading,
            paragraphs: std::mem::take(&mut self.paragraphs),
            cites: std::mem::take(&mut self.cites),
        }
    }
}

pub(super) fn title(kind: SheetKind) -> &'static str {
    match kind {
        Opt => "ECMO after a cardiac arrest: information for families",
        EvidenceGeneration => "ECMO after heart surgery: information for families",
        ResearchOnly => "ECMO after a cardiac arrest, in research: information for families",
    }
}

pub(super) fn intro(kind: SheetKind) -> String {
    let considered = match kind {
        Opt | EvidenceGeneration => "The team is thinking about a treatment called ECMO for them.",
        ResearchOnly => "The team is thinking about a treatment called ECMO for them, as part of research.",
    };
    format!(
        "This sheet is for the family and friends of someone who is very ill. Here we call them \
         your relative. {considered} We know this is a very hard time. Read this when you can, \
         and ask us anything. The sheet uses advice from NICE, the group that advises the NHS \
         on treatments."
    )
}

pub(super) fn sections(kind: SheetKind, a: &Assessment, inputs: &SheetInputs) -> Vec<Section> {
    // Who the sheet is about and who talked with the family come first: a
    // family looks there for who to ask, and the sheet keeps to two pages.
    let mut s = vec![
        about(inputs),
        who_talked(inputs),
        what_is_ecmo(kind),
        why_considered(kind, a),
        what_nice_says(kind),
        benefits(kind),
        risks(kind),
        outcome_figure(kind, inputs),
        if_not_used(kind),
    ];
    match kind {
        ResearchOnly => s.push(research()),
        Opt | EvidenceGeneration => {}
    }
    s.extend([registry(kind), questions(kind), notes(inputs)]);
    s
}

fn about(inputs: &SheetInputs) -> Section {
    Section {
        id: "about",
        heading: "About this sheet",
        paragraphs: vec![
            field("This sheet is about", &inputs.person_name),
            field("Hospital", &inputs.hospital),
        ],
        cites: Vec::new(),
    }
}

fn what_is_ecmo(kind: SheetKind) -> Section {
    let mut b = Builder::new();
    let (g, first): (fn(&'static str) -> Cite, &[Cite]) = match kind {
        Opt | ResearchOnly => (Cite::ipg, &[Cite::ipg("2.1"), Cite::ipg("2.2")]),
        EvidenceGeneration => (Cite::htg, &[Cite::htg("2.1"), Cite::htg("2.2")]),
    };
    b.text(
        "ECMO (say \"eck-mo\") is a machine that does the work of the heart and lungs for a while. \
         Its full name is venoarterial extracorporeal membrane oxygenation (VA ECMO).",
        first,
    );
    match kind {
        Opt | ResearchOnly => b.text(
            "CPR means pressing hard on the chest to keep blood moving. When CPR does not get the \
             heart going again, ECMO can be used to help. Doctors call this ECPR.",
            &[Cite::ipg("2.1")],
        ),
        EvidenceGeneration => b.text(
            "During heart surgery, a heart-lung machine does this work for a few hours. ECMO is \
             different: it can be used for days or weeks after surgery.",
            &[Cite::htg("3.3")],
        ),
    };
    let tubes = match kind {
        Opt | ResearchOnly => {
            "Doctors put tubes into large blood vessels, most often at the top of the leg (the groin)."
        }
        EvidenceGeneration => {
            "Doctors put tubes into large blood vessels. After heart surgery, they most often go in \
             the chest."
        }
    };
    let mut how = vec![
        tubes,
        "A pump moves blood out through one tube and into an oxygenator. This is a part that adds \
         oxygen to the blood and takes out carbon dioxide, a waste gas.",
        "The blood then goes back into the body through another tube.",
        "A blood thinner, most often a medicine called heparin, is given all the time. It stops \
         the blood clotting in the machine.",
    ];
    match kind {
        EvidenceGeneration => {
            how.push("If the kidneys are not working well, a kidney filter may be added to the machine.");
            b.add(bullets(&how), &[g("2.2"), Cite::htg("3.9")]);
        }
        Opt | ResearchOnly => {
            b.add(bullets(&how), &[g("2.2")]);
        }
    }
    b.done("what-is-ecmo", "What ECMO is")
}

fn why_considered(kind: SheetKind, a: &Assessment) -> Section {
    let mut b = Builder::new();
    if kind.is_arrest() {
        let arrest = &a.arrest;
        let stopped = match arrest.location {
            Some(Location::InHospital) => {
                "Your relative had a cardiac arrest in hospital. This means their heart suddenly \
                 stopped pumping blood around the body."
            }
            Some(Location::OutOfHospital) => {
                "Your relative had a cardiac arrest outside hospital. This means their heart \
                 suddenly stopped pumping blood around the body."
            }
            None => {
                "Your relative had a cardiac arrest. This means their heart suddenly stopped \
                 pumping blood around the body."
            }
        };
        b.text(stopped, &[Cite::ipg("3.1")]);
        let refractory = arrest.rosc == Some(false) && arrest.cpr_minutes.is_some_and(|m| m.is_refractory());
        if refractory {
            b.text("CPR has not got the heart going again after 30 minutes.", &[Cite::ipg("3.1")]);
        } else {
            b.text(
                "NICE's advice is for when CPR has not got the heart going again after 30 minutes.",
                &[Cite::ipg("3.1")],
            );
        }
        let mut facts: Vec<&str> = Vec::new();
        match arrest.rhythm.map(|r| r.shockability()) {
            Some(Shockability::Shockable) => {
                facts.push("The heart's rhythm is one that an electric shock may treat.")
            }
            Some(Shockability::NonShockable) => {
                facts.push("The heart's rhythm is not one that an electric shock can treat.")
            }
            None => {}
        }
        match arrest.cause {
            Some(Cause::Reversible) => {
                facts.push("The doctors think the cause of the arrest is one that could be put right.")
            }
            Some(Cause::Irreversible) => {
                facts.push("The doctors think the cause of the arrest cannot be put right.")
            }
            None => facts.push("The cause of the arrest is not yet known."),
        }
        b.text(&facts.join(" "), &[Cite::ipg("3.1"), Cite::ipg("3.2")]);
        match kind {
            Opt => b.text(
                "NICE says ECMO can be used as an option when the rhythm may be treated with a \
                 shock, or the cause could be put right.",
                &[Cite::ipg("1.1")],
            ),
            ResearchOnly | EvidenceGeneration => b.text(
                "When the rhythm cannot be treated with a shock and the cause cannot be put right, \
                 NICE says ECMO should only be used as part of research.",
                &[Cite::ipg("1.2"), Cite::ipg("1.3")],
            ),
        };
        if a.patient.pregnant_or_postpartum() {
            b.text(
                "NICE's advice includes people who are pregnant or have recently had a baby.",
                &[Cite::ipg("3.14")],
            );
        }
    } else {
        let s = &a.surgery;
        match s.phase {
            Some(Phase::CannotSeparateFromBypass) => b.text(
                "Your relative has had heart surgery. During the operation, a heart-lung machine \
                 did the work of the heart and lungs. Now their heart is not pumping well enough \
                 for them to come off this machine.",
                &[Cite::htg("3.1"), Cite::htg("2.1")],
            ),
            Some(Phase::ShockAfterSurgery) => b.text(
                "Your relative has had heart surgery. Since then, their heart has not been pumping \
                 well enough to meet the body's needs.",
                &[Cite::htg("3.1"), Cite::htg("2.1")],
            ),
            Some(Phase::ElectiveHighRisk) => b.text(
                "Your relative is having heart surgery. The team thinks there is a high risk that \
                 their heart will not pump well enough after it. Some hospitals use ECMO early \
                 for people like this. NICE's advice is about using ECMO once the heart is not \
                 pumping well enough.",
                &[Cite::htg("3.8"), Cite::htg("1.1")],
            ),
            None => b.text(
                "Your relative has had heart surgery. Their heart is not pumping well enough to \
                 meet the body's needs.",
                &[Cite::htg("3.1")],
            ),
        };
        b.text(
            "Doctors call this postcardiotomy cardiogenic shock. It is rare, but it puts life at \
             risk.",
            &[Cite::htg("3.1")],
        );
        match s.managed_with_medicines_alone {
            Some(false) => {
                b.text("Medicines alone have not been enough to help the heart.", &[Cite::htg("3.1")])
            }
            Some(true) => b.text(
                "For now, medicines alone are helping. NICE says shock that goes on cannot be \
                 managed with medicines alone.",
                &[Cite::htg("3.1")],
            ),
            None => &mut b,
        };
        if s.graft_dysfunction_after_transplant == Some(true) {
            b.text(
                "Your relative has had a heart transplant, and the new heart is not working well \
                 yet. Experts told NICE that ECMO could have a better outcome in this case.",
                &[Cite::htg("3.12")],
            );
        }
        if a.patient.pregnant_or_postpartum() {
            b.text(
                "NICE's advice includes people who are pregnant or have recently had a baby.",
                &[Cite::htg("3.11")],
            );
        }
    }
    b.done("why-considered", "Why ECMO is being thought about")
}

fn what_nice_says(kind: SheetKind) -> Section {
    let mut b = Builder::new();
    match kind {
        Opt => {
            b.text(
                "NICE says ECMO can be used as an option for people like your relative. There is \
                 enough evidence for doctors to think about using it.",
                &[Cite::ipg("1.1"), Cite::ipg(I_PRACTICE)],
            )
            .text(
                "Studies suggest that, compared with usual CPR, ECMO gives a better chance of \
                 surviving with good brain function. A better chance is not a promise.",
                &[Cite::ipg(I_WHY)],
            )
            .text(
                "NICE also says more research is needed on who it helps, on survival, on how the \
                 brain recovers, and on when to start it.",
                &[Cite::ipg(I_RESEARCH)],
            )
            .text(
                "If it is possible, the doctors should talk about the choices with your relative \
                 and with you, so that a decision can be made together.",
                &[Cite::ipg(I_PRACTICE)],
            );
        }
        EvidenceGeneration => {
            b.text(
                "NICE says ECMO can be used for people like your relative while more evidence is \
                 collected.",
                &[Cite::htg("1.1"), Cite::htg(H_PRACTICE)],
            )
            .text(
                "No one is yet sure how safe ECMO is for this, or how well it works. There is a \
                 lack of good quality evidence.",
                &[Cite::htg(H_PRACTICE), Cite::htg(H_WHY)],
            )
            .text(
                "Studies suggest that some people who would not survive coming off the heart-lung \
                 machine may survive with ECMO. Some people may be helped more than others.",
                &[Cite::htg(H_WHY)],
            )
            .text(
                "Doctors do not have to offer ECMO. If it is possible, they should talk about the \
                 choices with your relative and with you, so that a decision can be made \
                 together.",
                &[Cite::htg(H_PRACTICE)],
            )
            .text(
                "Because so much is unsure, NICE says doctors must take extra care to make sure \
                 you understand this. This sheet is part of that.",
                &[Cite::htg("1.1"), Cite::htg(H_CONSENT)],
            );
        }
        ResearchOnly => {
            b.text(
                "NICE says there is not enough evidence to know if ECMO works for people like \
                 your relative.",
                &[Cite::ipg("1.2"), Cite::ipg(I_PRACTICE)],
            )
            .text(
                "Studies so far do not agree. So it is not known who in this group could be \
                 helped.",
                &[Cite::ipg(I_WHY)],
            )
            .text(
                "That is why NICE says ECMO should only be used for them as part of research.",
                &[Cite::ipg("1.3"), Cite::ipg(I_PRACTICE)],
            );
        }
    }
    b.done("what-nice-says", "What NICE says, and what it means")
}

fn benefits(kind: SheetKind) -> Section {
    let mut b = Builder::new();
    let heading = match kind {
        Opt => {
            b.add(
                bullets(&[
                    "ECMO aims to get blood, with oxygen in it, moving around the body again.",
                    "This gives time for other treatments.",
                    "The hope is that your relative survives with good brain function, and that \
                     their body's organs work again.",
                ]),
                &[Cite::ipg("2.1"), Cite::ipg("3.5")],
            );
            "How ECMO might help"
        }
        ResearchOnly => {
            b.text("It is not known if ECMO helps people in this group.", &[Cite::ipg(I_WHY)]).add(
                bullets(&[
                    "ECMO aims to get blood, with oxygen in it, moving around the body again.",
                    "This gives time for other treatments.",
                    "The hope is to survive with good brain function, and for the body's organs \
                     to work again.",
                ]),
                &[Cite::ipg("2.1"), Cite::ipg("3.5")],
            );
            "What ECMO aims to do"
        }
        EvidenceGeneration => {
            b.add(
                bullets(&[
                    "ECMO supports the heart and lungs. This gives the heart time to recover.",
                    "It gives time for other treatments to help.",
                    "It may be a bridge (a way to keep going) to a heart transplant, or to a \
                     long-term machine that helps the heart.",
                    "The hope is that the body's organs work again, and that your relative \
                     recovers or can go on to a transplant or long-term support.",
                ]),
                &[Cite::htg("3.3"), Cite::htg("3.5")],
            );
            "How ECMO might help"
        }
    };
    b.done("benefits", heading)
}

fn risks(kind: SheetKind) -> Section {
    let c = match kind {
        Opt | ResearchOnly => Cite::ipg("3.6"),
        EvidenceGeneration => Cite::htg("3.6"),
    };
    let mut b = Builder::new();
    b.text("ECMO has risks. NICE names these as the key ones:", &[c])
        .add(
            bullets(&[
                "bleeding",
                "less blood reaching a leg (leg ischaemia)",
                "stroke (damage to the brain from a problem with its blood supply)",
                "infection",
                "kidney failure (the kidneys stop working well)",
                "problems with the machine or its tubes",
            ]),
            &[c],
        )
        .text("NICE does not say how often these happen. You can ask the team.", &[c]);
    b.done("risks", "The risks")
}

fn outcome_figure(kind: SheetKind, inputs: &SheetInputs) -> Section {
    let mut b = Builder::new();
    let more = match kind {
        Opt | ResearchOnly => ("More research is needed on survival.", Cite::ipg(I_RESEARCH)),
        EvidenceGeneration => ("Doctors must collect more evidence on survival.", Cite::htg(H_EVIDENCE)),
    };
    match inputs.outcome.check() {
        Ok(Some(n)) => {
            let group = match kind {
                Opt | ResearchOnly => "after a cardiac arrest",
                EvidenceGeneration => "after heart surgery",
            };
            b.text("NICE does not give a figure for survival with ECMO.", &[more.1])
                .text("The figure below is this hospital's own.", &[])
                .add(
                    Paragraph::IconArray {
                        per_100: n,
                        caption: format!("About {n} in 100 people who had ECMO at this hospital {group}."),
                    },
                    &[],
                )
                .add(field("What the figure counts", &inputs.outcome.counts), &[])
                .add(field("Where it comes from", &inputs.outcome.source), &[])
                .text(
                    "This is a figure about many people. It cannot say what will happen to one \
                     person.",
                    &[],
                );
        }
        Ok(None) | Err(_) => {
            b.text("NICE does not give a figure for how many people survive with ECMO.", &[more.1])
                .text(more.0, &[more.1])
                .text("You can ask the team about their own experience.", &[]);
        }
    }
    b.done("outcome-figure", "What the numbers say")
}

fn if_not_used(kind: SheetKind) -> Section {
    let mut b = Builder::new();
    match kind {
        Opt | ResearchOnly => {
            if kind == ResearchOnly {
                b.text(
                    "ECMO would only be used if your relative takes part in research.",
                    &[Cite::ipg("1.3")],
                );
            }
            b.text(
                "If ECMO is not used, your relative has the usual care for a cardiac arrest. This \
                 includes CPR, an electric shock for some heart rhythms, a breathing machine and \
                 medicines.",
                &[Cite::ipg("3.2")],
            )
            .text(
                "NICE says that, even with better care today, the risk of dying after a cardiac \
                 arrest is still high, and the brain often does not recover well.",
                &[Cite::ipg("3.3")],
            );
        }
        EvidenceGeneration => {
            b.text(
                "If ECMO is not used, other treatment goes on. This can include medicines that \
                 help the heart pump or clear extra fluid. It can also include other machines, \
                 such as a balloon pump (a small balloon in the main artery that helps the heart).",
                &[Cite::htg("3.2")],
            )
            .text(
                "NICE says that without any machine to support the heart, such as ECMO or a balloon \
                 pump, the risk of dying is very high.",
                &[Cite::htg("3.2")],
            )
            .add(
                Paragraph::IconArray {
                    per_100: 76,
                    caption: "Without any machine to support the heart, as many as 76 in 100 people \
                              have been reported to die."
                        .to_string(),
                },
                &[Cite::htg("3.2")],
            )
            .text(
                "This is a figure about many people. It cannot say what will happen to one person.",
                &[Cite::htg("3.2")],
            );
        }
    }
    b.done("if-not-used", "If ECMO is not used")
}

fn research() -> Section {
    let mut b = Builder::new();
    b.text(
        "Research means a planned study to find out if a treatment works, and for whom.",
        &[Cite::ipg("1.3")],
    )
    .text(
        "NICE says ECMO should only be used for people like your relative as part of formal \
         research. An NHS research ethics committee needs to have approved it. This is a group of \
         people who check that a study is fair and protects the people in it.",
        &[Cite::ipg("1.3")],
    )
    .text(
        "NICE says more research is needed on who ECMO helps, survival, how the brain recovers, \
         and when to start ECMO.",
        &[Cite::ipg(I_RESEARCH)],
    )
    .text(
        "Taking part means your relative has ECMO as part of the study, and information about them \
         is collected for the research. Ask the research team to explain the study, and what you \
         are being asked to agree to.",
        &[Cite::ipg("1.3")],
    );
    b.done("research", "Taking part in research")
}

fn registry(kind: SheetKind) -> Section {
    let mut b = Builder::new();
    let audit = match kind {
        Opt | ResearchOnly => Cite::ipg(I_AUDIT),
        EvidenceGeneration => Cite::htg(H_AUDIT),
    };
    b.text(
        "NICE asks doctors to send details about everyone who has ECMO to the ELSO registry. \
         ELSO is the Extracorporeal Life Support Organization. Its registry is a store of \
         information about people who had ECMO.",
        &[audit],
    );
    match kind {
        Opt | ResearchOnly => b.text(
            "NICE also encourages doctors to send information to the National Cardiac Arrest \
             Audit.",
            &[audit],
        ),
        EvidenceGeneration => b.text(
            "NICE also says doctors must collect information on who has ECMO, the machine used, \
             survival, and problems.",
            &[Cite::htg(H_EVIDENCE)],
        ),
    };
    b.text(
        "Doctors look at this information regularly. This is how they learn which patients ECMO helps, \
         and how safe it is.",
        &[audit],
    );
    b.done("registry", "Sharing information to learn more")
}

fn questions(kind: SheetKind) -> Section {
    let mut b = Builder::new();
    match kind {
        Opt | ResearchOnly => {
            b.add(
                bullets(&[
                    "Is this hospital a specialist centre for ECMO after a cardiac arrest?",
                    "Who in the team has looked at whether ECMO is right for my relative?",
                    "Are the staff specially trained in ECMO?",
                ]),
                &[Cite::ipg(I_WHO)],
            )
            .add(bullets(&["How often do the problems listed above happen here?"]), &[Cite::ipg("3.6")])
            .add(bullets(&["What happens if ECMO does not help?"]), &[Cite::ipg("2.1")]);
            if kind == ResearchOnly {
                b.add(
                    bullets(&[
                        "Has an NHS research ethics committee approved the study?",
                        "What does the study involve, and what are we being asked to agree to?",
                    ]),
                    &[Cite::ipg("1.3")],
                );
            }
            b.add(
                bullets(&["What information goes to the registry and the audit, and how is it kept safe?"]),
                &[Cite::ipg(I_AUDIT)],
            );
        }
        EvidenceGeneration => {
            b.add(
                bullets(&[
                    "What other choices are there?",
                    "Who in the team has looked at whether ECMO is right for my relative?",
                    "Does this hospital specialise in this, and are the staff specially trained?",
                ]),
                &[Cite::htg(H_PRACTICE), Cite::htg(H_WHO)],
            )
            .add(
                bullets(&["How long might ECMO be needed?", "What happens if the heart does not recover?"]),
                &[Cite::htg("3.3")],
            )
            .add(bullets(&["How often do the problems listed above happen here?"]), &[Cite::htg("3.6")])
            .add(
                bullets(&["What information goes to the registry, and how is it kept safe?"]),
                &[Cite::htg(H_AUDIT)],
            );
        }
    }
    // One list on the page.
    let items: Vec<String> = b
        .paragraphs
        .drain(..)
        .flat_map(|p| match p {
            Paragraph::Bullets(items) => items,
            Paragraph::Text(t) => vec![t],
            Paragraph::IconArray { .. } | Paragraph::WriteIn { .. } | Paragraph::Field { .. } => Vec::new(),
        })
        .collect();
    b.paragraphs.push(Paragraph::Bullets(items));
    b.done("questions", "Questions you may want to ask")
}

fn notes(inputs: &SheetInputs) -> Section {
    let mut paragraphs = Vec::new();
    if !inputs.notes.trim().is_empty() {
        paragraphs.push(field("Notes from the team", &inputs.notes));
    }
    paragraphs.push(Paragraph::WriteIn { label: "Your notes and questions", lines: 5 });
    Section { id: "notes", heading: "Notes", paragraphs, cites: Vec::new() }
}

fn who_talked(inputs: &SheetInputs) -> Section {
    Section {
        id: "who-talked",
        heading: "Who talked with you",
        paragraphs: vec![
            field("Doctor or nurse", &inputs.clinician_name),
            field("Their role", &inputs.clinician_role),
            field("Who they talked with", &inputs.spoken_with),
            field("Date and time", &inputs.when),
        ],
        cites: Vec::new(),
    }
}
