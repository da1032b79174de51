//! "Your words" in Easy Read for one area: its picture and plain name, "Part
//! 2 of 5", "What is good?" and "What is not good?" each with a picture, a
//! text box and a big "Add", and others' notes one at a time. The good-life
//! question is not asked here, but notes already written for it are listed,
//! so nothing a participant wrote is hidden from them.

use leptos::prelude::*;

use super::easy_others::EasyOthers;
use super::note_question::NoteQuestion;
use crate::i18n::*;
use crate::model::{Area, Id, NoteKind};
use crate::state::use_app;
use crate::ui::easy::{area_icon, easy_area_name, EasyProgress};
use crate::ui::labels::tr;

/// The Easy Read "Your words" for one participant and one area (the page
/// adds the way on).
#[component]
pub fn EasyWords(
    /// Whose words.
    ballot: Id,
    /// Which area.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    // Read once: the good-life list stays while the screen does, even when emptied.
    let (who, wrote_good_life) = state.workshop.with_untracked(|w| {
        w.ballot(ballot).map_or((None, false), |b| {
            let good_life = b
                .notes
                .iter()
                .any(|n| n.area == area && n.kind == NoteKind::GoodLife);
            (Some(b.participant.clone()), good_life)
        })
    });
    view! {
        <p class="eyebrow">{who}</p>
        <h1 class="easy-title">
            <img src=area_icon(area) alt="" width="72" height="72" />
            <span>{tr!(i18n, words.title)}": "{easy_area_name(i18n, area)}</span>
        </h1>
        <EasyProgress area=area />
        <p class="easy-line">{tr!(i18n, easy.words_lead)}</p>
        <NoteQuestion ballot=ballot area=area kind=NoteKind::Like easy=true />
        <NoteQuestion ballot=ballot area=area kind=NoteKind::Dislike easy=true />
        {wrote_good_life.then(|| view! { <NoteQuestion ballot=ballot area=area kind=NoteKind::GoodLife easy=true /> })}
        <EasyOthers ballot=ballot area=area />
    }
}
