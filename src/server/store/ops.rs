//! Writes applied at most once per client operation id, atomically with their effect.

use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::domain::OpId;
use crate::server::db::{Db, DbError};

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
    vars["op_scope"] = json!(scope);
    vars["op_id"] = json!(op.as_str());
    let sql = format!(
        "BEGIN TRANSACTION;
         CREATE type::record('operation', [$op_scope, $op_id]) SET at = time::now();
         {body}
         UPDATE type::record('operation', [$op_scope, $op_id]) SET result = $result;
         COMMIT TRANSACTION;
         RETURN $result;"
    );
    match db.query(&sql, vars.clone()).await {
        Ok(mut rows) => from_result(rows.last()?),
        Err(DbError::AlreadyExists(message)) if message.contains("operation") => {
            stored_result(db, vars).await
        }
        Err(error) => Err(error),
    }
}

async fn stored_result<T: DeserializeOwned>(db: &Db, vars: Value) -> Result<T, DbError> {
    let mut rows = db
        .query(
            "SELECT VALUE result FROM ONLY type::record('operation', [$op_scope, $op_id])",
            vars,
        )
        .await?;
    from_result(rows.first(0)?)
}

/// The typed result; a `NONE` result reads as JSON null (an `Option` result of `None`).
fn from_result<T: DeserializeOwned>(value: Option<Value>) -> Result<T, DbError> {
    serde_json::from_value(value.unwrap_or(Value::Null))
        .map_err(|e| DbError::Other(format!("operation result: {e}")))
}
