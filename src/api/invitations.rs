//! Invitations (G7): a shopkeeper invites a manual supplier to register; the link opens a
//! registration pre-filled from that supplier, which creates the supplier account, links it
//! ("Vérifié") and signs it in.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::invitation::InvitationSent;
use crate::domain::invitation::{InvitationPreview, InvitationSignup};
use crate::domain::{AppError, OpId, Session};

/// `POST /api/invitations/send` — shopkeepers. Invites the shop's supplier `supplier_id` to
/// register: a single-use link valid 7 days under the configured site address (never the
/// request's `Host`), e-mailed to `email` (SMTP, or the outbox folder) and returned to be
/// shared by WhatsApp or copied. Refused (409 on `public_url`) when no address is configured.
#[server(prefix = "/api", endpoint = "invitations/send", input = Json)]
pub async fn send_invitation(
    op: OpId,
    supplier_id: String,
    email: String,
) -> Result<InvitationSent, AppError> {
    use crate::domain::invitation::{self, InvitationToken, TOKEN_BYTES};
    use crate::server::{mail, store};
    guard::shopkeeper(|state, caller| async move {
        let supplier_id = crate::domain::RecordKey::parse("supplier_id", &supplier_id)?;
        let email = invitation::invitee_email(&email)?;
        // Before anything is written: without an address of its own, no link can be made.
        let site_url = state.config.site_url().ok_or_else(|| {
            tracing::error!("invitation refused: set public_url (BOUTIQ_PUBLIC_URL)");
            AppError::conflict("public_url", "error.invitation.no_public_url")
        })?;
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes)
            .map_err(|e| crate::server::respond::internal("invitation token", e))?;
        let token = InvitationToken::from_random(bytes);
        let expires_at = invitation::expires_at(chrono::Utc::now()).to_rfc3339();
        let created = store::invitations::create(
            &state.db,
            &op,
            &caller,
            &supplier_id,
            &email,
            &token,
            &expires_at,
        )
        .await?;
        // A replayed request finds the first answer's invitation: its token is not ours and
        // its e-mail already left.
        if created.token_hash != store::invitations::token_hash(&token) {
            return Ok(InvitationSent {
                email: email.as_str().to_owned(),
                link: None,
                expires_at: created.expires_at,
                emailed: true,
            });
        }
        let link = invitation::link(&site_url, &token);
        let body = invitation_mail_body(&created, &link);
        let subject = format!(
            "{} vous invite sur Boutiq / invites you to Boutiq",
            created.shop_name
        );
        let message = mail::Mail {
            to: email.as_str(),
            subject: &subject,
            body: &body,
        };
        // Without SMTP the mail waits in the outbox folder: the supplier has not received it.
        let emailed = match mail::send(&state.config, &message, &created.id).await {
            Ok(mail::Delivery::Smtp) => true,
            Ok(mail::Delivery::Outbox(_)) => false,
            Err(error) => {
                tracing::error!(%error, invitation = created.id, "invitation e-mail not sent");
                false
            }
        };
        Ok(InvitationSent {
            email: email.as_str().to_owned(),
            link: Some(link),
            expires_at: created.expires_at,
            emailed,
        })
    })
    .await
}

/// `GET /api/invitations/get` — anyone with the link. What the registration form pre-fills;
/// an unknown, used or expired token is refused on the `token` field.
#[server(prefix = "/api", endpoint = "invitations/get", input = GetUrl)]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    use crate::domain::invitation::{self, InvitationToken};
    guard::anyone(|state| async move {
        let token = InvitationToken::parse(&token)?;
        let found = crate::server::store::invitations::find(&state.db, &token)
            .await?
            .ok_or_else(invitation::invalid)?;
        let Some(company_name) = found.supplier_name else {
            return Err(invitation::invalid());
        };
        let expires_at = chrono::DateTime::parse_from_rfc3339(&found.expires_at)
            .map_err(|e| crate::server::respond::internal("invitation expiry", e))?
            .to_utc();
        invitation::check_usable(expires_at, found.used, chrono::Utc::now())?;
        Ok(InvitationPreview {
            shop_name: found.shop_name,
            email: found.email,
            company_name,
            phone: found.phone.unwrap_or_default(),
            city: found.city.unwrap_or_default(),
            address: found.address.unwrap_or_default(),
            expires_at: found.expires_at,
        })
    })
    .await
}

/// `POST /api/invitations/accept` — anyone with the link. Creates the supplier account and
/// its verified profile, links the inviting shop's supplier to it, uses up the invitation, all
/// at once, then signs the new supplier in.
#[server(prefix = "/api", endpoint = "invitations/accept", input = Json)]
pub async fn accept_invitation(
    op: OpId,
    token: String,
    input: InvitationSignup,
) -> Result<Session, AppError> {
    use crate::domain::invitation::InvitationToken;
    use crate::domain::profile::ProfileInput;
    use crate::domain::{Email, Password, text};
    use crate::server::{auth, db::DbError, store};
    guard::anyone(|state| async move {
        let token = InvitationToken::parse(&token)?;
        let name = text::required("name", &input.name, 100)?;
        let email = Email::parse(&input.email)?;
        let password = Password::parse(&input.password)?;
        let profile = ProfileInput {
            company_name: input.company_name.clone(),
            phone: input.phone.clone(),
            city: input.city.clone(),
            address: input.address.clone(),
            ..ProfileInput::default()
        }
        .parse()?;
        let password_hash = auth::hash_password(password).await?;
        let account = store::invitations::NewSupplier {
            name: &name,
            email: &email,
            password_hash: &password_hash,
            profile: &profile,
        };
        let user_id = store::invitations::accept(&state.db, &op, &token, account)
            .await
            .map_err(|error| match error {
                DbError::Unique(index) if index == "user_email" => {
                    AppError::conflict("email", "error.email.taken")
                }
                other => other.into(),
            })?;
        tracing::info!(user_id, "supplier registered from an invitation");
        super::auth::start_session(&state, &user_id).await
    })
    .await
}

/// The e-mail text, French then English (the supplier has no language setting yet).
#[cfg(feature = "ssr")]
fn invitation_mail_body(
    created: &crate::server::store::invitations::Created,
    link: &str,
) -> String {
    let (shop, supplier) = (&created.shop_name, &created.supplier_name);
    let day = created.expires_at.get(..10).unwrap_or(&created.expires_at);
    format!(
        "Bonjour {supplier},\n\n\
         La boutique « {shop} » vous invite à créer votre compte fournisseur sur Boutiq : \
         recevez ses commandes et présentez votre catalogue à d'autres boutiques.\n\n\
         Inscrivez-vous ici (lien valable jusqu'au {day}, utilisable une fois) :\n{link}\n\n\
         ---\n\n\
         Hello {supplier},\n\n\
         The shop \"{shop}\" invites you to create your supplier account on Boutiq: receive its \
         orders and show your catalogue to other shops.\n\n\
         Register here (link valid until {day}, single use):\n{link}\n"
    )
}
