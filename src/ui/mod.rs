//! Components and screens.

pub mod chart;
pub mod labels;
pub mod layout;
pub mod pages;
pub mod share_editor;
