#![cfg(not(target_arch = "wasm32"))]
//! Screens in the address's fragment: every screen's link leads back to it,
//! anything unknown or damaged lands on a sensible screen, and no text panics.

use co_produce::model::Id;
use co_produce::route::Route;
use proptest::prelude::*;

const ID: &str = "0123456789abcdef0123456789abcdef";

fn id() -> Id {
    Id::parse(ID).expect("a valid id")
}

/// A kind's id as the model allows it: 1 to 40 lowercase letters, digits or `_`.
fn kind_id() -> impl Strategy<Value = String> {
    "[a-z0-9_]{1,40}"
}

fn kind() -> impl Strategy<Value = Option<String>> {
    prop::option::of(kind_id())
}

fn ballot() -> impl Strategy<Value = Id> {
    any::<u128>().prop_map(Id)
}

/// A live workshop's join link, as the facilitator's screen writes it.
fn live_fragment() -> impl Strategy<Value = String> {
    (
        "[A-Za-z0-9_-]{1,43}",
        "[A-Za-z0-9_-]{1,43}",
        "[A-Za-z0-9_-]{1,43}",
        prop::option::of("[a-z0-9.:%-]{1,40}"),
    )
        .prop_map(|(w, k, f, b)| match b {
            Some(b) => format!("w={w}&k={k}&f={f}&b={b}"),
            None => format!("w={w}&k={k}&f={f}"),
        })
}

/// Every screen the app links to, in the form its links take.
fn route() -> impl Strategy<Value = Route> {
    prop_oneof![
        Just(Route::Setup),
        (0usize..5).prop_map(Route::Area),
        Just(Route::Participants),
        (ballot(), kind()).prop_map(|(ballot, kind)| Route::Allocate { ballot, kind }),
        kind().prop_map(Route::Results),
        Just(Route::Decision),
        Just(Route::Data),
        kind().prop_map(Route::Present),
        Just(Route::Tablet {
            ballot: None,
            kind: None
        }),
        (ballot(), kind()).prop_map(|(b, kind)| Route::Tablet {
            ballot: Some(b),
            kind
        }),
        Just(Route::TabletFinished),
        (ballot(), any::<bool>())
            .prop_map(|(ballot, tablet)| Route::Partnership { ballot, tablet }),
        (ballot(), 0usize..5, any::<bool>()).prop_map(|(ballot, area, tablet)| Route::Words {
            ballot,
            area,
            tablet
        }),
        Just(Route::Print),
        Just(Route::Compare),
        Just(Route::Combine),
        "[A-Za-z0-9_-]{1,200}".prop_map(Route::Join),
        live_fragment().prop_map(Route::LiveJoin),
    ]
}

proptest! {
    #[test]
    fn every_screen_round_trips_through_its_link(r in route()) {
        prop_assert_eq!(Route::parse(&r.href()), r);
    }

    #[test]
    fn a_link_without_its_hash_leads_to_the_same_screen(r in route()) {
        let href = r.href();
        let bare = href.trim_start_matches('#');
        prop_assert_eq!(Route::parse(bare), r);
    }

    #[test]
    fn any_text_reads_as_some_screen_whose_link_leads_back(s in any::<String>()) {
        let r = Route::parse(&s);
        prop_assert_eq!(Route::parse(&r.href()), r);
    }

    #[test]
    fn any_path_reads_as_some_screen_whose_link_leads_back(
        parts in prop::collection::vec("[a-z0-9/_#&=%-]{0,40}", 0..6)
    ) {
        let s = format!("#/{}", parts.join("/"));
        let r = Route::parse(&s);
        prop_assert_eq!(Route::parse(&r.href()), r);
    }

    #[test]
    fn a_turn_is_the_facilitators_screen_or_the_tablets(b in ballot(), k in kind(), tablet in any::<bool>()) {
        let r = Route::turn(b, k.clone(), tablet);
        if tablet {
            prop_assert_eq!(&r, &Route::Tablet { ballot: Some(b), kind: k });
        } else {
            prop_assert_eq!(&r, &Route::Allocate { ballot: b, kind: k });
        }
        prop_assert_eq!(Route::parse(&r.href()), r);
    }
}

#[test]
fn links_are_written_as_documented() {
    let cases = [
        (Route::Setup, "#/setup".to_string()),
        (Route::Area(0), "#/area/1".to_string()),
        (Route::Area(4), "#/area/5".to_string()),
        (Route::Participants, "#/participants".to_string()),
        (
            Route::Allocate {
                ballot: id(),
                kind: None,
            },
            format!("#/allocate/{ID}"),
        ),
        (
            Route::Allocate {
                ballot: id(),
                kind: Some("state_money".into()),
            },
            format!("#/allocate/{ID}/state_money"),
        ),
        (Route::Results(None), "#/results".to_string()),
        (
            Route::Results(Some("peoples_time".into())),
            "#/results/peoples_time".to_string(),
        ),
        (Route::Decision, "#/decision".to_string()),
        (Route::Data, "#/data".to_string()),
        (Route::Present(None), "#/present".to_string()),
        (
            Route::Present(Some("custom_1".into())),
            "#/present/custom_1".to_string(),
        ),
        (
            Route::Tablet {
                ballot: None,
                kind: None,
            },
            "#/tablet".to_string(),
        ),
        (
            Route::Tablet {
                ballot: Some(id()),
                kind: Some("state_money".into()),
            },
            format!("#/tablet/{ID}/state_money"),
        ),
        (Route::TabletFinished, "#/tablet/finished".to_string()),
        (
            Route::Partnership {
                ballot: id(),
                tablet: false,
            },
            format!("#/partnership/{ID}"),
        ),
        (
            Route::Partnership {
                ballot: id(),
                tablet: true,
            },
            format!("#/partnership/{ID}/tablet"),
        ),
        (Route::Print, "#/print".to_string()),
        (Route::Compare, "#/compare".to_string()),
        (Route::Combine, "#/combine".to_string()),
        (Route::Join("abc-_9".into()), "#/join/abc-_9".to_string()),
        (
            Route::LiveJoin("w=a&k=b&f=c&b=wss%3A%2F%2Fx".into()),
            "#w=a&k=b&f=c&b=wss%3A%2F%2Fx".to_string(),
        ),
    ];
    for (route, href) in cases {
        assert_eq!(route.href(), href, "{route:?}");
        assert_eq!(Route::parse(&href), route, "{href}");
    }
}

#[test]
fn unknown_or_garbage_fragments_are_set_up() {
    for s in [
        "",
        "#",
        "#/",
        "//",
        "#/setup",
        "#/nowhere",
        "#/results/a/b",
        "#/present/a/b",
        "#/join",
        "#/join/a/b",
        "#/decision/extra",
        "#top",
        "#w",
        "#/w=a&k=b",
        "\u{0}\u{feff}🙂",
        "#/ÄREA/1",
    ] {
        assert_eq!(Route::parse(s), Route::Setup, "{s:?}");
    }
}

#[test]
fn an_area_out_of_range_is_the_first() {
    for s in [
        "#/area/0",
        "#/area/6",
        "#/area/-1",
        "#/area/x",
        "#/area/",
        "#/area/99999999999999999999999",
    ] {
        let expected = if s == "#/area/" {
            Route::Setup
        } else {
            Route::Area(0)
        };
        assert_eq!(Route::parse(s), expected, "{s:?}");
    }
    assert_eq!(Route::parse("#/area/3"), Route::Area(2));
    assert_eq!(Route::parse("#/area/5/"), Route::Area(4));
}

#[test]
fn a_bad_id_never_reaches_someones_ballot() {
    for bad in [
        "xyz",
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0",
        "+123456789abcdef0123456789abcdef",
    ] {
        assert_eq!(
            Route::parse(&format!("#/allocate/{bad}")),
            Route::Participants,
            "{bad}"
        );
        assert_eq!(
            Route::parse(&format!("#/tablet/{bad}/state_money")),
            Route::Tablet {
                ballot: None,
                kind: None
            },
            "{bad}"
        );
    }
}

#[test]
fn a_tablet_without_a_turn_keeps_no_kind() {
    // Not an id: the tablet starts the next turn.
    assert_eq!(
        Route::parse("#/tablet/finished/extra"),
        Route::Tablet {
            ballot: None,
            kind: None
        }
    );
    let r = Route::Tablet {
        ballot: None,
        kind: Some("state_money".into()),
    };
    assert_eq!(r.href(), "#/tablet");
    assert_eq!(
        Route::parse(&r.href()),
        Route::Tablet {
            ballot: None,
            kind: None
        }
    );
}

#[test]
fn a_live_link_is_told_from_a_screen() {
    assert_eq!(
        Route::parse("#w=abc&k=def&f=ghi"),
        Route::LiveJoin("w=abc&k=def&f=ghi".into())
    );
    // A damaged live link still reaches the live join screen, which explains.
    assert_eq!(Route::parse("#w=abc"), Route::LiveJoin("w=abc".into()));
    assert_eq!(Route::parse("#/w=abc"), Route::Setup);
}

#[test]
fn extra_slashes_are_ignored() {
    assert_eq!(Route::parse("#//participants//"), Route::Participants);
    assert_eq!(
        Route::parse(&format!("#/allocate//{ID}//state_money")),
        Route::Allocate {
            ballot: id(),
            kind: Some("state_money".into())
        }
    );
}

#[test]
fn the_partnership_check_comes_where_the_workshop_asks_it() {
    use co_produce::model::partnership::PartnershipCheck as Check;
    let b = id();
    for tablet in [false, true] {
        let check = Route::Partnership { ballot: b, tablet };
        let divide = Route::turn(b, None, tablet);
        let over = if tablet {
            Route::TabletFinished
        } else {
            Route::Participants
        };
        // Left out: straight to dividing, and dividing ends the turn.
        assert_eq!(Route::first_step(b, tablet, Check::Off), divide);
        assert_eq!(Route::after_dividing(b, tablet, Check::Off), over);
        // Before: the check, then dividing, which ends the turn.
        assert_eq!(Route::first_step(b, tablet, Check::BeforeAllocation), check);
        assert_eq!(
            Route::after_partnership(b, tablet, Check::BeforeAllocation),
            divide
        );
        assert_eq!(
            Route::after_dividing(b, tablet, Check::BeforeAllocation),
            over
        );
        // After: dividing, then the check, which ends the turn.
        assert_eq!(Route::first_step(b, tablet, Check::AfterAllocation), divide);
        assert_eq!(
            Route::after_dividing(b, tablet, Check::AfterAllocation),
            check
        );
        assert_eq!(
            Route::after_partnership(b, tablet, Check::AfterAllocation),
            over
        );
        assert_eq!(check.is_tablet(), tablet);
    }
}

/// The builds' table: which build shows each screen (the tablet's: joining
/// and a participant's turn; the records': comparing and combining). index.html's
/// loader reads the same table in `tests/e2e/builds.spec.mjs`, so the loader
/// and the app can never disagree about which build an address needs.
#[test]
fn each_address_opens_the_build_that_has_its_screen() {
    let text = include_str!("fixtures/builds.json");
    let table: serde_json::Value = serde_json::from_str(text).expect("builds.json is JSON");
    let addresses = table["addresses"].as_array().expect("a list of addresses");
    assert!(addresses.len() > 20);
    for pair in addresses {
        let hash = pair[0].as_str().expect("an address");
        let build = pair[1].as_str().expect("a build's name");
        let route = Route::parse(hash);
        assert_eq!(
            route.build().name(),
            build,
            "{hash} opens the {build} build"
        );
        assert_eq!(route.in_tablet_build(), build == "tablet", "{hash}");
    }
}

#[test]
fn a_scanned_join_link_opens_only_its_joining_screen_here() {
    let offline = "https://council.example/co-produce/#/join/AbC123-_x";
    assert_eq!(
        Route::from_join_link(offline),
        Some(Route::Join("AbC123-_x".into()))
    );
    // Made on another address: still this app's joining screen.
    assert_eq!(
        Route::from_join_link("http://192.168.0.5:8080/#/join/AbC123"),
        Some(Route::Join("AbC123".into()))
    );
    let live = "https://council.example/app/#w=abc&k=def&f=ghi";
    assert!(matches!(
        Route::from_join_link(live),
        Some(Route::LiveJoin(_))
    ));
    for not_a_join in [
        "CP1-abcdef",
        "https://another.example/phish",
        "https://council.example/co-produce/#/setup",
        "https://council.example/co-produce/#/allocate/0123456789abcdef0123456789abcdef",
        "",
        "#",
        "#/join/",
    ] {
        assert_eq!(Route::from_join_link(not_a_join), None, "{not_a_join}");
    }
}

proptest! {
    #[test]
    fn a_join_link_reads_back_to_its_screen(fragment in live_fragment(), code in "[A-Za-z0-9_-]{1,60}") {
        for route in [Route::Join(code.clone()), Route::LiveJoin(fragment.clone())] {
            let link = format!("https://anywhere.example/folder/{}", route.href());
            prop_assert_eq!(Route::from_join_link(&link), Some(route));
        }
    }

    #[test]
    fn any_scanned_text_is_read_without_panicking(text in ".{0,300}") {
        if let Some(route) = Route::from_join_link(&text) {
            prop_assert!(matches!(route, Route::Join(_) | Route::LiveJoin(_)));
        }
    }
}
