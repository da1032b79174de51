//! Opening a live workshop's link on a tablet or the room's screen: the room
//! key and broker come from the link's fragment, which never reaches a server.
//! A bad link says what is wrong and changes nothing on the device.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::live::{Audience, LinkError, LinkPart, LiveLink};
use crate::model::{Timestamp, Workshop};
use crate::platform::address::replace;
use crate::platform::broker::check_address;
use crate::platform::clock;
use crate::route::Route;
use crate::state::live::use_live;
use crate::state::use_app;
use crate::ui::labels::tr;

/// What is wrong with a link, in the current language.
fn link_error(i18n: crate::ui::labels::I18n, error: &LinkError) -> String {
    let part = |p: &LinkPart| match p {
        LinkPart::Workshop => t_string!(i18n, live.part_workshop).to_string(),
        LinkPart::Key => t_string!(i18n, live.part_key).to_string(),
        LinkPart::Facilitator => t_string!(i18n, live.part_facilitator).to_string(),
        LinkPart::Broker => t_string!(i18n, live.part_broker).to_string(),
    };
    match error {
        LinkError::NotALiveLink => t_string!(i18n, live.link_not_live).to_string(),
        LinkError::Missing(LinkPart::Broker) => t_string!(i18n, live.no_broker).to_string(),
        LinkError::Missing(p) => t_string!(i18n, live.link_missing, part = part(p)).to_string(),
        LinkError::Damaged(p) => t_string!(i18n, live.link_damaged, part = part(p)).to_string(),
    }
}

/// Joins the live workshop in `fragment`, or says why it cannot.
#[component]
pub fn LiveJoinPage(
    /// The fragment after `#`.
    fragment: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let live = use_live();
    let outcome = LiveLink::parse_fragment(&fragment)
        .map_err(|e| link_error(i18n, &e))
        .and_then(|link| {
            let typed = LiveLink::broker_in(&fragment).map_err(|e| link_error(i18n, &e))?;
            check_address(&typed)
                .map(|broker| (link, broker))
                .map_err(|e| crate::ui::live_panel::address_error_text(i18n, &e))
        });
    match outcome {
        Ok((link, broker)) => {
            let ours = state.workshop.get_untracked();
            if ours.id != link.workshop {
                // A different workshop on this device is kept aside, not lost
                // (see storage::keep_replaced), and the facilitator's set-up
                // arrives through the broker: stamped at the epoch, so it wins.
                let mut fresh = Workshop::new(
                    link.workshop,
                    clock::now(),
                    clock::today(),
                    &state.catalogue.get_untracked(),
                );
                fresh.setup_updated_at = Timestamp(0);
                state.replace(fresh);
            }
            live.join(&link, broker);
            replace(&match LiveLink::audience_in(&fragment) {
                Audience::RoomScreen => Route::Present(None),
                Audience::Tablet => Route::Tablet {
                    ballot: None,
                    kind: None,
                },
            });
            ().into_any()
        }
        Err(reason) => view! {
            <h1>{tr!(i18n, live.join_failed)}</h1>
            <p class="error-detail" role="alert">{reason}</p>
            <p>{tr!(i18n, live.join_untouched)}</p>
        }
        .into_any(),
    }
}
