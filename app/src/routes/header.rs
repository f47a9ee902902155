use crate::auth::{LogoutButton, ViewerResource};
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn Header() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts();
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{t.app_name}</span>
                <span class="brand-tagline">{t.tagline}</span>
            </a>
            <nav class="main-nav" aria-label=t.nav_label>
                <ul>
                    <li><A href="/">{t.nav_home}</A></li>
                    <AreaLinks/>
                </ul>
            </nav>
            <Account/>
            <LanguageSwitch current=locale/>
        </header>
    }
}

/// The areas of the viewer's role: the administration for the distributor's staff, the
/// customers for resellers (their server functions check the role too).
#[component]
fn AreaLinks() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let viewer = expect_context::<ViewerResource>().0;
    let links = move || {
        Suspend::new(async move {
            let role = viewer.await.ok().flatten().map(|v| v.role);
            role.map(|role| {
                if role.is_distributor_staff() {
                    view! {
                        <li><A href="/admin">{t.nav_admin}</A></li>
                        <li><A href="/products">{t.products.title}</A></li>
                    }
                    .into_any()
                } else {
                    view! {
                        <li><A href="/customers">{t.customers.nav_customers}</A></li>
                        <li><A href="/agreements">{t.agreements.title}</A></li>
                        <li><A href="/products">{t.products.title}</A></li>
                        <li><A href="/cart">{t.cart.title}</A></li>
                        <li><A href="/orders">{t.orders.title}</A></li>
                        <li><A href="/microsoft-customers">{t.partner.customers_title}</A></li>
                        <li><A href="/settings/microsoft">{t.partner.nav}</A></li>
                    }
                    .into_any()
                }
            })
        })
    };
    view! { <Transition fallback=|| ()>{links}</Transition> }
}

/// Who is logged in, with the way out; or the way in.
#[component]
fn Account() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let viewer = expect_context::<ViewerResource>().0;
    let account = move || {
        Suspend::new(async move {
            match viewer.await.ok().flatten() {
                Some(viewer) => view! {
                    <span class="signed-in">
                        <span class="visually-hidden">{t.signed_in_as}" "</span>
                        {viewer.email}
                    </span>
                    <LogoutButton/>
                }
                .into_any(),
                None => view! {
                    <A href="/signup" attr:class="signup-link">{t.accounts.nav_signup}</A>
                    <A href="/login" attr:class="login-link">{t.nav_login}</A>
                }
                .into_any(),
            }
        })
    };
    view! {
        <div class="account">
            <Transition fallback=|| ()>{account}</Transition>
        </div>
    }
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
