//! Registers `public/sw.js`, which keeps the app shell and the visited pages for offline use,
//! tells it which page is on screen so its HTML is kept too, and forgets the kept pages at
//! logout.

/// Registers the worker and asks it to keep the current page.
#[cfg(feature = "hydrate")]
pub fn register() {
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let registration = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = JsFuture::from(registration).await {
            web_sys::console::warn_2(&"service worker not registered".into(), &error);
            return;
        }
        keep_current_page().await;
    });
}

/// Asks the active worker to store the HTML of the page on screen (pages reached by in-app
/// navigation never pass through the worker as a full load).
#[cfg(feature = "hydrate")]
pub async fn keep_current_page() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(ready) = window.navigator().service_worker().ready() else {
        return;
    };
    let Ok(registration) = JsFuture::from(ready).await else {
        return;
    };
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    if let Some(worker) = registration.active() {
        let _ = worker.post_message(&href.into());
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn register() {}

/// The worker's cache of pages and API reads (`public/sw.js`): one user's data.
pub const PRIVATE_CACHE: &str = "boutiq-private-v4";

/// Deletes the kept pages and API reads, so the next person on the phone finds nothing of the
/// user who signed out, even offline.
#[cfg(feature = "hydrate")]
pub async fn forget_private_pages() {
    use wasm_bindgen_futures::JsFuture;
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return;
    };
    if let Err(error) = JsFuture::from(caches.delete(PRIVATE_CACHE)).await {
        web_sys::console::warn_2(&"kept pages not deleted".into(), &error);
    }
}

#[cfg(not(feature = "hydrate"))]
pub async fn forget_private_pages() {}
