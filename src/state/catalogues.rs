//! The catalogues of models a build carries inside its module.

/// The catalogues a build carries, as text by language tag. The facilitator's
/// build carries English and Welsh ([`facilitator_catalogues`]); the tablet's
/// none, so 200 tablets do not each download 15 KB that the hosted files
/// already hold (index.html fetches the one it needs beside the module).
pub type BuiltIn = fn(&str) -> Option<&'static str>;

/// The facilitator's build's catalogues: English, and each language whose
/// `public/catalogue.<tag>.json` is listed here.
pub fn facilitator_catalogues(tag: &str) -> Option<&'static str> {
    match tag {
        "en" => Some(crate::model::catalogue::BUILT_IN_CATALOGUE),
        "cy" => Some(include_str!("../../public/catalogue.cy.json")),
        _ => None,
    }
}
