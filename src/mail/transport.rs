//! Sending through SMTP with lettre: STARTTLS that must succeed, implicit
//! TLS, or plain SMTP to a mail server on this machine only (checked in
//! [`super::settings`]). TLS is rustls on ring with Mozilla's roots, plus
//! an optional private root.
//!
//! # Security contract
//! Errors are reduced to a [`Failure`] class before they leave this file:
//! lettre's errors carry the server's reply, which can quote addresses.
//! The runner ([`send_due`]) logs only how many were sent and deferred.

use super::outbox::{Failure, Outbox};
use super::settings::{Security, SmtpConfig};
use anyhow::Context;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use time::Date;

/// How long one SMTP conversation may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A configured SMTP connection (opened per message; batches are small).
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    sender: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mailer")
    }
}

impl Mailer {
    pub fn new(config: &SmtpConfig) -> anyhow::Result<Self> {
        let tls = || -> anyhow::Result<TlsParameters> {
            let mut params = TlsParameters::builder(config.host.clone());
            if let Some(ca) = &config.ca_file {
                let pem = std::fs::read(ca).with_context(|| {
                    format!("could not read PARRHESIA_SMTP_CA_FILE {}", ca.display())
                })?;
                let cert = Certificate::from_pem(&pem).map_err(|_| {
                    anyhow::anyhow!(
                        "PARRHESIA_SMTP_CA_FILE {} is not a PEM certificate",
                        ca.display()
                    )
                })?;
                params = params.add_root_certificate(cert);
            }
            params
                .build_rustls()
                .map_err(|_| anyhow::anyhow!("could not set up TLS for {}", config.host))
        };
        let tls = match config.security {
            Security::StartTls => Tls::Required(tls()?),
            Security::Tls => Tls::Wrapper(tls()?),
            Security::None => Tls::None,
        };
        // EHLO with the sender's domain: a name the mail server can check,
        // and nothing about this machine's host name.
        let hello = ClientId::Domain(config.sender.email.domain().to_owned());
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
            .port(config.port)
            .tls(tls)
            .hello_name(hello)
            .timeout(Some(TIMEOUT));
        if let (Some(user), Some(password)) = (&config.user, &config.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.to_string()));
        }
        Ok(Self {
            transport: builder.build(),
            sender: config.sender.clone(),
        })
    }

    /// The message as it goes on the wire: plain text, UTF-8, a random
    /// Message-ID at the sender's domain. lettre adds `Date` (the send
    /// time, which is the batch's fixed time).
    pub fn message(&self, to: &str, subject: &str, body: &str) -> Result<Message, Failure> {
        let to: Mailbox = to.parse().map_err(|_| Failure::Permanent)?;
        let id = crate::secrets::random::bytes::<16>().map_err(|_| Failure::Transient)?;
        Message::builder()
            .from(self.sender.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!(
                "<{}@{}>",
                crate::encoding::hex(&id),
                self.sender.email.domain()
            )))
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|_| Failure::Permanent)
    }

    /// Send one message; the error is only its class.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), Failure> {
        let message = self.message(to, subject, body)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| classify(&e))
    }
}

fn classify(e: &lettre::transport::smtp::Error) -> Failure {
    // RFC 4954 §6: 535 is a refused authentication, 454/534/538 its
    // temporary and policy variants.
    let auth = e
        .status()
        .is_some_and(|c| matches!(c.to_string().as_str(), "535" | "534" | "538" | "454"));
    if auth {
        Failure::Authentication
    } else if e.is_permanent() {
        Failure::Permanent
    } else if e.is_transient() {
        Failure::Transient
    } else {
        Failure::Connection
    }
}

/// What a run of [`send_due`] did, for the log: counts only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunReport {
    pub sent: usize,
    pub deferred: usize,
    pub given_up: usize,
}

/// Try every delivery that is due on `today`, each up to
/// `1 + pauses.len()` times within this run (waiting `pauses[i]` before
/// the `i+2`-th try) while its failure is retryable; then record the
/// outcome in the outbox. Logs only the counts.
pub async fn send_due(
    mailer: &Mailer,
    outbox: &mut Outbox,
    today: Date,
    pauses: &[Duration],
) -> RunReport {
    let mut report = RunReport::default();
    for id in outbox.due(today) {
        let Some(d) = outbox.get(&id) else { continue };
        let (to, subject, body) = (
            d.message.to.clone(),
            d.message.subject.clone(),
            d.message.body.clone(),
        );
        let mut result = mailer.send(&to, &subject, &body).await;
        for pause in pauses {
            match result {
                Err(f) if f.retryable() => {
                    tokio::time::sleep(*pause).await;
                    result = mailer.send(&to, &subject, &body).await;
                }
                _ => break,
            }
        }
        match result {
            Ok(()) => {
                outbox.sent(&id);
                report.sent += 1;
            }
            Err(f) => {
                outbox.failed(&id, f, today);
                match outbox.get(&id).map(|d| d.state) {
                    Some(super::outbox::State::GaveUp) => report.given_up += 1,
                    _ => report.deferred += 1,
                }
            }
        }
    }
    if report.deferred + report.given_up > 0 {
        tracing::warn!(
            sent = report.sent,
            deferred = report.deferred,
            given_up = report.given_up,
            "some staff mail could not be sent; the console's mail page lists it"
        );
    } else if report.sent > 0 {
        tracing::info!(sent = report.sent, "staff mail sent");
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::plan::{Kind, Planned};
    use crate::mail::settings::RawSmtp;

    fn local(port: u16) -> SmtpConfig {
        RawSmtp {
            host: Some("127.0.0.1".into()),
            port: Some(port),
            security: Some("none".into()),
            sender: Some("Parrhesia <parrhesia@example.org>".into()),
            ..RawSmtp::default()
        }
        .validate()
        .unwrap()
        .unwrap()
    }

    #[test]
    fn messages_are_plain_text_with_a_random_id_at_the_sender_domain() {
        let mailer = Mailer::new(&local(25)).unwrap();
        let m = mailer
            .message(
                "ann@example.org",
                "Parrhesia: hello",
                "Hello Ann,\n\nä body\n",
            )
            .unwrap();
        let wire = String::from_utf8(m.formatted()).unwrap();
        assert!(
            wire.contains("From: Parrhesia <parrhesia@example.org>"),
            "{wire}"
        );
        assert!(wire.contains("To: ann@example.org"));
        assert!(wire.contains("Subject: Parrhesia: hello"));
        assert!(wire.contains("Content-Type: text/plain; charset=utf-8"));
        let id = wire
            .lines()
            .find_map(|l| l.strip_prefix("Message-ID: <"))
            .unwrap();
        assert!(id.ends_with("@example.org>") && id.len() == 32 + 13, "{id}");
        assert_eq!(
            mailer.message("not an address", "s", "b").err(),
            Some(Failure::Permanent)
        );
    }

    #[actix_web::test]
    async fn an_unreachable_server_defers_and_counts_without_losing_the_message() {
        // A port nothing listens on: bind, note it, close.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mailer = Mailer::new(&local(port)).unwrap();
        let today = crate::clock::day(2027, 1, 4);
        let mut outbox = Outbox::default();
        let planned = Planned {
            user_id: "u1".into(),
            to: "ann@example.org".into(),
            kinds: vec![Kind::Releases],
            subject: "s".into(),
            body: "b".into(),
        };
        outbox.add(vec![planned], today).unwrap();
        let report = send_due(&mailer, &mut outbox, today, &[Duration::ZERO]).await;
        assert_eq!(
            report,
            RunReport {
                sent: 0,
                deferred: 1,
                given_up: 0
            }
        );
        let row = &outbox.rows()[0];
        assert_eq!(row.attempts, 1, "in-run retries count as one attempt");
        assert_eq!(row.last_failure, Some(Failure::Connection));
        assert!(outbox.due(today).is_empty(), "not again the same day");
    }
}
