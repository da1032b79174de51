#![cfg(not(target_arch = "wasm32"))]
//! The partnership check: its principles and ratings, and the room's results
//! (counts, means per role, the widest gap between roles and the finding),
//! checked on a room worked out by hand and against their definition.

mod common;

use co_produce::model::{
    partnership_results, Id, PartnershipCheck, PartnershipResults, Principle, Rating, Role,
    RoleGap, Timestamp, Workshop,
};
use proptest::prelude::*;

use Principle::*;
use Rating::*;

/// An empty workshop with one participant per (role, ratings) given.
fn room(people: &[(Role, &[(Principle, Rating)])]) -> Workshop {
    let mut w = common::realistic_workshop();
    w.ballots.clear();
    for (n, (role, ratings)) in people.iter().enumerate() {
        let id = Id(5_000 + n as u128);
        w.add_participant(id, format!("Person {n}"), *role, Timestamp(1));
        for (p, r) in *ratings {
            w.rate_principle(id, *p, Some(*r), Timestamp(2));
        }
    }
    w
}

#[test]
fn principles_and_ratings_have_stable_ids_in_order() {
    let ids: Vec<&str> = Principle::ALL.iter().map(|p| p.id()).collect();
    assert_eq!(
        ids,
        [
            "shared_analysis",
            "person_centred_design",
            "leadership",
            "shared_budgets_and_resources",
            "shared_interpretation_of_legislation",
            "recognising_power_imbalances",
        ]
    );
    for (i, p) in Principle::ALL.into_iter().enumerate() {
        assert_eq!(Principle::from_id(p.id()), Some(p));
        assert_eq!(Principle::from_index(i), Some(p));
        assert_eq!(p.index(), i);
        assert_eq!(serde_json::to_value(p).unwrap(), p.id());
        assert_eq!(
            serde_json::from_value::<Principle>(p.id().into()).unwrap(),
            p
        );
    }
    assert_eq!(Principle::from_index(6), None);
    assert!(Principle::ALL.windows(2).all(|w| w[0] < w[1]));

    let ids: Vec<&str> = Rating::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["not_at_all", "a_little", "mostly", "fully"]);
    for (score, r) in Rating::ALL.into_iter().enumerate() {
        assert_eq!(r.score() as usize, score);
        assert_eq!(Rating::from_score(score as u8), Some(r));
        assert_eq!(Rating::from_id(r.id()), Some(r));
        assert_eq!(serde_json::to_value(r).unwrap(), r.id());
        assert_eq!(serde_json::from_value::<Rating>(r.id().into()).unwrap(), r);
    }
    assert_eq!(Rating::from_score(4), None);
    assert!(NotAtAll < ALittle && ALittle < Mostly && Mostly < Fully);
    assert_eq!(
        [0, 49, 50, 149, 150, 250, 300, 999].map(Rating::nearest),
        [NotAtAll, NotAtAll, ALittle, ALittle, Mostly, Fully, Fully, Fully]
    );

    for (check, id) in [
        (PartnershipCheck::Off, "off"),
        (PartnershipCheck::BeforeAllocation, "before_allocation"),
        (PartnershipCheck::AfterAllocation, "after_allocation"),
    ] {
        assert_eq!(serde_json::to_value(check).unwrap(), id);
    }
    assert_eq!(PartnershipCheck::default(), PartnershipCheck::Off);
    let err = serde_json::from_str::<Rating>("\"sometimes\"").unwrap_err();
    assert!(err.to_string().contains("`not_at_all`"), "{err}");
}

#[test]
fn a_room_worked_by_hand() {
    // Commissioners think power is shared mostly; the citizens not at all.
    let w = room(&[
        (
            Role::Commissioner,
            &[(RecognisingPowerImbalances, Mostly), (Leadership, Fully)],
        ),
        (
            Role::Commissioner,
            &[(RecognisingPowerImbalances, Mostly), (Leadership, Mostly)],
        ),
        (
            Role::Citizen,
            &[(RecognisingPowerImbalances, NotAtAll), (Leadership, Mostly)],
        ),
        (
            Role::Citizen,
            &[
                (RecognisingPowerImbalances, NotAtAll),
                (SharedAnalysis, ALittle),
            ],
        ),
        (Role::Citizen, &[(RecognisingPowerImbalances, ALittle)]),
        (Role::Provider, &[(RecognisingPowerImbalances, ALittle)]),
        // Someone who rated nothing counts nowhere.
        (Role::FamilyCarer, &[]),
    ]);
    let r = partnership_results(&w);
    assert_eq!(r.participants, 6);
    assert_eq!(r.principles.len(), 6);
    assert!(r.principles.iter().map(|p| p.principle).eq(Principle::ALL));

    let power = r.principle(RecognisingPowerImbalances).unwrap();
    let c = power.everyone.counts;
    assert_eq!((c.not_at_all, c.a_little, c.mostly, c.fully), (2, 2, 2, 0));
    // (0 + 0 + 1 + 1 + 2 + 2) / 6 = 1.
    assert_eq!(power.everyone.mean_hundredths, Some(100));
    assert_eq!(power.by_role.len(), 3, "{:?}", power.by_role.keys());
    assert_eq!(
        power.by_role[&Role::Commissioner].mean_hundredths,
        Some(200)
    );
    assert_eq!(power.by_role[&Role::Commissioner].counts.mostly, 2);
    // Citizens: (0 + 0 + 1) / 3 = 0.33.
    assert_eq!(power.by_role[&Role::Citizen].mean_hundredths, Some(33));
    assert_eq!(power.by_role[&Role::Provider].mean_hundredths, Some(100));
    assert_eq!(
        power.widest_gap,
        Some(RoleGap {
            higher: Role::Commissioner,
            higher_mean_hundredths: 200,
            lower: Role::Citizen,
            lower_mean_hundredths: 33,
            gap_hundredths: 167,
        })
    );
    assert_eq!(Rating::nearest(200), Mostly);
    assert_eq!(Rating::nearest(33), NotAtAll);

    // Leadership: commissioners 2.5, the one citizen 2: a smaller gap.
    let leadership = r.principle(Leadership).unwrap();
    assert_eq!(
        leadership.by_role[&Role::Commissioner].mean_hundredths,
        Some(250)
    );
    assert_eq!(leadership.widest_gap.unwrap().gap_hundredths, 50);
    // One role only: no gap. Nobody: no mean.
    let analysis = r.principle(SharedAnalysis).unwrap();
    assert_eq!(analysis.everyone.mean_hundredths, Some(100));
    assert_eq!(analysis.widest_gap, None);
    let design = r.principle(PersonCentredDesign).unwrap();
    assert_eq!(design.everyone.counts.total(), 0);
    assert_eq!(design.everyone.mean_hundredths, None);
    assert!(design.by_role.is_empty());

    assert_eq!(r.biggest_gap, Some(RecognisingPowerImbalances));
    let (finding, gap) = r.finding().unwrap();
    assert_eq!(finding.principle, RecognisingPowerImbalances);
    assert_eq!((gap.higher, gap.lower), (Role::Commissioner, Role::Citizen));
}

#[test]
fn ties_go_to_the_first_pair_and_the_first_principle_and_agreement_is_no_gap() {
    let w = room(&[
        (
            Role::Citizen,
            &[(SharedAnalysis, Fully), (Leadership, NotAtAll)],
        ),
        (
            Role::FamilyCarer,
            &[(SharedAnalysis, NotAtAll), (Leadership, Fully)],
        ),
        (
            Role::Commissioner,
            &[(SharedAnalysis, Fully), (Leadership, NotAtAll)],
        ),
        (Role::Provider, &[(PersonCentredDesign, Mostly)]),
        (Role::Citizen, &[(PersonCentredDesign, Mostly)]),
    ]);
    let r = partnership_results(&w);
    let analysis = r.principle(SharedAnalysis).unwrap().widest_gap.unwrap();
    // Citizen–carer and carer–commissioner are both 3 apart: the first pair in role order.
    assert_eq!(
        (analysis.higher, analysis.lower),
        (Role::Citizen, Role::FamilyCarer)
    );
    assert_eq!(analysis.gap_hundredths, 300);
    let leadership = r.principle(Leadership).unwrap().widest_gap.unwrap();
    assert_eq!(
        (leadership.higher, leadership.lower),
        (Role::FamilyCarer, Role::Citizen)
    );
    // Both principles are 3 apart: the finding is the first.
    assert_eq!(r.biggest_gap, Some(SharedAnalysis));
    // Two roles that agree exactly have no gap.
    assert_eq!(r.principle(PersonCentredDesign).unwrap().widest_gap, None);

    // Nobody rated: every count is zero and there is no finding.
    let empty = partnership_results(&room(&[(Role::Citizen, &[])]));
    assert_eq!(empty, PartnershipResults::default());
    assert_eq!(empty.participants, 0);
    assert_eq!(empty.biggest_gap, None);
    assert!(empty.finding().is_none());
    assert!(empty
        .principles
        .iter()
        .all(|p| p.everyone.counts.total() == 0));
}

#[test]
fn results_count_ratings_whatever_the_setting() {
    let mut w = room(&[(Role::Citizen, &[(Leadership, ALittle)])]);
    let on = partnership_results(&w);
    w.partnership_check = PartnershipCheck::AfterAllocation;
    assert_eq!(partnership_results(&w), on);
    assert_eq!(on.participants, 1);
}

fn person() -> impl Strategy<Value = (Role, Vec<(Principle, Rating)>)> {
    (
        prop::sample::select(Role::ALL.to_vec()),
        prop::collection::btree_map(
            prop::sample::select(Principle::ALL.to_vec()),
            prop::sample::select(Rating::ALL.to_vec()),
            0..=6,
        ),
    )
        .prop_map(|(role, ratings)| (role, ratings.into_iter().collect()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn results_match_their_definition(people in prop::collection::vec(person(), 0..40)) {
        let refs: Vec<(Role, &[(Principle, Rating)])> =
            people.iter().map(|(r, v)| (*r, v.as_slice())).collect();
        let w = room(&refs);
        let r = partnership_results(&w);
        prop_assert_eq!(
            r.participants as usize,
            people.iter().filter(|(_, v)| !v.is_empty()).count()
        );
        let mut widest = 0;
        for result in &r.principles {
            let p = result.principle;
            let given: Vec<(Role, Rating)> = people
                .iter()
                .flat_map(|(role, v)| v.iter().filter(|(q, _)| *q == p).map(move |(_, x)| (*role, *x)))
                .collect();
            prop_assert_eq!(result.everyone.counts.total() as usize, given.len());
            for rating in Rating::ALL {
                let n = given.iter().filter(|(_, x)| *x == rating).count();
                prop_assert_eq!(result.everyone.counts.get(rating) as usize, n);
            }
            // Means in hundredths, rounded half up, and within 0 to 300.
            let mean = |of: &[Rating]| {
                (!of.is_empty()).then(|| {
                    let points: u32 = of.iter().map(|x| u32::from(x.score())).sum();
                    (points * 200 + of.len() as u32) / (2 * of.len() as u32)
                })
            };
            let all: Vec<Rating> = given.iter().map(|(_, x)| *x).collect();
            prop_assert_eq!(result.everyone.mean_hundredths, mean(&all));
            let mut role_means = Vec::new();
            for role in Role::ALL {
                let mine: Vec<Rating> = given.iter().filter(|(q, _)| *q == role).map(|(_, x)| *x).collect();
                let got = result.by_role.get(&role);
                prop_assert_eq!(got.is_some(), !mine.is_empty());
                if let Some(g) = got {
                    prop_assert_eq!(g.mean_hundredths, mean(&mine));
                    prop_assert!(g.mean_hundredths.unwrap() <= 300);
                    role_means.push((role, g.mean_hundredths.unwrap()));
                }
            }
            // The widest gap is the largest difference of any two roles' means.
            let max = role_means
                .iter()
                .flat_map(|a| role_means.iter().map(move |b| a.1.abs_diff(b.1)))
                .max()
                .unwrap_or(0);
            match result.widest_gap {
                None => prop_assert_eq!(max, 0),
                Some(g) => {
                    prop_assert_eq!(g.gap_hundredths, max);
                    prop_assert_eq!(g.higher_mean_hundredths - g.lower_mean_hundredths, max);
                    prop_assert_eq!(result.by_role[&g.higher].mean_hundredths, Some(g.higher_mean_hundredths));
                    prop_assert_eq!(result.by_role[&g.lower].mean_hundredths, Some(g.lower_mean_hundredths));
                    prop_assert!(g.higher != g.lower);
                }
            }
            widest = widest.max(max);
        }
        match r.finding() {
            None => prop_assert_eq!(widest, 0),
            Some((_, g)) => prop_assert_eq!(g.gap_hundredths, widest),
        }
        // Plain data: it survives JSON, as in the exported record.
        let text = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<PartnershipResults>(&text).unwrap(), r);
    }
}
