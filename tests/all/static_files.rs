//! The site's files (bundle, icons, service worker) are served as they are, whatever the pages
//! around them answered; any other path gets the app's "page not found".

use axum::http::StatusCode;

use crate::common::{app_with, temp_dir};

#[tokio::test]
async fn site_files_keep_their_own_status_and_other_paths_are_not_found() {
    let root = temp_dir("site");
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/boutiq.wasm"), b"\0asm-test").unwrap();
    let app = app_with(|config| config.site_root = root.to_string_lossy().into_owned()).await;
    for _ in 0..3 {
        // A page refused with a client error, then the bundle it loads: the file is a 200.
        let page = app
            .get(&format!("/invitation/{}", "0".repeat(64)), None)
            .await;
        assert!(
            page.status.is_client_error() || page.status.is_success(),
            "{}",
            page.status
        );
        let file = app.get("/pkg/boutiq.wasm", None).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.body, "\0asm-test");
    }
    // A file is always answered whole, whatever conditions or ranges the request carries.
    let request = axum::http::Request::get("/pkg/boutiq.wasm")
        .header("if-modified-since", "Sun, 06 Dec 2099 00:00:00 GMT")
        .header("range", "bytes=0-1")
        .body(axum::body::Body::empty())
        .unwrap();
    let reply = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let missing = app.get("/pkg/missing.wasm", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let page = app.get("/no/such/page", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains("<html"), "the app's page: {}", page.body);
}

/// The `BUILD` object the server puts before the worker's code.
fn build_of(script: &str) -> serde_json::Value {
    let line = script.lines().next().unwrap();
    let json = line
        .strip_prefix("const BUILD = ")
        .and_then(|rest| rest.strip_suffix(';'))
        .unwrap_or_else(|| panic!("no BUILD line: {line}"));
    serde_json::from_str(json).unwrap()
}

#[tokio::test]
async fn the_service_worker_keeps_every_file_of_the_bundle_and_changes_with_it() {
    let root = temp_dir("site-worker");
    let snippets = root.join("pkg/snippets/boutiq-1a2b/src/offline");
    std::fs::create_dir_all(&snippets).unwrap();
    std::fs::create_dir_all(root.join("icons")).unwrap();
    std::fs::write(
        root.join("sw.js"),
        "self.addEventListener(\"install\", () => {});\n",
    )
    .unwrap();
    std::fs::write(root.join("pkg/boutiq.wasm"), b"\0asm-1").unwrap();
    std::fs::write(root.join("pkg/boutiq.js"), "export {}").unwrap();
    std::fs::write(root.join("pkg/boutiq.css"), "body{}").unwrap();
    std::fs::write(root.join("pkg/boutiq.d.ts"), "").unwrap();
    std::fs::write(snippets.join("replica.js"), "export {}").unwrap();
    std::fs::write(root.join("manifest.webmanifest"), "{}").unwrap();
    std::fs::write(root.join("icons/icon-192.png"), b"png").unwrap();
    let app = app_with(|config| config.site_root = root.to_string_lossy().into_owned()).await;

    let first = app.get("/sw.js", None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first
            .body
            .ends_with("self.addEventListener(\"install\", () => {});\n")
    );
    let build = build_of(&first.body);
    let assets = build["assets"].as_str().unwrap().to_owned();
    assert!(assets.starts_with("/v/"), "{assets}");
    assert_eq!(
        build["shell"],
        serde_json::json!([
            format!("{assets}/pkg/boutiq.css"),
            format!("{assets}/pkg/boutiq.js"),
            format!("{assets}/pkg/boutiq.wasm"),
            format!("{assets}/pkg/snippets/boutiq-1a2b/src/offline/replica.js"),
            "/manifest.webmanifest",
            "/icons/icon-192.png",
        ])
    );
    assert_eq!(
        build_of(&app.get("/sw.js", None).await.body),
        build,
        "the same build, the same worker"
    );

    // A new bundle: a new version, so the browser installs the worker again and keeps it whole.
    std::fs::write(root.join("pkg/boutiq.wasm"), b"\0asm-2, longer").unwrap();
    let rebuilt = build_of(&app.get("/sw.js", None).await.body);
    assert_ne!(rebuilt["version"], build["version"]);
    assert_ne!(
        rebuilt["assets"], build["assets"],
        "a new address for the new bundle"
    );
    let moved = |shell: &serde_json::Value, assets: &serde_json::Value| {
        let assets = assets.as_str().unwrap();
        shell
            .as_array()
            .unwrap()
            .iter()
            .map(|path| path.as_str().unwrap().replace(assets, ""))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        moved(&rebuilt["shell"], &rebuilt["assets"]),
        moved(&build["shell"], &build["assets"]),
        "the same files"
    );
}

/// The `href` or `src` that follows `attribute` in `html`.
fn address_after<'a>(html: &'a str, attribute: &str) -> &'a str {
    let start = html
        .find(attribute)
        .unwrap_or_else(|| panic!("no {attribute} in {html}"))
        + attribute.len();
    let end = start + html[start..].find('"').unwrap();
    &html[start..end]
}

#[tokio::test]
async fn pages_load_the_bundle_at_its_version_address_which_the_browser_keeps_for_good() {
    let root = temp_dir("site-versioned");
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/boutiq.wasm"), b"\0asm-1").unwrap();
    std::fs::write(root.join("pkg/boutiq.css"), "body{}").unwrap();
    // What `cargo leptos build --release --precompress` writes beside each file.
    std::fs::write(root.join("pkg/boutiq.wasm.br"), b"brotli of asm-1").unwrap();
    let app = app_with(|config| config.site_root = root.to_string_lossy().into_owned()).await;

    let page = app.get("/login", None).await;
    let css = address_after(&page.body, "rel=\"stylesheet\" id=\"leptos\" href=\"").to_owned();
    let (assets, file) = css.rsplit_once("/pkg/").unwrap();
    assert!(assets.starts_with("/v/") && file == "boutiq.css", "{css}");
    assert!(
        page.body
            .contains(&format!("href=\"{assets}/pkg/boutiq.wasm\"")),
        "the wasm preloaded from the same address: {}",
        page.body
    );

    let styles = app.get(&css, None).await;
    assert_eq!(styles.status, StatusCode::OK);
    assert_eq!(styles.body, "body{}");
    assert_eq!(
        styles.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let wasm = app
        .send(
            axum::http::Request::get(format!("{assets}/pkg/boutiq.wasm"))
                .header("accept-encoding", "br")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(wasm.headers["content-encoding"], "br");
    assert_eq!(
        wasm.body, "brotli of asm-1",
        "the file compressed at build time"
    );

    // Answered whole, whatever conditions or ranges the request carries (see `whole_file`).
    let conditional = app
        .send(
            axum::http::Request::get(&css)
                .header("if-modified-since", "Sun, 06 Dec 2099 00:00:00 GMT")
                .header("range", "bytes=0-1")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(conditional.status, StatusCode::OK);
    assert_eq!(conditional.body, "body{}");

    // A page of an older version gets today's file, without the promise that it never changes.
    let stale = app.get("/v/0123456789abcdef/pkg/boutiq.css", None).await;
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!(stale.headers["cache-control"], "no-cache");
    let missing = app.get(&format!("{assets}/pkg/missing.js"), None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let outside = app.get(&format!("{assets}/pkg/../sw.js"), None).await;
    assert_eq!(outside.status, StatusCode::NOT_FOUND);

    // A file too large for a browser's cache entry (a debug wasm) is not promised forever.
    let large = vec![b'x'; boutiq::server::bundle::KEPT_FOREVER_UP_TO as usize + 1];
    std::fs::write(root.join("pkg/boutiq.js"), &large).unwrap();
    let page = app.get("/login", None).await;
    let script = address_after(&page.body, "rel=\"modulepreload\" href=\"").to_owned();
    assert!(script.ends_with("/pkg/boutiq.js"), "{script}");
    let reply = app.get(&script, None).await;
    assert_eq!(reply.body.len(), large.len());
    assert_eq!(reply.headers["cache-control"], "no-cache");

    // A new build: a new address, and the plain `/pkg/` address is never kept for good.
    std::fs::write(root.join("pkg/boutiq.css"), "body{color:red}").unwrap();
    let rebuilt = app.get("/login", None).await;
    assert!(!rebuilt.body.contains(assets), "{}", rebuilt.body);
    assert_eq!(
        app.get("/pkg/boutiq.css", None).await.headers["cache-control"],
        "no-cache"
    );
}
