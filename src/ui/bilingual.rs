//! Text on the room's screen in the screen's language and, when the
//! facilitator asks for both, beside it in every other language.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::I18n;

/// A text in the screen's language, and, when `both`, beside it in every
/// other language (each marked with its `lang`).
pub fn in_languages(i18n: I18n, both: bool, text: impl Fn(Locale) -> String) -> AnyView {
    let current = i18n.get_locale();
    if !both {
        return text(current).into_any();
    }
    let others = Locale::get_all()
        .iter()
        .copied()
        .filter(|l| *l != current)
        .map(|l| view! { <span class="bilingual-other" lang=l.as_str()>{text(l)}</span> })
        .collect_view();
    view! { <span class="bilingual"><span>{text(current)}</span>{others}</span> }.into_any()
}
