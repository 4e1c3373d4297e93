//! Boutiq: stock management and supplier marketplace for small shops.
//! Built twice: as the server (`ssr`) and as the WebAssembly that hydrates its pages (`hydrate`).

pub mod api;
pub mod app;
pub mod domain;
pub mod i18n;
pub mod offline;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod web;

/// The browser entry point: hydrates the server-rendered page, then starts the service worker.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    offline::service_worker::register();
    // Lets tests (and the curious) know the page is interactive.
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
