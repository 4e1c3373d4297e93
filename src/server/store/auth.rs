//! Accounts: creation with the first shop or supplier profile, sign-in look-up, session data,
//! and the places under the failed-login limits that each sign-in attempt reserves.

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
                 END) ?? '' AS workspace_name,
                 (IF role = 'shopkeeper'
                     THEN (SELECT VALUE record::id(out) FROM owns WHERE in = $user ORDER BY created_at LIMIT 1)[0]
                 END) ?? '' AS shop_id
             FROM ONLY $user;",
            json!({ "user_id": user_id }),
        )
        .await?;
    rows.first(1)
}

/// A sign-in attempt's place under the failure limit of each of its keys, taken by
/// [`reserve_login_attempt`] before the password is checked. A failed attempt leaves it in
/// place (it is the failure); a successful one gives it back ([`release_login_attempt`]).
#[derive(Debug)]
#[must_use = "a successful sign-in releases its reservation"]
pub struct LoginReservation(Vec<(String, u32)>);

/// The places taken, in the order of the limits.
#[derive(Deserialize)]
struct Taken {
    slots: Vec<u32>,
}

/// What a refused reservation throws (no dot: not an i18n key, it never reaches the user).
const LIMIT_REACHED: &str = "login_limit_reached";

/// Takes, in one transaction, a place for this attempt under each `(key, limit)`: a record
/// `login_failure:[key, slot]` with `slot` the first of `0..limit` not held by a failure of
/// the last `window_secs` seconds. When any key has no free place, nothing is taken and the
/// answer is `None` (HTTP 429). Two attempts that race for the same place write the same
/// record, so one of them fails and is retried against the other's result: N simultaneous
/// attempts never get more than `limit` places, on one server or several.
pub async fn reserve_login_attempt(
    db: &Db,
    limits: &[(String, u32)],
    window_secs: u64,
) -> Result<Option<LoginReservation>, DbError> {
    let mut body = String::new();
    let mut vars = serde_json::Map::new();
    vars.insert("window".into(), json!(window_secs));
    for (i, (key, limit)) in limits.iter().enumerate() {
        body.push_str(&format!(
            "DELETE login_failure WHERE key = $key{i} AND at <= $since;
             LET $held{i} = (SELECT VALUE record::id(id)[1] FROM login_failure WHERE key = $key{i});
             IF array::len($held{i}) >= $limit{i} {{ THROW '{LIMIT_REACHED}' }};
             LET $slot{i} = array::complement($slots{i}, $held{i})[0];
             CREATE type::record('login_failure', [$key{i}, $slot{i}]) SET key = $key{i}, at = time::now();\n"
        ));
        vars.insert(format!("key{i}"), json!(key));
        vars.insert(format!("limit{i}"), json!(limit));
        vars.insert(format!("slots{i}"), json!((0..*limit).collect::<Vec<_>>()));
    }
    let taken: Vec<String> = (0..limits.len()).map(|i| format!("$slot{i}")).collect();
    let sql = format!(
        "BEGIN TRANSACTION;
         LET $since = time::now() - duration::from_secs($window);
         {body}
         LET $result = {{ slots: [{}] }};
         COMMIT TRANSACTION;
         RETURN $result;",
        taken.join(", ")
    );
    // One attempt at a time in this process; across servers, the conflict retry decides.
    let _one_at_a_time = db.lock(limits.first().map_or("", |(key, _)| key)).await;
    let mut attempt = 0;
    loop {
        match db
            .query(&sql, serde_json::Value::Object(vars.clone()))
            .await
        {
            Ok(mut rows) => {
                let taken: Taken = rows
                    .last()?
                    .ok_or_else(|| DbError::Other("no places returned".into()))?;
                let keys = limits.iter().map(|(key, _)| key.clone());
                return Ok(Some(LoginReservation(keys.zip(taken.slots).collect())));
            }
            Err(DbError::Rule(code)) if code == LIMIT_REACHED => return Ok(None),
            // Another attempt took the place between our read and our write: read again.
            Err(DbError::AlreadyExists(_)) if attempt < 3 => attempt += 1,
            Err(error) => return Err(error),
        }
    }
}

/// After a successful sign-in: gives back the places the attempt held and forgets the earlier
/// failures under `forget` (the account's key).
pub async fn release_login_attempt(
    db: &Db,
    reservation: LoginReservation,
    forget: &str,
) -> Result<(), DbError> {
    db.query(
        "BEGIN TRANSACTION;
         FOR $place IN $held {
             DELETE type::record('login_failure', $place);
         };
         DELETE login_failure WHERE key = $forget;
         COMMIT TRANSACTION;",
        json!({ "held": reservation.0, "forget": forget }),
    )
    .await?;
    Ok(())
}
