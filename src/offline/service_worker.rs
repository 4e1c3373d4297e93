//! Registers `public/sw.js`, which keeps the app shell and the visited pages for offline use,
//! tells it which page is on screen (and, after sign-in, every screen of the role) so their HTML
//! is kept too, and forgets the kept pages at
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
    if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
        post_to_worker(href.into()).await;
    }
}

/// Asks the worker to fetch and keep the pages at `paths` it does not hold yet, so that every
/// screen of the role opens offline after sign-in.
pub fn keep_missing_pages(paths: impl IntoIterator<Item = &'static str>) {
    #[cfg(feature = "hydrate")]
    {
        let missing: js_sys::Array = paths.into_iter().map(wasm_bindgen::JsValue::from).collect();
        let message = js_sys::Object::new();
        if js_sys::Reflect::set(&message, &"missing".into(), &missing).is_ok() {
            wasm_bindgen_futures::spawn_local(post_to_worker(message.into()));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = paths.into_iter();
}

#[cfg(feature = "hydrate")]
async fn post_to_worker(message: wasm_bindgen::JsValue) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else {
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
        let _ = worker.post_message(&message);
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn register() {}

/// The worker's cache of pages (`public/sw.js`): one user's data.
pub const PRIVATE_CACHE: &str = "boutiq-private-v7";

/// Deletes the kept pages, so the next person on the phone finds nothing of the
/// user who signed out, even offline: the worker forgets them first (and stores nothing more it
/// fetched before), then the page deletes the cache too, in case no worker controls it.
#[cfg(feature = "hydrate")]
pub async fn forget_private_pages() {
    use wasm_bindgen_futures::JsFuture;
    let _ = JsFuture::from(worker::ask_worker_to_forget()).await;
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return;
    };
    if let Err(error) = JsFuture::from(caches.delete(PRIVATE_CACHE)).await {
        web_sys::console::warn_2(&"kept pages not deleted".into(), &error);
    }
}

#[cfg(feature = "hydrate")]
mod worker {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/offline/service_worker.js")]
    extern "C" {
        #[wasm_bindgen(js_name = askWorkerToForget)]
        pub fn ask_worker_to_forget() -> js_sys::Promise;
    }
}

#[cfg(not(feature = "hydrate"))]
pub async fn forget_private_pages() {}
