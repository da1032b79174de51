//! Names of model values in the current language.

use std::fmt::{Display, Write};

use crate::i18n::*;
use crate::model::format::Conventions;
use crate::model::{Area, Period, ResourceKind, Role, Unit};

/// The i18n context type used by every screen.
pub type I18n = leptos_i18n::I18nContext<Locale>;

/// An area's short name.
pub fn area_name(i18n: I18n, area: Area) -> String {
    match area {
        Area::OwnHome => t_string!(i18n, areas.own_home).to_string(),
        Area::Accommodation => t_string!(i18n, areas.accommodation).to_string(),
        Area::DayActivities => t_string!(i18n, areas.day_activities).to_string(),
        Area::LeavingHospital => t_string!(i18n, areas.leaving_hospital).to_string(),
        Area::WholeCommunity => t_string!(i18n, areas.whole_community).to_string(),
    }
}

/// An area's short name in a given language (for side-by-side languages).
pub fn area_name_in(locale: Locale, area: Area) -> String {
    match area {
        Area::OwnHome => td_string!(locale, areas.own_home).to_string(),
        Area::Accommodation => td_string!(locale, areas.accommodation).to_string(),
        Area::DayActivities => td_string!(locale, areas.day_activities).to_string(),
        Area::LeavingHospital => td_string!(locale, areas.leaving_hospital).to_string(),
        Area::WholeCommunity => td_string!(locale, areas.whole_community).to_string(),
    }
}

/// A kind's name: the facilitator's own words, except that the four kinds a
/// workshop starts with, while still unrenamed, are shown in the current language.
pub fn kind_name(i18n: I18n, kind: &ResourceKind) -> String {
    if !kind.has_default_name() {
        return kind.name.clone();
    }
    match kind.id.as_str() {
        "state_money" => t_string!(i18n, default_kinds.state_money).to_string(),
        "other_funding" => t_string!(i18n, default_kinds.other_funding).to_string(),
        "peoples_time" => t_string!(i18n, default_kinds.peoples_time).to_string(),
        "community_resources" => t_string!(i18n, default_kinds.community_resources).to_string(),
        _ => kind.name.clone(),
    }
}

/// A role's name.
pub fn role_name(i18n: I18n, role: Role) -> String {
    match role {
        Role::Citizen => t_string!(i18n, roles.citizen).to_string(),
        Role::FamilyCarer => t_string!(i18n, roles.family_carer).to_string(),
        Role::Commissioner => t_string!(i18n, roles.commissioner).to_string(),
        Role::Provider => t_string!(i18n, roles.provider).to_string(),
        Role::CommunityOrganisation => t_string!(i18n, roles.community_organisation).to_string(),
    }
}

/// A role's short name, for chart labels and table headings.
pub fn role_short_name(i18n: I18n, role: Role) -> String {
    match role {
        Role::Citizen => t_string!(i18n, roles_short.citizen).to_string(),
        Role::FamilyCarer => t_string!(i18n, roles_short.family_carer).to_string(),
        Role::Commissioner => t_string!(i18n, roles_short.commissioner).to_string(),
        Role::Provider => t_string!(i18n, roles_short.provider).to_string(),
        Role::CommunityOrganisation => {
            t_string!(i18n, roles_short.community_organisation).to_string()
        }
    }
}

/// Everyone of a role, in a given language, to begin a sentence: "People who
/// use support", "Commissioners".
pub fn role_plural_in(locale: Locale, role: Role) -> String {
    match role {
        Role::Citizen => td_string!(locale, roles_plural.citizen).to_string(),
        Role::FamilyCarer => td_string!(locale, roles_plural.family_carer).to_string(),
        Role::Commissioner => td_string!(locale, roles_plural.commissioner).to_string(),
        Role::Provider => td_string!(locale, roles_plural.provider).to_string(),
        Role::CommunityOrganisation => {
            td_string!(locale, roles_plural.community_organisation).to_string()
        }
    }
}

/// "per year" / "per month".
pub fn period_name(i18n: I18n, period: Period) -> String {
    match period {
        Period::Year => t_string!(i18n, units.per_year).to_string(),
        Period::Month => t_string!(i18n, units.per_month).to_string(),
    }
}

/// A kind's total for people: "£10,000,000 per year".
pub fn kind_total(i18n: I18n, kind: &ResourceKind) -> String {
    format!(
        "{} {}",
        amount(&kind.unit, kind.total),
        period_name(i18n, kind.period)
    )
}

/// The label of a projected year: "2027/28", or "Year 2" when the date is unreadable.
pub fn year_label(i18n: I18n, date: &str, years_ahead: usize) -> String {
    crate::model::time::financial_year_label(date, years_ahead as i64)
        .unwrap_or_else(|| t_string!(i18n, common.year_n, n = years_ahead).to_string())
}

/// A translation that follows the current language. Every call shares one
/// closure type, so the view code for it is compiled once, not once per key.
pub fn translated(
    i18n: I18n,
    key: fn(Locale) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || key(i18n.get_locale())
}

/// `tr!(i18n, nav.setup)`: a plain (uninterpolated) key as a reactive text or
/// attribute value; see [`translated`].
macro_rules! tr {
    ($i18n:expr, $($key:ident).+) => {
        $crate::ui::labels::translated($i18n, |l| $crate::i18n::td_string!(l, $($key).+))
    };
}
pub(crate) use tr;

/// The language now shown, as the i18n context knows it (English outside it).
/// Read untracked: a new language draws the whole screen again, so every
/// figure picks it up.
fn shown_locale() -> Locale {
    leptos::prelude::use_context::<I18n>()
        .map(|i18n| i18n.get_locale_untracked())
        .unwrap_or_default()
}

thread_local! {
    /// Each language's conventions, read once: a slider tick formats a
    /// dozen figures, and reading them anew each time was a tenth of its cost.
    static CONVENTIONS: std::cell::RefCell<Vec<(Locale, std::rc::Rc<Conventions>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A language's conventions, from its translation file.
pub fn conventions_of(locale: Locale) -> std::rc::Rc<Conventions> {
    CONVENTIONS.with_borrow_mut(|known| {
        if let Some((_, c)) = known.iter().find(|(l, _)| *l == locale) {
            return c.clone();
        }
        let c = std::rc::Rc::new(Conventions::from_parts(
            td_string!(locale, format.thousands),
            td_string!(locale, format.decimal),
            td_string!(locale, format.hours),
            td_string!(locale, format.months),
        ));
        known.push((locale, c.clone()));
        c
    })
}

/// A count's noun in the current language when it is still the default one.
fn shown_unit(unit: &Unit, locale: Locale) -> std::borrow::Cow<'_, Unit> {
    match unit {
        Unit::Count { noun } if noun == crate::model::resource::DEFAULT_COUNT_NOUN => {
            std::borrow::Cow::Owned(Unit::Count {
                noun: td_string!(locale, default_kinds.rooms_and_spaces).to_string(),
            })
        }
        _ => std::borrow::Cow::Borrowed(unit),
    }
}

/// Calls `f` with the shown language's way of writing figures (read from its
/// translation file: a few short strings, cheap beside drawing the figure).
fn with_conventions<T>(f: impl FnOnce(&Conventions, Locale) -> T) -> T {
    let locale = shown_locale();
    f(&conventions_of(locale), locale)
}

/// An amount in the current language: "£1,234,567", "1,200 awr".
pub fn amount(unit: &Unit, steps: i64) -> String {
    with_conventions(|c, l| c.amount(&shown_unit(unit, l), steps))
}

/// A signed change in the current language: "+£120,000".
pub fn change(unit: &Unit, steps: i64) -> String {
    with_conventions(|c, l| c.change(&shown_unit(unit, l), steps))
}

/// A share as a percentage in the current language: "24.5%".
pub fn percent_bp(bp: u32) -> String {
    with_conventions(|c, _| c.percent_bp(bp))
}

/// A share to a tenth of a percent in the current language: "24.3%".
pub fn percent_tenths(bp: u32) -> String {
    with_conventions(|c, _| c.percent_tenths(bp))
}

/// A relative change ("+8%") in the current language.
pub fn relative(english: &str) -> String {
    with_conventions(|c, _| c.relative(english))
}

/// A `YYYY-MM-DD` date in words: "25 November 2026", "25 Tachwedd 2026".
pub fn long_date(date: &str) -> String {
    with_conventions(|c, _| c.long_date(date))
}

/// A sentence with its `{name}` places filled in (the `problem.*` keys, and
/// others with values). These keys mark their places with single braces, so
/// leptos_i18n hands them over as plain text: one small function here, rather than a type and its `Display` per
/// key and language (about 1 KB gzipped on each build). A place without a
/// value stays as written.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, values.iter().find(|(n, _)| *n == &after[..close])?)));
        match value {
            Some((close, (_, value))) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
