//! The app shell: context and the screen switch.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::address::use_route;
use crate::route::{Build, Route};
use crate::state::catalogues::BuiltIn;
use crate::state::AppState;
use crate::ui::device_bar::DeviceBar;
use crate::ui::labels::tr;
use crate::ui::layout::{Header, StorageBanner};
use crate::ui::pages;

/// Starts the facilitator's app (every screen) in the page's body.
pub fn mount() {
    start(FACILITATOR, None);
    // The facilitator may scan tablets' codes later in a hall with no Wi-Fi:
    // fetch the QR reader now, while there may be a network, so the service
    // worker keeps it (tablets never do this).
    // Likewise the records' build (comparing places, combining sessions),
    // which the facilitator may open after the workshop, offline.
    leptos::prelude::set_timeout(
        || {
            crate::platform::scanner::keep_reader_for_offline();
            let records = crate::platform::builds::files(Build::Records.name());
            crate::platform::builds::keep_for_offline(
                records.into_iter().flat_map(|(js, wasm)| [js, wasm]),
            );
        },
        std::time::Duration::from_secs(10),
    );
}

/// Starts the records' app in the page's body: the screens that open many
/// decision records at once (comparing places, combining sessions), needed
/// now and then after a workshop, so the facilitator's first download does
/// not carry them. Any other screen loads the facilitator's build in its
/// place.
pub fn mount_records() {
    start(RECORDS, None);
}

/// Starts the tablet's app in the page's body: joining and a participant's
/// own turn, and nothing a facilitator needs, so the module that 200 tablets
/// download over one venue's Wi-Fi is small. Any other screen loads the
/// facilitator's build in its place (`Route::in_tablet_build`).
pub fn mount_tablet() {
    // It starts with the hosted catalogue, already on its way.
    wasm_bindgen_futures::spawn_local(async {
        start(TABLET, crate::platform::prefetch::catalogue_text().await);
    });
}

/// Which screens a build draws: its own switch and header, as plain function
/// pointers, so a build that never names the facilitator's pages leaves them
/// (and everything only they use) out of its module.
/// Likewise its catalogues: the tablet's build carries none and reads the
/// hosted one that index.html fetched for it.
#[derive(Clone, Copy)]
struct Screens {
    header: fn(ReadSignal<Route>) -> AnyView,
    screen: fn(Route) -> AnyView,
    catalogues: BuiltIn,
}

const FACILITATOR: Screens = Screens {
    header: facilitator_header,
    screen: facilitator_screen,
    catalogues: crate::state::catalogues::facilitator_catalogues,
};

const RECORDS: Screens = Screens {
    header: facilitator_header,
    screen: records_screen,
    catalogues: crate::state::catalogues::facilitator_catalogues,
};

const TABLET: Screens = Screens {
    header: |_| ().into_any(),
    screen: tablet_screen,
    catalogues: |_| None,
};

fn start(screens: Screens, catalogue: Option<String>) {
    // Panic messages in the console help during development; a release build
    // leaves the hook (and its formatting code) out to stay small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The first screen in index.html is painted at least once before the app
    // takes its place: the frame's callback runs before that paint and the
    // timeout after it. Where the download was quick this costs one frame;
    // without it a fast device could go from a blank page to the app, and the
    // first screen would never be what people (and page-speed tools) see first.
    // The shell mounts behind it (index.html hides whatever follows #splash);
    // the screen comes in a task of its own, which takes the first screen away.
    request_animation_frame(move || {
        set_timeout(
            move || {
                leptos::mount::mount_to_body(
                    move || view! { <App screens=screens catalogue=catalogue /> },
                )
            },
            std::time::Duration::ZERO,
        )
    });
}

#[component]
fn App(screens: Screens, catalogue: Option<String>) -> impl IntoView {
    crate::platform::keyboard::keep_fields_visible();
    let state = AppState::new(screens.catalogues, catalogue);
    provide_context(state);
    view! {
        <I18nContextProvider>
            <Shell screens=screens />
        </I18nContextProvider>
    }
}

/// Everything inside the language context: header, banners and the screen.
#[component]
fn Shell(screens: Screens) -> impl IntoView {
    let state = crate::state::use_app();
    let i18n = use_i18n();
    let start = crate::state::locale::start_language(state, i18n);
    // The i18n library sets the browser's language in an effect of its own
    // once mounted; this one runs after it and puts the device's choice back.
    // (Only when it differs: setting the same language would draw every screen twice.)
    Effect::new(move |_| {
        if i18n.get_locale_untracked() != start {
            i18n.set_locale(start);
        }
    });
    let route = use_route();
    // The screen is drawn in a task after the shell's, not in one long task
    // with it: on a mid-range tablet that long task is what blocks a first tap.
    let screen_ready = RwSignal::new(false);
    set_timeout(
        move || {
            if let Some(splash) = document().get_element_by_id("splash") {
                splash.remove();
            }
            screen_ready.try_set(true);
        },
        std::time::Duration::ZERO,
    );
    let easy = state.easy_read;
    let live = crate::state::live::Live::new(state);
    provide_context(live);
    // The room's screen only watches; every other screen speaks as this device.
    Effect::new(move |_| live.watching.set(matches!(route.get(), Route::Present(_))));
    // What was announced on one screen (maybe the last person's figures) is
    // not left for the next screen's screen reader to find.
    Effect::new(move |_| {
        route.track();
        state.announcement.set(String::new());
    });
    view! {
            <a class="skip-link" href="#main">{tr!(use_i18n(), nav.skip)}</a>
            // The projector and a passed-round tablet show no navigation.
            <Show when=move || {
                let r = route.get();
                !(r.is_tablet() || matches!(r, Route::Present(_) | Route::LiveJoin(_)))
            }>
                {(screens.header)(route)}
            </Show>
            <Show when=move || { let r = route.get(); r.is_tablet() || matches!(r, Route::Join(_) | Route::LiveJoin(_)) }>
                <div class="tablet-bar"><DeviceBar /></div>
            </Show>
            <main
                id="main"
                tabindex="-1"
                class:wide=move || matches!(route.get(), Route::Present(_))
                class:easy-read=move || easy.get() && !matches!(route.get(), Route::Present(_))
            >
                <StorageBanner />
                {move || {
                // A new language or Easy Read draws the screen again, so every
                // figure and sentence follows it; the workshop itself is untouched.
                let _ = (i18n.get_locale(), easy.get());
                if !screen_ready.get() {
                    return ().into_any();
                }
                (screens.screen)(route.get())
                }}
            </main>
            <div class="visually-hidden" role="status" aria-live="polite">{move || state.announcement.get()}</div>
    }
}

fn facilitator_header(route: ReadSignal<Route>) -> AnyView {
    view! { <Header route=route /> }.into_any()
}

/// Every screen of the app.
fn facilitator_screen(route: Route) -> AnyView {
    match route {
        Route::Setup => pages::setup::SetupPage().into_any(),
        Route::Area(i) => view! { <pages::walkthrough::AreaStep index=i /> }.into_any(),
        Route::Participants => pages::participants::ParticipantsPage().into_any(),
        Route::Allocate { ballot, kind } => {
            view! { <pages::allocate::AllocatePage ballot=ballot kind=kind /> }.into_any()
        }
        Route::Results(kind) => view! { <pages::results::ResultsPage kind=kind /> }.into_any(),
        Route::Decision => pages::decision::DecisionPage().into_any(),
        Route::Data => pages::data::DataPage().into_any(),
        Route::Present(kind) => view! { <pages::presenter::PresenterPage kind=kind /> }.into_any(),
        Route::Print => pages::print::PrintPage().into_any(),
        Route::Compare | Route::Combine => {
            crate::platform::address::load_build(Build::Records);
            ().into_any()
        }
        Route::Partnership {
            ballot,
            tablet: false,
        } => {
            view! { <pages::partnership::PartnershipPage ballot=ballot tablet=false /> }.into_any()
        }
        Route::Words {
            ballot,
            area,
            tablet: false,
        } => view! { <pages::words::WordsPage ballot=ballot area=area tablet=false /> }.into_any(),
        tablet => tablet_screen(tablet),
    }
}

/// A participant's screens: joining and their own turn. Anything else asks
/// for the facilitator's build (see `mount_tablet`).
fn tablet_screen(route: Route) -> AnyView {
    match route {
        Route::Tablet { ballot: None, .. } => pages::tablet::TabletStart().into_any(),
        Route::Tablet {
            ballot: Some(ballot),
            kind,
        } => view! { <pages::allocate::AllocatePage ballot=ballot kind=kind tablet=true /> }
            .into_any(),
        Route::TabletFinished => pages::tablet::TabletFinished().into_any(),
        Route::Partnership {
            ballot,
            tablet: true,
        } => view! { <pages::partnership::PartnershipPage ballot=ballot tablet=true /> }.into_any(),
        Route::Words {
            ballot,
            area,
            tablet: true,
        } => view! { <pages::words::WordsPage ballot=ballot area=area tablet=true /> }.into_any(),
        Route::Join(code) => view! { <pages::tablet::JoinPage code=code /> }.into_any(),
        Route::LiveJoin(fragment) => {
            view! { <pages::live_join::LiveJoinPage fragment=fragment /> }.into_any()
        }
        other => {
            crate::platform::address::load_build(match other.build() {
                Build::Records => Build::Records,
                _ => Build::Facilitator,
            });
            ().into_any()
        }
    }
}

/// The records' screens. Anything else asks for the facilitator's build.
fn records_screen(route: Route) -> AnyView {
    match route {
        Route::Compare => pages::compare::ComparePage().into_any(),
        Route::Combine => pages::combine::CombinePage().into_any(),
        _ => {
            // Another screen loads another build, and the comparison (many
            // records, too big for storage) goes with this page: ask first.
            let open = !crate::state::comparison::opened_now().records.is_empty();
            if open
                && !crate::platform::dialog::confirm(t_string!(use_i18n(), compare.leave_confirm))
            {
                crate::platform::address::replace(&Route::Compare);
            } else {
                crate::platform::address::load_build(Build::Facilitator);
            }
            ().into_any()
        }
    }
}
