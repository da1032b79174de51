//! The room's wall: one area's notes from participants as large cards, most
//! agreed first, each with its author's role as a coloured tag (never a
//! name), and how many cards each role wrote, so the room sees at once when
//! one role wrote most of them. The notes stay in the language they were
//! written in; only the wall's own words follow the room's languages.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::note_wall::{NoteCard, NoteWall};
use crate::model::notes::NoteKind;
use crate::model::Role;
use crate::ui::bilingual::in_languages;
use crate::ui::chart::role_class;
use crate::ui::labels::{area_name_in, fill, role_plural_in, role_short_name};

/// As many cards as fit on one projected screen in two rows of three, each
/// with room for a whole note of 280 characters in seven lines at 26 px (at
/// 1920×1080); the rest are counted, and the facilitator's list has them all.
const CARDS_SHOWN: usize = 6;

/// The wall of one area.
#[component]
pub fn NoteWallPanel(
    /// The area's cards as the room may see them.
    wall: NoteWall,
    /// The one role whose cards are shown, or every role's.
    role: Option<Role>,
    /// Whether the wall's own words show in every language side by side.
    both: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let area = wall.area;
    let shown: Vec<NoteCard> = wall.by_role(role).cloned().collect();
    let more = shown.len().saturating_sub(CARDS_SHOWN);
    let counts = Role::ALL
        .into_iter()
        .filter_map(|r| Some((r, *wall.count_by_role.get(&r)?)))
        .map(|(r, n)| {
            let class = format!("wall-count {}", role_class(r));
            view! {
                <li class=class>
                    <span class="wall-dot" aria-hidden="true"></span>
                    {in_languages(i18n, both, move |l| format!("{}: {n}", role_plural_in(l, r)))}
                </li>
            }
        })
        .collect_view();
    let empty = shown.is_empty().then(|| {
        view! { <p class="wall-none">{in_languages(i18n, both, |l| td_string!(l, wall.none).to_string())}</p> }
    });
    let cards = shown
        .into_iter()
        .take(CARDS_SHOWN)
        .map(|card| view! { <WallCard card=card /> })
        .collect_view();
    view! {
        <section class="presenter-wall" aria-labelledby="wall-heading">
            <div class="wall-head">
                <h2 id="wall-heading">
                    {in_languages(i18n, both, move |l| {
                        fill(td_string!(l, wall.heading), &[("area", &area_name_in(l, area))])
                    })}
                </h2>
                {role.map(|r| view! {
                    <p class="wall-only">
                        {in_languages(i18n, both, move |l| {
                            fill(td_string!(l, wall.only_role), &[("role", &role_plural_in(l, r))])
                        })}
                    </p>
                })}
                <ul class="wall-counts" aria-label=move || t_string!(i18n, wall.by_role).to_string()>
                    {counts}
                </ul>
            </div>
            {empty}
            <ul class="wall-cards">{cards}</ul>
            {(more > 0).then(|| view! {
                <p class="wall-more">
                    {in_languages(i18n, both, move |l| fill(td_string!(l, wall.more), &[("count", &more)]))}
                </p>
            })}
        </section>
    }
}

/// One note as a card: its words, its author's role and how many agree.
#[component]
fn WallCard(card: NoteCard) -> impl IntoView {
    let i18n = use_i18n();
    let kind = match card.kind {
        NoteKind::GoodLife => t_string!(i18n, wall.kind_good_life),
        NoteKind::Like => t_string!(i18n, wall.kind_like),
        NoteKind::Dislike => t_string!(i18n, wall.kind_dislike),
    };
    let agreements = card.agreements;
    view! {
        <li class=format!("wall-card {}", role_class(card.author_role))>
            <p class="wall-text">{card.text}</p>
            <p class="wall-meta">
                <span class="wall-role">
                    <span class="wall-dot" aria-hidden="true"></span>
                    {role_short_name(i18n, card.author_role)}
                </span>
                <span class="wall-kind">{kind}</span>
                {(agreements > 0).then(|| view! {
                    <span class="wall-agree">
                        {fill(t_string!(i18n, wall.agree), &[("count", &agreements)])}
                    </span>
                })}
            </p>
        </li>
    }
}
