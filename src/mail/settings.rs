//! The SMTP settings, validated: where staff mail goes out and as whom.
//! Read by [`crate::config`] from the TOML file and `PARRHESIA_SMTP_*`.

use std::net::IpAddr;
use std::path::PathBuf;
use zeroize::Zeroizing;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (RFC 3207), which MUST
    /// succeed: a server that does not offer it is an error, never a
    /// fallback to plain text. Default port 587 (RFC 6409).
    StartTls,
    /// TLS from the first byte ("implicit TLS", RFC 8314 §3.3), port 465.
    Tls,
    /// No TLS: only to a mail server on this machine (loopback), which then
    /// relays with its own TLS. Port 25.
    None,
}

impl Security {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "starttls" => Some(Self::StartTls),
            "tls" => Some(Self::Tls),
            "none" => Some(Self::None),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::StartTls => "starttls",
            Self::Tls => "tls",
            Self::None => "none",
        }
    }

    pub fn default_port(self) -> u16 {
        match self {
            Self::StartTls => 587,
            Self::Tls => 465,
            Self::None => 25,
        }
    }
}

/// Validated SMTP settings. The password is read from its file when the
/// configuration is loaded, held zeroed-on-drop, and never printed.
#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// User name for SMTP AUTH; none means no authentication.
    pub user: Option<String>,
    pub password: Option<Zeroizing<String>>,
    /// An extra trusted root certificate (PEM) for a mail server with a
    /// private certificate authority; otherwise Mozilla's roots.
    pub ca_file: Option<PathBuf>,
    /// The `From` address, e.g. `Parrhesia <parrhesia@example.org>`.
    pub sender: lettre::message::Mailbox,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<set>"))
            .field("ca_file", &self.ca_file)
            .field("sender", &self.sender.to_string())
            .finish()
    }
}

/// Whether `host` names this machine: `localhost` or a loopback address.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The raw settings as they come from the file or the environment.
#[derive(Debug, Default, Clone)]
pub struct RawSmtp {
    pub host: Option<String>,
    pub port: Option<u16>,
    pub security: Option<String>,
    pub user: Option<String>,
    pub password_file: Option<PathBuf>,
    pub ca_file: Option<PathBuf>,
    pub sender: Option<String>,
}

impl RawSmtp {
    /// `None` when no host is set (mail is off: the console shows one-time
    /// links instead); otherwise every other setting is checked and a
    /// plain message names the variable that is wrong.
    pub fn validate(self) -> anyhow::Result<Option<SmtpConfig>> {
        let Some(host) = self.host.filter(|h| !h.trim().is_empty()) else {
            return Ok(None);
        };
        let host = host.trim().to_owned();
        let security = match self.security.as_deref() {
            None => Security::StartTls,
            Some(raw) => Security::parse(raw).ok_or_else(|| {
                anyhow::anyhow!("PARRHESIA_SMTP_SECURITY must be starttls, tls or none")
            })?,
        };
        if security == Security::None && !is_loopback(&host) {
            anyhow::bail!(
                "PARRHESIA_SMTP_SECURITY=none is allowed only for a mail server on this \
                 machine (localhost, 127.0.0.1 or ::1): mail to {host} would cross the \
                 network unencrypted. Use starttls or tls."
            );
        }
        let port = match self.port {
            Some(0) => anyhow::bail!("PARRHESIA_SMTP_PORT must be 1-65535"),
            Some(p) => p,
            None => security.default_port(),
        };
        let sender: lettre::message::Mailbox = self
            .sender
            .as_deref()
            .ok_or_else(|| {
                anyhow::anyhow!("PARRHESIA_SMTP_SENDER is needed when PARRHESIA_SMTP_HOST is set")
            })?
            .parse()
            .map_err(|_| {
                anyhow::anyhow!(
                    "PARRHESIA_SMTP_SENDER must be an address such as \
                     \"Parrhesia <parrhesia@example.org>\""
                )
            })?;
        let user = self.user.filter(|u| !u.is_empty());
        let password = match (&user, self.password_file) {
            (Some(_), Some(path)) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    anyhow::anyhow!(
                        "could not read PARRHESIA_SMTP_PASSWORD_FILE {}: {}",
                        path.display(),
                        e.kind()
                    )
                })?;
                // One line; a trailing newline from `echo` is not part of it.
                let password = Zeroizing::new(text.trim_end_matches(['\r', '\n']).to_owned());
                drop(Zeroizing::new(text));
                if password.is_empty() {
                    anyhow::bail!("PARRHESIA_SMTP_PASSWORD_FILE {} is empty", path.display());
                }
                Some(password)
            }
            (Some(_), None) => anyhow::bail!(
                "PARRHESIA_SMTP_USER is set but PARRHESIA_SMTP_PASSWORD_FILE is not: put the \
                 password in a file readable only by the service and name it there"
            ),
            (None, Some(_)) => {
                anyhow::bail!("PARRHESIA_SMTP_PASSWORD_FILE is set but PARRHESIA_SMTP_USER is not")
            }
            (None, None) => None,
        };
        if password.is_some() && security == Security::None {
            // Loopback only, but a password in clear text is still a habit
            // not to teach.
            anyhow::bail!(
                "SMTP AUTH without TLS is refused: use starttls or tls, or no user for a \
                 local mail server"
            );
        }
        if let Some(ca) = &self.ca_file {
            if security == Security::None {
                anyhow::bail!("PARRHESIA_SMTP_CA_FILE needs starttls or tls");
            }
            if !ca.is_file() {
                anyhow::bail!("PARRHESIA_SMTP_CA_FILE {} is not a file", ca.display());
            }
        }
        Ok(Some(SmtpConfig {
            host,
            port,
            security,
            user,
            password,
            ca_file: self.ca_file,
            sender,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(host: &str, security: &str) -> RawSmtp {
        RawSmtp {
            host: Some(host.into()),
            security: Some(security.into()),
            sender: Some("Parrhesia <p@example.org>".into()),
            ..RawSmtp::default()
        }
    }

    #[test]
    fn no_host_means_no_mail() {
        assert!(RawSmtp::default().validate().unwrap().is_none());
        assert!(RawSmtp {
            host: Some(" ".into()),
            ..RawSmtp::default()
        }
        .validate()
        .unwrap()
        .is_none());
    }

    #[test]
    fn plain_smtp_only_to_this_machine() {
        for host in ["localhost", "127.0.0.1", "127.0.0.53", "::1", "[::1]"] {
            let c = raw(host, "none").validate().unwrap().unwrap();
            assert_eq!((c.security, c.port), (Security::None, 25), "{host}");
        }
        for host in [
            "mail.example.org",
            "10.0.0.1",
            "192.168.1.1",
            "::2",
            "localhost.example",
        ] {
            let err = raw(host, "none").validate().unwrap_err().to_string();
            assert!(
                err.contains("only for a mail server on this machine"),
                "{host}: {err}"
            );
        }
    }

    #[test]
    fn ports_default_by_security_and_bad_values_are_named() {
        let c = raw("mail.example.org", "starttls")
            .validate()
            .unwrap()
            .unwrap();
        assert_eq!(c.port, 587);
        let c = raw("mail.example.org", "tls").validate().unwrap().unwrap();
        assert_eq!(c.port, 465);
        let mut r = raw("mail.example.org", "ssl");
        assert!(r
            .clone()
            .validate()
            .unwrap_err()
            .to_string()
            .contains("SECURITY"));
        r.security = None;
        r.port = Some(0);
        assert!(r
            .clone()
            .validate()
            .unwrap_err()
            .to_string()
            .contains("PORT"));
        r.port = Some(2525);
        assert_eq!(
            r.clone().validate().unwrap().unwrap().security,
            Security::StartTls
        );
        r.sender = Some("not an address".into());
        assert!(r
            .clone()
            .validate()
            .unwrap_err()
            .to_string()
            .contains("SENDER"));
        r.sender = None;
        assert!(r.validate().unwrap_err().to_string().contains("SENDER"));
    }

    #[test]
    fn the_password_comes_from_a_file_and_never_prints() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("smtp-password");
        std::fs::write(&file, "s3cret-Pa55word\n").unwrap();
        let mut r = raw("mail.example.org", "tls");
        r.user = Some("parrhesia".into());
        assert!(r
            .clone()
            .validate()
            .unwrap_err()
            .to_string()
            .contains("PASSWORD_FILE"));
        r.password_file = Some(file.clone());
        let c = r.clone().validate().unwrap().unwrap();
        assert_eq!(
            c.password.as_deref().map(String::as_str),
            Some("s3cret-Pa55word")
        );
        assert!(!format!("{c:?}").contains("s3cret"));
        r.password_file = Some(dir.path().join("missing"));
        let err = r.clone().validate().unwrap_err().to_string();
        assert!(err.contains("could not read"), "{err}");
        std::fs::write(&file, "\n").unwrap();
        r.password_file = Some(file);
        assert!(r
            .clone()
            .validate()
            .unwrap_err()
            .to_string()
            .contains("empty"));
        let mut local = raw("127.0.0.1", "none");
        local.user = r.user;
        local.password_file = r.password_file;
        std::fs::write(local.password_file.as_ref().unwrap(), "x").unwrap();
        assert!(local
            .validate()
            .unwrap_err()
            .to_string()
            .contains("without TLS"));
    }
}
