//! The frame every page shares: document shell, header, footer, 404 and error views.

mod error_view;
mod field;
mod footer;
pub mod form;
mod header;
mod message_page;
mod not_found;
mod notice;
mod pagination;
mod refresh;
mod refusal;
mod shell;
pub mod url;

pub use error_view::ErrorView;
pub use field::Field;
pub use not_found::NotFound;
pub use notice::Notice;
pub use pagination::Pagination;
pub use refresh::Refresh;
pub use refusal::Refusal;
pub use shell::{shell, App};
