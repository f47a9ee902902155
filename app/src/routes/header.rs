use crate::auth::{LogoutButton, Viewer};
use crate::i18n::Locale;
use crate::ui::NavLink;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Header() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts();
    // Asked once per page: the links and the account both follow it.
    let viewer = crate::auth::viewer();
    let role = viewer.as_ref().map(|v| v.role);
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{t.app_name}</span>
                <span class="brand-tagline">{t.tagline}</span>
            </a>
            <nav class="main-nav" aria-label=t.nav_label>
                <ul>
                    <li><NavLink href="/">{t.nav_home}</NavLink></li>
                    {role.map(|role| view! { <AreaLinks role/> })}
                </ul>
            </nav>
            <Account viewer/>
            <LanguageSwitch current=locale/>
        </header>
    }
}

/// The areas of the viewer's role: the administration for the distributor's staff, the
/// customers for resellers (their server functions check the role too).
#[component]
fn AreaLinks(role: kontor_domain::Role) -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    if role.is_distributor_staff() {
        view! {
            <li><NavLink href="/admin">{t.nav_admin}</NavLink></li>
            <li><NavLink href="/products">{t.products.title}</NavLink></li>
        }
        .into_any()
    } else {
        view! {
            <li><NavLink href="/customers">{t.customers.nav_customers}</NavLink></li>
            <li><NavLink href="/agreements">{t.agreements.title}</NavLink></li>
            <li><NavLink href="/products">{t.products.title}</NavLink></li>
            <li><NavLink href="/cart">{t.cart.title}</NavLink></li>
            <li><NavLink href="/orders">{t.orders.title}</NavLink></li>
            <li><NavLink href="/microsoft-customers">{t.partner.customers_title}</NavLink></li>
            <li><NavLink href="/settings/microsoft">{t.partner.nav}</NavLink></li>
        }
        .into_any()
    }
}

/// Who is logged in, with the way out; or the way in.
#[component]
fn Account(viewer: Option<Viewer>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let account = match viewer {
        Some(viewer) => view! {
            <span class="signed-in">
                <span class="visually-hidden">{t.signed_in_as}" "</span>
                {viewer.email}
            </span>
            <LogoutButton/>
        }
        .into_any(),
        None => view! {
            <NavLink href="/signup" class="signup-link">{t.accounts.nav_signup}</NavLink>
            <NavLink href="/login" class="login-link">{t.nav_login}</NavLink>
        }
        .into_any(),
    };
    view! { <div class="account">{account}</div> }
}

/// A plain form: it works without JavaScript, and the server remembers the choice in a cookie
/// and sends the user back to the page they were on.
#[component]
fn LanguageSwitch(current: Locale) -> impl IntoView {
    let location = use_location();
    let back_to = move || {
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{search}", location.pathname.get())
        }
    };
    let buttons = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <button
                    type="submit"
                    name="lang"
                    value=locale.code()
                    lang=locale.code()
                    aria-pressed=(locale == current).to_string()
                >
                    {locale.texts().language_name}
                </button>
            }
        })
        .collect_view();
    view! {
        <form class="language-switch" method="post" action="/language" aria-label=current.texts().language_label>
            <input type="hidden" name="next" value=back_to/>
            {buttons}
        </form>
    }
}
