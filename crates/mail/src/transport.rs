//! Where mail goes: an SMTP server (`KONTOR_SMTP_URL`), or, with none configured, `.eml` files
//! in a folder with each link printed in the log, so every email flow can be finished on a
//! machine without a mail server.

use crate::outbox::QueuedMail;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("the sender {0:?} is not a valid mailbox (e.g. \"Kontor <noreply@example.com>\")")]
    Sender(String),
    #[error("the SMTP URL is not valid: {0}")]
    SmtpUrl(lettre::transport::smtp::Error),
    #[error("cannot create the mail folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("the recipient {0:?} is not a valid mailbox")]
    Recipient(String),
    #[error("the mail could not be built: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the mail file: {0}")]
    File(#[from] lettre::transport::file::Error),
}

#[derive(Clone)]
pub struct MailTransport {
    from: Mailbox,
    channel: Channel,
}

#[derive(Clone)]
enum Channel {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

impl MailTransport {
    /// `smtp://user:password@host:587?tls=required`, `smtps://…`, or `smtp://127.0.0.1:1025`.
    pub fn smtp(url: &str, from: &str) -> Result<MailTransport, MailConfigError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(MailConfigError::SmtpUrl)?
            .timeout(Some(Duration::from_secs(15)))
            .build();
        Ok(MailTransport {
            from: sender(from)?,
            channel: Channel::Smtp(transport),
        })
    }

    pub fn folder(path: PathBuf, from: &str) -> Result<MailTransport, MailConfigError> {
        std::fs::create_dir_all(&path).map_err(|source| MailConfigError::Folder {
            path: path.clone(),
            source,
        })?;
        Ok(MailTransport {
            from: sender(from)?,
            channel: Channel::Folder(AsyncFileTransport::new(&path), path),
        })
    }

    pub async fn send(&self, mail: &QueuedMail) -> Result<(), SendError> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|_| SendError::Recipient(mail.recipient.clone()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                mail.html.clone(),
            ))?;
        match &self.channel {
            Channel::Smtp(smtp) => {
                smtp.send(message).await?;
            }
            Channel::Folder(files, path) => {
                let id = files.send(message).await?;
                // The log is the newcomer's inbox: say where the mail is and which links it has.
                let links: Vec<&str> = mail
                    .text
                    .split_whitespace()
                    .filter(|word| word.starts_with("http://") || word.starts_with("https://"))
                    .collect();
                tracing::info!(
                    to = %mail.recipient,
                    subject = %mail.subject,
                    file = %path.join(format!("{id}.eml")).display(),
                    links = ?links,
                    "mail saved (no SMTP server configured)"
                );
            }
        }
        Ok(())
    }
}

fn sender(from: &str) -> Result<Mailbox, MailConfigError> {
    from.parse()
        .map_err(|_| MailConfigError::Sender(from.to_owned()))
}
