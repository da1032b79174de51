//! A participant's own choices, ready to hand to the facilitator without a
//! network: a small file, or a code (and its QR code) to scan or paste.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ballot_code::{encode_ballot, export_ballot_json};
use crate::model::text::file_slug;
use crate::model::Id;
use crate::platform::files;
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::qr::QrCodeImage;
use crate::ui::text_field::TextField;

/// The "give my choices to the facilitator" panel for one ballot.
#[component]
pub fn BallotShare(
    /// Whose ballot.
    ballot: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let found = Memo::new(move |_| state.workshop.with(|w| w.ballot(ballot).cloned()));
    // The code and its QR code are made only while the panel is open: on
    // Allocate it is closed, and a slider tick should not redraw a QR code.
    let open = RwSignal::new(false);
    let code = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        found.with(|b| b.as_ref().map(encode_ballot).unwrap_or_default())
    });
    let code_signal: Signal<String> = code.into();
    let download = move |_| {
        if let Some(b) = found.get_untracked() {
            let safe = file_slug(&b.participant, 40);
            let _ = files::download(
                &format!("ballot-{safe}-{}.json", b.id.short()),
                "application/json",
                &export_ballot_json(&b),
            );
        }
    };
    view! {
        <details class="card ballot-share" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr!(i18n, share.summary)}</summary>
            <p>{tr!(i18n, share.lead)}</p>
            <button class="button" on:click=download>{tr!(i18n, share.download)}</button>
            <div class="share-code">
                <QrCodeImage text=code_signal label=Signal::derive(move || t_string!(i18n, share.qr_label).to_string()) />
                <TextField
                    id="ballot-code"
                    label=tr!(i18n, share.code_label)
                    value=code_signal
                    lines=4
                    readonly=true
                    class="code-text"
                />
            </div>
        </details>
    }
}
