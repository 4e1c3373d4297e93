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

/// Files kept besides the bundle under `pkg/`.
const KEPT_BESIDES_THE_BUNDLE: [&str; 3] = [
    "manifest.webmanifest",
    "icons/icon-192.png",
    "icons/icon-512.png",
];

/// The bundle's files the browser loads (not its type declarations, nor precompressed twins).
const BUNDLE_EXTENSIONS: [&str; 3] = ["js", "wasm", "css"];

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
/// bundle on disk, also after a rebuild under `cargo leptos watch`.
fn worker_script(root: &Path) -> std::io::Result<String> {
    let code = std::fs::read_to_string(root.join("sw.js"))?;
    let mut shell = bundle_files(&root.join("pkg"), "pkg")?;
    shell.sort();
    shell.extend(
        KEPT_BESIDES_THE_BUNDLE
            .iter()
            .filter(|path| root.join(path).is_file())
            .map(|path| path.to_string()),
    );
    let mut version = Sha256::new();
    version.update(&code);
    for path in &shell {
        let metadata = std::fs::metadata(root.join(path))?;
        let modified = metadata
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        version.update(format!(
            "{path}\0{}\0{}\0",
            metadata.len(),
            modified.as_nanos()
        ));
    }
    let build = serde_json::json!({
        "version": format!("{:x}", version.finalize())[..16].to_owned(),
        "shell": shell.iter().map(|path| format!("/{path}")).collect::<Vec<_>>(),
    });
    Ok(format!("const BUILD = {build};\n{code}"))
}

/// The bundle's files under `dir`, as site paths starting with `prefix`.
fn bundle_files(dir: &Path, prefix: &str) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{prefix}/{name}");
        if entry.file_type()?.is_dir() {
            files.extend(bundle_files(&entry.path(), &path)?);
        } else if is_loaded_by_the_browser(&name) {
            files.push(path);
        }
    }
    Ok(files)
}

fn is_loaded_by_the_browser(name: &str) -> bool {
    !name.ends_with(".d.ts")
        && Path::new(name)
            .extension()
            .is_some_and(|extension| BUNDLE_EXTENSIONS.iter().any(|e| extension == *e))
}

#[cfg(test)]
mod tests {
    use super::is_loaded_by_the_browser;

    #[test]
    fn the_bundle_is_what_the_browser_loads() {
        for name in ["boutiq.js", "boutiq.wasm", "boutiq.css", "replica.js"] {
            assert!(is_loaded_by_the_browser(name), "{name}");
        }
        for name in [
            "boutiq.d.ts",
            "boutiq_bg.wasm.d.ts",
            "boutiq.wasm.br",
            "boutiq.js.gz",
        ] {
            assert!(!is_loaded_by_the_browser(name), "{name}");
        }
    }
}
