//! One file per screen.

pub mod allocate;
pub mod data;
pub mod decision;
pub mod participants;
pub mod results;
pub mod setup;
pub mod walkthrough;
