//! Single-use links sent by email (signup confirmation, password reset): the form that asks
//! for a new mail. What can be wrong with a link (`error::LinkError`) is shared with the
//! pages that open one.

mod request;

pub use request::{LinkKind, RequestDonePage, RequestLink, RequestPage};
