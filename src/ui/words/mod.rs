//! A participant's own words about an area: their notes for each question,
//! and the notes of others they can agree with.

pub mod note_question;
pub mod others_notes;

pub use note_question::NoteQuestion;
pub use others_notes::OthersNotes;
