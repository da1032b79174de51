//! One file per screen.

pub mod allocate;
pub mod combine;
pub mod compare;
pub mod data;
pub mod decision;
pub mod live_join;
pub mod participants;
pub mod partnership;
pub mod presenter;
pub mod print;
pub mod results;
pub mod setup;
pub mod tablet;
pub mod walkthrough;
pub mod words;
