//! Starting the server: the configuration it needs (none: the defaults are built in), the
//! session secret it refuses, and what development changes in a page's policy.

use crate::common;

use axum::http::StatusCode;
use boutiq::server::{AppState, config::Config};
use common::{app, app_with, temp_dir};

/// The repository's `Leptos.toml`, which is also the built-in defaults.
const REPO_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/Leptos.toml");

#[test]
fn the_server_is_configured_without_a_leptos_toml() {
    let missing = temp_dir("no-config").join("Leptos.toml");
    let defaults = Config::load(&missing).expect("no file: the defaults");
    assert_eq!(
        defaults,
        Config::load(REPO_FILE.as_ref()).unwrap(),
        "the defaults are the repository's Leptos.toml"
    );
    let dir = temp_dir("empty-config");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Leptos.toml"), "").unwrap();
    assert_eq!(Config::load(&dir.join("Leptos.toml")).unwrap(), defaults);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_leptos_toml_with_one_key_changes_only_that_key() {
    let dir = temp_dir("one-key-config");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("Leptos.toml");
    std::fs::write(&path, "# this site only\nalert_sweep_minutes = 5\n").unwrap();
    let config = Config::load(&path).unwrap();
    let defaults = Config::load(REPO_FILE.as_ref()).unwrap();
    assert_eq!(config.alert_sweep_minutes, 5);
    assert_eq!(
        Config {
            alert_sweep_minutes: defaults.alert_sweep_minutes,
            ..config
        },
        defaults
    );
    std::fs::write(&path, "alert_sweep_minute = 5\n").unwrap();
    let err = Config::load(&path).unwrap_err();
    assert!(
        err.contains("alert_sweep_minute"),
        "a misspelt key is named: {err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_short_session_secret_stops_the_start() {
    let mut config = Config::for_tests(temp_dir("short-secret"));
    config.jwt_secret = Some("s3cret".into());
    let Err(error) = AppState::build(config).await else {
        panic!("started with a 6-byte secret");
    };
    assert!(error.contains("32"), "{error}");
}

/// The `connect-src` of a page's Content-Security-Policy.
async fn page_connect_src(app: &common::TestApp) -> String {
    let page = app.get("/login", None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        policy.contains("'nonce-"),
        "the page's own policy: {policy}"
    );
    policy
        .split(';')
        .map(str::trim)
        .find(|directive| directive.starts_with("connect-src"))
        .unwrap_or_else(|| panic!("no connect-src: {policy}"))
        .to_owned()
}

#[tokio::test]
async fn pages_may_open_the_reload_socket_only_in_development() {
    assert_eq!(page_connect_src(&app().await).await, "connect-src 'self'");
    let development = app_with(|config| config.development = true).await;
    assert_eq!(
        page_connect_src(&development).await,
        "connect-src 'self' ws://127.0.0.1:3001 ws://localhost:3001"
    );
}
