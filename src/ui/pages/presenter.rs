//! The room's screen for a projector: per area, today against the room's
//! average and each role's, how far people who use support and commissioners
//! are apart, and how many have taken part; or, when the facilitator
//! chooses, one area's notes from participants as a wall of cards. Large
//! type, high contrast, and it follows the facilitator's window live.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::agreement::{headlines, Agreement};
use crate::model::note_wall::{note_wall, NoteWall};
use crate::model::partnership_results::{partnership_results, PartnershipResults};
use crate::model::{
    aggregate, Area, AreaShares, KindAggregate, Measure, ResourceKind, Role, RoomControls,
    RoomLead, Workshop,
};
use crate::platform::address::app_address;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::agreement_text::agreement_sentence;
use crate::ui::bilingual::in_languages;
use crate::ui::chart::area_bars;
use crate::ui::join_code::{BigCode, JoinCode};
use crate::ui::labels::{area_name, area_name_in};
use crate::ui::note_wall::NoteWallPanel;
use crate::ui::partnership::chart::PartnershipPanels;
use crate::ui::room_bars::RoomBars;
use crate::ui::shift_list::ShiftList;

/// The workshop the room sees: the copy kept when the facilitator froze the
/// screen, or else the live one.
#[derive(Clone, Copy)]
struct Shown {
    frozen: Memo<Option<Workshop>>,
    live: RwSignal<Workshop>,
}

impl Shown {
    fn with<T>(self, f: impl FnOnce(&Workshop) -> T) -> T {
        self.frozen.with(|frozen| match frozen {
            Some(w) => f(w),
            None => self.live.with(f),
        })
    }
}

/// The presenter screen.
#[component]
pub fn PresenterPage(
    /// Which kind to show (the first when absent or unknown).
    kind: Option<String>,
) -> impl IntoView {
    let state = use_app();
    // While frozen, the picture stays as it was when the facilitator froze it.
    // Only then is the workshop copied: a room of 1,000 is not cloned per tick.
    let frozen: Memo<Option<Workshop>> = Memo::new(move |previous: Option<&Option<Workshop>>| {
        state.workshop.with(|current| {
            if !current.room.frozen {
                return None;
            }
            match previous {
                Some(Some(p)) if p.id == current.id => {
                    let mut kept = p.clone();
                    kept.room = current.room.clone();
                    Some(kept)
                }
                _ => Some(current.clone()),
            }
        })
    });
    let shown = Shown {
        frozen,
        live: state.workshop,
    };
    let aggregates = Memo::new(move |_| shown.with(aggregate));
    let shown_kind = Memo::new(move |_| shown.with(|w| w.kind_or_first(kind.as_deref())));
    let kinds = Memo::new(move |_| shown.with(|w| w.kinds.clone()));
    // Memos, so a tick that moves one ballot redraws only the charts.
    let count = Memo::new(move |_| shown.with(|w| w.ballots.len()));
    let both = Memo::new(move |_| shown.with(|w| w.room.both_languages));
    let name = Memo::new(move |_| shown.with(|w| w.name.clone()));
    let is_frozen = Memo::new(move |_| shown.with(|w| w.room.frozen));
    let room = Memo::new(move |_| shown.with(|w| w.room.clone()));
    // Worked out only while the screen leads with them (memos are lazy).
    let partnership = Memo::new(move |_| shown.with(partnership_results));
    let decision = Memo::new(move |_| {
        let id = shown_kind.get();
        shown.with(|w| {
            Some((
                w.kind(&id)?.clone(),
                *w.agreed_decision.as_ref()?.shares.get(&id)?,
            ))
        })
    });
    // Only while the screen leads with people's words (memos are lazy).
    let wall = Memo::new(move |_| {
        let area = room.with(|r| r.words_area.unwrap_or(Area::ALL[0]));
        shown.with(|w| note_wall(w, area, true))
    });
    let link_text = app_address();
    // The code carries the set-up, so a tablet that scans it joins this workshop.
    let live = crate::state::live::use_live();
    let join_address = state.join_address();
    let link = Memo::new(move |_| {
        // In a live workshop the code joins the room through the broker.
        live.join_link(&app_address(), false)
            .unwrap_or_else(|| join_address.get())
    });
    let big_code = RwSignal::new(false);
    big_code_on_q(big_code);
    // The areas' grid has a sixth cell, and the join code takes it; the other
    // leads keep it in the header.
    let in_grid = Memo::new(move |_| {
        room.with(|r| matches!(r.lead, RoomLead::Average | RoomLead::FairSplit))
    });
    let link_words = link_text.clone();
    let join = move || {
        view! { <JoinCode link=link link_text=link_text.clone() both=both.into() on_big=Callback::new(move |()| big_code.set(true)) /> }
    };
    let join_in_header = move || {
        view! { <JoinCode compact=true link=link link_text=link_words.clone() both=both.into() on_big=Callback::new(move |()| big_code.set(true)) /> }
    };
    view! {
        <div class="presenter">
            <header class="presenter-head">
                <PresenterTitle name=name count=count both=both is_frozen=is_frozen />
                {move || (!in_grid.get()).then(join_in_header.clone())}
            </header>
            // Notes are about an area, not a kind: the wall has no use for the tabs.
            <Show when=move || room.with(|r| r.lead != RoomLead::Words)>
                <crate::ui::kind_tabs::KindTabs
                    kinds=kinds.into()
                    current=shown_kind.into()
                    to=Callback::new(|id| Route::Present(Some(id)))
                />
            </Show>
            <AreaGrid aggregates=aggregates shown_kind=shown_kind room=room partnership=partnership decision=decision wall=wall join=ViewFn::from(join) />
            {move || big_code.get().then(|| view! { <BigCode link=link on_close=Callback::new(move |()| big_code.set(false)) /> })}
        </div>
    }
}

/// "Q" (or a tap on the code) shows the join code full screen, large enough
/// to scan from the back of a hall; "Q" again or Escape puts it away.
fn big_code_on_q(big_code: RwSignal<bool>) {
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.ctrl_key() || e.alt_key() || e.meta_key() {
            return;
        }
        match e.key().as_str() {
            "q" | "Q" => big_code.update(|b| *b = !*b),
            "Escape" => big_code.set(false),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
}

/// The workshop's name, how many have taken part, and whether the picture is paused.
#[component]
fn PresenterTitle(
    name: Memo<String>,
    count: Memo<usize>,
    both: Memo<bool>,
    is_frozen: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="presenter-title">
            // A long name ends in an ellipsis on one line; the whole of it is its title.
            <h1 title=move || name.get()>
                {move || {
                    let name = name.get();
                    if name.trim().is_empty() { t_string!(i18n, app.untitled).to_string() } else { name }
                }}
            </h1>
            <p class="presenter-count" aria-live="polite">
                {move || {
                    let n = count.get();
                    in_languages(i18n, both.get(), move |l| td_string!(l, presenter.count, count = n).to_string())
                }}
            </p>
            {move || is_frozen.get().then(|| view! {
                <p class="presenter-frozen">{in_languages(i18n, both.get(), |l| td_string!(l, presenter.frozen).to_string())}</p>
            })}
        </div>
    }
}

/// The five areas of the shown kind: a chart each, or a note that the
/// facilitator has hidden it for now.
#[component]
fn AreaGrid(
    /// The room's figures, every kind.
    aggregates: Memo<Vec<KindAggregate>>,
    /// The kind shown.
    shown_kind: Memo<String>,
    /// What the room may see.
    room: Memo<RoomControls>,
    /// The room's partnership check.
    partnership: Memo<PartnershipResults>,
    /// The shown kind and its agreed split, if a decision is recorded.
    decision: Memo<Option<(ResourceKind, AreaShares)>>,
    /// The wall of the area the room is talking about.
    wall: Memo<NoteWall>,
    /// The join code, in the grid's sixth cell.
    join: ViewFn,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let id = shown_kind.get();
        let agg = aggregates.with(|a| a.iter().find(|a| a.kind_id == id).cloned())?;
        let room = room.get();
        let measure = match room.lead {
            RoomLead::Agreement => {
                return Some(view! { <Headlines agg=agg room=room /> }.into_any());
            }
            RoomLead::Shift => {
                return Some(
                    view! { <DecisionShift decision=decision.get() both=room.both_languages /> }
                        .into_any(),
                );
            }
            RoomLead::Partnership => {
                return Some(view! { <PartnershipPanels results=partnership.get() both=room.both_languages /> }.into_any());
            }
            RoomLead::Words => {
                return Some(view! { <NoteWallPanel wall=wall.get() role=room.words_role both=room.both_languages /> }.into_any());
            }
            RoomLead::FairSplit => Measure::FairSplit,
            RoomLead::Average => Measure::Average,
        };
        Some(
            view! {
                <div class="presenter-grid">
                    {Area::ALL
                        .into_iter()
                        .map(|area| {
                            if room.is_visible(area) {
                                view! { <AreaPanel area=area agg=agg.clone() both=room.both_languages measure=measure /> }.into_any()
                            } else {
                                view! {
                                    <section class="presenter-panel hidden-panel">
                                        <h2>{in_languages(i18n, room.both_languages, move |l| area_name_in(l, area))}</h2>
                                        <p>{in_languages(i18n, room.both_languages, |l| td_string!(l, presenter.hidden).to_string())}</p>
                                    </section>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()}
                    {join.run()}
                </div>
            }
            .into_any(),
        )
    }
}

/// The agreed decision for one kind, as what goes down to pay for what goes
/// up; or that none is recorded yet.
#[component]
fn DecisionShift(decision: Option<(ResourceKind, AreaShares)>, both: bool) -> impl IntoView {
    let i18n = use_i18n();
    let body = match decision {
        Some((kind, to)) => view! { <ShiftList kind=kind to=to /> }.into_any(),
        _ => view! { <p class="headline-none">{in_languages(i18n, both, |l| td_string!(l, presenter.no_decision).to_string())}</p> }
            .into_any(),
    };
    view! {
        <section class="presenter-headlines presenter-shift" aria-labelledby="shift-heading">
            <h2 id="shift-heading">{in_languages(i18n, both, |l| td_string!(l, presenter.shift_heading).to_string())}</h2>
            {body}
        </section>
    }
}

/// The room's headlines for one kind: where every role wants more or less,
/// and where the roles divide, most striking first; only revealed areas.
#[component]
fn Headlines(agg: KindAggregate, room: RoomControls) -> impl IntoView {
    let i18n = use_i18n();
    let both = room.both_languages;
    let items: Vec<_> = headlines(std::slice::from_ref(&agg))
        .into_iter()
        .filter(|h| room.is_visible(h.area.area))
        .map(|h| {
            let class = if matches!(h.area.agreement, Agreement::Divide { .. }) {
                "headline headline-divide"
            } else {
                "headline headline-all"
            };
            view! { <li class=class>{in_languages(i18n, both, move |l| agreement_sentence(l, &h.area))}</li> }
        })
        .collect();
    let none = items.is_empty().then(|| {
        view! { <p class="headline-none">{in_languages(i18n, both, |l| td_string!(l, agree.none).to_string())}</p> }
    });
    view! {
        <section class="presenter-headlines" aria-labelledby="headlines-heading">
            <h2 id="headlines-heading">{in_languages(i18n, both, |l| td_string!(l, presenter.headlines).to_string())}</h2>
            <ul>{items}</ul>
            {none}
        </section>
    }
}

/// One area on the projector: bars and the gap between two key roles.
#[component]
fn AreaPanel(area: Area, agg: KindAggregate, both: bool, measure: Measure) -> impl IntoView {
    let i18n = use_i18n();
    let bars = area_bars(
        i18n,
        &agg,
        area,
        match measure {
            Measure::Average => t_string!(i18n, presenter.everyone).to_string(),
            Measure::FairSplit => t_string!(i18n, presenter.everyone_fair).to_string(),
        },
        measure,
    );
    // The gap follows what the screen leads with, as the bars do.
    let gap = agg
        .gap_by(measure, Role::Citizen, Role::Commissioner, area)
        .map(|g| {
            in_languages(i18n, both, move |l| {
                let points = crate::ui::labels::conventions_of(l)
                    .percent_tenths(g.unsigned_abs() as u32)
                    .trim_end_matches('%')
                    .to_string();
                if g == 0 {
                    td_string!(l, presenter.gap_none).to_string()
                } else if g > 0 {
                    td_string!(l, presenter.gap_citizens_more, points = points).to_string()
                } else {
                    td_string!(l, presenter.gap_commissioners_more, points = points).to_string()
                }
            })
        });
    let title = area_name(i18n, area);
    let chart_title = t_string!(i18n, presenter.chart_title, area = title.clone()).to_string();
    view! {
        <section class="presenter-panel">
            <h2>{in_languages(i18n, both, move |l| area_name_in(l, area))}</h2>
            <RoomBars title=chart_title bars=bars />
            {gap.map(|g| view! { <p class="gap">{g}</p> })}
        </section>
    }
}
