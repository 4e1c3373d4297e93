//! `<App/>`: the HTML shell, shared contexts (preferences, session), and the routes with their
//! role guards.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::domain::Role;
use crate::ui::auth::{InvitationPage, LoginPage, RegisterPage};
use crate::ui::components::NeedsNetwork;
use crate::ui::layout::{Home, NotFound, RoleArea, SessionResource};
use crate::ui::prefs::Prefs;
use crate::ui::shop::{
    AlertsPage, HistoryPage, ImportPage, MarketSupplierPage, MarketplacePage, MorePage, OrdersPage,
    ProductsPage, ShopDashboard, ShopSettings, StatsPage, SuppliersPage,
};
use crate::ui::supplier::{CatalogPage, InboxPage, SupplierDashboard, SupplierSettings};

/// The document around the app, rendered on the server. Its inline scripts carry a fresh nonce
/// that the page's Content-Security-Policy allows.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos::hydration::{AutoReload, HydrationScripts};
    use leptos_meta::MetaTags;

    crate::server::csp::report_page_nonce();
    let prefs = request_prefs();
    provide_context(prefs);
    use crate::ui::prefs::Choice;
    let (lang, theme, text_size) = (prefs.lang, prefs.theme, prefs.text_size);
    // The bundle under its version's address, which the browser keeps for good (`server::bundle`).
    let bundle = crate::server::bundle::page_root(&options.site_root);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() data-theme=theme.code() data-text-size=text_size.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="theme-color" content="#0f766e"/>
                <meta name="description" content="Boutiq"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" type="image/png" href="/icons/icon-192.png"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <AutoReload options=options.clone()/>
                <link rel="stylesheet" id="leptos" href=format!("{bundle}/pkg/boutiq.css")/>
                <HydrationScripts options root=bundle/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The language, theme and text size the request's cookies ask for.
#[cfg(feature = "ssr")]
fn request_prefs() -> crate::ui::prefs::RequestPrefs {
    use crate::ui::prefs::{RequestPrefs, TEXT_SIZE_COOKIE, THEME_COOKIE};
    let headers = use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    let cookie = |name| crate::server::auth::cookie(&headers, name).unwrap_or_default();
    RequestPrefs::from_cookies(
        &cookie(crate::i18n::LANG_COOKIE),
        &cookie(THEME_COOKIE),
        &cookie(TEXT_SIZE_COOKIE),
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Prefs::provide();
    SessionResource::provide();

    view! {
        <Title text="Boutiq"/>
        <Router>
            <KeepVisitedPages/>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home/>
                <Route path=path!("/login") view=LoginPage/>
                <Route path=path!("/register") view=RegisterPage/>
                <Route path=path!("/invitation/:token") view=InvitationPage/>
                <ParentRoute path=path!("/shop") view=|| view! { <RoleArea role=Role::Shopkeeper/> }>
                    <Route path=path!("") view=ShopDashboard/>
                    <Route path=path!("products") view=ProductsPage/>
                    <Route path=path!("products/import") view=|| view! { <NeedsNetwork><ImportPage/></NeedsNetwork> }/>
                    <Route path=path!("orders") view=OrdersPage/>
                    <Route path=path!("suppliers") view=SuppliersPage/>
                    <Route path=path!("marketplace") view=|| view! { <NeedsNetwork><MarketplacePage/></NeedsNetwork> }/>
                    <Route path=path!("marketplace/:id") view=|| view! { <NeedsNetwork><MarketSupplierPage/></NeedsNetwork> }/>
                    <Route path=path!("alerts") view=AlertsPage/>
                    <Route path=path!("settings") view=ShopSettings/>
                    <Route path=path!("more") view=MorePage/>
                    <Route path=path!("history") view=|| view! { <NeedsNetwork><HistoryPage/></NeedsNetwork> }/>
                    <Route path=path!("stats") view=|| view! { <NeedsNetwork><StatsPage/></NeedsNetwork> }/>
                </ParentRoute>
                <ParentRoute path=path!("/supplier") view=|| view! { <RoleArea role=Role::Supplier/> }>
                    <Route path=path!("") view=SupplierDashboard/>
                    <Route path=path!("catalog") view=CatalogPage/>
                    <Route path=path!("orders") view=InboxPage/>
                    <Route path=path!("settings") view=SupplierSettings/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// After every in-app navigation, asks the service worker to keep the page for offline use.
#[component]
fn KeepVisitedPages() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        #[cfg(feature = "hydrate")]
        if previous.is_some_and(|p| p != path) {
            leptos::task::spawn_local(crate::offline::service_worker::keep_current_page());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = previous;
        path
    });
}
