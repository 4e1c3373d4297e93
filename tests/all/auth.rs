//! Accounts, sessions and role guards, through the real router on an in-memory database.

use crate::common;

use axum::http::StatusCode;
use common::{app, app_with, op_id, register_body};
use serde_json::json;

#[tokio::test]
async fn shopkeeper_registers_with_a_first_shop_and_is_signed_in() {
    let app = app().await;
    let reply = app
        .post(
            "/api/auth/register",
            register_body("shopkeeper", "Awa@Example.SN", "boutique2026"),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let session = reply.json();
    assert_eq!(session["role"], "shopkeeper");
    assert_eq!(session["email"], "awa@example.sn");
    assert_eq!(session["workspace_name"], "Boutique Awa");
    let set_cookie = reply.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );

    let users = app
        .rows("SELECT email, password_hash, role FROM user")
        .await;
    assert_eq!(users.len(), 1);
    assert!(
        users[0]["password_hash"]
            .as_str()
            .unwrap()
            .starts_with("$argon2id$")
    );
    let shops = app.rows("SELECT out.name AS name FROM owns").await;
    assert_eq!(shops, vec![json!({ "name": "Boutique Awa" })]);
    assert_eq!(app.count("supplier_profile").await, 0);
}

#[tokio::test]
async fn supplier_registers_with_a_profile_and_no_shop() {
    let app = app().await;
    let cookie = app.register("supplier", "moussa@grossiste.sn").await;
    assert_eq!(app.count("shop").await, 0);
    let profile = app.get("/api/supplier/profile", Some(&cookie)).await;
    assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
    assert_eq!(profile.json()["company_name"], "Boutique Awa");
    assert_eq!(profile.json()["is_verified"], false);
}

#[tokio::test]
async fn bad_registrations_say_which_field_and_write_nothing() {
    let app = app().await;
    let cases = [
        (
            register_body("shopkeeper", "awa@example", "boutique2026"),
            "email",
            "error.email.invalid",
        ),
        (
            register_body("shopkeeper", "awa@example.sn", "short1"),
            "password",
            "error.password.too_short",
        ),
        (
            register_body("shopkeeper", "awa@example.sn", "onlyletters"),
            "password",
            "error.password.letters_and_digits",
        ),
        (
            json!({ "op": op_id(), "input": { "role": "supplier", "name": " ", "email": "a@b.sn", "password": "abcd1234", "workspace_name": "X" } }),
            "name",
            "error.field.required",
        ),
        (
            json!({ "op": op_id(), "input": { "name": "A", "email": "a@b.sn", "password": "abcd1234", "workspace_name": "X" } }),
            "role",
            "error.role.required",
        ),
    ];
    for (body, field, code) in cases {
        let reply = app.post("/api/auth/register", body, None).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
        assert_eq!(
            reply.json(),
            json!({ "kind": "invalid", "field": field, "code": code })
        );
    }
    assert_eq!(app.count("user").await, 0);
    assert_eq!(app.count("shop").await, 0);
    assert_eq!(app.count("operation").await, 0);
}

#[tokio::test]
async fn duplicate_email_is_refused_next_to_the_email_field() {
    let app = app().await;
    app.register("shopkeeper", "awa@example.sn").await;
    let reply = app
        .post(
            "/api/auth/register",
            register_body("supplier", "AWA@example.sn", "boutique2026"),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert_eq!(
        reply.json(),
        json!({ "kind": "conflict", "field": "email", "code": "error.email.taken" })
    );
    assert_eq!(app.count("user").await, 1);
    assert_eq!(
        app.count("supplier_profile").await,
        0,
        "the failed sign-up left nothing behind"
    );
}

#[tokio::test]
async fn a_replayed_registration_is_applied_once() {
    let app = app().await;
    let body = register_body("shopkeeper", "awa@example.sn", "boutique2026");
    let first = app.post("/api/auth/register", body.clone(), None).await;
    let again = app.post("/api/auth/register", body, None).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(first.json()["user_id"], again.json()["user_id"]);
    assert_eq!(app.count("user").await, 1);
    assert_eq!(app.count("shop").await, 1);
    assert_eq!(app.count("operation").await, 1);
}

#[tokio::test]
async fn login_logout_and_session() {
    let app = app().await;
    app.register("shopkeeper", "awa@example.sn").await;

    let reply = app.login("awa@example.sn", "boutique2026").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cookie = reply.session_cookie();

    let session = app.get("/api/auth/session", Some(&cookie)).await;
    assert_eq!(session.json()["name"], "Awa Diallo");
    // The page learns when the session ends (A7: a page kept offline stops opening then).
    let ttl = app.state.config.session_ttl_hours * 3600;
    let ends = chrono::Utc::now().timestamp() + ttl;
    for answer in [reply.json(), session.json()] {
        let expires_at = answer["expires_at"].as_i64().unwrap_or_default();
        assert!((ends - 60..=ends).contains(&expires_at), "{answer}");
    }
    assert_eq!(app.get("/api/auth/session", None).await.json(), json!(null));
    assert_eq!(
        app.get(
            "/api/auth/session",
            Some("boutiq_session=forged.token.value")
        )
        .await
        .json(),
        json!(null)
    );

    let out = app
        .post("/api/auth/logout", json!({ "op": op_id() }), Some(&cookie))
        .await;
    assert_eq!(out.status, StatusCode::OK, "{}", out.body);
    let cleared = out.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        cleared.starts_with("boutiq_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = app().await;
    app.register("shopkeeper", "awa@example.sn").await;
    for (email, password) in [
        ("awa@example.sn", "wrongpass1"),
        ("nobody@example.sn", "boutique2026"),
    ] {
        let reply = app.login(email, password).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.body);
        assert_eq!(reply.json(), json!({ "kind": "wrong_credentials" }));
        assert!(reply.headers.get("set-cookie").is_none());
    }
    let malformed = app.login("awa", "x").await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json()["field"], "email");
}

#[tokio::test]
async fn login_is_rate_limited_per_account() {
    let app = app().await;
    app.register("shopkeeper", "awa@example.sn").await;
    for _ in 0..5 {
        assert_eq!(
            app.login("awa@example.sn", "wrongpass1").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Even the right password waits until the window has passed.
    let limited = app.login("awa@example.sn", "boutique2026").await;
    assert_eq!(
        limited.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        limited.body
    );
    assert_eq!(
        limited.json(),
        json!({ "kind": "rate_limited", "retry_after_secs": 60 })
    );
    assert_eq!(limited.headers.get("retry-after").unwrap(), "60");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_wrong_passwords_get_no_more_checks_than_the_limit() {
    let app = app().await;
    app.register("shopkeeper", "awa@example.sn").await;
    let limit = app.state.config.login_max_failures_per_account as usize;

    let attempts = (0..30).map(|_| app.login("awa@example.sn", "wrongpass1"));
    let replies = futures::future::join_all(attempts).await;
    let statuses: Vec<_> = replies.iter().map(|r| r.status.as_u16()).collect();
    let checked = replies
        .iter()
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .inspect(|r| assert_eq!(r.json(), json!({ "kind": "wrong_credentials" })))
        .count();
    let refused = replies
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked + refused, 30, "{statuses:?}");
    assert!(
        checked <= limit,
        "{checked} password checks for a limit of {limit}"
    );
    assert_eq!(
        checked, limit,
        "the places of the limit were all used: {statuses:?}"
    );
    let failures = app
        .rows("SELECT id FROM login_failure WHERE key = 'account:awa@example.sn'")
        .await;
    assert_eq!(failures.len(), limit);

    // The right password waits too, until the window has passed.
    assert_eq!(
        app.login("awa@example.sn", "boutique2026").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_successful_sign_in_gives_back_its_place_under_the_limits() {
    let app = app_with(|c| {
        c.trust_forwarded_for = true;
        c.login_max_failures_per_ip = 2;
    })
    .await;
    app.register("shopkeeper", "awa@example.sn").await;
    assert_eq!(
        app.login("awa@example.sn", "wrongpass1").await.status,
        StatusCode::UNAUTHORIZED
    );
    // Each attempt holds a place under the IP's limit while its password is checked; a good
    // one gives it back, so signing in again and again is never limited.
    for _ in 0..3 {
        let reply = app.login("awa@example.sn", "boutique2026").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    assert_eq!(
        app.login("other@example.sn", "wrongpass1").await.status,
        StatusCode::UNAUTHORIZED,
        "second failure from the IP"
    );
    assert_eq!(
        app.login("awa@example.sn", "boutique2026").await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the IP's two places are taken by failures"
    );
}

#[tokio::test]
async fn login_is_rate_limited_per_ip() {
    let app = app_with(|c| {
        c.trust_forwarded_for = true;
        c.login_max_failures_per_ip = 3;
    })
    .await;
    for i in 0..3 {
        assert_eq!(
            app.login(&format!("user{i}@example.sn"), "wrongpass1")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.login("other@example.sn", "wrongpass1").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn each_role_is_refused_the_other_roles_functions() {
    let app = app().await;
    let shopkeeper = app.register("shopkeeper", "awa@example.sn").await;
    let supplier = app.register("supplier", "moussa@grossiste.sn").await;

    assert_eq!(
        app.get("/api/shops/mine", Some(&shopkeeper)).await.status,
        StatusCode::OK
    );
    let refused = app.get("/api/shops/mine", Some(&supplier)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json(), json!({ "kind": "forbidden" }));
    assert_eq!(
        app.get("/api/supplier/profile", Some(&shopkeeper))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    for path in ["/api/shops/mine", "/api/supplier/profile"] {
        let anonymous = app.get(path, None).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(anonymous.json(), json!({ "kind": "unauthorized" }));
    }
}

#[tokio::test]
async fn a_shopkeeper_sees_only_its_own_shop() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let body = json!({ "op": op_id(), "input": { "role": "shopkeeper", "name": "Fatou", "email": "fatou@example.sn", "password": "boutique2026", "workspace_name": "Chez Fatou" } });
    let fatou = app
        .post("/api/auth/register", body, None)
        .await
        .session_cookie();
    let awa_shops = app.get("/api/shops/mine", Some(&awa)).await.json();
    let fatou_shops = app.get("/api/shops/mine", Some(&fatou)).await.json();
    assert_eq!(awa_shops.as_array().unwrap().len(), 1);
    assert_eq!(awa_shops[0]["name"], "Boutique Awa");
    assert_eq!(fatou_shops[0]["name"], "Chez Fatou");
}

#[tokio::test]
async fn pages_are_guarded_by_role() {
    let app = app().await;
    let shopkeeper = app.register("shopkeeper", "awa@example.sn").await;

    let anonymous = app.get("/shop/products", None).await;
    assert!(anonymous.status.is_redirection(), "{}", anonymous.status);
    assert_eq!(
        anonymous.headers.get("location").unwrap(),
        "/login?next=/shop/products"
    );

    let denied = app.get("/supplier/catalog", Some(&shopkeeper)).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    assert!(denied.body.contains("Accès refusé"), "{}", denied.body);

    let own = app.get("/shop/products", Some(&shopkeeper)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Produits"));
}

#[tokio::test]
async fn malformed_requests_are_bad_requests_not_server_errors() {
    let app = app().await;
    let reply = app
        .post("/api/auth/login", json!({ "nonsense": true }), None)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    let bad_op = app
        .post("/api/auth/logout", json!({ "op": "not an id" }), None)
        .await;
    assert_eq!(bad_op.status, StatusCode::BAD_REQUEST, "{}", bad_op.body);
}
