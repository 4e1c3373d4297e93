//! Outgoing e-mail: through SMTP when `BOUTIQ_SMTP_URL` is set, otherwise written to
//! `<data_dir>/outbox/<time>-<id>.eml` (a file any mail client opens) with its path in the log,
//! so a small install works without a mail server and a developer sees what would have left.

use std::path::PathBuf;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::config::Config;

/// A plain-text e-mail to one person.
pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Where an e-mail went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Handed to the SMTP server.
    Smtp,
    /// Written to this file of the outbox folder.
    Outbox(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("address {0:?}: {1}")]
    Address(String, String),
    #[error("message: {0}")]
    Message(String),
    #[error("smtp: {0}")]
    Smtp(String),
    #[error("outbox: {0}")]
    Outbox(String),
}

/// Sends `mail`; `id` names the message (its Message-ID and its outbox file).
pub async fn send(config: &Config, mail: &Mail<'_>, id: &str) -> Result<Delivery, MailError> {
    let message = build(config, mail, id)?;
    match config.smtp_url.as_deref() {
        Some(url) => {
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|e| MailError::Smtp(e.to_string()))?
                .build();
            transport
                .send(message)
                .await
                .map_err(|e| MailError::Smtp(e.to_string()))?;
            tracing::info!(
                to = mail.to,
                subject = mail.subject,
                "e-mail sent over SMTP"
            );
            Ok(Delivery::Smtp)
        }
        None => {
            let path = write_to_outbox(config, &message, id).await?;
            tracing::info!(
                path = %path.display(),
                to = mail.to,
                subject = mail.subject,
                "no SMTP configured (BOUTIQ_SMTP_URL): e-mail written to the outbox"
            );
            Ok(Delivery::Outbox(path))
        }
    }
}

fn build(config: &Config, mail: &Mail<'_>, id: &str) -> Result<Message, MailError> {
    let mailbox = |raw: &str| {
        raw.parse::<Mailbox>()
            .map_err(|e| MailError::Address(raw.to_owned(), e.to_string()))
    };
    let from = mailbox(&config.mail_from)?;
    let domain = from.email.domain().to_owned();
    Message::builder()
        .from(from)
        .to(mailbox(mail.to)?)
        .subject(mail.subject)
        .message_id(Some(format!("<{id}@{domain}>")))
        .header(ContentType::TEXT_PLAIN)
        // Readable text, safe over any SMTP server: long lines (links) get soft breaks (`=`
        // at the end of a line) that mail programs join again.
        .header(ContentTransferEncoding::QuotedPrintable)
        .body(mail.body.to_owned())
        .map_err(|e| MailError::Message(e.to_string()))
}

async fn write_to_outbox(
    config: &Config,
    message: &Message,
    id: &str,
) -> Result<PathBuf, MailError> {
    let folder = config.data_dir.join("outbox");
    tokio::fs::create_dir_all(&folder)
        .await
        .map_err(|e| MailError::Outbox(format!("{}: {e}", folder.display())))?;
    let time = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let safe_id: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let path = folder.join(format!("{time}-{safe_id}.eml"));
    tokio::fs::write(&path, message.formatted())
        .await
        .map_err(|e| MailError::Outbox(format!("{}: {e}", path.display())))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &str) -> Config {
        let folder = std::env::temp_dir().join(format!("boutiq-mail-{dir}-{}", std::process::id()));
        Config::for_tests(folder)
    }

    #[tokio::test]
    async fn without_smtp_the_mail_is_written_to_the_outbox() {
        let config = config("outbox");
        let link = format!("https://boutiq.example.sn/invitation/{}", "ab".repeat(32));
        let body = format!("Bonjour Moussa,\n\nInscrivez-vous ici : {link}\n");
        let mail = Mail {
            to: "moussa@example.sn",
            subject: "Invitation à rejoindre Boutiq",
            body: &body,
        };
        let Delivery::Outbox(path) = send(&config, &mail, "invitation-1").await.unwrap() else {
            panic!("no SMTP: outbox");
        };
        assert!(path.starts_with(config.data_dir.join("outbox")));
        assert!(path.to_string_lossy().ends_with("-invitation-1.eml"));
        // Quoted-printable splits long lines with soft breaks; the text here is plain ASCII.
        let text = std::fs::read_to_string(&path).unwrap().replace("=\r\n", "");
        assert!(text.contains("To: moussa@example.sn"), "{text}");
        assert!(text.contains(&link), "the link is whole: {text}");
        assert!(
            text.contains("Bonjour Moussa,\r\n\r\nInscrivez-vous ici"),
            "{text}"
        );
        let _ = std::fs::remove_dir_all(&config.data_dir);
    }

    #[tokio::test]
    async fn a_bad_address_is_refused_before_anything_is_written() {
        let config = config("bad");
        let mail = Mail {
            to: "not an address",
            subject: "x",
            body: "x",
        };
        assert!(matches!(
            send(&config, &mail, "x").await,
            Err(MailError::Address(..))
        ));
        assert!(!config.data_dir.join("outbox").exists());
    }
}
