//! The frame around every screen: title, navigation and the saving banner.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::working_copy_json;
use crate::platform::files;
use crate::platform::storage::SaveRefused;
use crate::route::Route;
use crate::state::{use_app, SaveState};
use crate::ui::labels::tr;
use crate::ui::problem_text::import_error_text;

/// Which navigation entry a screen belongs to.
fn section(route: &Route) -> usize {
    match route {
        Route::Setup => 0,
        Route::Area(_) => 1,
        Route::Participants
        | Route::Allocate { .. }
        | Route::Tablet { .. }
        | Route::TabletFinished
        | Route::Partnership { .. }
        | Route::Words { .. } => 2,
        Route::Results(_) | Route::Present(_) => 3,
        Route::Decision => 4,
        Route::Data | Route::Print | Route::Combine => 5,
        Route::Join(_) | Route::LiveJoin(_) => 2,
        Route::Compare => 6,
    }
}

/// The app's title bar and the main navigation.
#[component]
pub fn Header(
    /// The current screen, to mark its entry.
    route: ReadSignal<Route>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let entries = move || {
        vec![
            (Route::Setup, t_string!(i18n, nav.setup).to_string()),
            (Route::Area(0), t_string!(i18n, nav.walkthrough).to_string()),
            (
                Route::Participants,
                t_string!(i18n, nav.participants).to_string(),
            ),
            (
                Route::Results(None),
                t_string!(i18n, nav.results).to_string(),
            ),
            (Route::Decision, t_string!(i18n, nav.decision).to_string()),
            (Route::Data, t_string!(i18n, nav.data).to_string()),
            (Route::Compare, t_string!(i18n, nav.compare).to_string()),
        ]
    };
    let name = Memo::new(move |_| state.workshop.with(|w| w.name.clone()));
    let workshop_name = move || {
        let name = name.get();
        if name.trim().is_empty() {
            t_string!(i18n, app.untitled).to_string()
        } else {
            name
        }
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">{tr!(i18n, app.name)}</span>
                <span class="workshop-name">{workshop_name}</span>
                <crate::ui::device_bar::DeviceBar />
            </div>
            <nav aria-label=tr!(i18n, nav.label)>
                <ul class="nav-list">
                    {move || {
                        let current = section(&route.get());
                        entries()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (target, label))| {
                                view! {
                                    <li>
                                        <a
                                            href=target.href()
                                            class="nav-link"
                                            aria-current=(i == current).then_some("page")
                                        >
                                            {label}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </nav>
        </header>
    }
}

/// Offers the in-memory workshop as a file: the way out when storage fails.
/// The working copy is a record every import reads (the aggregates are
/// recomputed there); writing the full record would build the results'
/// arithmetic into the tablet's module for this one button (12 KB gzipped).
fn export_now() {
    let state = use_app();
    let text = state.workshop.with_untracked(working_copy_json);
    let _ = files::download("co-produce-workshop.json", "application/json", &text);
}

/// Shows storage trouble: a full or blocked store, or an unreadable saved workshop.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let save_state = state.save_state;
    let warning = state.startup_warning;
    let refused = state.refused_change;
    view! {
        {move || {
            refused
                .get()
                .map(|error| {
                    view! {
                        <div class="banner banner-warning" role="alert">
                            <p>
                                <strong>{tr!(i18n, save.refused_change)}</strong>
                                " "
                                {move || import_error_text(i18n, &error)}
                            </p>
                            <button class="button" on:click=move |_| refused.set(None)>
                                {tr!(i18n, common.dismiss)}
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            warning
                .get()
                .map(|w| {
                    view! {
                        <div class="banner banner-warning" role="alert">
                            <p>
                                <strong>{tr!(i18n, save.corrupt_title)}</strong>
                                " "
                                {tr!(i18n, save.corrupt_body)}
                            </p>
                            <p class="small">{import_error_text(i18n, &w.reason)}</p>
                            {w
                                .kept_as
                                .clone()
                                .map(|key| {
                                    view! {
                                        <p class="small">{t!(i18n, save.kept_as, key = key)}</p>
                                    }
                                })}
                            <button class="button" on:click=move |_| warning.set(None)>
                                {tr!(i18n, common.dismiss)}
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            // Both troubles offer the same way out: download what is in memory.
            let (title, detail, body) = match save_state.get() {
                SaveState::Saved => return None,
                SaveState::Failed(refused) => {
                    let reason = match refused {
                        SaveRefused::NotAllowed => tr!(i18n, save.not_allowed)(),
                        SaveRefused::Full => tr!(i18n, save.full)(),
                        SaveRefused::Closing => tr!(i18n, save.closing)(),
                    };
                    (tr!(i18n, save.failed_title)(), reason.to_string(), tr!(i18n, save.failed_body)())
                }
                SaveState::Paused => (tr!(i18n, save.paused_title)(), String::new(), tr!(i18n, save.paused_body)()),
            };
            Some(view! {
                <div class="banner banner-danger" role="alert">
                    <p>
                        <strong>{title}</strong>
                        " "
                        {(!detail.is_empty()).then(|| format!("{detail} "))}
                        {body}
                    </p>
                    <button class="button button-primary" on:click=move |_| export_now()>
                        {tr!(i18n, save.export_now)}
                    </button>
                </div>
            })
        }}
    }
}
