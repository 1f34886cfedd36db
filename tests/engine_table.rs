//! The engine against rules.md, row by row.
//!
//! Each row is a case file and what rules.md says the app must show for it:
//! the verdict, its extra hook (`data-prospective`, `data-reason` or
//! `data-missing`), the requirements in order and the cautions. The expected
//! values are written out here, never computed by the code under test. A
//! coverage test checks that the rows reach every rule of every table, every
//! verdict, every reason code, every requirement in each of its three statuses
//! and every caution.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use ecmo_aid::case_file;
use ecmo_aid::engine::{self, Decision, Verdict};

struct Row {
    name: String,
    json: String,
    verdict: &'static str,
    /// `data-prospective`, `data-reason` or `data-missing`, or "".
    extra: &'static str,
    /// Requirement ids in order, each `id=status`; `None` to not check.
    requirements: Option<Vec<&'static str>>,
    /// Caution ids in order; `None` to not check.
    cautions: Option<Vec<&'static str>>,
}

fn row(name: impl Into<String>, json: String, verdict: &'static str, extra: &'static str) -> Row {
    Row { name: name.into(), json, verdict, extra, requirements: None, cautions: None }
}

impl Row {
    fn reqs(mut self, r: &[&'static str]) -> Row {
        self.requirements = Some(r.to_vec());
        self
    }
    fn cautions(mut self, c: &[&'static str]) -> Row {
        self.cautions = Some(c.to_vec());
        self
    }
}

/// An arrest case: `patient` and `arrest` are the inside of their objects.
fn ecpr(patient: &str, arrest: &str, team: &str) -> String {
    format!(
        r#"{{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{{{patient}}},"arrest":{{{arrest}}},"team":{{{team}}}}}"#
    )
}

/// A refractory arrest of an adult with the given rhythm and cause.
fn refractory(rhythm: &str, cause: &str) -> String {
    ecpr(
        r#""age_years":50"#,
        &format!(
            r#""rhythm":"{rhythm}","cause":"{cause}","cpr_minutes":40,"rosc":false,"hypothermia":false"#
        ),
        "",
    )
}

fn pcs(patient: &str, surgery: &str, team: &str) -> String {
    format!(
        r#"{{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{{{patient}}},"surgery":{{{surgery}}},"team":{{{team}}}}}"#
    )
}

const OPTION_REQS: [&str; 6] = [
    "mdt-selection=unknown",
    "specialist-centre=unknown",
    "trained-team=unknown",
    "shared-decision=unknown",
    "elso-registry=unknown",
    "ncaa=unknown",
];
const RESEARCH_REQS: [&str; 7] = [
    "formal-research=unknown",
    "ethics-approval=unknown",
    "mdt-selection=unknown",
    "specialist-centre=unknown",
    "trained-team=unknown",
    "elso-registry=unknown",
    "ncaa=unknown",
];
const PCS_REQS: [&str; 8] = [
    "enhanced-consent=unknown",
    "shared-decision=unknown",
    "governance-lead-informed=unknown",
    "mdt-selection=unknown",
    "specialist-centre=unknown",
    "trained-team=unknown",
    "elso-registry=unknown",
    "evidence-data=unknown",
];

const ALL_TEAM_YES: &str = r#""mdt_selection":"yes","specialist_centre":"yes","trained_team":"yes","options_discussed":"yes","enhanced_consent":"yes","governance_lead_informed":"yes","elso_registry":"yes","ncaa":"yes","evidence_data":"yes","formal_research":"yes","ethics_approval":"yes""#;

fn with_status(reqs: &[&'static str], status: &str) -> Vec<String> {
    reqs.iter().map(|r| r.replace("=unknown", &format!("={status}"))).collect()
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();

    // --- Group, from rhythm and cause: every combination (rules.md, IPG808).
    let grid: [(&str, &str, &str, &str, bool); 15] = [
        ("vf", "reversible", "option", "", false),
        ("vf", "irreversible", "option", "", true),
        ("vf", "unknown", "option", "", false),
        ("pvt", "reversible", "option", "", false),
        ("pvt", "irreversible", "option", "", true),
        ("pvt", "unknown", "option", "", false),
        ("asystole", "reversible", "option", "", true),
        ("asystole", "irreversible", "research-only", "", false),
        ("asystole", "unknown", "needs-information", "arrest.cause", false),
        ("pea", "reversible", "option", "", true),
        ("pea", "irreversible", "research-only", "", false),
        ("pea", "unknown", "needs-information", "arrest.cause", false),
        ("unknown", "reversible", "option", "", false),
        ("unknown", "irreversible", "needs-information", "arrest.rhythm", false),
        ("unknown", "unknown", "needs-information", "arrest.rhythm arrest.cause", false),
    ];
    for (rhythm, cause, verdict, extra, mixed) in grid {
        let r = row(format!("group {rhythm}/{cause}"), refractory(rhythm, cause), verdict, extra)
            .cautions(if mixed { &["mixed-criteria"] } else { &[] });
        rows.push(match verdict {
            "option" => r.reqs(&OPTION_REQS),
            "research-only" => r.reqs(&RESEARCH_REQS),
            _ => r.reqs(&[]),
        });
    }

    // --- The 30-minute boundary of IPG808 3.1, both groups.
    for (min, verdict, extra) in [
        (0, "not-yet-refractory", "option"),
        (29, "not-yet-refractory", "option"),
        (30, "option", ""),
        (600, "option", ""),
    ] {
        let json = ecpr(
            r#""age_years":50"#,
            &format!(r#""rhythm":"vf","cpr_minutes":{min},"rosc":false,"hypothermia":false"#),
            "",
        );
        rows.push(row(format!("vf at {min} minutes"), json, verdict, extra).reqs(&OPTION_REQS));
    }
    for (min, verdict, extra) in [(29, "not-yet-refractory", "research-only"), (30, "research-only", "")] {
        let json = ecpr(
            r#""age_years":50"#,
            &format!(
                r#""rhythm":"pea","cause":"irreversible","cpr_minutes":{min},"rosc":false,"hypothermia":false"#
            ),
            "",
        );
        rows.push(
            row(format!("pea irreversible at {min} minutes"), json, verdict, extra).reqs(&RESEARCH_REQS),
        );
    }
    // Mixed criteria under 30 minutes: the caution goes with the prospective verdict.
    rows.push(
        row(
            "mixed under 30 minutes",
            ecpr(
                r#""age_years":50"#,
                r#""rhythm":"asystole","cause":"reversible","cpr_minutes":10,"rosc":false,"hypothermia":false"#,
                "",
            ),
            "not-yet-refractory",
            "option",
        )
        .cautions(&["mixed-criteria"]),
    );
    for (min, path) in
        [("601", "arrest.cpr_minutes"), ("-1", "arrest.cpr_minutes"), ("30.5", "arrest.cpr_minutes")]
    {
        let json = ecpr(r#""age_years":50"#, &format!(r#""rhythm":"vf","cpr_minutes":{min}"#), "");
        rows.push(row(format!("{min} minutes"), json, "invalid", path).reqs(&[]).cautions(&[]));
    }
    rows.push(
        row(
            "minutes missing",
            ecpr(r#""age_years":50"#, r#""rhythm":"vf","rosc":false,"hypothermia":false"#, ""),
            "needs-information",
            "arrest.cpr_minutes",
        )
        .reqs(&[]),
    );

    // --- The 18-year boundary and the age range.
    for (age, verdict, extra) in [
        ("0", "outside-guidance", "child"),
        ("17", "outside-guidance", "child"),
        ("18", "option", ""),
        ("120", "option", ""),
    ] {
        let json = ecpr(
            &format!(r#""age_years":{age}"#),
            r#""rhythm":"vf","cpr_minutes":40,"rosc":false,"hypothermia":false"#,
            "",
        );
        rows.push(row(format!("age {age}"), json, verdict, extra));
    }
    for age in ["121", "-1", "47.5", "\"47\""] {
        let json = ecpr(&format!(r#""age_years":{age}"#), r#""rhythm":"vf""#, "");
        rows.push(row(format!("age {age}"), json, "invalid", "patient.age_years"));
    }
    rows.push(row(
        "age missing",
        ecpr("", r#""rhythm":"vf","cpr_minutes":40,"rosc":false,"hypothermia":false"#, ""),
        "needs-information",
        "patient.age_years",
    ));
    rows.push(row("child with PCS", pcs(r#""age_years":16"#, "", ""), "outside-guidance", "child"));

    // --- ROSC and hypothermia (IPG808 3.1).
    let arrest =
        |rest: &str| ecpr(r#""age_years":50"#, &format!(r#""rhythm":"vf","cpr_minutes":40{rest}"#), "");
    rows.push(
        row("rosc", arrest(r#","rosc":true,"hypothermia":false"#), "outside-guidance", "rosc").reqs(&[]),
    );
    rows.push(row(
        "hypothermia",
        arrest(r#","rosc":false,"hypothermia":true"#),
        "outside-guidance",
        "hypothermia",
    ));
    rows.push(row(
        "rosc and hypothermia",
        arrest(r#","rosc":true,"hypothermia":true"#),
        "outside-guidance",
        "rosc",
    ));
    rows.push(row("rosc, hypothermia unknown", arrest(r#","rosc":true"#), "outside-guidance", "rosc"));
    rows.push(row(
        "hypothermia, rosc unknown",
        arrest(r#","hypothermia":true"#),
        "outside-guidance",
        "hypothermia",
    ));
    rows.push(row("rosc unknown", arrest(r#","hypothermia":false"#), "needs-information", "arrest.rosc"));
    rows.push(row(
        "hypothermia unknown",
        arrest(r#","rosc":false"#),
        "needs-information",
        "arrest.hypothermia",
    ));
    rows.push(row("both unknown", arrest(""), "needs-information", "arrest.rosc arrest.hypothermia"));

    // --- Location and named causes never change the verdict.
    for location in ["in-hospital", "out-of-hospital"] {
        let json = ecpr(
            r#""age_years":50"#,
            &format!(
                r#""location":"{location}","rhythm":"pea","cause":"irreversible","cpr_minutes":40,"rosc":false,"hypothermia":false"#
            ),
            "",
        );
        rows.push(row(format!("location {location}"), json, "research-only", ""));
    }
    rows.push(row(
        "named reversible causes",
        ecpr(
            r#""age_years":50"#,
            r#""rhythm":"pea","cause":"reversible","reversible_causes":["hypoxia","hypovolaemia","hypo-hyperkalaemia-metabolic","thrombosis-coronary","thrombosis-pulmonary","tension-pneumothorax","tamponade","toxins"],"cpr_minutes":40,"rosc":false,"hypothermia":false"#,
            "",
        ),
        "option",
        "",
    ));

    // --- Pregnancy never changes the verdict and always shows its caution.
    for (pregnancy, cautions) in [
        ("pregnant", &["pregnancy"][..]),
        ("postpartum", &["pregnancy"][..]),
        ("not-pregnant", &[][..]),
        ("unknown", &[][..]),
    ] {
        let json = ecpr(
            &format!(r#""age_years":30,"pregnancy":"{pregnancy}""#),
            r#""rhythm":"vf","cpr_minutes":40,"rosc":false,"hypothermia":false"#,
            "",
        );
        rows.push(row(format!("arrest, {pregnancy}"), json, "option", "").cautions(cautions));
        let json = pcs(&format!(r#""age_years":30,"pregnancy":"{pregnancy}""#), "", "");
        rows.push(row(format!("pcs, {pregnancy}"), json, "evidence-generation", "").cautions(cautions));
    }
    rows.push(
        row(
            "pregnant with rosc",
            ecpr(
                r#""age_years":30,"pregnancy":"pregnant""#,
                r#""rhythm":"vf","cpr_minutes":40,"rosc":true,"hypothermia":false"#,
                "",
            ),
            "outside-guidance",
            "rosc",
        )
        .cautions(&["pregnancy"]),
    );

    // --- Postcardiotomy cardiogenic shock (HTG762).
    rows.push(
        row("pcs, nothing else known", pcs(r#""age_years":64"#, "", ""), "evidence-generation", "")
            .reqs(&PCS_REQS)
            .cautions(&[]),
    );
    for phase in ["cannot-separate-from-bypass", "shock-after-surgery"] {
        let json = pcs(r#""age_years":64"#, &format!(r#""phase":"{phase}""#), "");
        rows.push(row(format!("pcs {phase}"), json, "evidence-generation", "").reqs(&PCS_REQS).cautions(&[]));
    }
    rows.push(
        row(
            "pcs elective",
            pcs(r#""age_years":64"#, r#""phase":"elective-high-risk""#, ""),
            "evidence-generation",
            "",
        )
        .reqs(&PCS_REQS)
        .cautions(&["elective-use"]),
    );
    rows.push(
        row(
            "pcs medicines alone",
            pcs(r#""age_years":64"#, r#""managed_with_medicines_alone":true"#, ""),
            "evidence-generation",
            "",
        )
        .cautions(&["medicines-alone"]),
    );
    rows.push(
        row(
            "pcs elective, medicines alone, graft dysfunction, pregnant",
            pcs(
                r#""age_years":34,"pregnancy":"pregnant""#,
                r#""phase":"elective-high-risk","managed_with_medicines_alone":true,"graft_dysfunction_after_transplant":true"#,
                "",
            ),
            "evidence-generation",
            "",
        )
        .cautions(&["elective-use", "medicines-alone", "pregnancy"]),
    );
    rows.push(
        row(
            "pcs, age missing",
            pcs("", r#""phase":"shock-after-surgery""#, ""),
            "needs-information",
            "patient.age_years",
        )
        .reqs(&[]),
    );

    // --- Scope: indication.
    rows.push(row(
        "no indication",
        r#"{"schema":"ecmo-case/1","indication":"other","patient":{"age_years":50}}"#.into(),
        "outside-guidance",
        "no-indication",
    ));
    rows.push(row(
        "child, no indication",
        r#"{"schema":"ecmo-case/1","indication":"other","patient":{"age_years":5}}"#.into(),
        "outside-guidance",
        "child",
    ));
    rows.push(row(
        "indication missing",
        r#"{"schema":"ecmo-case/1","patient":{"age_years":50}}"#.into(),
        "needs-information",
        "indication",
    ));
    rows.push(row(
        "empty case",
        r#"{"schema":"ecmo-case/1"}"#.into(),
        "needs-information",
        "indication patient.age_years",
    ));
    rows.push(row(
        "arrest, nothing known",
        r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest"}"#.into(),
        "needs-information",
        "patient.age_years arrest.rhythm arrest.cause arrest.cpr_minutes arrest.rosc arrest.hypothermia",
    ));

    // --- Precedence: invalid > outside-guidance > needs-information > not-yet-refractory.
    rows.push(row(
        "invalid beats outside",
        ecpr(r#""age_years":-3"#, r#""rhythm":"vf","rosc":true"#, ""),
        "invalid",
        "patient.age_years",
    ));
    rows.push(row(
        "outside beats needs-information",
        ecpr("", r#""rosc":true"#, ""),
        "outside-guidance",
        "rosc",
    ));
    rows.push(row(
        "needs-information beats not-yet-refractory",
        ecpr(r#""age_years":50"#, r#""cpr_minutes":10,"rosc":false,"hypothermia":false"#, ""),
        "needs-information",
        "arrest.rhythm arrest.cause",
    ));
    rows.push(row(
        "child beats rosc",
        ecpr(r#""age_years":10"#, r#""rhythm":"vf","cpr_minutes":40,"rosc":true"#, ""),
        "outside-guidance",
        "child",
    ));
    rows.push(row(
        "unknown schema",
        r#"{"schema":"ecmo-case/2","indication":"other"}"#.into(),
        "invalid",
        "schema",
    ));

    // --- Requirement statuses: yes, no and unknown for every requirement.
    for (status, answer) in [("met", "yes"), ("not-met", "no")] {
        let team = ALL_TEAM_YES.replace("\"yes\"", &format!("\"{answer}\""));
        let cases = [
            (
                ecpr(
                    r#""age_years":50"#,
                    r#""rhythm":"vf","cpr_minutes":40,"rosc":false,"hypothermia":false"#,
                    &team,
                ),
                "option",
                "",
                &OPTION_REQS[..],
            ),
            (
                ecpr(
                    r#""age_years":50"#,
                    r#""rhythm":"pea","cause":"irreversible","cpr_minutes":40,"rosc":false,"hypothermia":false"#,
                    &team,
                ),
                "research-only",
                "",
                &RESEARCH_REQS[..],
            ),
            (
                ecpr(
                    r#""age_years":50"#,
                    r#""rhythm":"vf","cpr_minutes":5,"rosc":false,"hypothermia":false"#,
                    &team,
                ),
                "not-yet-refractory",
                "option",
                &OPTION_REQS[..],
            ),
            (pcs(r#""age_years":64"#, "", &team), "evidence-generation", "", &PCS_REQS[..]),
        ];
        for (json, verdict, extra, reqs) in cases {
            let expected: Vec<&'static str> =
                with_status(reqs, status).into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect();
            rows.push(row(format!("{verdict}, team all {answer}"), json, verdict, extra).reqs(&expected));
        }
    }
    // One answer per team field, mapped to its own requirement.
    rows.push(
        row(
            "option, team mixed",
            ecpr(
                r#""age_years":50"#,
                r#""rhythm":"vf","cpr_minutes":40,"rosc":false,"hypothermia":false"#,
                r#""mdt_selection":"yes","specialist_centre":"no","options_discussed":"yes","ncaa":"no""#,
            ),
            "option",
            "",
        )
        .reqs(&[
            "mdt-selection=met",
            "specialist-centre=not-met",
            "trained-team=unknown",
            "shared-decision=met",
            "elso-registry=unknown",
            "ncaa=not-met",
        ]),
    );
    rows.push(
        row(
            "pcs, team mixed",
            pcs(
                r#""age_years":64"#,
                "",
                r#""enhanced_consent":"no","governance_lead_informed":"yes","evidence_data":"no","elso_registry":"yes""#,
            ),
            "evidence-generation",
            "",
        )
        .reqs(&[
            "enhanced-consent=not-met",
            "shared-decision=unknown",
            "governance-lead-informed=met",
            "mdt-selection=unknown",
            "specialist-centre=unknown",
            "trained-team=unknown",
            "elso-registry=met",
            "evidence-data=not-met",
        ]),
    );
    rows.push(
        row(
            "research, ethics and research",
            ecpr(
                r#""age_years":50"#,
                r#""rhythm":"asystole","cause":"irreversible","cpr_minutes":40,"rosc":false,"hypothermia":false"#,
                r#""formal_research":"yes","ethics_approval":"no""#,
            ),
            "research-only",
            "",
        )
        .reqs(&[
            "formal-research=met",
            "ethics-approval=not-met",
            "mdt-selection=unknown",
            "specialist-centre=unknown",
            "trained-team=unknown",
            "elso-registry=unknown",
            "ncaa=unknown",
        ]),
    );
    rows
}

fn extra(d: &Decision) -> String {
    match &d.verdict {
        Verdict::NotYetRefractory { at_30_minutes } => at_30_minutes.id().into(),
        Verdict::OutsideGuidance { reason, .. } => reason.id().into(),
        Verdict::NeedsInformation { missing } => {
            missing.iter().map(|f| f.path()).collect::<Vec<_>>().join(" ")
        }
        Verdict::Invalid { errors } => errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>().join(" "),
        Verdict::Recommended(_) => String::new(),
    }
}

fn requirements(d: &Decision) -> Vec<String> {
    d.requirements.iter().map(|r| format!("{}={}", r.spec.id.id(), r.status.id())).collect()
}

fn cautions(d: &Decision) -> Vec<&'static str> {
    d.cautions.iter().map(|c| c.id.id()).collect()
}

#[test]
fn every_row_decides_as_rules_md_says() {
    let mut failures = Vec::new();
    for r in rows() {
        let d = engine::decide(&case_file::read(&r.json));
        let mut wrong = Vec::new();
        if d.verdict.id() != r.verdict {
            wrong.push(format!("verdict {} (expected {})", d.verdict.id(), r.verdict));
        }
        if extra(&d) != r.extra {
            wrong.push(format!("extra {:?} (expected {:?})", extra(&d), r.extra));
        }
        if let Some(reqs) = &r.requirements {
            if requirements(&d) != *reqs {
                wrong.push(format!("requirements {:?} (expected {:?})", requirements(&d), reqs));
            }
        }
        if let Some(c) = &r.cautions {
            if cautions(&d) != *c {
                wrong.push(format!("cautions {:?} (expected {:?})", cautions(&d), c));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{}: {}", r.name, wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} rows disagree with rules.md:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn rows_cover_every_rule_verdict_reason_status_and_caution() {
    let mut rules = BTreeSet::new();
    let mut verdicts = BTreeSet::new();
    let mut reasons = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    let mut cautions_seen = BTreeSet::new();
    for r in rows() {
        let d = engine::decide(&case_file::read(&r.json));
        rules.extend(d.trace.iter().map(|rule| rule.id));
        verdicts.insert(d.verdict.id());
        if let Verdict::OutsideGuidance { reason, also } = &d.verdict {
            reasons.insert(reason.id());
            reasons.extend(also.iter().map(|a| a.id()));
        }
        statuses.extend(d.requirements.iter().map(|c| (c.spec.id.id(), c.status.id())));
        cautions_seen.extend(d.cautions.iter().map(|c| c.id.id()));
    }
    for (table, table_rules) in engine::TABLES {
        for rule in table_rules {
            assert!(rules.contains(rule.id), "no row fires {} of the {table} table", rule.id);
        }
    }
    let all_verdicts = [
        "option",
        "evidence-generation",
        "research-only",
        "not-yet-refractory",
        "outside-guidance",
        "needs-information",
        "invalid",
    ];
    assert_eq!(verdicts, all_verdicts.into_iter().collect());
    assert_eq!(reasons, ["child", "rosc", "hypothermia", "no-indication"].into_iter().collect());
    for id in engine::RequirementId::ALL {
        for status in ["met", "not-met", "unknown"] {
            assert!(statuses.contains(&(id.id(), status)), "no row shows {} {status}", id.id());
        }
    }
    for c in engine::CautionId::ALL {
        assert!(cautions_seen.contains(c.id()), "no row shows caution {}", c.id());
    }
}

#[test]
fn modal_verbs_keep_their_force() {
    use ecmo_aid::engine::{htg762, ipg808, RequirementId};
    let text = |reqs: &[engine::RequirementSpec], id: RequirementId| {
        reqs.iter().find(|r| r.id == id).map(|r| r.text).unwrap_or_default()
    };
    // IPG808: should only; HTG762: could (rules.md, "specialist-centre").
    assert!(text(ipg808::OPTION_REQUIREMENTS, RequirementId::SpecialistCentre)
        .contains("should only be done in centres"));
    assert!(text(htg762::REQUIREMENTS, RequirementId::SpecialistCentre).contains("could be done in centres"));
    assert!(text(ipg808::OPTION_REQUIREMENTS, RequirementId::TrainedTeam).contains("should only"));
    assert!(text(htg762::REQUIREMENTS, RequirementId::TrainedTeam).contains("could"));
    assert!(text(htg762::REQUIREMENTS, RequirementId::EnhancedConsent).contains("must"));
    assert!(text(htg762::REQUIREMENTS, RequirementId::GovernanceLeadInformed).contains("must inform"));
    assert!(text(htg762::REQUIREMENTS, RequirementId::EvidenceData).contains("must collect"));
    assert!(text(ipg808::RESEARCH_REQUIREMENTS, RequirementId::FormalResearch)
        .contains("should only be done as part of formal research"));
    assert!(
        text(ipg808::RESEARCH_REQUIREMENTS, RequirementId::EthicsApproval).contains("needs to have approved")
    );
    assert!(text(ipg808::OPTION_REQUIREMENTS, RequirementId::Ncaa).contains("encouraged"));
    // Shared decision is said for the option group, not for research only.
    assert!(ipg808::RESEARCH_REQUIREMENTS.iter().all(|r| r.id != RequirementId::SharedDecision));
}

#[test]
fn notes_go_with_their_guidance() {
    let d = engine::decide(&case_file::read(&refractory("vf", "reversible")));
    assert!(d.notes.iter().all(|n| n.id.starts_with("ipg808.")));
    assert!(d.notes.iter().any(|n| n.id == "ipg808.time-to-ecmo"));
    assert!(d.notes.iter().any(|n| n.id == "ipg808.safety-outcomes"));
    let d = engine::decide(&case_file::read(&pcs(r#""age_years":64"#, "", "")));
    assert!(d.notes.iter().all(|n| n.id.starts_with("htg762.")));
    for id in [
        "htg762.not-obliged",
        "htg762.start-early",
        "htg762.mortality",
        "htg762.organ-donation",
        "htg762.funding",
    ] {
        assert!(d.notes.iter().any(|n| n.id == id), "{id}");
    }
    // Not-yet-refractory carries the 3.12 note in its statements.
    let d = engine::decide(&case_file::read(&ecpr(
        r#""age_years":50"#,
        r#""rhythm":"vf","cpr_minutes":12,"rosc":false,"hypothermia":false"#,
        "",
    )));
    assert!(d.verdict.statements().iter().any(|s| s.cites.iter().any(|c| c.to_string() == "IPG808 3.12")));
    // Outside the guidance: no requirements, no notes.
    let d = engine::decide(&case_file::read(&ecpr(r#""age_years":50"#, r#""rosc":true"#, "")));
    assert!(d.requirements.is_empty() && d.notes.is_empty());
}
