//! "Compare places": decision records of many workshops opened together, and
//! what each place decided side by side. The page is `pages/compare.rs`;
//! every figure comes from `model::compare` and `model::compare_view`.

pub mod agree_across;
pub mod area_choice;
pub mod compare_chart;
pub mod compare_table;
pub mod export;
pub mod kind_matching;
pub mod kind_section;
pub mod open_records;
pub mod place_headlines;
pub mod refused_files;
pub mod style;
pub mod view_controls;
pub mod words;
