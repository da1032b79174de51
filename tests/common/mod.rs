#![cfg(not(target_arch = "wasm32"))]
//! A realistic workshop shared by the record and schema tests.
#![allow(dead_code)]

use co_produce::model::{
    AgreedDecision, Area, AreaContent, AreaNotes, AreaShares, Catalogue, CatalogueRef, Id,
    PartnershipCheck, Principle, Rating, Role, Source, SupportModel, Timestamp, Workshop,
};

/// A fixed instant, `minutes` after 09:00 on the workshop day.
pub fn at(minutes: i64) -> Timestamp {
    let start = Timestamp::parse("2026-11-25T09:00:00.000Z").expect("valid timestamp");
    Timestamp(start.0 + minutes * 60_000 + 123)
}

/// A deterministic id whose bytes all start from `seed`.
pub fn id(seed: u8) -> Id {
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = seed.wrapping_mul(31).wrapping_add(i as u8 * 17);
    }
    Id::from_bytes(bytes)
}

/// A small catalogue built by hand, so tests do not depend on `public/catalogue.json`.
pub fn hand_built_catalogue() -> Catalogue {
    let model = |id: &str, name: &str| SupportModel {
        id: id.into(),
        name: name.into(),
        summary: format!("{name}: what it is."),
        costs: "About £10 an hour (2024 figures).".into(),
        achieves: "Fewer crises (2023 evaluation).".into(),
        evidence_note: "Mixed but promising.".into(),
        sources: vec![Source {
            title: "An evaluation".into(),
            year: 2024,
            url: Some("https://example.org/evaluation".into()),
        }],
    };
    let models = |area: Area| match area {
        Area::OwnHome => vec![
            model("micro_enterprises", "Community micro-enterprises"),
            model("individual_service_funds", "Individual service funds"),
            model("homecare_teams", "Self-managed homecare teams"),
        ],
        Area::Accommodation => vec![
            model("shared_lives", "Shared Lives"),
            model("supported_living", "Supported living"),
        ],
        Area::DayActivities => vec![model("supported_employment", "Supported employment")],
        Area::LeavingHospital => vec![
            model("home_first", "Home first"),
            model("step_down", "Step-down beds"),
        ],
        Area::WholeCommunity => vec![
            model("local_area_coordination", "Local Area Coordination"),
            model("community_connectors", "Community connectors"),
        ],
    };
    Catalogue {
        reference: CatalogueRef {
            id: "total-transformation-test".into(),
            version: "2026.0-test".into(),
        },
        areas: Area::ALL
            .iter()
            .map(|&area| AreaContent {
                area,
                title: area.id().replace('_', " "),
                description: "What the area covers.".into(),
                good_life_question: "What does a good life look like?".into(),
                models: models(area),
            })
            .collect(),
    }
}

/// The built-in catalogue when `public/catalogue.json` is complete, else the hand-built one.
pub fn catalogue() -> Catalogue {
    let built_in = Catalogue::built_in();
    if built_in.areas.len() == Area::ALL.len() {
        built_in
    } else {
        hand_built_catalogue()
    }
}

/// A workshop as a facilitator would leave it: six participants of every role,
/// moved and locked shares, model splits, notes full of awkward text, a custom
/// kind and an agreed decision.
pub fn realistic_workshop() -> Workshop {
    realistic_workshop_with(&catalogue())
}

/// [`realistic_workshop`] against a given catalogue.
pub fn realistic_workshop_with(catalogue: &Catalogue) -> Workshop {
    let mut w = Workshop::new(id(1), at(0), "2026-11-25".into(), catalogue);
    w.name = "Cardiff's \"Big Conversation\" <b>2026</b> – Sgwrs Fawr".into();
    w.place = "Neuadd y Ddinas, Caerdydd 🏛️ & online".into();
    w.add_kind("Volunteer drivers \\ <cars>".into(), at(1));
    if let Some(k) = w.kinds.iter_mut().find(|k| k.id == "custom_1") {
        k.total = 35;
        k.projected = vec![35, 40, 0];
        k.baseline = AreaShares::from_array([2_500, 0, 2_500, 5_000, 0]);
    }

    let people: [(&str, Role); 6] = [
        ("Siân Jones", Role::Citizen),
        ("O'Brien, Pat \"Paddy\"", Role::FamilyCarer),
        ("Dr Ama Mensah (commissioning)", Role::Commissioner),
        ("李雷 — Care & Co. Ltd", Role::Provider),
        (
            "Café <script>alert('hi')</script>",
            Role::CommunityOrganisation,
        ),
        ("Table 3 \\ north\ttable", Role::Citizen),
    ];
    for (i, (name, role)) in people.iter().enumerate() {
        w.add_participant(id(10 + i as u8), (*name).into(), *role, at(5 + i as i64));
    }

    // Everyone moves some shares, in different ways.
    let own_home_models = catalogue.model_ids(Area::OwnHome);
    let accommodation_models = catalogue.model_ids(Area::Accommodation);
    for (i, b) in [id(10), id(11), id(12), id(13), id(14), id(15)]
        .into_iter()
        .enumerate()
    {
        let i = i as u32;
        w.update_allocation(b, "state_money", at(20 + i as i64), |a| {
            a.set_area(Area::OwnHome, 2_000 + 750 * i);
            a.toggle_lock(Area::OwnHome);
            a.set_area(Area::WholeCommunity, 1_000 + 333 * i);
            if i.is_multiple_of(2) {
                a.toggle_lock(Area::WholeCommunity);
            }
            a.set_area(Area::Accommodation, 2_345 - 111 * i);
            if !own_home_models.is_empty() {
                a.set_model(Area::OwnHome, &own_home_models, 0, 5_000 + 500 * i);
            }
        });
        w.update_allocation(b, "peoples_time", at(30 + i as i64), |a| {
            a.set_area(Area::DayActivities, 4_000 + 1_001 * i);
            if i == 3 && !accommodation_models.is_empty() {
                a.set_model(Area::Accommodation, &accommodation_models, 1, 7_777);
            }
        });
        if i != 4 {
            w.update_allocation(b, "custom_1", at(40 + i as i64), |a| {
                a.set_area(Area::LeavingHospital, 3_000 + 1_234 * i);
            });
        }
    }
    // One participant left one kind untouched and then dropped it.
    if let Some(b) = w.ballots.iter_mut().find(|b| b.id == id(15)) {
        b.allocations.remove("community_resources");
    }

    w.notes.insert(
        Area::OwnHome,
        AreaNotes {
            good_life: "Living in my own home, with people I choose.\nNot \"placed\" somewhere."
                .into(),
            likes: vec![
                "Carers who know me 💜".into(),
                "Direct payments – when they work".into(),
            ],
            dislikes: vec![
                "15-minute visits".into(),
                "Forms <in triplicate> & \"assessments\"".into(),
            ],
            updated_at: at(40),
        },
    );
    w.notes.insert(
        Area::WholeCommunity,
        AreaNotes {
            good_life: "Bod yn rhan o'r gymuned. Être reconnu. 被看见。".into(),
            likes: vec!["The library café".into()],
            dislikes: Vec::new(),
            updated_at: at(41),
        },
    );
    w.notes.insert(Area::LeavingHospital, AreaNotes::default());

    let mut decision: AgreedDecision = w.decision_or_draft(at(90));
    decision.shares.insert(
        "state_money".into(),
        AreaShares::from_array([3_000, 2_500, 2_000, 1_500, 1_000]),
    );
    decision.rationale.insert(
        Area::OwnHome,
        "More help at home means fewer people \"stuck\" in hospital.\r\nAgreed by all tables."
            .into(),
    );
    decision
        .rationale
        .insert(Area::Accommodation, String::new());
    w.agreed_decision = Some(decision);
    w.updated_at = at(95);
    w
}

/// The realistic workshop running the partnership check after allocation:
/// most people rated some principles (the second citizen none), the
/// commissioner sees power shared "mostly", the citizens "not at all".
pub fn realistic_workshop_with_ratings() -> Workshop {
    use Principle::*;
    use Rating::*;
    let mut w = realistic_workshop_with(&hand_built_catalogue());
    w.partnership_check = PartnershipCheck::AfterAllocation;
    w.setup_updated_at = at(96);
    let ratings: [(u8, &[(Principle, Rating)]); 5] = [
        (
            10,
            &[
                (RecognisingPowerImbalances, NotAtAll),
                (Leadership, ALittle),
            ],
        ),
        (
            11,
            &[
                (RecognisingPowerImbalances, ALittle),
                (SharedAnalysis, Mostly),
            ],
        ),
        (
            12,
            &[
                (RecognisingPowerImbalances, Mostly),
                (Leadership, Mostly),
                (SharedBudgetsAndResources, Mostly),
            ],
        ),
        (13, &[(PersonCentredDesign, ALittle)]),
        (14, &[(SharedInterpretationOfLegislation, Fully)]),
    ];
    for (i, (seed, rated)) in ratings.into_iter().enumerate() {
        for (principle, rating) in rated {
            w.rate_principle(id(seed), *principle, Some(*rating), at(97 + i as i64));
        }
    }
    w
}

/// The id of the `n`th note of [`realistic_workshop_with_notes`].
pub fn note_id(n: u8) -> Id {
    Id(0xA0_0000 + u128::from(n))
}

/// The realistic workshop with ratings, and notes in everyone's own words:
/// awkward text, agreements (one person agreeing with two notes that are
/// then merged), a hidden note, a merge and an approval, and the room's
/// screen showing approved notes only.
pub fn realistic_workshop_with_notes() -> Workshop {
    use co_produce::model::NoteKind::*;
    let mut w = realistic_workshop_with_ratings();
    let notes: [(u8, u8, Area, co_produce::model::NoteKind, &str); 7] = [
        (
            10,
            1,
            Area::OwnHome,
            GoodLife,
            "Choosing who comes through my door",
        ),
        (
            11,
            2,
            Area::OwnHome,
            Like,
            "Carers who stay for a cup of tea ☕",
        ),
        (12, 3, Area::OwnHome, Like, "Carers who stay and chat"),
        (
            13,
            4,
            Area::OwnHome,
            Dislike,
            "=HYPERLINK(\"x\") \"15-minute\" visits,\nrushed",
        ),
        (14, 5, Area::OwnHome, Dislike, "Something rude"),
        (
            15,
            6,
            Area::WholeCommunity,
            GoodLife,
            "Bod yn rhan o'r gymuned 李",
        ),
        (10, 7, Area::WholeCommunity, Like, "The library café"),
    ];
    for (i, (ballot, n, area, kind, text)) in notes.into_iter().enumerate() {
        w.add_note(id(ballot), note_id(n), area, kind, text, at(100 + i as i64))
            .expect("a good note");
    }
    // Agreements: 10 agrees with both notes 2 and 3 (merged below: counted
    // once), 14 with 2, 15 with 3 and 4, 11 with 6.
    for (ballot, n) in [(10, 2), (10, 3), (14, 2), (15, 3), (15, 4), (11, 6)] {
        w.set_agree(id(ballot), note_id(n), true, at(110))
            .expect("a good agreement");
    }
    w.hide_note(note_id(5), at(111)).expect("there");
    w.merge_notes(note_id(3), note_id(2), at(112))
        .expect("same area");
    w.approve_note(note_id(2), at(113)).expect("there");
    w.set_approve_first(true, at(114));
    w.updated_at = at(115);
    w
}
