//! Accounts: creation with the first shop or supplier profile, sign-in look-up, session data,
//! and the failed-login counter behind the rate limit.

use serde::Deserialize;
use serde_json::json;

use crate::domain::{Email, OpId, Role, Session};
use crate::server::db::{Db, DbError};
use crate::server::store::ops;

pub struct NewAccount<'a> {
    pub name: &'a str,
    pub email: &'a Email,
    pub password_hash: &'a str,
    pub role: Role,
    /// Shop name (shopkeeper) or company name (supplier).
    pub workspace_name: &'a str,
}

/// Creates the user and, in the same transaction, its first shop (`user->owns->shop`) or its
/// supplier profile. Returns the user id; a replay of `op` returns the same id.
pub async fn create_account(
    db: &Db,
    op: &OpId,
    account: NewAccount<'_>,
) -> Result<String, DbError> {
    let body = "
        LET $user = (CREATE ONLY user CONTENT {
            email: $email, name: $name, password_hash: $password_hash, role: $role
        });
        IF $role = 'shopkeeper' {
            LET $shop = (CREATE ONLY shop CONTENT { name: $workspace_name });
            RELATE ($user.id)->owns->($shop.id);
        } ELSE {
            CREATE supplier_profile CONTENT { user: $user.id, company_name: $workspace_name };
        };
        LET $result = record::id($user.id);";
    let vars = json!({
        "email": account.email.as_str(),
        "name": account.name,
        "password_hash": account.password_hash,
        "role": account.role.as_str(),
        "workspace_name": account.workspace_name,
    });
    ops::run_once(db, "anonymous", op, body, vars).await
}

#[derive(Debug, Deserialize)]
pub struct Credentials {
    pub user_id: String,
    pub password_hash: String,
    pub role: Role,
}

pub async fn credentials(db: &Db, email: &Email) -> Result<Option<Credentials>, DbError> {
    let mut rows = db
        .query(
            "SELECT record::id(id) AS user_id, password_hash, role FROM user WHERE email = $email LIMIT 1",
            json!({ "email": email.as_str() }),
        )
        .await?;
    rows.first(0)
}

/// What the pages show of the signed-in user; `None` when the account is gone.
pub async fn session(db: &Db, user_id: &str) -> Result<Option<Session>, DbError> {
    let mut rows = db
        .query(
            "LET $user = type::record('user', $user_id);
             SELECT record::id(id) AS user_id, name, email, role,
                 (IF role = 'shopkeeper'
                     THEN (SELECT VALUE out.name FROM owns WHERE in = $user ORDER BY created_at LIMIT 1)[0]
                     ELSE (SELECT VALUE company_name FROM supplier_profile WHERE user = $user LIMIT 1)[0]
                 END) ?? '' AS workspace_name
             FROM ONLY $user;",
            json!({ "user_id": user_id }),
        )
        .await?;
    rows.first(1)
}

/// Records a failed sign-in under each key and forgets the ones older than the window.
pub async fn record_login_failure(
    db: &Db,
    keys: &[String],
    window_secs: u64,
) -> Result<(), DbError> {
    db.query(
        "FOR $key IN $keys {
             CREATE login_failure SET key = $key, at = time::now();
             DELETE login_failure WHERE key = $key AND at < time::now() - duration::from_secs($window);
         };",
        json!({ "keys": keys, "window": window_secs }),
    )
    .await?;
    Ok(())
}

/// Failed sign-ins under `key` within the last `window_secs` seconds.
pub async fn recent_login_failures(db: &Db, key: &str, window_secs: u64) -> Result<u32, DbError> {
    let mut rows = db
        .query(
            "RETURN count(SELECT VALUE id FROM login_failure
                 WHERE key = $key AND at > time::now() - duration::from_secs($window));",
            json!({ "key": key, "window": window_secs }),
        )
        .await?;
    Ok(rows.first::<u32>(0)?.unwrap_or(0))
}

pub async fn clear_login_failures(db: &Db, key: &str) -> Result<(), DbError> {
    db.query(
        "DELETE login_failure WHERE key = $key",
        json!({ "key": key }),
    )
    .await?;
    Ok(())
}
