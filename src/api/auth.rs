//! Accounts and sessions (A1, A2, A3, A6): register, log in, log out, who am I.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::session::{LoginInput, RegisterInput};
use crate::domain::{AppError, OpId, Session};
#[cfg(feature = "ssr")]
use crate::server::AppState;

/// `POST /api/auth/register` — anyone. Creates the account with its first shop or supplier
/// profile and signs in.
#[server(prefix = "/api", endpoint = "auth/register", input = Json)]
pub async fn register(op: OpId, input: RegisterInput) -> Result<Session, AppError> {
    use crate::domain::{Email, Password, text};
    use crate::server::{auth, db::DbError, store};
    guard::anyone(|state| async move {
        let role = input
            .role
            .ok_or_else(|| AppError::invalid("role", "error.role.required"))?;
        let name = text::required("name", &input.name, 100)?;
        let email = Email::parse(&input.email)?;
        let password = Password::parse(&input.password)?;
        let workspace_name = text::required("workspace_name", &input.workspace_name, 100)?;
        let password_hash = auth::hash_password(password).await?;
        let account = store::auth::NewAccount {
            name: &name,
            email: &email,
            password_hash: &password_hash,
            role,
            workspace_name: &workspace_name,
        };
        let user_id = store::auth::create_account(&state.db, &op, account)
            .await
            .map_err(|error| match error {
                DbError::Unique(index) if index == "user_email" => {
                    AppError::conflict("email", "error.email.taken")
                }
                other => other.into(),
            })?;
        start_session(&state, &user_id).await
    })
    .await
}

/// `POST /api/auth/login` — anyone. Rate-limited per account and per client IP: each attempt
/// reserves its place under both limits before its password is checked.
#[server(prefix = "/api", endpoint = "auth/login", input = Json)]
pub async fn login(op: OpId, input: LoginInput) -> Result<Session, AppError> {
    use crate::domain::Email;
    use crate::server::{auth, store};
    // Signing in changes no shop data: a replay simply signs in again.
    let _ = op;
    guard::anyone(|state| async move {
        let email = Email::parse(&input.email)?;
        if input.password.is_empty() {
            return Err(AppError::invalid("password", "error.password.required"));
        }
        let config = &state.config;
        let window = config.login_failure_window_secs;
        let account = format!("account:{}", email.as_str());
        let limits = [
            (account.clone(), config.login_max_failures_per_account),
            (
                format!("ip:{}", client_ip(config.trust_forwarded_for)),
                config.login_max_failures_per_ip,
            ),
        ];
        // The attempt takes its place under both limits before the (slow) password check, so
        // simultaneous attempts cannot all pass a check of the count made before any failed.
        let Some(reservation) =
            store::auth::reserve_login_attempt(&state.db, &limits, window).await?
        else {
            tracing::warn!(account = %account, ip = %limits[1].0, "sign-in rate limit reached");
            return Err(AppError::RateLimited {
                retry_after_secs: window,
            });
        };
        let credentials = store::auth::credentials(&state.db, &email).await?;
        let stored_hash = credentials.as_ref().map(|c| c.password_hash.clone());
        let (true, Some(credentials)) = (
            auth::verify_password(input.password, stored_hash).await,
            credentials,
        ) else {
            // The reservation stays: it is this failure, counted until the window passes.
            return Err(AppError::WrongCredentials);
        };
        store::auth::release_login_attempt(&state.db, reservation, &account).await?;
        start_session(&state, &credentials.user_id).await
    })
    .await
}

/// `POST /api/auth/logout` — anyone. Clears the session cookie.
#[server(prefix = "/api", endpoint = "auth/logout", input = Json)]
pub async fn logout(op: OpId) -> Result<(), AppError> {
    let _ = op;
    guard::anyone(|state| async move {
        set_session_cookie(&state, None);
        Ok(())
    })
    .await
}

/// `GET /api/auth/session` — anyone. The signed-in user, or nothing.
#[server(prefix = "/api", endpoint = "auth/session", input = GetUrl)]
pub async fn current_session() -> Result<Option<Session>, AppError> {
    guard::anyone(|state| async move {
        let Ok(caller) = guard::caller() else {
            return Ok(None);
        };
        let session = crate::server::store::auth::session(&state.db, &caller.user_id).await?;
        Ok(session.map(|session| Session {
            expires_at: caller.expires_at,
            ..session
        }))
    })
    .await
}

/// Issues the session cookie for `user_id` and returns what the pages show of the session.
#[cfg(feature = "ssr")]
pub(crate) async fn start_session(state: &AppState, user_id: &str) -> Result<Session, AppError> {
    let session = crate::server::store::auth::session(&state.db, user_id)
        .await?
        .ok_or_else(|| {
            crate::server::respond::internal("session", "account vanished after sign-in")
        })?;
    let token = state.keys.issue(&session.user_id, session.role)?;
    set_session_cookie(state, Some(&token));
    Ok(Session {
        expires_at: chrono::Utc::now().timestamp() + state.keys.ttl_secs(),
        ..session
    })
}

#[cfg(feature = "ssr")]
fn set_session_cookie(state: &AppState, token: Option<&str>) {
    let cookie = crate::server::auth::session_cookie(
        token,
        state.keys.ttl_secs(),
        state.config.cookie_secure,
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// The client IP: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy.
#[cfg(feature = "ssr")]
fn client_ip(trust_forwarded_for: bool) -> String {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return "unknown".into();
    };
    let forwarded = trust_forwarded_for
        .then(|| {
            parts
                .headers
                .get("x-forwarded-for")?
                .to_str()
                .ok()?
                .split(',')
                .next()
                .map(|ip| ip.trim().to_owned())
        })
        .flatten();
    forwarded
        .or_else(|| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
