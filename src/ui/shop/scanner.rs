//! "Scanner" (B7): the camera reads EAN-13 / EAN-8 / Code 128 / QR codes (the browser's
//! BarcodeDetector where it has one, otherwise the zxing decoder compiled to wasm, loaded on first
//! use from `/vendor/zxing`; see `scan.js` beside this file). The code can also be typed.

use leptos::html::Video;
use leptos::prelude::*;

use crate::ui::components::{Modal, TextField};
use crate::ui::i18n::t;

#[cfg(feature = "hydrate")]
mod camera {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/ui/shop/scan.js")]
    extern "C" {
        /// Resolves with the first code read; rejects with Error('camera' | 'stopped' | 'decoder').
        #[wasm_bindgen(js_name = startScan)]
        fn start_scan(video: &web_sys::HtmlVideoElement) -> js_sys::Promise;
        #[wasm_bindgen(js_name = stopScan)]
        pub fn stop_scan();
    }

    /// The code read, or why the camera could not read one.
    pub async fn scan(video: &web_sys::HtmlVideoElement) -> Result<String, String> {
        match wasm_bindgen_futures::JsFuture::from(start_scan(video)).await {
            Ok(text) => text.as_string().ok_or_else(|| "decoder".to_owned()),
            Err(error) => Err(js_sys::Error::from(error)
                .message()
                .as_string()
                .unwrap_or_default()),
        }
    }
}

/// Opens the camera while shown; `on_code` receives the code read or typed.
#[component]
pub fn Scanner(
    #[prop(into)] on_code: Callback<String>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let video = NodeRef::<Video>::new();
    let failure = RwSignal::new(None::<&'static str>);
    let typed = RwSignal::new(String::new());
    let no_error = Signal::derive(|| None::<String>);

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(element) = video.get() else { return };
        leptos::task::spawn_local(async move {
            match camera::scan(&element).await {
                Ok(code) => on_code.run(code),
                Err(reason) if reason == "stopped" => {}
                Err(reason) if reason == "camera" => failure.set(Some("scanner.no_camera")),
                Err(_) => failure.set(Some("scanner.failed")),
            }
        });
    });
    #[cfg(feature = "hydrate")]
    on_cleanup(camera::stop_scan);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = typed.get_untracked().trim().to_owned();
        if !code.is_empty() {
            on_code.run(code);
        }
    };
    view! {
        <Modal title="scanner.title" on_close>
            <div class="scanner">
                <video node_ref=video class="scanner-video" muted=true playsinline=true aria-label=t("scanner.camera")></video>
                <p class="muted" role="status">{move || match failure.get() {
                    Some(key) => t(key)(),
                    None => t("scanner.aim")(),
                }}</p>
            </div>
            <form class="inline-form" on:submit=submit novalidate>
                <TextField id="scanner-code" label="scanner.type_code" value=typed error=no_error input_mode="numeric"/>
                <button type="submit" class="button">{t("products.search.go")}</button>
            </form>
        </Modal>
    }
}
