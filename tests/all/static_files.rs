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
    // A file carries its version: the service worker asks again (HEAD) and downloads the file
    // only when it changed, the browser revalidates it (304).
    let head = axum::http::Request::head("/pkg/boutiq.wasm")
        .body(axum::body::Body::empty())
        .unwrap();
    let head = tower::ServiceExt::oneshot(app.router.clone(), head)
        .await
        .unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    let version = head.headers()["last-modified"].clone();
    let revalidation = axum::http::Request::get("/pkg/boutiq.wasm")
        .header("if-modified-since", version)
        .body(axum::body::Body::empty())
        .unwrap();
    let revalidation = tower::ServiceExt::oneshot(app.router.clone(), revalidation)
        .await
        .unwrap();
    assert_eq!(revalidation.status(), StatusCode::NOT_MODIFIED);
    let missing = app.get("/pkg/missing.wasm", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let page = app.get("/no/such/page", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains("<html"), "the app's page: {}", page.body);
}
