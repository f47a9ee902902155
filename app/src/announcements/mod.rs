//! Announcements: what the distributor tells its resellers (news, updates, maintenance,
//! promotions, price lists, guides), written by staff in German and English Markdown and shown
//! on the resellers' start page in their window; a maintenance with a time window also shows as
//! a banner from a day before it starts until it ends.

mod actions;
mod editor;
mod form;
mod list;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{DeleteAnnouncement, SaveAnnouncement};
pub use editor::AnnouncementEditorPage;
pub use form::{parse_announcement, AnnouncementDraft, AnnouncementField, AnnouncementForm};
pub use list::AnnouncementsPage;

use kontor_domain::AnnouncementKind;
use serde::{Deserialize, Serialize};

/// A line of the administration's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementSummary {
    pub id: i64,
    pub kind: AnnouncementKind,
    /// The German title.
    pub title: String,
    pub visible_from: i64,
    pub visible_until: Option<i64>,
    pub maintenance: Option<(i64, i64)>,
    pub pinned: bool,
}

/// An announcement as a reseller reads it, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: i64,
    pub kind: AnnouncementKind,
    pub title: String,
    /// The Markdown body as HTML that can do no harm (rendered and cleaned on the server).
    pub body_html: String,
    pub published_at: i64,
    pub maintenance: Option<(i64, i64)>,
    pub pinned: bool,
}

/// A maintenance due within a day or under way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Banner {
    pub title: String,
    pub starts: i64,
    pub ends: i64,
}

/// What resellers see now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub announcements: Vec<Announcement>,
    pub banners: Vec<Banner>,
}
