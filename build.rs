//! Generates the i18n module from `locales/*.json` (checked at compile time).
use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    // Only the browser app uses translations; host builds (model tests) skip it.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // Every `locales/<tag>.json` is a language: adding a file adds a language.
    let mut others: Vec<String> = std::fs::read_dir("locales")?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let tag = name.strip_suffix(".json")?.to_string();
            (tag != "en").then_some(tag)
        })
        .collect();
    others.sort();
    let infos = TranslationsInfos::parse(
        Config::new("en")?
            .add_locales(others)?
            .parse_options(ParseOptions::default().interpolate_display(true)),
    )?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
