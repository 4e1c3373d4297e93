//! The built bundle (the wasm, its JavaScript and snippet modules, the styles under `pkg/`) and
//! its version. Pages load it under `/v/<version>/pkg/…`, answered with a year's
//! `Cache-Control: immutable`: a new build has a new address, so the browser never asks again
//! for a file it holds. On 3G the bundle is the page's weight (issue 13): without this, the page
//! after sign-in and the service worker's install each downloaded it once more.
//!
//! The same files under `/pkg/…` stay served `no-cache` (pages of an older version, the
//! development server's reload).

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, Request, Response, header};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::server::AppState;

/// The bundle's folder in the site root, and in its addresses.
const PKG: &str = "pkg";

/// What the browser may keep without asking again: the address changes with the content.
const FOREVER: &str = "public, max-age=31536000, immutable";

/// The largest file promised forever. Chromium keeps an entry of its cache only up to a share of
/// the cache's size: promised forever, the 44 MB debug wasm was read back cut from a test
/// browser's in-memory cache and the page's wasm aborted ("Response body loading was aborted";
/// checked with and without this limit). The release wasm is 4.4 MB.
pub const KEPT_FOREVER_UP_TO: u64 = 16 * 1024 * 1024;

/// The bundle's files the browser loads (not its type declarations, nor precompressed twins).
const BUNDLE_EXTENSIONS: [&str; 3] = ["js", "wasm", "css"];

/// The bundle on disk: its files (site paths such as `pkg/boutiq.wasm`, sorted) and a version
/// that changes whenever one of them does.
pub struct Bundle {
    pub files: Vec<String>,
    pub version: String,
}

impl Bundle {
    /// Read at each use (a dozen file dates): always the bundle on disk, also after a rebuild
    /// under `cargo leptos watch`. A site without a bundle (the Rust tests) has no files.
    pub fn of(root: &Path) -> std::io::Result<Bundle> {
        let mut files = match bundle_files(&root.join(PKG), PKG) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            other => other?,
        };
        files.sort();
        let mut version = Sha256::new();
        for path in &files {
            version.update(stamp(root, path)?);
        }
        let version = format!("{:x}", version.finalize())[..16].to_owned();
        Ok(Bundle { files, version })
    }

    /// The address the pages load the bundle under (`/v/<version>`, before `/pkg/…`).
    pub fn root(&self) -> String {
        format!("/v/{}", self.version)
    }

    /// The address of one of its files (`pkg/boutiq.wasm` → `/v/<version>/pkg/boutiq.wasm`).
    pub fn address(&self, file: &str) -> String {
        format!("{}/{file}", self.root())
    }
}

/// A file's path, size and date: what a build that rewrites it changes.
pub fn stamp(root: &Path, path: &str) -> std::io::Result<String> {
    let metadata = std::fs::metadata(root.join(path))?;
    let modified = metadata
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(format!(
        "{path}\0{}\0{}\0",
        metadata.len(),
        modified.as_nanos()
    ))
}

/// The bundle's root for the page being rendered; without a readable bundle, the plain `/pkg/`.
pub fn page_root(site_root: &str) -> String {
    Bundle::of(Path::new(site_root))
        .map(|bundle| bundle.root())
        .unwrap_or_default()
}

/// `GET /v/{version}/pkg/{file}`: the file (brotli or gzip from disk when the build wrote them),
/// kept forever when `version` is the bundle's own. A page of an older version gets today's file
/// without that promise.
pub async fn serve(
    State(state): State<AppState>,
    UrlPath((version, file)): UrlPath<(String, String)>,
    request: Request<Body>,
) -> Response<Body> {
    let root = PathBuf::from(&*state.leptos_options.site_root);
    let current = {
        let root = root.clone();
        tokio::task::spawn_blocking(move || Bundle::of(&root))
            .await
            .ok()
            .and_then(Result::ok)
            .is_some_and(|bundle| bundle.version == version)
    };
    let (mut parts, body) = whole_file(request).into_parts();
    parts.uri = format!("/{file}").parse().unwrap_or_default();
    let mut response = ServeDir::new(root.join(PKG))
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(Request::from_parts(parts, body))
        .await
        .map(|response| response.map(Body::new))
        .unwrap_or_else(|never| match never {});
    let small = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok()?.parse::<u64>().ok())
        .is_some_and(|bytes| bytes <= KEPT_FOREVER_UP_TO);
    if current && small && response.status().is_success() {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(FOREVER));
    }
    response
}

/// A file request without its conditions or ranges: the answer is the whole file.
pub fn whole_file(mut request: Request<Body>) -> Request<Body> {
    for name in [
        header::IF_NONE_MATCH,
        header::IF_MODIFIED_SINCE,
        header::IF_MATCH,
        header::IF_UNMODIFIED_SINCE,
        header::IF_RANGE,
        header::RANGE,
    ] {
        request.headers_mut().remove(name);
    }
    request
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
