//! Registers `public/sw.js`, which keeps the app shell and the visited pages for offline use,
//! and tells it which page is on screen so its HTML is kept too.

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
