//! Joining by scanning the room's join code from inside the app: for a
//! device where the app is installed, whose own camera app would open the
//! link in the browser instead. Only a join link's screen is opened, here.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::address;
use crate::route::Route;
use crate::ui::code_scanner::{CodeScanner, ScanOutcome, ScanTone};
use crate::ui::labels::tr;

/// "Here to take part? Scan the join code", and the scanner while it is open.
#[component]
pub fn JoinByScanning() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let on_code = Callback::new(move |code: String| match Route::from_join_link(&code) {
        Some(route) => {
            open.set(false);
            address::go(&route);
            None
        }
        None => Some(ScanOutcome {
            words: t_string!(i18n, scan.not_a_join).to_string(),
            tone: ScanTone::Refused,
        }),
    });
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button join-scan-button" on:click=move |_| open.set(true)>
                    {tr!(i18n, scan.join_button)}
                </button>
            }
        >
            <CodeScanner
                label=Signal::derive(move || tr!(i18n, scan.join_label)().to_string())
                prompt=Signal::derive(move || tr!(i18n, scan.join_prompt)().to_string())
                on_code=on_code
                on_close=Callback::new(move |()| open.set(false))
            />
        </Show>
    }
}
