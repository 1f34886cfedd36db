#![cfg(not(target_arch = "wasm32"))]
//! The consent information sheet and the clinician's record, built natively:
//! snapshots of each sheet's text, the reading grade of every variant, the
//! citations, the required sections, figures, and what typed text can reach.

use std::path::PathBuf;

use ecmo_aid::case_file;
use ecmo_aid::case_link;
use ecmo_aid::citation::{paragraph, Guidance};
use ecmo_aid::consent::readability::{counts, word_count};
use ecmo_aid::consent::{
    flesch_kincaid_grade, parse_per_100, record, sheet, sheet_for_version, sheet_kind, OutcomeFigure,
    Paragraph, Sheet, SheetInputs, SheetKind, APP_VERSION,
};
use ecmo_aid::engine::{decide, decide_assessment, Status};
use ecmo_aid::examples::EXAMPLES;
use ecmo_aid::model::*;
use proptest::prelude::*;

/// The version stamped on snapshots, so a version bump does not change them.
const SNAPSHOT_VERSION: &str = "0.0.0-snapshot";

fn example(kind: SheetKind) -> Assessment {
    let e = EXAMPLES.iter().find(|e| e.verdict == kind.id());
    let case = e.map(|e| e.case()).unwrap_or_default();
    assert!(case.errors.is_empty(), "{:?}", case.errors);
    assert_eq!(sheet_kind(&decide(&case).verdict), Some(kind));
    case.assessment
}

fn sample_inputs() -> SheetInputs {
    SheetInputs {
        person_name: "Aurelia Quennell-Ztest".into(),
        hospital: "Northgate Infirmary Ztest".into(),
        clinician_name: "Dr Imogen Ztestwright".into(),
        clinician_role: "Consultant in intensive care".into(),
        spoken_with: "Rowan Quennell (husband), Kit Quennell (daughter)".into(),
        when: "3 March, 02:40".into(),
        notes: "We will talk again at 08:00 after the ward round, Ztestnote.".into(),
        outcome: OutcomeFigure {
            text: "42 in 100".into(),
            counts: "survived to leave hospital Ztestcount".into(),
            source: "Our unit's audit 2019 to 2024 Ztestsource".into(),
        },
    }
}

fn typed_values(i: &SheetInputs) -> Vec<&str> {
    vec![
        &i.person_name,
        &i.hospital,
        &i.clinician_name,
        &i.clinician_role,
        &i.spoken_with,
        &i.when,
        &i.notes,
        &i.outcome.counts,
        &i.outcome.source,
    ]
}

// ---------------------------------------------------------------- snapshots

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots").join(name)
}

/// Compares `actual` with the stored snapshot; writes it when there is none
/// or when UPDATE_SNAPSHOTS=1.
fn check_snapshot(name: &str, actual: &str) {
    let path = snapshot_path(name);
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let stored = std::fs::read_to_string(&path).ok();
    match stored {
        Some(expected) if !update => {
            if expected != actual {
                let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
                let mut diff = String::new();
                let n = e.len().max(a.len());
                let mut shown = 0;
                for i in 0..n {
                    let (x, y) = (e.get(i).copied(), a.get(i).copied());
                    if x != y && shown < 8 {
                        diff.push_str(&format!(
                            "line {}:\n  - {}\n  + {}\n",
                            i + 1,
                            x.unwrap_or("<none>"),
                            y.unwrap_or("<none>")
                        ));
                        shown += 1;
                    }
                }
                panic!(
                    "snapshot {} differs ({} lines stored, {} now):\n{diff}\
                     If the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff.",
                    path.display(),
                    e.len(),
                    a.len()
                );
            }
        }
        Some(_) | None => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            }
            std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            eprintln!("wrote snapshot {}", path.display());
        }
    }
}

#[test]
fn snapshot_of_each_sheet() {
    for kind in SheetKind::ALL {
        let s = sheet_for_version(kind, &example(kind), &SheetInputs::default(), SNAPSHOT_VERSION);
        check_snapshot(&format!("consent-{}.txt", kind.id()), &s.to_text());
    }
}

#[test]
fn snapshot_of_a_sheet_with_typed_inputs() {
    let kind = SheetKind::EvidenceGeneration;
    let s = sheet_for_version(kind, &example(kind), &sample_inputs(), SNAPSHOT_VERSION);
    check_snapshot("consent-evidence-generation-typed.txt", &s.to_text());
}

// ------------------------------------------------------------ reading grade

/// Every arrest or surgery input that changes the sheet's words.
fn variants(kind: SheetKind) -> Vec<Assessment> {
    let base = example(kind);
    let mut out = Vec::new();
    let pregnancy = [None, Some(Pregnancy::Pregnant)];
    if kind.is_arrest() {
        let locations = [None, Some(Location::InHospital), Some(Location::OutOfHospital)];
        let rhythms = [None, Some(Rhythm::Vf), Some(Rhythm::Asystole)];
        let causes = [None, Some(Cause::Reversible), Some(Cause::Irreversible)];
        for l in locations {
            for r in rhythms {
                for c in causes {
                    for p in pregnancy {
                        let mut a = base.clone();
                        a.arrest.location = l;
                        a.arrest.rhythm = r;
                        a.arrest.cause = c;
                        a.patient.pregnancy = p;
                        out.push(a);
                    }
                }
            }
        }
        let mut short = base.clone();
        short.arrest.cpr_minutes = CprMinutes::new(10);
        out.push(short);
    } else {
        let phases = [
            None,
            Some(Phase::CannotSeparateFromBypass),
            Some(Phase::ShockAfterSurgery),
            Some(Phase::ElectiveHighRisk),
        ];
        for ph in phases {
            for m in [None, Some(true), Some(false)] {
                for g in [None, Some(true)] {
                    for p in pregnancy {
                        let mut a = base.clone();
                        a.surgery.phase = ph;
                        a.surgery.managed_with_medicines_alone = m;
                        a.surgery.graft_dysfunction_after_transplant = g;
                        a.patient.pregnancy = p;
                        out.push(a);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn reading_grade_is_8_or_below_for_every_variant() {
    for kind in SheetKind::ALL {
        let representative = sheet(kind, &example(kind), &SheetInputs::default());
        let typed = sheet(kind, &example(kind), &sample_inputs());
        for (label, s) in [("empty inputs", &representative), ("typed inputs", &typed)] {
            let all = flesch_kincaid_grade(&s.plain_text());
            let prose = flesch_kincaid_grade(&s.prose());
            // Strictest: each list read as one sentence, its items joined by commas.
            let run_on = flesch_kincaid_grade(&run_on_prose(s));
            let c = counts(&s.prose());
            eprintln!(
                "{:<20} {label:<13} grade {all:.2} (prose only {prose:.2}, run-on {run_on:.2}); {} words in all, {} of prose in {} sentences",
                kind.id(),
                word_count(&s.plain_text()),
                c.words,
                c.sentences
            );
            assert!(all <= 8.0, "{} ({label}): grade {all:.2} is above 8", kind.id());
            assert!(prose <= 8.0, "{} ({label}): prose grade {prose:.2} is above 8", kind.id());
            assert!(run_on <= 8.0, "{} ({label}): run-on grade {run_on:.2} is above 8", kind.id());
        }
        let mut worst: f64 = 0.0;
        for a in variants(kind) {
            for inputs in [SheetInputs::default(), sample_inputs()] {
                let s = sheet(kind, &a, &inputs);
                let g = flesch_kincaid_grade(&s.prose()).max(flesch_kincaid_grade(&s.plain_text()));
                assert!(g <= 8.0, "{}: grade {g:.2} above 8 for {a:?}", kind.id());
                worst = worst.max(g);
            }
        }
        eprintln!("{:<20} worst grade over {} case variants: {worst:.2}", kind.id(), variants(kind).len());
    }
}

/// The prose with each list run into one sentence.
fn run_on_prose(s: &Sheet) -> String {
    let mut out = vec![s.intro.clone()];
    for sec in &s.sections {
        for p in &sec.paragraphs {
            match p {
                Paragraph::Text(t) => out.push(t.clone()),
                Paragraph::Bullets(items) => {
                    let joined: Vec<&str> = items.iter().map(|i| i.trim_end_matches(['.', '?'])).collect();
                    out.push(format!("{}.", joined.join(", ")));
                }
                Paragraph::IconArray { caption, .. } => out.push(caption.clone()),
                Paragraph::WriteIn { .. } | Paragraph::Field { .. } => {}
            }
        }
    }
    out.join(" ")
}

#[test]
fn sheets_are_short_enough_for_two_pages() {
    for kind in SheetKind::ALL {
        for inputs in [SheetInputs::default(), sample_inputs()] {
            let s = sheet(kind, &example(kind), &inputs);
            let words = word_count(&s.plain_text());
            assert!((500..=950).contains(&words), "{}: {words} generated words", kind.id());
        }
    }
}

// ---------------------------------------------------------------- citations

#[test]
fn every_generated_section_is_cited_and_every_cite_resolves() {
    for kind in SheetKind::ALL {
        for a in variants(kind) {
            for inputs in [SheetInputs::default(), sample_inputs()] {
                let s = sheet(kind, &a, &inputs);
                for sec in &s.sections {
                    assert!(
                        !sec.cites.is_empty() || sec.is_typed_or_blank(),
                        "{} {}: generated text without a citation",
                        kind.id(),
                        sec.id
                    );
                    for c in &sec.cites {
                        assert!(paragraph(*c).is_some(), "{} {}: {c} does not resolve", kind.id(), sec.id);
                        assert_eq!(c.guidance, kind.guidance(), "{} {}: {c}", kind.id(), sec.id);
                    }
                }
            }
        }
    }
}

#[test]
fn the_stamp_names_the_guidance_its_version_and_the_app_version() {
    for kind in SheetKind::ALL {
        let s = sheet(kind, &example(kind), &SheetInputs::default());
        let line = s.stamp.line();
        let g = kind.guidance();
        assert!(line.contains(g.code()) && line.contains(g.version()) && line.contains(g.title()), "{line}");
        assert!(line.contains(APP_VERSION), "{line}");
        assert!(s.to_text().contains(&line));
    }
}

// ----------------------------------------------------------------- sections

#[test]
fn each_variant_has_its_required_sections() {
    let common = [
        "what-is-ecmo",
        "why-considered",
        "what-nice-says",
        "benefits",
        "risks",
        "outcome-figure",
        "if-not-used",
        "registry",
        "questions",
        "notes",
        "who-talked",
    ];
    for kind in SheetKind::ALL {
        let s = sheet(kind, &example(kind), &SheetInputs::default());
        for id in common {
            assert!(s.section(id).is_some(), "{}: no section {id}", kind.id());
        }
        let mut ids: Vec<&str> = s.sections.iter().map(|s| s.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{}: section ids repeat", kind.id());

        let text_of = |id: &str| s.section(id).map(section_text).unwrap_or_default();
        let registry = text_of("registry");
        assert!(registry.contains("ELSO") && registry.contains("Extracorporeal Life Support Organization"));
        assert_eq!(registry.contains("National Cardiac Arrest Audit"), kind.is_arrest(), "{}", kind.id());
        match kind {
            SheetKind::ResearchOnly => {
                assert!(text_of("research").contains("research ethics committee"));
            }
            SheetKind::Option | SheetKind::EvidenceGeneration => {
                assert!(s.section("research").is_none(), "{}", kind.id());
            }
        }
        // The risks the guidances name (3.6), in plain words.
        let risks = text_of("risks");
        for r in ["bleeding", "leg", "stroke", "infection", "kidney", "machine"] {
            assert!(risks.contains(r), "{}: risks lack {r}", kind.id());
        }
        // What ECMO is (2.2): tubes, the machine, the blood thinner, and a
        // kidney filter only where the guidance says so (HTG762 2.2).
        let what = text_of("what-is-ecmo");
        for w in ["tubes", "large blood vessels", "oxygenator", "blood thinner", "heparin"] {
            assert!(what.contains(w), "{}: what-is-ecmo lacks {w}", kind.id());
        }
        assert_eq!(what.contains("kidney filter"), kind == SheetKind::EvidenceGeneration);
        // Every question is a question.
        for p in &s.section("questions").map(|s| s.paragraphs.clone()).unwrap_or_default() {
            if let Paragraph::Bullets(items) = p {
                assert!(items.iter().all(|q| q.ends_with('?')), "{items:?}");
            }
        }
    }
}

fn section_text(s: &ecmo_aid::consent::Section) -> String {
    let mut out = String::from(s.heading);
    for p in &s.paragraphs {
        out.push('\n');
        match p {
            Paragraph::Text(t) => out.push_str(t),
            Paragraph::Bullets(items) => out.push_str(&items.join("\n")),
            Paragraph::IconArray { caption, .. } => out.push_str(caption),
            Paragraph::WriteIn { label, .. } => out.push_str(label),
            Paragraph::Field { label, value } => out.push_str(&format!("{label}: {value}")),
        }
    }
    out
}

#[test]
fn the_modal_force_of_each_recommendation_is_kept() {
    let text = |k| sheet(k, &example(k), &SheetInputs::default()).plain_text();
    assert!(text(SheetKind::Option).contains("can be used as an option"));
    let eg = text(SheetKind::EvidenceGeneration);
    assert!(eg.contains("while more evidence is collected"));
    assert!(eg.contains("Doctors do not have to offer ECMO"));
    assert!(eg.contains("must take extra care"));
    let ro = text(SheetKind::ResearchOnly);
    assert!(ro.contains("should only be used"));
    assert!(ro.contains("not enough evidence to know"));
    assert!(!ro.contains("can be used as an option"));
    // The joint decision is said where the guidance says it (not for 1.2).
    assert!(text(SheetKind::Option).contains("decision can be made together"));
    assert!(eg.contains("decision can be made together"));
    assert!(!ro.contains("decision can be made together"));
}

#[test]
fn why_it_is_considered_follows_the_case() {
    let s = |k: SheetKind, a: &Assessment| {
        sheet(k, a, &SheetInputs::default()).section("why-considered").map(section_text).unwrap_or_default()
    };
    let option = s(SheetKind::Option, &example(SheetKind::Option));
    assert!(option.contains("outside hospital") && option.contains("after 30 minutes"));
    assert!(option.contains("an electric shock may treat") && option.contains("could be put right"));
    let research = s(SheetKind::ResearchOnly, &example(SheetKind::ResearchOnly));
    assert!(research.contains("in hospital") && research.contains("cannot be put right"));
    assert!(research.contains("not one that an electric shock can treat"));
    let pcs = s(SheetKind::EvidenceGeneration, &example(SheetKind::EvidenceGeneration));
    assert!(pcs.contains("come off this machine"), "{pcs}");
    let mut after = example(SheetKind::EvidenceGeneration);
    after.surgery.phase = Some(Phase::ShockAfterSurgery);
    assert!(s(SheetKind::EvidenceGeneration, &after).contains("Since then"));
    // Not yet 30 minutes (a caller's mismatch): the sheet states the definition, not a fact.
    let mut short = example(SheetKind::Option);
    short.arrest.cpr_minutes = CprMinutes::new(10);
    assert!(s(SheetKind::Option, &short).contains("NICE's advice is for when CPR"));
}

// ------------------------------------------------------------------ figures

/// Digits left in the generated text once the allowed figures are removed.
fn stray_digits(text: &str, kind: SheetKind) -> Vec<String> {
    let mut t = text.to_string();
    if kind == SheetKind::EvidenceGeneration {
        t = t.replace("76 in 100", "");
    }
    if kind.is_arrest() {
        t = t.replace("30 minutes", "");
    }
    t = t.replace("in 100", "");
    t.lines().filter(|l| l.chars().any(|c| c.is_ascii_digit())).map(str::to_string).collect()
}

#[test]
fn no_figures_but_the_allowed_ones() {
    for kind in SheetKind::ALL {
        for a in variants(kind) {
            let s = sheet(kind, &a, &SheetInputs::default());
            let stray = stray_digits(&s.plain_text(), kind);
            assert!(stray.is_empty(), "{}: figures the guidance does not give: {stray:?}", kind.id());
            // The icon arrays: only HTG762 3.2's 76, and only for evidence generation.
            for sec in &s.sections {
                for p in &sec.paragraphs {
                    if let Paragraph::IconArray { per_100, .. } = p {
                        assert_eq!((kind, *per_100), (SheetKind::EvidenceGeneration, 76), "{}", sec.id);
                        assert!(sec.cites.iter().any(|c| c.to_string() == "HTG762 3.2"));
                    }
                }
            }
        }
        let s = sheet(kind, &example(kind), &SheetInputs::default());
        assert!(s.plain_text().contains("76 in 100") == (kind == SheetKind::EvidenceGeneration));
        let figure = s.section("outcome-figure").map(section_text).unwrap_or_default();
        assert!(figure.contains("NICE does not give a figure"), "{figure}");
        assert!(figure.contains("ask the team about their own experience"), "{figure}");
    }
}

fn icon_arrays(s: &Sheet, id: &str) -> Vec<(u8, String)> {
    s.section(id)
        .map(|sec| {
            sec.paragraphs
                .iter()
                .filter_map(|p| match p {
                    Paragraph::IconArray { per_100, caption } => Some((*per_100, caption.clone())),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_typed_figure_is_shown_as_about_x_in_100_with_its_source() {
    for kind in SheetKind::ALL {
        let s = sheet(kind, &example(kind), &sample_inputs());
        let arrays = icon_arrays(&s, "outcome-figure");
        assert_eq!(arrays.len(), 1, "{}", kind.id());
        assert_eq!(arrays[0].0, 42);
        assert!(arrays[0].1.starts_with("About 42 in 100 people who had ECMO at this hospital"));
        let text = s.section("outcome-figure").map(section_text).unwrap_or_default();
        assert!(text.contains("It cannot say what will happen to one person."));
        assert!(text.contains("this hospital's own"));
        assert!(text.contains("survived to leave hospital Ztestcount"));
        assert!(text.contains("Our unit's audit 2019 to 2024 Ztestsource"));
    }
}

#[test]
fn an_incomplete_or_bad_figure_is_not_shown_and_each_problem_is_named() {
    let bad = [
        OutcomeFigure { text: "about forty".into(), counts: "survived".into(), source: "audit".into() },
        OutcomeFigure { text: "101".into(), counts: "survived".into(), source: "audit".into() },
        OutcomeFigure { text: "40".into(), counts: "".into(), source: "audit".into() },
        OutcomeFigure { text: "40".into(), counts: "survived".into(), source: " ".into() },
        OutcomeFigure { text: "".into(), counts: "survived".into(), source: "audit".into() },
    ];
    for f in bad {
        let errors = f.check().err().unwrap_or_default();
        assert!(!errors.is_empty(), "{f:?}");
        assert!(
            errors.iter().all(|e| e.starts_with("Centre's figure:")
                || e.starts_with("What the figure counts:")
                || e.starts_with("Source of the figure:")),
            "{errors:?}"
        );
        let inputs = SheetInputs { outcome: f, ..SheetInputs::default() };
        let s = sheet(SheetKind::Option, &example(SheetKind::Option), &inputs);
        assert!(icon_arrays(&s, "outcome-figure").is_empty());
    }
    assert_eq!(OutcomeFigure::default().check(), Ok(None));
}

#[test]
fn parse_per_100_accepts_whole_numbers_from_0_to_100() {
    for (t, n) in [
        ("0", 0),
        ("100", 100),
        ("42", 42),
        (" 42 ", 42),
        ("42%", 42),
        ("42 %", 42),
        ("42 in 100", 42),
        ("42 IN 100", 42),
        ("007", 7),
    ] {
        assert_eq!(parse_per_100(t), Ok(n), "{t:?}");
    }
    for t in [
        "",
        " ",
        "101",
        "-1",
        "+4",
        "4.5",
        "42/100",
        "forty",
        "1000",
        "%",
        "in 100",
        "٤٢",
        "4 2",
        "99999999999999999999",
    ] {
        let e = parse_per_100(t).err().unwrap_or_default();
        assert!(e.starts_with("Centre's figure: expected a whole number from 0 to 100, got "), "{t:?}: {e}");
    }
    assert_eq!(
        parse_per_100("lots"),
        Err("Centre's figure: expected a whole number from 0 to 100, got \"lots\"".to_string())
    );
    assert_eq!(
        parse_per_100(""),
        Err("Centre's figure: expected a whole number from 0 to 100, got nothing".to_string())
    );
}

proptest! {
    #[test]
    fn parse_per_100_never_panics(t in any::<String>()) {
        let _ = parse_per_100(&t);
    }

    #[test]
    fn parse_per_100_reads_what_it_is_given(n in 0u8..=100, suffix in prop::sample::select(vec!["", "%", " %", " in 100", "in 100"])) {
        prop_assert_eq!(parse_per_100(&format!("{n}{suffix}")), Ok(n));
    }

    #[test]
    fn the_sheet_is_total_over_typed_text(
        name in any::<String>(), figure in any::<String>(), counts in any::<String>(), source in any::<String>(), k in 0usize..3,
    ) {
        let kind = SheetKind::ALL[k];
        let inputs = SheetInputs {
            person_name: name,
            outcome: OutcomeFigure { text: figure, counts, source },
            ..SheetInputs::default()
        };
        let s = sheet(kind, &example(kind), &inputs);
        let _ = s.to_text();
        prop_assert!(s.section("outcome-figure").is_some());
    }
}

// ------------------------------------------------------------- typed inputs

#[test]
fn typed_inputs_appear_on_the_sheet_and_never_in_a_case_file_or_link() {
    let inputs = sample_inputs();
    for kind in SheetKind::ALL {
        let a = example(kind);
        let s = sheet(kind, &a, &inputs);
        let text = s.to_text();
        for v in typed_values(&inputs) {
            assert!(text.contains(v), "{}: {v:?} is not on the sheet", kind.id());
        }
        // Typed text is not generated text: it is left out of what is measured.
        assert!(!s.plain_text().contains("Ztest"), "{}", kind.id());
        // Nothing typed can travel: the case file and the link carry only the assessment.
        let file = case_file::write(&a);
        let link = case_link::fragment(&a);
        for out in [&file, &link] {
            assert!(
                !out.contains("Ztest") && !out.contains("Quennell") && !out.contains("42 in 100"),
                "{out}"
            );
        }
        assert_eq!(case_file::read(&file).assessment, a);
    }
}

#[test]
fn blank_inputs_leave_blanks_to_write_on() {
    let s = sheet(SheetKind::Option, &example(SheetKind::Option), &SheetInputs::default());
    let who = s.section("who-talked").map(|s| s.paragraphs.clone()).unwrap_or_default();
    assert_eq!(who.len(), 4);
    assert!(who.iter().all(|p| matches!(p, Paragraph::Field { value, .. } if value.is_empty())));
    let notes = s.section("notes").map(|s| s.paragraphs.clone()).unwrap_or_default();
    assert!(notes.iter().any(|p| matches!(p, Paragraph::WriteIn { lines, .. } if *lines > 0)));
}

// ---------------------------------------------------------------- sheet kind

#[test]
fn only_the_three_recommendations_have_a_sheet() {
    for e in EXAMPLES {
        let v = decide(&e.case()).verdict;
        let k = sheet_kind(&v);
        match e.verdict {
            "option" => assert_eq!(k, Some(SheetKind::Option)),
            "evidence-generation" => assert_eq!(k, Some(SheetKind::EvidenceGeneration)),
            "research-only" => assert_eq!(k, Some(SheetKind::ResearchOnly)),
            _ => assert_eq!(k, None, "{}", e.id),
        }
        assert_eq!(k.is_some(), v.offers_consent_sheet(), "{}", e.id);
    }
}

// -------------------------------------------------------------------- record

#[test]
fn the_record_holds_every_requirement_with_its_status_the_verdict_and_the_versions() {
    for e in EXAMPLES {
        let mut case = e.case();
        // Vary the team's answers so that every status shows.
        case.assessment.team.mdt_selection = Some(Answer::Yes);
        case.assessment.team.specialist_centre = Some(Answer::No);
        let d = decide(&case);
        let r = record(&case, &d, "3 March 2026, 02:40", "9.9.9");
        let text = r.to_text();
        assert_eq!(r.verdict.id, e.verdict);
        assert!(text.contains(&format!("Verdict: {}", e.verdict)), "{text}");
        assert!(text.contains("3 March 2026, 02:40"));
        assert!(text.contains("9.9.9"));
        for g in Guidance::ALL {
            assert!(text.contains(g.code()) && text.contains(g.version()), "{}", e.id);
        }
        assert_eq!(r.requirements.len(), d.requirements.len());
        for req in &d.requirements {
            let label = match req.status {
                Status::Met => "Met",
                Status::NotMet => "Not met",
                Status::Unknown => "Not known",
            };
            let line = format!("- [{label}] {} ({}): {}", req.spec.title, req.spec.id.id(), req.spec.text);
            assert!(text.contains(&line), "{}: {line}", e.id);
        }
        for c in &d.cautions {
            assert!(text.contains(c.text) && text.contains(c.id.id()), "{}", e.id);
        }
        for n in &d.notes {
            assert!(text.contains(n.text), "{}", e.id);
        }
        for (k, v) in case.assessment.summary() {
            assert!(text.contains(&format!("{k}: {v}")), "{}: {k}", e.id);
        }
        for err in &case.errors {
            assert!(text.contains(&err.path) && text.contains(&err.message), "{}", e.id);
        }
        for c in r.cites() {
            assert!(text.contains(&c.to_string()), "{}: {c}", e.id);
            assert!(paragraph(c).is_some(), "{}: {c}", e.id);
        }
        // No link to the case in the record.
        assert!(!text.contains("#case=") && !text.contains("ecmo-case/1"), "{}", e.id);
    }
    // Each kind with a sheet has requirements on its record.
    for kind in SheetKind::ALL {
        let d = decide_assessment(&example(kind));
        assert!(!d.requirements.is_empty(), "{}", kind.id());
    }
}
