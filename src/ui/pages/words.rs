//! A participant's own words: for one area at a time, what a good life looks
//! like, what they like and do not like about support today, and the notes of
//! others they agree with. Reached from the end of their turn; the room sees
//! the words with their role, never their name. In Easy Read the screen is
//! `words::EasyWords`, with the way on in big buttons.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, Id, NoteKind};
use crate::platform::address::replace;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::easy::easy_area_name;
use crate::ui::labels::{area_name, fill, role_name, tr};
use crate::ui::words::{EasyWords, NoteQuestion, OthersNotes};

/// Goes to `route`; on a passed-round tablet without a history entry.
fn link_to(route: Route, tablet: bool) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        if tablet {
            ev.prevent_default();
            replace(&route);
        }
    }
}

/// The "Your words" screen for one participant and one area.
#[component]
pub fn WordsPage(
    /// Whose words.
    ballot: Id,
    /// Which area (0 to 4).
    area: usize,
    /// Pass-the-tablet mode: moving on replaces the address.
    tablet: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let area = Area::ALL[area.min(Area::ALL.len() - 1)];
    let who = Memo::new(move |_| {
        state
            .workshop
            .with(|w| w.ballot(ballot).map(|b| (b.participant.clone(), b.role)))
    });
    let words_of = move |a: Area| words_route(ballot, a, tablet);
    let back = Route::turn(ballot, None, tablet);
    let next = Area::ALL.get(area.index() + 1).copied();
    // The page is drawn again when Easy Read is switched (see app.rs).
    if state.easy_read.get_untracked()
        && state
            .workshop
            .with_untracked(|w| w.ballot(ballot).is_some())
    {
        return view! { <EasyWordsScreen ballot=ballot area=area tablet=tablet /> }.into_any();
    }
    view! {
        <Show
            when=move || who.with(Option::is_some)
            fallback=move || view! {
                <h1>{tr!(i18n, allocate.missing_title)}</h1>
                <p>{tr!(i18n, allocate.missing_body)}</p>
            }
        >
            <p class="eyebrow">
                {move || who.get().map(|(name, role)| format!("{name} · {}", role_name(i18n, role)))}
            </p>
            <h1>{tr!(i18n, words.title)}": "{area_name(i18n, area)}</h1>
            <p class="lead">{fill(tr!(i18n, words.lead)(), &[("area", &area_name(i18n, area))])}</p>
            <nav class="area-steps" aria-label=tr!(i18n, words.areas)>
                {Area::ALL
                    .iter()
                    .map(|&a| {
                        let target = words_of(a);
                        view! {
                            <a
                                class="area-step"
                                href=target.href()
                                aria-current=(a == area).then_some("page")
                                on:click=link_to(target.clone(), tablet)
                            >
                                {area_name(i18n, a)}
                            </a>
                        }
                        .into_any()
                    })
                    .collect::<Vec<_>>()}
            </nav>
            {NoteKind::ALL
                .iter()
                .map(|&kind| view! { <NoteQuestion ballot=ballot area=area kind=kind /> }.into_any())
                .collect::<Vec<_>>()}
            <OthersNotes ballot=ballot area=area />
            <div class="next-row">
                <a class="button button-large" href=back.href() on:click=link_to(back.clone(), tablet)>
                    {tr!(i18n, words.back)}
                </a>
                {next.map(|a| {
                    let target = words_of(a);
                    view! {
                        <a class="button button-primary button-large" href=target.href() on:click=link_to(target.clone(), tablet)>
                            {fill(tr!(i18n, words.next_area)(), &[("area", &area_name(i18n, a))])}
                        </a>
                    }
                })}
            </div>
        </Show>
    }
    .into_any()
}

/// This participant's words about another area, in the same mode.
fn words_route(ballot: Id, area: Area, tablet: bool) -> Route {
    Route::Words {
        ballot,
        area: area.index(),
        tablet,
    }
}

/// "Your words" in Easy Read: the two questions and others' notes one at a
/// time, then back to the area before (or to dividing) and on to the next
/// (or the end).
#[component]
fn EasyWordsScreen(ballot: Id, area: Area, tablet: bool) -> impl IntoView {
    let i18n = use_i18n();
    let words_of = move |a: Area| words_route(ballot, a, tablet);
    let back = Route::turn(ballot, None, tablet);
    let next = Area::ALL.get(area.index() + 1).copied();
    let before = area.index().checked_sub(1).and_then(Area::from_index);
    let to_area = |key: &str, a: Area| fill(key, &[("area", &easy_area_name(i18n, a))]);
    let back = match before {
        Some(a) => (words_of(a), to_area(tr!(i18n, easy.words_back)(), a)),
        None => (back, tr!(i18n, easy.words_to_sharing)().to_string()),
    };
    let (on, icon) = match next {
        Some(a) => (
            (words_of(a), to_area(tr!(i18n, easy.words_next)(), a)),
            "./icons/next.svg",
        ),
        None => (
            (
                Route::turn(ballot, None, tablet),
                tr!(i18n, easy.words_done)().to_string(),
            ),
            "./icons/done.svg",
        ),
    };
    // One link drawn twice (its picture after its words on the way on, by CSS).
    let link = move |(to, label): (Route, String), icon: &'static str, class: &'static str| {
        view! {
            <a class=class href=to.href() on:click=link_to(to.clone(), tablet)>
                <img src=icon alt="" width="36" height="36" />
                {label}
            </a>
        }
    };
    view! {
        <EasyWords ballot=ballot area=area />
        <div class="easy-nav">
            {link(back, "./icons/back.svg", "button button-large easy-nav-button")}
            {link(on, icon, "button button-primary button-large easy-nav-button easy-nav-on")}
        </div>
    }
}
