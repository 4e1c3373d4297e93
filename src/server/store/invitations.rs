//! Invitations (G7): a shop invites one of its manual suppliers; registering from the link
//! creates the supplier account and links it, in one transaction. Only a SHA-256 of the token
//! is ever stored or compared.

use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::ops;
use super::shops::{CURRENT_SHOP, SUPPLIER_OF_SHOP};
use crate::domain::RecordKey;
use crate::domain::invitation::InvitationToken;
use crate::domain::profile::ProfileInput;
use crate::domain::{Email, OpId};
use crate::server::db::{Db, DbError};

/// The hexadecimal SHA-256 of the token: what the database keeps and looks up.
pub fn token_hash(token: &InvitationToken) -> String {
    Sha256::digest(token.as_str().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the shopkeeper's request recorded (or, for a replayed request, had recorded).
#[derive(Debug, Deserialize)]
pub struct Created {
    pub id: String,
    pub token_hash: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
    pub supplier_name: String,
    pub shop_name: String,
}

/// Records an invitation of the caller's supplier `supplier_id` to `email`. A supplier of
/// another shop is "not found"; one already linked to an account is refused on its field.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    supplier_id: &RecordKey,
    email: &Email,
    token: &InvitationToken,
    expires_at: &str,
) -> Result<Created, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         IF $supplier.linked_user {{ THROW 'email:error.invitation.already_linked' }};
         LET $expires = <datetime> $expires_at;
         LET $invitation = (CREATE ONLY invitation CONTENT {{
             shop: $shop, supplier: $supplier, email: $email, token_hash: $token_hash,
             expires_at: $expires
         }});
         LET $result = {{
             id: record::id($invitation.id), token_hash: $token_hash,
             expires_at: <string> $expires, supplier_name: $supplier.name, shop_name: $shop.name
         }};"
    );
    let vars = json!({
        "user_id": user_id,
        "supplier_id": supplier_id,
        "email": email.as_str(),
        "token_hash": token_hash(token),
        "expires_at": expires_at,
    });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// An invitation as its link shows it, with the manual supplier's details to pre-fill.
#[derive(Debug, Deserialize)]
pub struct Found {
    pub email: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
    /// Used, or its supplier is already linked to an account.
    pub used: bool,
    pub shop_name: String,
    /// `None` when the shop deleted the supplier since.
    pub supplier_name: Option<String>,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
}

pub async fn find(db: &Db, token: &InvitationToken) -> Result<Option<Found>, DbError> {
    let mut rows = db
        .query(
            "SELECT email, <string> expires_at AS expires_at,
                 used_at != NONE OR supplier.linked_user != NONE AS used,
                 shop.name ?? '' AS shop_name, supplier.name AS supplier_name,
                 supplier.phone AS phone, supplier.city AS city, supplier.address AS address
             FROM invitation WHERE token_hash = $token_hash LIMIT 1",
            json!({ "token_hash": token_hash(token) }),
        )
        .await?;
    rows.first(0)
}

/// The supplier account made from an invitation.
pub struct NewSupplier<'a> {
    pub name: &'a str,
    pub email: &'a Email,
    pub password_hash: &'a str,
    /// Company, phone, city and address (the rest keeps its defaults).
    pub profile: &'a ProfileInput,
}

/// In one transaction: checks the invitation again (unknown, used, expired, supplier gone or
/// already linked: refused on the `token` field), creates the user and its verified profile,
/// links the manual supplier (`linked_user`, `shop->trades_with->user`) and marks the invitation
/// used. Returns the new user's id. A taken e-mail fails on the `user_email` index and writes
/// nothing.
pub async fn accept(
    db: &Db,
    op: &OpId,
    token: &InvitationToken,
    account: NewSupplier<'_>,
) -> Result<String, DbError> {
    let body = "
        LET $invitation = (SELECT id, shop, supplier, used_at, expires_at FROM invitation
            WHERE token_hash = $token_hash LIMIT 1)[0];
        IF !$invitation { THROW 'token:error.invitation.invalid' };
        IF $invitation.used_at { THROW 'token:error.invitation.used' };
        IF $invitation.expires_at <= time::now() { THROW 'token:error.invitation.expired' };
        LET $supplier = (SELECT id, linked_user FROM ONLY $invitation.supplier);
        IF !$supplier { THROW 'token:error.invitation.invalid' };
        IF $supplier.linked_user { THROW 'token:error.invitation.used' };
        LET $user = (CREATE ONLY user CONTENT {
            email: $email, name: $name, password_hash: $password_hash, role: 'supplier'
        });
        CREATE supplier_profile CONTENT {
            user: $user.id, company_name: $profile.company_name, phone: $profile.phone,
            city: $profile.city, address: $profile.address, is_verified: true
        };
        UPDATE $supplier.id SET linked_user = $user.id;
        RELATE ($invitation.shop)->trades_with->($user.id);
        UPDATE $invitation.id SET used_at = time::now();
        LET $result = record::id($user.id);";
    let vars = json!({
        "token_hash": token_hash(token),
        "email": account.email.as_str(),
        "name": account.name,
        "password_hash": account.password_hash,
        "profile": account.profile,
    });
    ops::run_once(db, "anonymous", op, body, vars).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_sha256_of_the_token_text() {
        let token = InvitationToken::from_random([0; 32]);
        let hash = token_hash(&token);
        assert_eq!(hash.len(), 64);
        assert_ne!(hash, token.as_str());
        assert_eq!(hash, token_hash(&token.clone()));
        assert_ne!(hash, token_hash(&InvitationToken::from_random([1; 32])));
    }
}
