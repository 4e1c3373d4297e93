//! `/sw.js`: the service worker (`public/sw.js`) preceded by what it must keep for the app to
//! open offline — every file of the built bundle (the wasm, its JavaScript and snippet modules,
//! the styles) and the icons — and a version that changes whenever one of them does.
//!
//! The browser installs the worker again when these bytes change, so a new bundle is kept whole
//! under a new name before it replaces the old one (nothing is downloaded again in between), and
//! the snippet modules, whose paths only the build knows, are kept from the first visit.

use std::path::{Path, PathBuf};

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::server::AppState;
use crate::server::bundle::{Bundle, stamp};

/// Files kept besides the bundle under `pkg/`.
const KEPT_BESIDES_THE_BUNDLE: [&str; 3] = [
    "manifest.webmanifest",
    "icons/icon-192.png",
    "icons/icon-512.png",
];

pub async fn script(State(state): State<AppState>) -> Response {
    let root = PathBuf::from(&*state.leptos_options.site_root);
    match tokio::task::spawn_blocking(move || worker_script(&root)).await {
        Ok(Ok(script)) => (
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            script,
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::error!(%error, "service worker not readable");
            StatusCode::NOT_FOUND.into_response()
        }
        Err(error) => {
            tracing::error!(%error, "service worker not built");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `const BUILD = {version, shell};` then the worker's own code. Worked out at each request (the
/// browser asks once a page load): one small file and a dozen file dates, always those of the
/// bundle on disk, also after a rebuild under `cargo leptos watch`. The shell lists the bundle
/// under the addresses the pages load it from (`/v/<version>/pkg/…`).
fn worker_script(root: &Path) -> std::io::Result<String> {
    let code = std::fs::read_to_string(root.join("sw.js"))?;
    let bundle = Bundle::of(root)?;
    let besides: Vec<&str> = KEPT_BESIDES_THE_BUNDLE
        .into_iter()
        .filter(|path| root.join(path).is_file())
        .collect();
    let mut version = Sha256::new();
    version.update(&code);
    version.update(&bundle.version);
    for path in &besides {
        version.update(stamp(root, path)?);
    }
    let shell: Vec<String> = bundle
        .files
        .iter()
        .map(|file| bundle.address(file))
        .chain(besides.iter().map(|path| format!("/{path}")))
        .collect();
    let build = serde_json::json!({
        "version": format!("{:x}", version.finalize())[..16].to_owned(),
        "assets": bundle.root(),
        "shell": shell,
    });
    Ok(format!("const BUILD = {build};\n{code}"))
}
