//! Leaf components every page may use: the footer, 404 and error views, fields and the form
//! kit, notices, pagination, status badges. They know no capability (the frame and routes are in `routes`).

mod agreement_badge;
mod error_view;
mod field;
mod footer;
pub mod form;
mod message_page;
mod nav_link;
mod not_found;
mod notice;
mod pagination;
mod refresh;
mod refusal;
pub mod url;

pub use agreement_badge::AgreementBadge;
pub use error_view::ErrorView;
pub use field::Field;
pub use footer::Footer;
pub use nav_link::NavLink;
pub use not_found::NotFound;
pub use notice::Notice;
pub use pagination::Pagination;
pub use refresh::{reload_page, ReloadWhileBusy};
pub use refusal::Refusal;
