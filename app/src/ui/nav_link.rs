//! A link in a navigation bar, marked as the page the user is on (`aria-current="page"`): at
//! its address, or below it unless `exact`. Pages are server HTML, so the mark is worked out
//! once, from the request's path; the router's `<A>` would set up a reactive one per link.

use leptos::prelude::*;

#[component]
pub fn NavLink(
    href: &'static str,
    /// Marked only at `href` itself, not below it (an overview above its own sub-pages).
    #[prop(optional)]
    exact: bool,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let current = is_current(&path, href, exact).then_some("page");
    match class {
        Some(class) => {
            view! { <a href=href aria-current=current class=class>{children()}</a> }.into_any()
        }
        None => view! { <a href=href aria-current=current>{children()}</a> }.into_any(),
    }
}

/// The start page (`/`) is current only at itself; any other link also below its address.
fn is_current(path: &str, href: &str, exact: bool) -> bool {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    if path == href {
        return true;
    }
    !exact
        && href != "/"
        && path
            .strip_prefix(href)
            .is_some_and(|below| below.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_link_is_current_at_its_address_and_below_it() {
        assert!(is_current("/customers", "/customers", false));
        assert!(is_current("/customers/", "/customers", false));
        assert!(is_current("/customers/7/edit", "/customers", false));
        assert!(!is_current("/customers-old", "/customers", false));
        assert!(!is_current("/cart", "/customers", false));
    }

    #[test]
    fn the_start_page_and_exact_links_are_current_only_at_their_address() {
        assert!(is_current("/", "/", false));
        assert!(!is_current("/customers", "/", false));
        assert!(is_current("/admin", "/admin", true));
        assert!(!is_current("/admin/resellers", "/admin", true));
    }
}
