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
    // A file is always answered whole, whatever conditions or ranges the request carries; it
    // carries its version, which the service worker compares (HEAD) before downloading again.
    let request = axum::http::Request::get("/pkg/boutiq.wasm")
        .header("if-modified-since", "Sun, 06 Dec 2099 00:00:00 GMT")
        .header("range", "bytes=0-1")
        .body(axum::body::Body::empty())
        .unwrap();
    let reply = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let head = axum::http::Request::head("/pkg/boutiq.wasm")
        .body(axum::body::Body::empty())
        .unwrap();
    let head = tower::ServiceExt::oneshot(app.router.clone(), head)
        .await
        .unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert!(head.headers().contains_key("last-modified"));
    let missing = app.get("/pkg/missing.wasm", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let page = app.get("/no/such/page", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains("<html"), "the app's page: {}", page.body);
}
