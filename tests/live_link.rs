#![cfg(not(target_arch = "wasm32"))]
//! The live join link: what it looks like, that it reads back, and that a
//! missing or damaged part is refused with a message naming the part.

use co_produce::model::live::{
    looks_like_live_link, signing_key_from_seed, Audience, LinkError, LinkPart, LiveLink,
    PublicKey, RoomKey,
};
use co_produce::model::Id;
use proptest::prelude::*;

fn link() -> LiveLink {
    LiveLink::for_facilitator(
        Id(0x0123_4567_89ab_cdef_0011_2233_4455_6677),
        RoomKey([42; 32]),
        &signing_key_from_seed([7; 32]),
    )
}

/// The `w`, `k` and `f` parameters of the example link, in that order.
fn parts() -> Vec<String> {
    link()
        .format_fragment()
        .split('&')
        .map(str::to_string)
        .collect()
}

#[test]
fn the_fragment_has_the_documented_shape() {
    let text = link().format_fragment();
    let p = parts();
    assert_eq!(p.len(), 3, "{text}");
    assert_eq!(p[0], "w=0123456789abcdef0011223344556677");
    assert!(p[1].starts_with("k=") && p[1].len() == 2 + 43, "{text}");
    assert!(p[2].starts_with("f=") && p[2].len() == 2 + 43, "{text}");
    assert_eq!(p[1], format!("k={}", RoomKey([42; 32]).to_base64url()));
    assert!(text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_=&".contains(&b)));
}

#[test]
fn it_reads_with_or_without_hash_or_as_a_whole_address() {
    let text = link().format_fragment();
    for form in [
        text.clone(),
        format!("#{text}"),
        format!("  #{text}\n"),
        format!("https://co-produce.example/live/#{text}"),
        format!("https://co-produce.example/?lang=cy#{text}"),
    ] {
        assert_eq!(LiveLink::parse_fragment(&form), Ok(link()), "{form}");
    }
}

#[test]
fn parameters_may_come_in_any_order_with_unknown_ones_ignored() {
    let p = parts();
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let text = format!(
            "lang=cy&{}&v=2&{}&&{}&x",
            p[order[0]], p[order[1]], p[order[2]]
        );
        assert_eq!(LiveLink::parse_fragment(&text), Ok(link()), "{text}");
    }
    // The same value twice (a link pasted with a repeat) is still the link.
    let text = format!("{}&{}", link().format_fragment(), p[1]);
    assert_eq!(LiveLink::parse_fragment(&text), Ok(link()));
}

#[test]
fn a_missing_part_is_named() {
    let p = parts();
    for (missing, part, param) in [
        (0, LinkPart::Workshop, "(w=)"),
        (1, LinkPart::Key, "(k=)"),
        (2, LinkPart::Facilitator, "(f=)"),
    ] {
        let rest: Vec<&str> = (0..3)
            .filter(|&i| i != missing)
            .map(|i| p[i].as_str())
            .collect();
        for text in [
            rest.join("&"),
            format!("{}&{}=", rest.join("&"), &p[missing][..1]),
        ] {
            let err = LiveLink::parse_fragment(&text).expect_err("refused");
            assert_eq!(err, LinkError::Missing(part), "{text}");
            let message = err.to_string();
            assert!(message.contains(param), "{message}");
            assert!(
                message.contains("ask the facilitator for the whole link"),
                "{message}"
            );
        }
    }
    let err = LiveLink::parse_fragment(&p[0]).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "The link has no workshop key (k=); ask the facilitator for the whole link."
    );
}

#[test]
fn a_damaged_part_is_named() {
    let p = parts();
    let good = link().format_fragment();
    let cases: Vec<(String, LinkPart)> = vec![
        // Cut short, one character too many, a character outside the alphabet.
        (
            good.replace(&p[0], &p[0][..p[0].len() - 1]),
            LinkPart::Workshop,
        ),
        (
            good.replace(&p[0], &format!("{}0", p[0])),
            LinkPart::Workshop,
        ),
        (
            good.replace(&p[0], &p[0].to_uppercase().replace("W=", "w=")),
            LinkPart::Workshop,
        ),
        (
            good.replace(&p[0], "w=0123456789abcdef001122334455667g"),
            LinkPart::Workshop,
        ),
        (good.replace(&p[1], &p[1][..p[1].len() - 1]), LinkPart::Key),
        (good.replace(&p[1], &format!("{}A", p[1])), LinkPart::Key),
        (
            good.replace(&p[1], &format!("k=+{}", &p[1][3..])),
            LinkPart::Key,
        ),
        (good.replace(&p[1], &format!("{}=", p[1])), LinkPart::Key),
        (good.replace(&p[2], &p[2][..30]), LinkPart::Facilitator),
        (
            good.replace(&p[2], &format!("{}%3D", p[2])),
            LinkPart::Facilitator,
        ),
        // The same part twice with two values.
        (
            format!("{good}&w=00000000000000000000000000000001"),
            LinkPart::Workshop,
        ),
    ];
    for (text, part) in cases {
        assert_ne!(text, good);
        let err = LiveLink::parse_fragment(&text).expect_err(&text);
        assert_eq!(err, LinkError::Damaged(part), "{text}");
        assert!(err.to_string().contains("is damaged"), "{err}");
    }
}

#[test]
fn a_key_with_a_changed_last_character_is_damaged() {
    // 43 characters carry 258 bits; the last two must be zero, so a last
    // character with either of them set is caught rather than read as another key.
    const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let p = parts();
    let good = link().format_fragment();
    let last = p[1].chars().last().expect("not empty");
    let value = B64.find(last).expect("a base64url character");
    assert_eq!(value & 3, 0, "a key's last character ends in two zero bits");
    for low in 1..=3 {
        let changed = B64.as_bytes()[value | low] as char;
        let damaged = good.replace(&p[1], &format!("{}{changed}", &p[1][..p[1].len() - 1]));
        assert_eq!(
            LiveLink::parse_fragment(&damaged),
            Err(LinkError::Damaged(LinkPart::Key)),
            "{damaged}"
        );
    }
}

#[test]
fn a_facilitator_key_off_the_curve_is_damaged() {
    // About half of all 32-byte strings are not Ed25519 points.
    let off_curve = (0u8..=255)
        .map(|b| {
            let mut bytes = [b; 32];
            bytes[31] &= 0x7f;
            PublicKey(bytes)
        })
        .find(|k| PublicKey::parse(&k.to_base64url()).is_none())
        .expect("some byte pattern is not a point");
    let l = LiveLink {
        facilitator: off_curve,
        ..link()
    };
    assert_eq!(
        LiveLink::parse_fragment(&l.format_fragment()),
        Err(LinkError::Damaged(LinkPart::Facilitator))
    );
}

#[test]
fn other_fragments_are_not_live_links() {
    for text in [
        "",
        "#",
        "#/",
        "#/setup",
        "#/join/abc",
        "#/kind/state_money",
        "hello",
        "#who=me",
    ] {
        assert!(!looks_like_live_link(text), "{text}");
        assert_eq!(
            LiveLink::parse_fragment(text),
            Err(LinkError::NotALiveLink),
            "{text}"
        );
    }
    for text in ["#w=", "#k=abc", "f=x&y=1", "#/x&w=1"] {
        assert!(looks_like_live_link(text), "{text}");
        assert!(LiveLink::parse_fragment(text).is_err(), "{text}");
    }
    assert!(looks_like_live_link(&link().format_fragment()));
    assert_eq!(
        LinkError::NotALiveLink.to_string(),
        "This is not a live workshop link; ask the facilitator for the whole link."
    );
}

proptest! {
    #[test]
    fn any_link_round_trips(workshop in any::<u128>(), key in any::<[u8; 32]>(), seed in any::<[u8; 32]>()) {
        let l = LiveLink::for_facilitator(Id(workshop), RoomKey(key), &signing_key_from_seed(seed));
        let text = l.format_fragment();
        prop_assert_eq!(text.len(), 2 + 32 + 1 + 2 + 43 + 1 + 2 + 43);
        prop_assert!(looks_like_live_link(&text));
        prop_assert_eq!(LiveLink::parse_fragment(&text), Ok(l.clone()));
        prop_assert_eq!(LiveLink::parse_fragment(&format!("#{text}")), Ok(l));
    }

    #[test]
    fn cutting_a_link_short_is_refused(cut in 0usize..126) {
        let text = link().format_fragment();
        prop_assert!(LiveLink::parse_fragment(&text[..cut]).is_err());
    }

    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,200}") {
        let _ = LiveLink::parse_fragment(&text);
        let _ = looks_like_live_link(&text);
    }
}

#[test]
fn a_handed_out_link_carries_the_broker_and_its_audience() {
    let broker = "wss://broker.example:8443/mqtt?x=1&y=2";
    let tablet = link().join_fragment(broker, Audience::Tablet);
    assert!(tablet.starts_with(&link().format_fragment()), "{tablet}");
    assert!(
        tablet.contains("&b=wss%3A%2F%2Fbroker.example%3A8443%2Fmqtt%3Fx%3D1%26y%3D2"),
        "{tablet}"
    );
    assert!(!tablet.contains("to="), "{tablet}");
    assert_eq!(LiveLink::broker_in(&tablet), Ok(broker.to_string()));
    assert_eq!(LiveLink::audience_in(&tablet), Audience::Tablet);
    assert_eq!(LiveLink::parse_fragment(&tablet), Ok(link()));

    let screen = link().join_fragment(broker, Audience::RoomScreen);
    assert!(screen.ends_with("&to=present"), "{screen}");
    let pasted = format!("https://host.example/co-produce/#{screen}");
    assert_eq!(LiveLink::audience_in(&pasted), Audience::RoomScreen);
    assert_eq!(LiveLink::broker_in(&pasted), Ok(broker.to_string()));
}

#[test]
fn a_missing_or_damaged_broker_is_named() {
    let bare = link().format_fragment();
    assert_eq!(
        LiveLink::broker_in(&bare),
        Err(LinkError::Missing(LinkPart::Broker))
    );
    assert_eq!(
        LiveLink::broker_in(&format!("{bare}&b=")),
        Err(LinkError::Missing(LinkPart::Broker))
    );
    for bad in ["ws%3A%2F%2F%ZZ", "%", "%4", "%+1", "%C3%28", "%20%20"] {
        assert_eq!(
            LiveLink::broker_in(&format!("{bare}&b={bad}")),
            Err(LinkError::Damaged(LinkPart::Broker)),
            "{bad}"
        );
    }
    assert_eq!(
        LiveLink::broker_in(&format!("{bare}&b=ws%3A%2F%2Fa&b=ws%3A%2F%2Fb")),
        Err(LinkError::Damaged(LinkPart::Broker))
    );
    assert_eq!(
        LiveLink::audience_in(&format!("{bare}&to=elsewhere")),
        Audience::Tablet
    );
    assert_eq!(
        LinkError::Damaged(LinkPart::Broker).to_string(),
        "The broker address (b=) in the link is damaged: part of it may be missing or mistyped. \
         Ask the facilitator for the whole link."
    );
}

proptest! {
    #[test]
    fn any_broker_address_reads_back(broker in "\\PC{1,80}") {
        prop_assume!(!broker.trim().is_empty());
        let text = link().join_fragment(&broker, Audience::Tablet);
        prop_assert!(text.is_ascii());
        prop_assert_eq!(LiveLink::broker_in(&text), Ok(broker));
        prop_assert_eq!(LiveLink::parse_fragment(&text), Ok(link()));
    }
}
