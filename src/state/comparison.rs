//! The comparison of places opened on this device, and how it is looked at.
//! Kept outside any screen, so drawing the screen again (a change of language
//! or Easy Read) or a visit to another screen keeps it; never saved (a
//! comparison of 100 records is far larger than the browser's storage: it is
//! saved as a file). Only the facilitator's build names it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{
    Area, ComparisonProblem, ImportError, KindMapping, OpenedComparison, Outcome, PlaceFilter,
    PlaceOrder, Workshop,
};

/// What is wrong with one of the files picked.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// The file did not open at all.
    Whole(ImportError),
    /// Part of it (a record or a match made by hand) did not; the rest did.
    Part(ComparisonProblem),
}

/// A file picked, and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedFile {
    /// The file's name, as the person picked it.
    pub file: String,
    /// What is wrong, and where.
    pub problem: FileProblem,
}

/// The records opened so far, the kinds matched by hand, and what did not open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Opened {
    /// Every valid record, in the order opened (the comparison orders places itself).
    pub records: Arc<Vec<Workshop>>,
    /// The kinds matched by hand.
    pub mapping: KindMapping,
    /// Each problem of each file, in the order the files came.
    pub refused: Vec<RefusedFile>,
}

impl Opened {
    /// Takes what one file held: its valid records and its matches made by
    /// hand join the comparison, and its problems are listed under its name.
    pub fn absorb(&mut self, file: &str, opened: Result<OpenedComparison, ImportError>) {
        match opened {
            Ok(o) => {
                if !o.records.is_empty() {
                    Arc::make_mut(&mut self.records).extend(o.records);
                }
                self.mapping.pairs.extend(o.mapping.pairs);
                self.refused
                    .extend(o.problems.into_iter().map(|p| RefusedFile {
                        file: file.to_string(),
                        problem: FileProblem::Part(p),
                    }));
            }
            Err(e) => self.refused.push(RefusedFile {
                file: file.to_string(),
                problem: FileProblem::Whole(e),
            }),
        }
    }
}

/// How the comparison is looked at: the order and filters of places, the
/// areas shown, and which of each place's splits the chart and the
/// sentences follow.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// The order of places.
    pub order: PlaceOrder,
    /// Which places are shown.
    pub filter: PlaceFilter,
    /// The areas shown.
    pub areas: Vec<Area>,
    /// The split the chart and "where places agree" follow.
    pub outcome: Outcome,
}

impl Default for CompareView {
    fn default() -> Self {
        CompareView {
            order: PlaceOrder::Date,
            filter: PlaceFilter::default(),
            areas: Area::ALL.to_vec(),
            outcome: Outcome::Decision,
        }
    }
}

#[derive(Clone)]
struct Store {
    opened: ArcRwSignal<Opened>,
    view: ArcRwSignal<CompareView>,
}

thread_local! {
    static STORE: Store = Store {
        opened: ArcRwSignal::new(Opened::default()),
        view: ArcRwSignal::new(CompareView::default()),
    };
}

/// The comparison's signals, for a screen to read and change.
#[derive(Clone, Copy)]
pub struct CompareState {
    /// What is open.
    pub opened: RwSignal<Opened>,
    /// How it is looked at.
    pub view: RwSignal<CompareView>,
}

/// The comparison's signals (the same ones on every call).
pub fn use_comparison() -> CompareState {
    STORE.with(|s| CompareState {
        opened: s.opened.clone().into(),
        view: s.view.clone().into(),
    })
}

/// What is open now, read outside any screen (a file being read may
/// outlast the screen that started it).
pub fn opened_now() -> Opened {
    STORE.with(|s| s.opened.get_untracked())
}

/// Puts what is open in place, outside any screen (see [`opened_now`]).
pub fn set_opened(opened: Opened) {
    STORE.with(|s| s.opened.set(opened));
}
