//! How the resources of the records to combine match: those every record
//! has, those only some have, and for each that only one record has, a
//! choice of the other records' resources it is the same as.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::kind_match::places_of;
use crate::model::{match_kinds, KindMapping, MappingError, Mismatch, Workshop};
use crate::ui::labels::{fill, tr, I18n};

/// Why a match made by hand cannot hold, in words.
fn mapping_error_text(i18n: I18n, error: &MappingError) -> String {
    match error {
        MappingError::OtherUnit { .. } => t_string!(i18n, combine.other_unit),
        MappingError::PlaceHasItAlready { .. } => t_string!(i18n, combine.has_it_already),
        MappingError::NotInComparison { .. } => t_string!(i18n, combine.not_in_records),
    }
    .to_string()
}

/// The resources of the records, and a choice for each that needs matching.
#[component]
pub fn KindMatching(
    /// The records to combine.
    records: Signal<Vec<Workshop>>,
    /// The matches made by hand so far.
    mapping: RwSignal<KindMapping>,
) -> impl IntoView {
    let i18n = use_i18n();
    let matched = Memo::new(move |_| records.with(|r| mapping.with(|m| match_kinds(r, m))));
    let places = Memo::new(move |_| records.with(|r| places_of(r).len()));
    let error = RwSignal::new(None::<MappingError>);
    let lines = move || {
        let of = places.get();
        matched.with(|m| {
            m.kinds
                .iter()
                .map(|k| {
                    let name: &dyn std::fmt::Display = &k.name;
                    match (k.members.len() == of, k.by_hand) {
                        (true, false) => {
                            fill(t_string!(i18n, combine.kind_everywhere), &[("name", name)])
                        }
                        (true, true) => fill(t_string!(i18n, combine.by_hand), &[("name", name)]),
                        (false, _) => fill(
                            t_string!(i18n, combine.kind_gap),
                            &[("name", name), ("records", &k.members.len()), ("of", &of)],
                        ),
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let choose = Callback::new(move |(m, to): (Mismatch, Option<usize>)| {
        let Some(to) = to.and_then(|i| m.candidates.get(i)) else {
            return;
        };
        let next =
            records.with(|r| mapping.with(|map| map.with(r, m.kind.clone(), to.kind.clone())));
        match next {
            Ok(next) => {
                error.set(None);
                mapping.set(next);
            }
            Err(e) => error.set(Some(e)),
        }
    });
    view! {
        {move || (places.get() >= 2).then(|| view! {
            <h3>{tr!(i18n, combine.kinds_heading)}</h3>
            <ul class="combine-kinds">
                {lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {move || matched.with(|m| m.mismatches.clone()).into_iter().enumerate().map(|(i, m)| {
                let session = records.with(|r| r.iter().find(|w| w.id == m.kind.workshop).map(|w| w.name.clone()));
                view! { <MatchChoice index=i mismatch=m session=session.unwrap_or_default() on_choose=choose /> }
            }).collect_view()}
            {move || error.get().map(|e| view! { <p class="banner banner-danger" role="alert">{mapping_error_text(i18n, &e)}</p> })}
            {move || (!mapping.with(|m| m.is_empty())).then(|| view! {
                <button class="button" on:click=move |_| mapping.set(KindMapping::new())>{tr!(i18n, combine.clear_matches)}</button>
            })}
        })}
    }
}

/// One resource only one record has: which resource of the others it is.
#[component]
fn MatchChoice(
    /// Its place in the list, for the select's id.
    index: usize,
    /// The resource and what it could be matched with.
    mismatch: Mismatch,
    /// The name of the session that has it.
    session: String,
    /// Called with the resource and the chosen candidate (`None`: not matched).
    on_choose: Callback<(Mismatch, Option<usize>)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("combine-match-{index}");
    let name = mismatch.name.clone();
    let label = move || {
        fill(
            t_string!(i18n, combine.match_label),
            &[("name", &name), ("session", &session)],
        )
    };
    let options = mismatch
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <option value=i.to_string()>{c.name.clone()}</option> })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        on_choose.run((mismatch.clone(), event_target_value(&ev).parse().ok()));
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=on_change>
                <option value="" selected=true>{tr!(i18n, combine.not_matched)}</option>
                {options}
            </select>
        </div>
    }
}
