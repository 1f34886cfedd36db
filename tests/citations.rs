//! Every citation the app can show points at a paragraph that exists in the
//! guidance text, and the bundled text is the text in ../shared/guidance.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use ecmo_aid::citation::{paragraph, Cite, Guidance};
use ecmo_aid::engine::{self, htg762, ipg808, scope, Reason, Recommendation};
use ecmo_aid::examples::EXAMPLES;
use ecmo_aid::model::Field;

/// Every citation the engine can put on screen.
fn every_cite() -> BTreeSet<Cite> {
    let mut all = BTreeSet::new();
    for (_, rules) in engine::TABLES {
        for r in rules {
            all.extend(r.cites);
        }
    }
    for reqs in [ipg808::OPTION_REQUIREMENTS, ipg808::RESEARCH_REQUIREMENTS, htg762::REQUIREMENTS] {
        for r in reqs {
            all.extend(r.cites);
        }
    }
    for c in [
        &ipg808::MIXED,
        &ipg808::PREGNANCY,
        &htg762::ELECTIVE,
        &htg762::MEDICINES,
        &htg762::PREGNANCY,
        &scope::PREGNANCY_CAUTION,
    ] {
        all.extend(c.cites);
    }
    for n in ipg808::NOTES.iter().chain(htg762::NOTES).chain([&htg762::GRAFT_NOTE]) {
        all.extend(n.cites);
    }
    for r in [Recommendation::UseAsOption, Recommendation::EvidenceGeneration, Recommendation::ResearchOnly] {
        all.extend(r.statement().cites);
        all.extend(
            engine::Verdict::NotYetRefractory { at_30_minutes: r }
                .statements()
                .iter()
                .flat_map(|s| s.cites.iter()),
        );
    }
    for r in [Reason::Child, Reason::NoIndication, Reason::Rosc, Reason::Hypothermia] {
        all.extend(r.statement().cites);
    }
    for f in [
        Field::Indication,
        Field::Age,
        Field::Rhythm,
        Field::Cause,
        Field::CprMinutes,
        Field::Rosc,
        Field::Hypothermia,
    ] {
        all.extend(engine::missing_statement(f).cites);
    }
    for e in EXAMPLES {
        let d = engine::decide(&e.case());
        all.extend(d.trace.iter().flat_map(|r| r.cites.iter()));
    }
    all
}

#[test]
fn every_citation_resolves_to_guidance_text() {
    let all = every_cite();
    assert!(all.len() > 40, "only {} citations found", all.len());
    let missing: Vec<String> =
        all.iter().filter(|c| paragraph(**c).is_none()).map(|c| c.to_string()).collect();
    assert!(missing.is_empty(), "cited paragraphs not in the guidance: {missing:?}");
}

#[test]
fn bundled_guidance_matches_the_source() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/guidance");
    if !shared.exists() {
        eprintln!("../shared/guidance not beside the repository: skipped");
        return;
    }
    for (g, file) in [
        (Guidance::Htg762, "htg762-va-ecmo-postcardiotomy-shock.txt"),
        (Guidance::Ipg808, "ipg808-va-ecmo-ecpr.txt"),
    ] {
        let source = std::fs::read_to_string(shared.join(file)).unwrap_or_default();
        assert_eq!(g.text(), source, "static/guidance copy of {file} differs from ../shared/guidance");
    }
}

/// The quoted sentences of requirements keep the guidance's own words: each
/// requirement's key phrase is found in a cited paragraph.
#[test]
fn requirement_phrases_are_in_their_cited_paragraphs() {
    let phrases: [(&[engine::RequirementSpec], engine::RequirementId, &str); 10] = [
        (
            ipg808::OPTION_REQUIREMENTS,
            engine::RequirementId::SpecialistCentre,
            "should only be done in centres specialising in using VA ECMO for ECPR",
        ),
        (
            ipg808::OPTION_REQUIREMENTS,
            engine::RequirementId::MdtSelection,
            "Patient selection should be done by a multidisciplinary team",
        ),
        (
            ipg808::OPTION_REQUIREMENTS,
            engine::RequirementId::Ncaa,
            "encouraged to enter data into the National Cardiac Arrest Audit",
        ),
        (
            ipg808::OPTION_REQUIREMENTS,
            engine::RequirementId::SharedDecision,
            "before a joint decision is made, if possible",
        ),
        (
            ipg808::RESEARCH_REQUIREMENTS,
            engine::RequirementId::FormalResearch,
            "should only be done as part of formal research",
        ),
        (
            ipg808::RESEARCH_REQUIREMENTS,
            engine::RequirementId::EthicsApproval,
            "research ethics committee needs to have approved its use",
        ),
        (
            htg762::REQUIREMENTS,
            engine::RequirementId::SpecialistCentre,
            "could be done in centres specialising in managing PCS",
        ),
        (
            htg762::REQUIREMENTS,
            engine::RequirementId::GovernanceLeadInformed,
            "inform the clinical governance leads in their organisation",
        ),
        (
            htg762::REQUIREMENTS,
            engine::RequirementId::EvidenceData,
            "must collect data specifically around the safety and efficacy of this procedure",
        ),
        (
            htg762::REQUIREMENTS,
            engine::RequirementId::ElsoRegistry,
            "Extracorporeal Life Support Organization registry",
        ),
    ];
    for (reqs, id, phrase) in phrases {
        let spec = reqs.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id:?} missing"));
        assert!(
            spec.text.contains(phrase)
                || spec.text.contains(&phrase.replace("this procedure", "the procedure")),
            "{id:?} text lost {phrase:?}"
        );
        let found = spec.cites.iter().any(|c| paragraph(*c).is_some_and(|p| p.contains(phrase)));
        assert!(found, "{id:?}: {phrase:?} is not in any of its cited paragraphs {:?}", spec.cites);
    }
}
