//! Helpers for driving the real router in tests: an app on `mem://`, requests, sign-ups.
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use boutiq::server::{AppState, config::Config};
use boutiq::web::router;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The session cookie set by this reply, as a `Cookie` header value.
    pub fn session_cookie(&self) -> String {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("boutiq_session="))
            .and_then(|v| v.split(';').next())
            .expect("a session cookie")
            .to_owned()
    }
}

pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let unique = format!("boutiq-test-{name}-{}-{}", std::process::id(), op_id());
    std::env::temp_dir().join(unique)
}

pub async fn app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    // Internal errors are logged; show them in the output of a failing test.
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter("error")
        .try_init();
    let mut config = Config::for_tests(temp_dir("app"));
    adjust(&mut config);
    let state = AppState::build(config).await.expect("app state");
    TestApp {
        router: router(state.clone()),
        state,
    }
}

/// The app again on a data folder a previous app (now dropped) had open: the engine releases its
/// file lock a moment after the last handle is dropped.
pub async fn reopen(config: impl Fn() -> Config) -> TestApp {
    let mut reopened = AppState::build(config()).await;
    for _ in 0..50 {
        if reopened.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        reopened = AppState::build(config()).await;
    }
    let state = reopened.expect("the data folder opens again");
    TestApp {
        router: router(state.clone()),
        state,
    }
}

pub async fn app() -> TestApp {
    app_with(|_| {}).await
}

pub fn op_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl TestApp {
    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn post(&self, path: &str, body: Value, cookie: Option<&str>) -> Reply {
        let mut request = Request::post(path)
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .header("x-forwarded-for", "10.0.0.1");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let accept = if path.starts_with("/api/") {
            "application/json"
        } else {
            "text/html"
        };
        let mut request = Request::get(path).header("accept", accept);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Posts a multipart form: text `fields`, then `file` as the `file` field.
    pub async fn upload(
        &self,
        path: &str,
        cookie: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        file: &[u8],
    ) -> Reply {
        let (content_type, body) = multipart(fields, file_name, file);
        let request = Request::post(path)
            .header("content-type", content_type)
            .header("accept", "application/json")
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Registers an account and returns its session cookie.
    pub async fn register(&self, role: &str, email: &str) -> String {
        let reply = self
            .post(
                "/api/auth/register",
                register_body(role, email, "boutique2026"),
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.session_cookie()
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/auth/login",
            json!({ "op": op_id(), "input": { "email": email, "password": password } }),
            None,
        )
        .await
    }

    /// Creates a product (input as the product form sends it) and returns it.
    pub async fn create_product(&self, cookie: &str, input: Value) -> Value {
        let reply = self
            .post(
                "/api/products/create",
                json!({ "op": op_id(), "input": input }),
                Some(cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()
    }

    /// Creates a category; returns the reply (its id, or the refusal).
    pub async fn create_category(&self, cookie: &str, name: &str) -> Reply {
        self.post(
            "/api/categories/create",
            json!({ "op": op_id(), "name": name }),
            Some(cookie),
        )
        .await
    }

    /// Runs a query and returns the first statement's rows.
    pub async fn rows(&self, sql: &str) -> Vec<Value> {
        self.state
            .db
            .query(sql, json!({}))
            .await
            .expect("query")
            .all(0)
            .expect("rows")
    }

    pub async fn count(&self, table: &str) -> usize {
        self.rows(&format!("SELECT id FROM {table}")).await.len()
    }
}

/// A multipart form: text `fields`, then `file` as the `file` field; its content type and body.
pub fn multipart<V: AsRef<str>>(
    fields: &[(&str, V)],
    file_name: &str,
    file: &[u8],
) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "boutiqboundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        let value = value.as_ref();
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

pub fn register_body(role: &str, email: &str, password: &str) -> Value {
    json!({
        "op": op_id(),
        "input": {
            "role": role,
            "name": "Awa Diallo",
            "email": email,
            "password": password,
            "workspace_name": "Boutique Awa",
        }
    })
}
