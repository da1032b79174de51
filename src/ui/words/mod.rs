//! A participant's own words about an area: their notes for each question,
//! and the notes of others they can agree with; in Easy Read, one question
//! at a time with pictures, others' notes one at a time, and "Listen".

pub mod easy_others;
pub mod easy_words;
pub mod listen;
pub mod note_question;
pub mod other_note;
pub mod others_notes;

pub use easy_words::EasyWords;
pub use note_question::NoteQuestion;
pub use others_notes::OthersNotes;
