//! Easy Read widgets: areas' plain names, one-line descriptions and pictures,
//! the progress through the five areas, and big figures that can be counted.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, ResourceKind, Unit};
use crate::ui::labels::{percent_bp, I18n};

/// An area's Easy Read name.
pub fn easy_area_name(i18n: I18n, area: Area) -> String {
    match area {
        Area::OwnHome => t_string!(i18n, easy.own_home),
        Area::Accommodation => t_string!(i18n, easy.accommodation),
        Area::DayActivities => t_string!(i18n, easy.day_activities),
        Area::LeavingHospital => t_string!(i18n, easy.leaving_hospital),
        Area::WholeCommunity => t_string!(i18n, easy.whole_community),
    }
    .to_string()
}

/// One short sentence on what an area is.
pub fn easy_area_about(i18n: I18n, area: Area) -> String {
    match area {
        Area::OwnHome => t_string!(i18n, easy.own_home_about),
        Area::Accommodation => t_string!(i18n, easy.accommodation_about),
        Area::DayActivities => t_string!(i18n, easy.day_activities_about),
        Area::LeavingHospital => t_string!(i18n, easy.leaving_hospital_about),
        Area::WholeCommunity => t_string!(i18n, easy.whole_community_about),
    }
    .to_string()
}

/// A share to the nearest whole percent: Easy Read's big figures ("41%"); the
/// exact figure stays in the supporter's line.
pub fn whole_percent(bp: u32) -> String {
    percent_bp((bp + 50) / 100 * 100)
}

/// The picture of an area, shipped in `public/icons`.
pub fn area_icon(area: Area) -> String {
    format!("./icons/{}.svg", area.id())
}

/// The picture of a kind of resource.
pub fn kind_icon(kind: &ResourceKind) -> &'static str {
    match kind.unit {
        Unit::Money => "./icons/money.svg",
        Unit::Hours => "./icons/time.svg",
        Unit::Count { .. } => "./icons/community_resources.svg",
    }
}

/// "Part 2 of 5" and the five areas' pictures, the current one framed.
#[component]
pub fn EasyProgress(area: Area) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="easy-progress">{t_string!(i18n, easy.area_n, n = area.index() + 1).to_string()}</p>
        <ol class="easy-dots" aria-hidden="true">
            {Area::ALL.into_iter().map(|a| view! {
                <li class:current=a == area><img src=area_icon(a) alt="" width="32" height="32" /></li>
            }).collect_view()}
        </ol>
    }
}

/// A bar of 20 blocks, one per 5 in every 100, so a share can be seen and
/// counted without reading a number.
#[component]
pub fn Blocks(bp: u32) -> impl IntoView {
    let filled = ((bp + 250) / 500).min(20) as usize;
    view! {
        <div class="blocks" aria-hidden="true">
            {(0..20).map(|i| view! { <span class="block" class:filled=i < filled></span> }).collect_view()}
        </div>
    }
}
