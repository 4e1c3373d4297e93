//! Health probes, security headers, compression, and the schema across restarts.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use boutiq::server::{AppState, config::Config};
use common::{TestApp, app, reopen, temp_dir};

#[tokio::test]
async fn health_and_readiness() {
    let app = app().await;
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
    let ready = app.get("/readyz", None).await;
    assert_eq!(
        (ready.status, ready.body.as_str()),
        (StatusCode::OK, "ready")
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_script_nonce() {
    let app = app().await;
    let page = app.get("/login", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP");
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "inline scripts carry the nonce"
    );
    assert_eq!(
        page.headers.get("x-content-type-options").unwrap(),
        "nosniff"
    );
    assert!(page.headers.get("referrer-policy").is_some());
    assert!(page.headers.get("x-request-id").is_some());
    assert!(page.body.contains("lang=\"fr\""), "French by default");
    assert!(page.body.contains("Connexion"));
}

#[tokio::test]
async fn english_is_rendered_when_chosen() {
    let app = app().await;
    let page = app.get("/login", Some("boutiq_lang=en")).await;
    assert!(page.body.contains("lang=\"en\"") && page.body.contains("Sign in"));
}

#[tokio::test]
async fn responses_are_compressed() {
    let app = app().await;
    let request = Request::get("/login")
        .header("accept-encoding", "gzip")
        .body(Body::empty())
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.headers.get("content-encoding").unwrap(), "gzip");
}

#[tokio::test]
async fn data_and_schema_version_survive_a_restart_on_disk() {
    let dir = temp_dir("disk");
    let config = || {
        let mut config = Config::for_tests(dir.clone());
        config.database_url = format!("surrealkv://{}", dir.join("boutiq.db").display());
        config
    };
    {
        let state = AppState::build(config()).await.unwrap();
        let app = TestApp {
            router: boutiq::web::router(state.clone()),
            state,
        };
        app.register("shopkeeper", "awa@example.sn").await;
        assert_eq!(
            app.state.db.schema_version().await.unwrap(),
            boutiq::server::db::SCHEMA_VERSION
        );
    }
    let app = reopen(config).await;
    assert_eq!(
        app.state.db.schema_version().await.unwrap(),
        boutiq::server::db::SCHEMA_VERSION
    );
    assert_eq!(app.count("user").await, 1);
    assert_eq!(
        app.login("awa@example.sn", "boutique2026").await.status,
        StatusCode::OK
    );
    std::fs::remove_dir_all(dir).ok();
}
