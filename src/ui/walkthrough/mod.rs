//! The pieces of a walk-through step: the progress through the areas, the
//! good-life question, what people like and dislike, today's figures, the
//! evidence-based model cards, the way on, and the Easy Read step.

mod easy_step;
mod model_card;
mod note_list;
mod step_nav;
mod today;

pub use easy_step::EasyAreaStep;
pub use model_card::ModelCard;
pub use note_list::NoteList;
pub use step_nav::{GoodLifeQuestion, StepNav, StepProgress};
pub use today::TodayFigures;
