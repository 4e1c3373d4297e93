//! Writes applied at most once per client operation id, atomically with their effect.
//!
//! An operation record is `operation:[scope, op]` (scope: the caller's user id, or
//! `anonymous` / a job's name) and keeps the request that made it (its fingerprint, see
//! `server::request`). A replay is answered with the stored result only when it is the same
//! caller's same request; anything else is [`DbError::OpReused`] (409), never the stored result.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::Digest;

use crate::domain::OpId;
use crate::server::db::{Db, DbError};
use crate::server::request;

/// The fingerprint kept for operations made outside a request (jobs, direct store calls).
const SERVER_MADE: &str = "server";

/// Runs `body` in one transaction together with the record of operation (`scope`, `op`).
/// `body` is SurrealQL that ends by setting `$result`; that value is stored with the operation
/// and returned. A replay of the same operation finds the record and returns the stored result
/// without running `body` again. A refused write (a `THROW`, an index) leaves nothing behind,
/// so a corrected retry runs normally.
pub async fn run_once<T: DeserializeOwned>(
    db: &Db,
    scope: &str,
    op: &OpId,
    body: &str,
    mut vars: Value,
) -> Result<T, DbError> {
    bind(&mut vars, scope, op);
    let sql = format!(
        "BEGIN TRANSACTION;
         CREATE type::record('operation', [$op_scope, $op_id]) SET at = time::now(), request = $op_request;
         {body}
         UPDATE type::record('operation', [$op_scope, $op_id]) SET result = $result;
         COMMIT TRANSACTION;
         RETURN $result;"
    );
    match db.query(&sql, vars.clone()).await {
        Ok(mut rows) => from_result(rows.last()?),
        Err(DbError::AlreadyExists(message)) if message.contains("operation") => {
            stored(db, scope, op).await?.ok_or(DbError::OpReused)
        }
        Err(error) => Err(error),
    }
}

/// The stored result of operation (`scope`, `op`) when this request made it before; `None`
/// when the operation is new. Endpoints with effects outside the transaction (files) ask
/// first, so a replay changes nothing.
pub async fn stored<T: DeserializeOwned>(
    db: &Db,
    scope: &str,
    op: &OpId,
) -> Result<Option<T>, DbError> {
    #[derive(Deserialize)]
    struct Stored {
        request: Option<String>,
        result: Option<Value>,
    }
    let mut vars = json!({});
    bind(&mut vars, scope, op);
    // A missing record reads as null: `Option` of `Option`.
    let found: Option<Option<Stored>> = db
        .query(
            "SELECT request, result FROM ONLY type::record('operation', [$op_scope, $op_id])",
            vars.clone(),
        )
        .await?
        .first(0)?;
    let Some(found) = found.flatten() else {
        return Ok(None);
    };
    if found.request.as_deref() != vars["op_request"].as_str() {
        return Err(DbError::OpReused);
    }
    // A result of another type means another endpoint used this id.
    from_result(found.result)
        .map(Some)
        .map_err(|_| DbError::OpReused)
}

/// Records operation (`scope`, `op`) with `result` after work that ran in several
/// transactions (an import batch), so that a replay is answered by [`stored`].
pub async fn remember<T: Serialize>(
    db: &Db,
    scope: &str,
    op: &OpId,
    result: &T,
) -> Result<(), DbError> {
    let mut vars = json!({ "result": result });
    bind(&mut vars, scope, op);
    db.query(
        "CREATE type::record('operation', [$op_scope, $op_id])
             SET at = time::now(), request = $op_request, result = $result;",
        vars,
    )
    .await
    .map(|_| ())
    .or_else(|error| match error {
        // The same batch ran twice at once: the other one's record stands.
        DbError::AlreadyExists(message) if message.contains("operation") => Ok(()),
        error => Err(error),
    })
}

/// An operation id made from `op` for one of its steps (`part`): the same for a replay of
/// `op`, distinct for each part, and always a valid id whatever the length of `op`.
pub fn derived(op: &OpId, part: &str) -> OpId {
    let digest = sha2::Sha256::new_with_prefix(op.as_str())
        .chain_update(b"\0")
        .chain_update(part)
        .finalize();
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    OpId::parse(&hex).expect("32 hexadecimal digits are an operation id")
}

fn bind(vars: &mut Value, scope: &str, op: &OpId) {
    vars["op_scope"] = json!(scope);
    vars["op_id"] = json!(op.as_str());
    vars["op_request"] = json!(request::fingerprint().unwrap_or_else(|| SERVER_MADE.into()));
}

/// The typed result; a `NONE` result reads as JSON null (an `Option` result of `None`).
fn from_result<T: DeserializeOwned>(value: Option<Value>) -> Result<T, DbError> {
    serde_json::from_value(value.unwrap_or(Value::Null))
        .map_err(|e| DbError::Other(format!("operation result: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_valid_distinct_and_stable() {
        let long = OpId::parse(&"a".repeat(64)).unwrap();
        let first = derived(&long, "c1");
        assert_eq!(first, derived(&long, "c1"));
        assert_ne!(first, derived(&long, "c2"));
        assert_ne!(first, derived(&OpId::parse(&"b".repeat(64)).unwrap(), "c1"));
        assert_eq!(first.as_str().len(), 32);
    }
}
