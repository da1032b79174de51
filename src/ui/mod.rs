//! Components and screens.

pub mod agreement_list;
pub mod agreement_text;
pub mod allocate;
pub mod ballot_share;
pub mod chart;
pub mod device_bar;
pub mod easy;
pub mod easy_allocate;
pub mod figures_table;
pub mod kind_tabs;
pub mod labels;
pub mod layout;
pub mod live_panel;
pub mod pages;
pub mod participant_form;
pub mod qr;
pub mod room_controls;
pub mod room_lead;
pub mod save_share;
pub mod setup;
pub mod share_editor;
pub mod shift_list;
pub mod text_field;
pub mod walkthrough;
