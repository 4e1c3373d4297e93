//! The signed-in frame: the session, the role guard, the tab bar (bottom on phones, side on
//! desktop), and the pages shown when a URL is not for the caller.

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_location;

use crate::api::auth::current_session;
use crate::domain::{Role, Session};
use crate::offline::Replica;
use crate::offline::service_worker::keep_missing_pages;
use crate::ui::components::{Icon, LanguageSwitch, PageHeader, SyncStatus};
use crate::ui::i18n::t;

/// The signed-in user, read once per page load (blocking, so the server renders with it).
#[derive(Clone, Copy)]
pub struct SessionResource(pub Resource<Option<Session>>);

impl SessionResource {
    pub fn provide() {
        let resource =
            Resource::new_blocking(|| (), |_| async { current_session().await.ok().flatten() });
        provide_context(Self(resource));
    }
}

/// A tab of the navigation.
pub struct Tab {
    pub path: &'static str,
    pub icon: &'static str,
    /// i18n key of its label: a word that fits a phone's tab (a journey checks none is cut).
    pub label: &'static str,
    place: Place,
}

/// Where a tab shows: a phone's bottom bar has room for five labels, the desktop side bar for
/// all; on a phone the others are under "Plus".
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Everywhere,
    /// In the desktop side bar; under "Plus" on a phone.
    SideBar,
    /// "Plus", on a phone only.
    Phone,
}

const fn tab(path: &'static str, icon: &'static str, label: &'static str, place: Place) -> Tab {
    Tab {
        path,
        icon,
        label,
        place,
    }
}

/// The tabs of each role.
fn tabs(role: Role) -> &'static [Tab] {
    match role {
        Role::Shopkeeper => &SHOPKEEPER_TABS,
        Role::Supplier => &SUPPLIER_TABS,
    }
}

use Place::{Everywhere, Phone, SideBar};

static SHOPKEEPER_TABS: [Tab; 7] = [
    tab("/shop", "dashboard", "nav.home", Everywhere),
    tab("/shop/products", "products", "nav.products", Everywhere),
    tab("/shop/orders", "orders", "nav.orders", Everywhere),
    tab("/shop/suppliers", "suppliers", "nav.suppliers", SideBar),
    tab("/shop/alerts", "alerts", "nav.alerts", Everywhere),
    tab("/shop/settings", "settings", "nav.settings", SideBar),
    tab("/shop/more", "more", "nav.more", Phone),
];

static SUPPLIER_TABS: [Tab; 4] = [
    tab("/supplier", "dashboard", "nav.home", Everywhere),
    tab("/supplier/catalog", "catalog", "nav.catalog", Everywhere),
    tab("/supplier/orders", "orders", "nav.orders", Everywhere),
    tab("/supplier/settings", "settings", "nav.settings", Everywhere),
];

/// Screens the dashboard links to, listed under "Plus" too.
static OTHER_SCREENS: [Tab; 2] = [
    tab("/shop/history", "history", "history.title", Phone),
    tab("/shop/stats", "stats", "stats.title", Phone),
];

/// What "Plus" lists on a phone: the tabs its bar has no room for, and the other screens.
pub fn more_links() -> impl Iterator<Item = &'static Tab> {
    SHOPKEEPER_TABS
        .iter()
        .filter(|tab| tab.place == Place::SideBar)
        .chain(&OTHER_SCREENS)
}

/// Guards a role's pages: anonymous visitors go to sign-in, the other role sees "access denied".
#[component]
pub fn RoleArea(role: Role) -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    let location = use_location();
    #[cfg(feature = "ssr")]
    let response = use_context::<leptos_axum::ResponseOptions>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
            {move || {
                #[cfg(feature = "ssr")]
                let response = response.clone();
                let location = location.clone();
                Suspend::new(async move {
                match session.await {
                    None => {
                        let next = location.pathname.get_untracked();
                        view! { <Redirect path=format!("/login?next={}", encode_path(&next))/> }.into_any()
                    }
                    Some(session) if session.role != role => {
                        #[cfg(feature = "ssr")]
                        if let Some(response) = &response {
                            response.set_status(http::StatusCode::FORBIDDEN);
                        }
                        view! { <AccessDenied home=session.role.home()/> }.into_any()
                    }
                    Some(session) => view! { <AppFrame session/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn AppFrame(session: Session) -> impl IntoView {
    let location = use_location();
    let role = session.role;
    let workspace = session.workspace_name.clone();
    if role == Role::Shopkeeper {
        Replica::provide(&session);
    }
    // Every screen of the role opens offline, not only those visited.
    Effect::new(move |_| keep_missing_pages(tabs(role).iter().map(|tab| tab.path)));
    leave_if_ended(&session);
    provide_context(session);
    view! {
        <div class="app-frame">
            <header class="topbar">
                <span class="brand"><Icon name="shop"/>{t("app.name")}</span>
                <span class="workspace">{workspace}</span>
            </header>
            <nav class="tabbar" aria-label=t("nav.label")>
                {tabs(role)
                    .iter()
                    .map(|&Tab { path: href, icon, label, place }| {
                        let current = move || is_in_tab(href, &location.pathname.get()).then_some("page");
                        let place = match place {
                            Place::Everywhere => None,
                            Place::SideBar => Some("side-bar"),
                            Place::Phone => Some("phone"),
                        };
                        view! {
                            <a href=href aria-current=current data-place=place>
                                <Icon name=icon/>
                                <span class="tab-label">{t(label)}</span>
                                {(href == "/shop/alerts").then(|| view! { <UnreadAlerts/> })}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <main class="content">
                <SyncStatus/>
                <Outlet/>
            </main>
        </div>
    }
}

/// Whether `path` belongs to the tab at `href`: its page, the pages under it (not for the
/// dashboards, whose path starts every other), the marketplace for Fournisseurs, and for "Plus"
/// the screens it lists.
fn is_in_tab(href: &str, path: &str) -> bool {
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    let is_dashboard = href.matches('/').count() == 1;
    path == href
        || (!is_dashboard && under(href))
        || (href == "/shop/suppliers" && under("/shop/marketplace"))
        || (href == "/shop/more" && more_links().any(|more| is_in_tab(more.path, path)))
}

/// The number of unread alerts on the Alertes tab (D3), from the replica when the phone holds
/// it (offline too), refreshed at every navigation and sync.
#[component]
fn UnreadAlerts() -> impl IntoView {
    let location = use_location();
    let count = Resource::new(
        move || (location.pathname.get(), Replica::track()),
        |_| Replica::unread_alerts(),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let unread = count.await.unwrap_or(0);
                (unread > 0).then(|| {
                    let label = crate::ui::i18n::t_with("alerts.unread", move || vec![("count", unread.to_string())]);
                    view! { <span class="tab-count" aria-label=label>{unread}</span> }
                })
            })}
        </Transition>
    }
}

#[component]
fn AccessDenied(home: &'static str) -> impl IntoView {
    view! {
        <main class="centered">
            <PageHeader title="denied.title"/>
            <p>{t("denied.text")}</p>
            <a class="button" href=home>{t("denied.back")}</a>
        </main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="centered">
            <LanguageSwitch/>
            <PageHeader title="notfound.title"/>
            <a class="button" href="/">{t("notfound.back")}</a>
        </main>
    }
}

/// `/`: to the caller's home, or to sign-in.
#[component]
pub fn Home() -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let target = session.await.map_or("/login", |s| s.role.home());
                view! { <Redirect path=target/> }
            })}
        </Suspense>
    }
}

/// A page opened offline from the worker's copy carries the session it was rendered with: once
/// that session has ended, the app goes to the sign-in page (which, offline, says that signing
/// in needs the network) instead of opening on the replica (A7).
fn leave_if_ended(session: &Session) {
    #[cfg(feature = "hydrate")]
    {
        let session = session.clone();
        Effect::new(move |_| {
            let now = (js_sys::Date::now() / 1000.0) as i64;
            if session.has_ended(now) {
                go("/login");
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = session;
}

/// Leaves the page with a full load, so the server renders the next one with the new session.
pub fn go(path: &str) {
    #[cfg(feature = "hydrate")]
    let _ = window().location().set_href(path);
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// Percent-encodes what would break a query parameter.
fn encode_path(path: &str) -> String {
    path.chars()
        .map(|c| match c {
            '%' | '&' | '?' | '#' | '+' | ' ' | '=' => format!("%{:02X}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_in_tab;

    #[test]
    fn a_tab_is_current_on_its_pages_and_the_dashboard_only_on_its_own() {
        assert!(is_in_tab("/shop", "/shop"));
        assert!(!is_in_tab("/shop", "/shop/products"));
        assert!(is_in_tab("/shop/products", "/shop/products/import"));
        assert!(!is_in_tab("/shop/products", "/shop/productsx"));
        assert!(is_in_tab("/shop/suppliers", "/shop/marketplace"));
        assert!(is_in_tab("/shop/suppliers", "/shop/marketplace/abc"));
        assert!(!is_in_tab("/shop/orders", "/shop/marketplace"));
        assert!(is_in_tab("/supplier/orders", "/supplier/orders"));
        assert!(is_in_tab("/shop/more", "/shop/settings"));
        assert!(is_in_tab("/shop/more", "/shop/marketplace/abc"));
        assert!(!is_in_tab("/shop/more", "/shop/products"));
        assert!(!is_in_tab("/supplier", "/supplier/catalog"));
    }
}
