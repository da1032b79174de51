//! Which resource kinds are compared: those matched by name and unit across
//! places, those matched by hand (each can be undone), and those only one
//! place has, each with a choice of the kinds it could be the same as.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Comparison, KindRef, Mismatch};
use crate::state::comparison::{opened_now, use_comparison};
use crate::ui::compare::words::place_name;
use crate::ui::labels::{fill, tr};
use crate::ui::problem_text::mapping_error_text;

/// The place a kind belongs to, in words.
fn place_of(comparison: &Comparison, kind: &KindRef) -> String {
    comparison
        .place(kind.workshop)
        .map(place_name)
        .unwrap_or_default()
}

/// The matched kinds, the matches made by hand, and the kinds left unmatched.
#[component]
pub fn KindMatching(
    /// The whole comparison (not sorted or filtered).
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_comparison();
    let matched = move || {
        comparison.with(|c| {
            c.kinds
                .iter()
                .map(|k| {
                    let line = fill(
                        tr!(i18n, compare.kind_in)(),
                        &[("kind", &k.kind.name), ("count", &k.places.len())],
                    );
                    let by_hand = k.kind.by_hand.then(|| {
                        view! { " " <span class="tag">{tr!(i18n, compare.by_hand)}</span> }
                    });
                    view! { <li>{line}{by_hand}</li> }
                })
                .collect_view()
        })
    };
    let undo = move || {
        let pairs = state.opened.with(|o| o.mapping.pairs.clone());
        comparison.with(|c| {
            pairs
                .into_iter()
                .filter_map(|pair| {
                    let name = c
                        .kinds
                        .iter()
                        .find(|k| k.kind.members.contains(&pair.from))
                        .and_then(|k| k.places.iter().find(|p| p.workshop == pair.from.workshop))
                        .map(|p| p.name.clone())?;
                    let label = fill(
                        tr!(i18n, compare.unmatch)(),
                        &[("kind", &name), ("place", &place_of(c, &pair.from))],
                    );
                    let from = pair.from.clone();
                    let on_undo = move |_| {
                        state.opened.update(|o| o.mapping = o.mapping.without(&from));
                    };
                    Some(view! { <li><button class="button button-small" on:click=on_undo>{label}</button></li> })
                })
                .collect_view()
        })
    };
    let mismatches = move || comparison.with(|c| c.mismatches.clone());
    view! {
        <section class="card no-print" aria-labelledby="compare-kinds-heading">
            <h2 id="compare-kinds-heading">{tr!(i18n, compare.kinds_heading)}</h2>
            <p>{tr!(i18n, compare.kinds_lead)}</p>
            <ul class="compare-kinds">{matched}</ul>
            <ul class="compare-undo">{undo}</ul>
            {move || {
                let list = mismatches();
                (!list.is_empty()).then(|| {
                    let rows = list
                        .into_iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let place = comparison.with(|c| place_of(c, &m.kind));
                            view! { <MismatchChoice index=i mismatch=m place=place /> }
                        })
                        .collect_view();
                    view! {
                        <h3>{tr!(i18n, compare.mismatch_heading)}</h3>
                        <p>{tr!(i18n, compare.mismatch_lead)}</p>
                        <div class="compare-mismatches">{rows}</div>
                    }
                })
            }}
        </section>
    }
}

/// One unmatched kind and its select of the kinds it could be the same as.
#[component]
fn MismatchChoice(index: usize, mismatch: Mismatch, place: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_comparison();
    let error = RwSignal::new(None::<String>);
    let id = format!("compare-match-{index}");
    let for_id = id.clone();
    let label = fill(
        tr!(i18n, compare.mismatch_label)(),
        &[("kind", &mismatch.name), ("place", &place)],
    );
    let options = mismatch
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let words = fill(
                tr!(i18n, compare.candidate)(),
                &[("kind", &c.name), ("count", &c.places)],
            );
            view! { <option value=i.to_string()>{words}</option> }
        })
        .collect_view();
    let candidates = mismatch.candidates.clone();
    let from = mismatch.kind.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(to) = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| candidates.get(i))
            .map(|c| c.kind.clone())
        else {
            return;
        };
        let opened = opened_now();
        match opened.mapping.with(&opened.records, from.clone(), to) {
            Ok(mapping) => state.opened.update(|o| o.mapping = mapping),
            Err(e) => error.set(Some(mapping_error_text(i18n, &e))),
        }
    };
    view! {
        <div class="field compare-mismatch">
            <label for=for_id>{label}</label>
            <select id=id on:change=on_change>
                <option value="" selected=true>{tr!(i18n, compare.left_out)}</option>
                {options}
            </select>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
