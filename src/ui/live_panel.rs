//! The facilitator's live mode: the broker address, "Go live", the link and
//! QR code for tablets, how the connection is, and what was ignored.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::broker::{check_address, AddressError, LinkState, Trouble};
use crate::platform::dialog::confirm;
use crate::ui::labels::I18n;

/// Why the connection is down, in the current language.
fn trouble_text(i18n: I18n, trouble: &Trouble) -> String {
    match trouble {
        Trouble::Unreachable => t_string!(i18n, live.trouble_unreachable).to_string(),
        Trouble::Lost => t_string!(i18n, live.trouble_lost).to_string(),
        Trouble::Closed(code) => t_string!(i18n, live.trouble_closed, code = *code).to_string(),
        Trouble::Refused(code) => t_string!(i18n, live.trouble_refused, code = *code).to_string(),
        Trouble::Unreadable => t_string!(i18n, live.trouble_unreadable).to_string(),
        Trouble::ReadDenied => t_string!(i18n, live.trouble_read_denied).to_string(),
        Trouble::Silent => t_string!(i18n, live.trouble_silent).to_string(),
    }
}

/// What is wrong with a broker address, in the current language.
pub fn address_error_text(i18n: I18n, error: &AddressError) -> String {
    match error {
        AddressError::Scheme => t_string!(i18n, live.address_scheme).to_string(),
        AddressError::NoHost => t_string!(i18n, live.address_no_host).to_string(),
        AddressError::BadPort(port) => {
            t_string!(i18n, live.address_port, port = port.clone()).to_string()
        }
        AddressError::Invalid => t_string!(i18n, live.address_invalid).to_string(),
    }
}
use crate::platform::address::app_address;
use crate::state::live::{remembered_broker, use_live};
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::qr::QrCodeImage;

/// How the live connection is, in words: for the header of every screen.
#[component]
pub fn LiveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    move || {
        let state = live.link_state.get()?;
        Some(match state {
            LinkState::Connected => view! {
                <p class="live-badge live-on" role="status">
                    <span class="live-dot" aria-hidden="true"></span>
                    {tr!(i18n, live.connected)}
                </p>
            }
            .into_any(),
            LinkState::Connecting => view! {
                <p class="live-badge" role="status">{tr!(i18n, live.connecting)}</p>
            }
            .into_any(),
            LinkState::Offline { reason, retry_in } => view! {
                <p class="live-badge live-off" role="status">
                    <img src="./icons/offline.svg" alt="" width="28" height="28" />
                    <span>
                        {if retry_in == 1 {
                            t_string!(i18n, live.offline_one).to_string()
                        } else {
                            t_string!(i18n, live.offline, secs = retry_in).to_string()
                        }}
                        " "
                        <span class="live-reason">{t_string!(i18n, live.reason, reason = trouble_text(i18n, &reason)).to_string()}</span>
                    </span>
                </p>
            }
            .into_any(),
        })
    }
}

/// The facilitator's live-mode panel.
#[component]
pub fn LivePanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let live = use_live();
    let (address, set_address) = signal(remembered_broker());
    let (error, set_error) = signal(None::<String>);
    let is_facilitator = move || {
        live.session
            .with(|s| s.as_ref().is_some_and(|s| s.facilitator_key.is_some()))
    };
    let go_live = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_address(&address.get_untracked()) {
            Err(e) => set_error.set(Some(address_error_text(i18n, &e))),
            Ok(broker) => {
                set_error.set(None);
                let id = state.workshop.with_untracked(|w| w.id);
                if live.go_live(id, broker).is_err() {
                    set_error.set(Some(t_string!(i18n, live.no_random).to_string()));
                }
            }
        }
    };
    let stop = move |_| {
        if confirm(t_string!(i18n, live.stop_confirm)) {
            live.stop();
        }
    };
    let tablet_link =
        Signal::derive(move || live.join_link(&app_address(), false).unwrap_or_default());
    let screen_link = move || live.join_link(&app_address(), true).unwrap_or_default();
    let tablets = Memo::new(move |_| state.workshop.with(|w| w.ballots.len()));
    let tablets = move || tablets.get();
    view! {
        <section class="card live-panel" aria-labelledby="live-heading">
            <h2 id="live-heading">{tr!(i18n, live.heading)}</h2>
            <p>{tr!(i18n, live.lead)}</p>
            <Show
                when=is_facilitator
                fallback=move || view! {
                    <form class="live-form" on:submit=go_live novalidate=true>
                        <div class="field">
                            <label for="broker-address">{tr!(i18n, live.broker_label)}</label>
                            <input
                                id="broker-address"
                                type="url"
                                inputmode="url"
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby="broker-hint broker-error"
                                aria-invalid=move || error.get().is_some().to_string()
                                prop:value=address
                                on:input=move |ev| set_address.set(event_target_value(&ev))
                            />
                            <p id="broker-hint" class="small">{tr!(i18n, live.broker_hint)}</p>
                            <p id="broker-error" class="field-error" role="alert">{move || error.get()}</p>
                        </div>
                        <button class="button button-primary button-large" type="submit">{tr!(i18n, live.go_live)}</button>
                    </form>
                }
            >
                <LiveStatus />
                <p>{move || t_string!(i18n, live.tablets, count = tablets()).to_string()}</p>
                {move || {
                    let dropped = live.counts.with(|c| c.dropped());
                    (dropped > 0).then(|| view! {
                        <p class="small">{t_string!(i18n, live.dropped, count = dropped).to_string()}</p>
                    })
                }}
                <p>{tr!(i18n, live.join_lead)}</p>
                <div class="live-join">
                    <QrCodeImage text=tablet_link label=Signal::derive(move || t_string!(i18n, live.qr_label).to_string()) />
                    <p>
                        <a class="join-link" href=move || tablet_link.get() target="_blank" rel="noopener">{tr!(i18n, live.join_link)}</a>
                        <br />
                        <a class="join-link" href=screen_link target="_blank" rel="noopener">{tr!(i18n, live.presenter_link)}</a>
                    </p>
                </div>
                <button class="button" type="button" on:click=stop>{tr!(i18n, live.stop)}</button>
            </Show>
        </section>
    }
}
