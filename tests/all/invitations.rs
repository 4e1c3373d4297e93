//! Invitations (G7) through the real router: a shop invites its manual supplier, the link opens
//! a pre-filled registration, registering creates the verified supplier and links it, once.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, app, app_with, op_id};
use serde_json::{Value, json};

const SITE: &str = "https://boutiq.example.sn";

/// An app with its public address configured, as invitations need outside development.
async fn site_app() -> TestApp {
    app_with(|config| config.public_url = SITE.into()).await
}

async fn create_supplier(app: &TestApp, cookie: &str) -> String {
    let input = json!({
        "name": "Grossiste Moussa", "phone": "77 123 45 67", "whatsapp": "",
        "email": "Moussa@Example.SN", "address": "Marché Tilène", "city": "Dakar", "notes": "",
    });
    let reply = app
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": input }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json().as_str().unwrap().to_owned()
}

async fn invite(app: &TestApp, cookie: Option<&str>, supplier: &str, email: &str) -> common::Reply {
    app.post(
        "/api/invitations/send",
        json!({ "op": op_id(), "supplier_id": supplier, "email": email }),
        cookie,
    )
    .await
}

/// Invites and returns the token of the link.
async fn invite_token(app: &TestApp, cookie: &str, supplier: &str) -> String {
    let reply = invite(app, Some(cookie), supplier, "moussa@example.sn").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    token_of(reply.json()["link"].as_str().unwrap())
}

fn token_of(text: &str) -> String {
    let start = text.find("/invitation/").expect("an invitation link") + "/invitation/".len();
    text[start..start + 64].to_owned()
}

fn signup(email: &str) -> Value {
    json!({
        "name": "Moussa Ndiaye", "email": email, "password": "grossiste2026",
        "company_name": " Grossiste Moussa SARL ", "phone": "77 123 45 67",
        "city": "Dakar", "address": "Marché Tilène, allée 4",
    })
}

async fn accept(app: &TestApp, token: &str, input: Value) -> common::Reply {
    app.post(
        "/api/invitations/accept",
        json!({ "op": op_id(), "token": token, "input": input }),
        None,
    )
    .await
}

async fn preview(app: &TestApp, token: &str) -> common::Reply {
    app.get(&format!("/api/invitations/get?token={token}"), None)
        .await
}

fn assert_refused(reply: &common::Reply, status: StatusCode, field: &str, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.body);
    let error = reply.json();
    assert_eq!(
        (error["field"].as_str(), error["code"].as_str()),
        (Some(field), Some(code)),
        "{error}"
    );
}

/// What registering writes: accounts, profiles, links, used invitations.
async fn footprint(app: &TestApp) -> (usize, usize, usize, usize, usize) {
    (
        app.count("user").await,
        app.count("supplier_profile").await,
        app.count("trades_with").await,
        app.rows("SELECT id FROM supplier WHERE linked_user != NONE")
            .await
            .len(),
        app.rows("SELECT id FROM invitation WHERE used_at != NONE")
            .await
            .len(),
    )
}

/// What a mail program shows of the quoted-printable body: soft line breaks joined, `=XX`
/// bytes decoded.
fn decode_quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "");
    let mut bytes = Vec::new();
    let mut rest = joined.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        let hex = tail.get(..2).and_then(|h| std::str::from_utf8(h).ok());
        match (byte, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'=', Some(decoded)) => {
                bytes.push(decoded);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(byte);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn outbox(app: &TestApp) -> Vec<std::path::PathBuf> {
    let folder = app.state.config.data_dir.join("outbox");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[tokio::test]
async fn a_shop_invites_its_supplier_who_registers_verified_and_linked() {
    let app = app_with(|config| config.public_url = format!("{SITE}/")).await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let supplier = create_supplier(&app, &awa).await;

    // The invitation: a link under the public address; without SMTP its e-mail waits in the
    // outbox folder, and the shop is told it did not leave.
    let reply = invite(&app, Some(&awa), &supplier, " Moussa@Example.SN ").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let sent = reply.json();
    assert_eq!(sent["email"], "moussa@example.sn");
    assert_eq!(sent["emailed"], false);
    let link = sent["link"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&format!("{SITE}/invitation/")), "{link}");
    let token = token_of(&link);
    let expires = chrono::DateTime::parse_from_rfc3339(sent["expires_at"].as_str().unwrap())
        .unwrap()
        .to_utc();
    let days = (expires - chrono::Utc::now()).num_hours();
    assert!((7 * 24 - 1..=7 * 24).contains(&days), "{days} hours");

    let files = outbox(&app);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with(".eml"), "{name}");
    let raw = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        raw.contains("Content-Transfer-Encoding: quoted-printable"),
        "{raw}"
    );
    let mail = decode_quoted_printable(&raw);
    assert!(mail.contains("To: moussa@example.sn"), "{mail}");
    assert!(mail.contains(&link), "the link is in the e-mail: {mail}");
    assert!(
        mail.contains("La boutique « Boutique Awa » vous invite"),
        "{mail}"
    );

    // Only a hash of the token is kept, in the invitation and in the operation record alike.
    let stored = app.rows("SELECT * FROM invitation").await;
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0]["token_hash"], json!(token));
    for table in ["invitation", "operation"] {
        let dump = json!(app.rows(&format!("SELECT * FROM {table}")).await).to_string();
        assert!(!dump.contains(&token), "the token leaked into {table}");
    }

    // The link pre-fills the registration from the shop's supplier record.
    let reply = preview(&app, &token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let form = reply.json();
    assert_eq!(form["shop_name"], "Boutique Awa");
    assert_eq!(form["company_name"], "Grossiste Moussa");
    assert_eq!(form["email"], "moussa@example.sn");
    assert_eq!(form["phone"], "771234567");
    assert_eq!(form["city"], "Dakar");
    assert_eq!(form["address"], "Marché Tilène");

    // Registering signs the new supplier in.
    let before = footprint(&app).await;
    let reply = accept(&app, &token, signup("Moussa@Example.SN")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json()["role"], "supplier");
    assert_eq!(reply.json()["workspace_name"], "Grossiste Moussa SARL");
    let moussa = reply.session_cookie();
    let session = app.get("/api/auth/session", Some(&moussa)).await.json();
    assert_eq!(
        (session["email"].as_str(), session["role"].as_str()),
        (Some("moussa@example.sn"), Some("supplier"))
    );
    let profile = app.get("/api/supplier/profile", Some(&moussa)).await;
    assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
    let profile = profile.json();
    assert_eq!(profile["company_name"], "Grossiste Moussa SARL");
    assert_eq!(profile["phone"], "771234567");
    assert_eq!(profile["address"], "Marché Tilène, allée 4");
    assert_eq!(profile["is_verified"], true, "a shop vouched for it");
    let (users, profiles, edges, linked, used) = before;
    assert_eq!(
        footprint(&app).await,
        (users + 1, profiles + 1, edges + 1, linked + 1, used + 1)
    );

    // The shop's supplier is linked ("Vérifié") in the list and the detail; the shop trades
    // with the new account.
    let list = app
        .get("/api/suppliers/list?sort=name", Some(&awa))
        .await
        .json();
    assert_eq!(list[0]["verified"], true, "{list}");
    let detail = app
        .get(&format!("/api/suppliers/get?id={supplier}"), Some(&awa))
        .await
        .json();
    assert_eq!(detail["supplier"]["verified"], true);
    let user_id = session["user_id"].as_str().unwrap().to_owned();
    let linked = app
        .rows(&format!(
            "SELECT VALUE record::id(linked_user) FROM supplier:`{supplier}`"
        ))
        .await;
    assert_eq!(linked, [json!(user_id)]);
    let edges = app
        .rows("SELECT record::id(out) AS user, in.name AS shop FROM trades_with")
        .await;
    assert_eq!(edges, [json!({ "user": user_id, "shop": "Boutique Awa" })]);

    // The link works once: opening or using it again is refused and writes nothing.
    let after = footprint(&app).await;
    assert_refused(
        &preview(&app, &token).await,
        StatusCode::BAD_REQUEST,
        "token",
        "error.invitation.used",
    );
    assert_refused(
        &accept(&app, &token, signup("autre@example.sn")).await,
        StatusCode::BAD_REQUEST,
        "token",
        "error.invitation.used",
    );
    assert_eq!(footprint(&app).await, after);

    // A verified supplier cannot be invited again.
    assert_refused(
        &invite(&app, Some(&awa), &supplier, "moussa@example.sn").await,
        StatusCode::BAD_REQUEST,
        "email",
        "error.invitation.already_linked",
    );
}

#[tokio::test]
async fn expired_and_forged_links_are_refused_and_write_nothing() {
    let app = site_app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let supplier = create_supplier(&app, &awa).await;
    let token = invite_token(&app, &awa, &supplier).await;

    app.state
        .db
        .query(
            "UPDATE invitation SET expires_at = time::now() - 1s",
            json!({}),
        )
        .await
        .unwrap();
    let before = footprint(&app).await;
    assert_refused(
        &preview(&app, &token).await,
        StatusCode::BAD_REQUEST,
        "token",
        "error.invitation.expired",
    );
    assert_refused(
        &accept(&app, &token, signup("moussa@example.sn")).await,
        StatusCode::BAD_REQUEST,
        "token",
        "error.invitation.expired",
    );

    // A well-formed token that matches nothing, a malformed one, the stored hash itself.
    let hash = app.rows("SELECT VALUE token_hash FROM invitation").await[0]
        .as_str()
        .unwrap()
        .to_owned();
    for forged in ["ab".repeat(32), "pas-un-jeton".into(), hash] {
        assert_refused(
            &preview(&app, &forged).await,
            StatusCode::BAD_REQUEST,
            "token",
            "error.invitation.invalid",
        );
        assert_refused(
            &accept(&app, &forged, signup("moussa@example.sn")).await,
            StatusCode::BAD_REQUEST,
            "token",
            "error.invitation.invalid",
        );
    }
    assert_eq!(footprint(&app).await, before);

    // A new invitation works again.
    let fresh = invite_token(&app, &awa, &supplier).await;
    assert_eq!(preview(&app, &fresh).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_address_already_registered_is_refused_on_the_email_field() {
    let app = site_app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    app.register("supplier", "moussa@example.sn").await;
    let supplier = create_supplier(&app, &awa).await;
    let token = invite_token(&app, &awa, &supplier).await;

    let before = footprint(&app).await;
    assert_refused(
        &accept(&app, &token, signup(" MOUSSA@example.sn")).await,
        StatusCode::CONFLICT,
        "email",
        "error.email.taken",
    );
    // Bad fields are refused next to the field, before anything is written.
    let mut bad = signup("moussa2@example.sn");
    bad["company_name"] = json!("  ");
    assert_refused(
        &accept(&app, &token, bad).await,
        StatusCode::BAD_REQUEST,
        "company_name",
        "error.field.required",
    );
    let mut bad = signup("moussa2@example.sn");
    bad["password"] = json!("court");
    assert_eq!(accept(&app, &token, bad).await.json()["field"], "password");
    assert_eq!(footprint(&app).await, before, "nothing written");

    // The invitation is still good for another address.
    let reply = accept(&app, &token, signup("moussa.ndiaye@example.sn")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test]
async fn only_the_shop_of_the_supplier_can_invite_it() {
    let app = site_app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let ibou = app.register("shopkeeper", "ibou@example.sn").await;
    let grossiste = app.register("supplier", "grossiste@example.sn").await;
    let supplier = create_supplier(&app, &awa).await;

    let reply = invite(&app, Some(&ibou), &supplier, "moussa@example.sn").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
    let reply = invite(&app, Some(&ibou), "nope", "moussa@example.sn").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
    let reply = invite(&app, Some(&grossiste), &supplier, "moussa@example.sn").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    let reply = invite(&app, None, &supplier, "moussa@example.sn").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.body);
    assert_refused(
        &invite(&app, Some(&awa), &supplier, "moussa").await,
        StatusCode::BAD_REQUEST,
        "email",
        "error.email.invalid",
    );
    assert_eq!(app.count("invitation").await, 0);
    assert!(outbox(&app).is_empty(), "no e-mail left");

    // A replayed request makes one invitation and one e-mail; the replay carries no link.
    let op = op_id();
    let body = json!({ "op": op, "supplier_id": supplier, "email": "moussa@example.sn" });
    let first = app
        .post("/api/invitations/send", body.clone(), Some(&awa))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let again = app.post("/api/invitations/send", body, Some(&awa)).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert!(first.json()["link"].is_string());
    assert_eq!(again.json()["link"], Value::Null);
    assert_eq!(again.json()["expires_at"], first.json()["expires_at"]);
    assert_eq!(app.count("invitation").await, 1);
    assert_eq!(outbox(&app).len(), 1);
    let link = first.json()["link"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&format!("{SITE}/invitation/")), "{link}");
}

/// Invites from a browser pointed at `host` (its `Host` and `Origin` headers).
async fn invite_through_host(
    app: &TestApp,
    cookie: &str,
    supplier: &str,
    host: &str,
) -> common::Reply {
    let body = json!({ "op": op_id(), "supplier_id": supplier, "email": "moussa@example.sn" });
    let request = Request::post("/api/invitations/send")
        .header("host", host)
        .header("origin", format!("http://{host}"))
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("cookie", cookie)
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn a_forged_host_header_never_reaches_the_mailed_link() {
    const FORGED: &str = "boutiq.attacker.example";
    let configured = site_app().await;
    let development = app_with(|config| config.development = true).await;
    for (app, site) in [(&configured, SITE), (&development, "http://127.0.0.1:3000")] {
        let awa = app.register("shopkeeper", "awa@example.sn").await;
        let supplier = create_supplier(app, &awa).await;
        let reply = invite_through_host(app, &awa, &supplier, FORGED).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let link = reply.json()["link"].as_str().unwrap().to_owned();
        assert!(link.starts_with(&format!("{site}/invitation/")), "{link}");
        let files = outbox(app);
        assert_eq!(files.len(), 1, "{files:?}");
        let mail = decode_quoted_printable(&std::fs::read_to_string(&files[0]).unwrap());
        assert!(mail.contains(&link), "{mail}");
        assert!(
            !mail.contains(FORGED),
            "the forged host is in the e-mail: {mail}"
        );
    }

    // In production without a configured address there is no link to give: a clear refusal,
    // and nothing written or sent.
    let unconfigured = app().await;
    let awa = unconfigured.register("shopkeeper", "awa@example.sn").await;
    let supplier = create_supplier(&unconfigured, &awa).await;
    for host in [FORGED, "127.0.0.1:3000"] {
        assert_refused(
            &invite_through_host(&unconfigured, &awa, &supplier, host).await,
            StatusCode::CONFLICT,
            "public_url",
            "error.invitation.no_public_url",
        );
    }
    assert_eq!(unconfigured.count("invitation").await, 0);
    assert!(outbox(&unconfigured).is_empty(), "no e-mail left");
}
