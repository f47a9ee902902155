//! The frame every page shares: document shell, header, footer, 404 and error views.

mod error_view;
mod field;
mod footer;
mod header;
mod message_page;
mod not_found;
mod notice;
mod shell;

pub use error_view::ErrorView;
pub use field::Field;
pub use not_found::NotFound;
pub use notice::Notice;
pub use shell::{shell, App};
