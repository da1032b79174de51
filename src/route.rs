//! Screens live in the address's fragment (`#/area/2`), so reloading or opening
//! a copied link lands on the same screen from any folder of any static host,
//! with no server rewrite rules.

use crate::model::partnership::PartnershipCheck;
use crate::model::Id;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Workshop set-up.
    Setup,
    /// The walk-through step for an area (0 to 4).
    Area(usize),
    /// Adding participants.
    Participants,
    /// One participant dividing one resource kind.
    Allocate {
        /// Whose ballot.
        ballot: Id,
        /// Which kind (the first when absent).
        kind: Option<String>,
    },
    /// The room's results for one kind (the first when absent).
    Results(Option<String>),
    /// Recording the agreed decision.
    Decision,
    /// Export and import.
    Data,
    /// The projector's view, for one kind (the first when absent).
    Present(Option<String>),
    /// Pass-the-tablet mode: one tablet handed round a table. With a ballot,
    /// that person is dividing one kind; `Finished` thanks them and hands on.
    Tablet {
        /// Whose turn it is, if anyone's.
        ballot: Option<Id>,
        /// Which kind (the first when absent).
        kind: Option<String>,
    },
    /// Pass-the-tablet mode, after someone has finished.
    TabletFinished,
    /// One participant's partnership check: on the facilitator's device, or
    /// on a passed-round tablet.
    Partnership {
        /// Whose ratings.
        ballot: Id,
        /// Pass-the-tablet mode.
        tablet: bool,
    },
    /// One participant's own words about one area (0 to 4): what a good
    /// life looks like, what they like and do not like today, and the notes
    /// of others they agree with. On the facilitator's device, or on a
    /// passed-round tablet.
    Words {
        /// Whose notes.
        ballot: Id,
        /// Which area.
        area: usize,
        /// Pass-the-tablet mode.
        tablet: bool,
    },
    /// The printable summary.
    Print,
    /// Decisions of many places side by side, from their records.
    Compare,
    /// Several sessions' records made into one workshop.
    Combine,
    /// A join link: a workshop's set-up for a tablet to take part.
    Join(String),
    /// A live workshop's join link: `#w=…&k=…&f=…&b=…`.
    LiveJoin(String),
}

/// The builds of the one app, each a module of its own (ARCHITECTURE.md,
/// "Builds"): a device downloads only the one its screen needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// Joining and a participant's own turn: what 200 tablets download.
    Tablet,
    /// Every screen of running one workshop.
    Facilitator,
    /// Screens that open many decision records at once (comparing places,
    /// combining sessions), needed now and then, after a workshop.
    Records,
}

impl Build {
    /// The name index.html's loader knows this build by.
    pub fn name(self) -> &'static str {
        match self {
            Build::Tablet => "tablet",
            Build::Facilitator => "facilitator",
            Build::Records => "records",
        }
    }
}

impl Route {
    /// The screen where one participant divides a kind on their turn: in the
    /// facilitator's list of people, or on a passed-round tablet.
    pub fn turn(ballot: Id, kind: Option<String>, tablet: bool) -> Route {
        if tablet {
            Route::Tablet {
                ballot: Some(ballot),
                kind,
            }
        } else {
            Route::Allocate { ballot, kind }
        }
    }

    /// A participant's first step once they have said who they are: the
    /// partnership check when the workshop asks it before dividing.
    pub fn first_step(ballot: Id, tablet: bool, check: PartnershipCheck) -> Route {
        match check {
            PartnershipCheck::BeforeAllocation => Route::Partnership { ballot, tablet },
            _ => Route::turn(ballot, None, tablet),
        }
    }

    /// Where finishing the last kind leads: the partnership check when the
    /// workshop asks it after dividing, or else the end of the turn.
    pub fn after_dividing(ballot: Id, tablet: bool, check: PartnershipCheck) -> Route {
        match check {
            PartnershipCheck::AfterAllocation => Route::Partnership { ballot, tablet },
            _ => Route::turn_over(tablet),
        }
    }

    /// Where the partnership check leads: on to dividing when it comes
    /// first, or else the end of the turn.
    pub fn after_partnership(ballot: Id, tablet: bool, check: PartnershipCheck) -> Route {
        match check {
            PartnershipCheck::BeforeAllocation => Route::turn(ballot, None, tablet),
            _ => Route::turn_over(tablet),
        }
    }

    /// The end of a turn: thanks on a passed-round tablet, or back to the
    /// facilitator's list of people.
    pub fn turn_over(tablet: bool) -> Route {
        if tablet {
            Route::TabletFinished
        } else {
            Route::Participants
        }
    }

    /// Whether this screen belongs to pass-the-tablet mode (no facilitator's
    /// navigation, the tablet's own bar).
    pub fn is_tablet(&self) -> bool {
        matches!(
            self,
            Route::Tablet { .. }
                | Route::TabletFinished
                | Route::Partnership { tablet: true, .. }
                | Route::Words { tablet: true, .. }
        )
    }

    /// Whether the tablet's build (the small module that tablets download,
    /// `src/bin/tablet.rs`) shows this screen: joining, and a participant's
    /// own turn. Every other screen needs another build, which the page
    /// loads in its place.
    pub fn in_tablet_build(&self) -> bool {
        self.build() == Build::Tablet
    }

    /// Which build shows this screen. index.html's loader picks the build
    /// with the same rule before the app starts (the table
    /// `tests/fixtures/builds.json` holds both to it).
    pub fn build(&self) -> Build {
        match self {
            Route::Join(_) => Build::Tablet,
            // The room's screen of a live workshop is the presenter.
            Route::LiveJoin(fragment)
                if crate::model::live::LiveLink::audience_in(fragment)
                    == crate::model::live::Audience::Tablet =>
            {
                Build::Tablet
            }
            Route::Compare | Route::Combine => Build::Records,
            _ if self.is_tablet() => Build::Tablet,
            _ => Build::Facilitator,
        }
    }

    /// The joining screen a scanned join link opens, whatever address it
    /// was made on: only its `#…` part counts, so a code can only ever open
    /// a screen of this app, never take the device to another site. `None`
    /// for anything that is not a join link (a ballot code, another site's QR).
    pub fn from_join_link(text: &str) -> Option<Route> {
        let (_, fragment) = text.trim().split_once('#')?;
        match Route::parse(&format!("#{fragment}")) {
            route @ (Route::Join(_) | Route::LiveJoin(_)) => Some(route),
            _ => None,
        }
    }

    /// Reads a fragment such as `#/allocate/<id>/state_money`; anything unknown is set-up.
    pub fn parse(hash: &str) -> Route {
        let fragment = hash.trim_start_matches('#');
        if !fragment.starts_with('/') && crate::model::live::looks_like_live_link(fragment) {
            return Route::LiveJoin(fragment.to_string());
        }
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["area", n] => match n.parse::<usize>() {
                Ok(n) if (1..=5).contains(&n) => Route::Area(n - 1),
                _ => Route::Area(0),
            },
            ["participants"] => Route::Participants,
            ["allocate", id, rest @ ..] => match Id::parse(id) {
                Some(ballot) => Route::Allocate {
                    ballot,
                    kind: rest.first().map(|k| k.to_string()),
                },
                None => Route::Participants,
            },
            ["results"] => Route::Results(None),
            ["results", kind] => Route::Results(Some(kind.to_string())),
            ["decision"] => Route::Decision,
            ["data"] => Route::Data,
            ["present"] => Route::Present(None),
            ["present", kind] => Route::Present(Some(kind.to_string())),
            ["tablet"] => Route::Tablet {
                ballot: None,
                kind: None,
            },
            ["tablet", "finished"] => Route::TabletFinished,
            // A damaged id starts the next turn, with no kind to carry over.
            ["tablet", id, rest @ ..] => match Id::parse(id) {
                Some(ballot) => Route::Tablet {
                    ballot: Some(ballot),
                    kind: rest.first().map(|k| k.to_string()),
                },
                None => Route::Tablet {
                    ballot: None,
                    kind: None,
                },
            },
            ["partnership", id, rest @ ..] => match Id::parse(id) {
                Some(ballot) => Route::Partnership {
                    ballot,
                    tablet: rest.first() == Some(&"tablet"),
                },
                None => Route::Participants,
            },
            // A damaged area is the first; a damaged id has no one's words.
            ["words", id, n, rest @ ..] => match Id::parse(id) {
                Some(ballot) => Route::Words {
                    ballot,
                    area: match n.parse::<usize>() {
                        Ok(n) if (1..=5).contains(&n) => n - 1,
                        _ => 0,
                    },
                    tablet: rest.first() == Some(&"tablet"),
                },
                None => Route::Participants,
            },
            ["print"] => Route::Print,
            ["compare"] => Route::Compare,
            ["combine"] => Route::Combine,
            ["join", code] => Route::Join(code.to_string()),
            _ => Route::Setup,
        }
    }

    /// The fragment for this screen, e.g. `#/area/2`.
    pub fn href(&self) -> String {
        match self {
            Route::Setup => "#/setup".into(),
            Route::Area(i) => format!("#/area/{}", i + 1),
            Route::Participants => "#/participants".into(),
            Route::Allocate { ballot, kind: None } => format!("#/allocate/{ballot}"),
            Route::Allocate {
                ballot,
                kind: Some(k),
            } => format!("#/allocate/{ballot}/{k}"),
            Route::Results(None) => "#/results".into(),
            Route::Results(Some(k)) => format!("#/results/{k}"),
            Route::Decision => "#/decision".into(),
            Route::Data => "#/data".into(),
            Route::Present(None) => "#/present".into(),
            Route::Present(Some(k)) => format!("#/present/{k}"),
            Route::Tablet { ballot: None, .. } => "#/tablet".into(),
            Route::Tablet {
                ballot: Some(b),
                kind: None,
            } => format!("#/tablet/{b}"),
            Route::Tablet {
                ballot: Some(b),
                kind: Some(k),
            } => format!("#/tablet/{b}/{k}"),
            Route::TabletFinished => "#/tablet/finished".into(),
            Route::Partnership {
                ballot,
                tablet: false,
            } => format!("#/partnership/{ballot}"),
            Route::Partnership {
                ballot,
                tablet: true,
            } => format!("#/partnership/{ballot}/tablet"),
            Route::Words {
                ballot,
                area,
                tablet: false,
            } => format!("#/words/{ballot}/{}", area + 1),
            Route::Words {
                ballot,
                area,
                tablet: true,
            } => format!("#/words/{ballot}/{}/tablet", area + 1),
            Route::Print => "#/print".into(),
            Route::Compare => "#/compare".into(),
            Route::Combine => "#/combine".into(),
            Route::Join(code) => format!("#/join/{code}"),
            Route::LiveJoin(fragment) => format!("#{fragment}"),
        }
    }
}
