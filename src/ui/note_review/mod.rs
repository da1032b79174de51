//! The facilitator moderates participants' notes about one area: every note,
//! newest first, with its question, its author's role (never the name), its
//! agreements and what became of it; Approve, Hide (asked twice, as hiding is
//! final) and Merge; and whether the room's screen waits for approval.

mod approve_first;
mod hidden_row;
mod hide_question;
mod list;
mod merge_picker;
mod moderating;
mod note_row;
mod row;
mod row_actions;

pub use list::NoteReviewList;
