//! Staff mail through a real mail server: Postfix on loopback, delivering
//! to Maildir mailboxes, started by `.ci/mail.sh` (which wraps the README's
//! test command in CI). Each test plans a batch, sends it through the
//! transport, and reads the delivered messages back from disk.
//!
//! Without the server's variables the tests print "skipped:" and pass,
//! except when `CI=true`: there they fail, so CI can never skip them.

use parrhesia::mail::{self, Event, Outbox, Preferences, Recipient, RunReport, SmtpConfig};
use parrhesia::staff::Role;
use std::path::PathBuf;
use std::time::Duration;
use time::{Date, Month};

/// Where `.ci/mail.sh` put the server.
struct Server {
    /// Plain SMTP with STARTTLS offered.
    port: u16,
    /// Implicit TLS.
    tls_port: u16,
    /// The private CA that signed the server's certificate (for localhost).
    ca: PathBuf,
    /// Maildir base: `<base>/<user>/new/…`.
    maildirs: PathBuf,
}

fn server() -> Option<Server> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match (
        var("PARRHESIA_TEST_SMTP_PORT"),
        var("PARRHESIA_TEST_SMTPS_PORT"),
        var("PARRHESIA_TEST_SMTP_CA"),
        var("PARRHESIA_TEST_MAILDIRS"),
    ) {
        (Some(p), Some(t), Some(ca), Some(dirs)) => Some(Server {
            port: p.parse().expect("port"),
            tls_port: t.parse().expect("port"),
            ca: ca.into(),
            maildirs: dirs.into(),
        }),
        _ if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("CI=true but no mail server: run the tests through .ci/mail.sh")
        }
        _ => {
            eprintln!(
                "skipped: PARRHESIA_TEST_SMTP_* unset (.ci/mail.sh starts Postfix on loopback \
                 and runs the tests with them)"
            );
            None
        }
    }
}

fn config(host: &str, port: u16, security: &str, ca: Option<&PathBuf>) -> SmtpConfig {
    mail::RawSmtp {
        host: Some(host.into()),
        port: Some(port),
        security: Some(security.into()),
        ca_file: ca.cloned(),
        sender: Some("Parrhesia <parrhesia@parrhesia.test>".into()),
        ..mail::RawSmtp::default()
    }
    .validate()
    .expect("valid settings")
    .expect("mail on")
}

fn today() -> Date {
    Date::from_calendar_date(2027, Month::January, 11).unwrap()
}

/// A tag unique to one test run, so tests sharing mailboxes find their own.
fn tag() -> String {
    parrhesia::encoding::hex(&parrhesia::secrets::random::bytes::<6>().unwrap())
}

fn release(org: &str, round: &str) -> Event {
    Event::ReleasePublished {
        organisation: org.into(),
        organisation_name: "Care Forum".into(),
        round_title: round.into(),
        period_label: "Week 1 of 2027 (4 to 10 January)".into(),
        themes_shown: vec!["Money, time and resources".into(), "Accessibility".into()],
        answer_by: Date::from_calendar_date(2027, Month::February, 7).unwrap(),
        path: "/console/space".into(),
    }
}

fn recipient(name: &str, role: Role, org: Option<&str>) -> Recipient {
    Recipient {
        user_id: format!("id-{name}"),
        username: name.into(),
        address: Some(format!("{name}@parrhesia.test")),
        role,
        organisation: org.map(str::to_owned),
        preferences: Preferences::default_for(role),
    }
}

/// Plan and send one batch; returns the run's report.
async fn send(config: &SmtpConfig, events: &[Event], people: &[Recipient]) -> (RunReport, Outbox) {
    let mailer = mail::Mailer::new(config).expect("mailer");
    let planned = mail::plan(events, people, "https://feedback.parrhesia.test");
    let mut outbox = Outbox::default();
    outbox.add(planned, today()).unwrap();
    let report = mail::send_due(&mailer, &mut outbox, today(), &[]).await;
    (report, outbox)
}

/// Undo quoted-printable (RFC 2045 §6.7) if the part uses it.
fn decode_body(raw: &str) -> String {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    if !head
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: quoted-printable")
    {
        return body.to_owned();
    }
    let joined = body.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The messages in `user`'s mailbox whose text contains `tag`, waiting up
/// to 20 s for `expected` of them (delivery is asynchronous).
async fn delivered(server: &Server, user: &str, tag: &str, expected: usize) -> Vec<String> {
    let dir = server.maildirs.join(user).join("new");
    let mut found = Vec::new();
    for _ in 0..200 {
        found = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .map(|m| m.replace("\r\n", "\n").replace('\n', "\r\n"))
                    .filter(|m| decode_body(m).contains(tag) || m.contains(tag))
                    .collect()
            })
            .unwrap_or_default();
        if found.len() >= expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    found
}

/// Every value of header `name`, unfolded (RFC 5322 §2.2.3).
fn header(message: &str, name: &str) -> Vec<String> {
    let head = message.split("\r\n\r\n").next().unwrap_or("");
    head.replace("\r\n ", " ")
        .replace("\r\n\t", " ")
        .split("\r\n")
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
        .collect()
}

/// One batch over each kind of connection: the organisation's user gets
/// one message for two releases, the moderator one for the waiting quotes,
/// another organisation's user nothing; headers, body and the link are as
/// planned, and TLS was really used where asked.
async fn a_batch_arrives(security: &str) {
    let Some(server) = server() else { return };
    let (host, port, ca) = match security {
        "none" => ("127.0.0.1", server.port, None),
        "starttls" => ("localhost", server.port, Some(&server.ca)),
        _ => ("localhost", server.tls_port, Some(&server.ca)),
    };
    let config = config(host, port, security, ca);
    let t = tag();
    let events = vec![
        release("care", &format!("Day services {t}")),
        release("care", &format!("Home care {t}")),
        release("other", &format!("Other round {t}")),
        Event::QuotesWaiting {
            round_title: format!("Day services {t}"),
            path: "/console/moderation".into(),
        },
    ];
    let people = [
        recipient("ann", Role::Organisation, Some("care")),
        recipient("bob", Role::Moderator, None),
        recipient("cy", Role::Organisation, Some("elsewhere")),
    ];
    let (report, outbox) = send(&config, &events, &people).await;
    assert_eq!(
        report,
        RunReport {
            sent: 2,
            deferred: 0,
            given_up: 0
        },
        "{security}"
    );
    assert!(outbox.is_empty());

    let ann = delivered(&server, "ann", &t, 1).await;
    assert_eq!(ann.len(), 1, "one message for both releases ({security})");
    let m = &ann[0];
    assert_eq!(header(m, "To"), ["ann@parrhesia.test"]);
    assert_eq!(header(m, "From"), ["Parrhesia <parrhesia@parrhesia.test>"]);
    assert_eq!(header(m, "Subject"), ["Parrhesia: 2 things need you"]);
    assert_eq!(header(m, "Message-ID").len(), 1);
    assert!(header(m, "Content-Type")[0].starts_with("text/plain"));
    let body = decode_body(m);
    assert!(body.starts_with("Hello ann,"), "{body}");
    assert!(
        body.contains(&format!("Day services {t}")) && body.contains(&format!("Home care {t}"))
    );
    assert!(
        !body.contains("Other round"),
        "another organisation's release"
    );
    assert!(body.contains("Themes shown: Money, time and resources, Accessibility."));
    assert!(body.contains("Please answer it by Sunday 7 February 2027"));
    assert!(body.contains("https://feedback.parrhesia.test/console/space"));
    // Postfix notes in its Received header whether the message came over
    // TLS: it must have for starttls and tls, and not for none.
    let received = header(m, "Received").join(" ");
    assert_eq!(
        received.contains("using TLS"),
        security != "none",
        "{security}: {received}"
    );

    let bob = delivered(&server, "bob", &t, 1).await;
    assert_eq!(bob.len(), 1);
    assert_eq!(
        header(&bob[0], "Subject"),
        [format!("Parrhesia: quotes are waiting for moderation in Day services {t}").as_str()]
    );
    assert!(delivered(&server, "cy", &t, 0).await.is_empty());
}

#[actix_web::test]
async fn a_batch_arrives_over_plain_smtp_on_loopback() {
    a_batch_arrives("none").await;
}

#[actix_web::test]
async fn a_batch_arrives_over_starttls() {
    a_batch_arrives("starttls").await;
}

#[actix_web::test]
async fn a_batch_arrives_over_implicit_tls() {
    a_batch_arrives("tls").await;
}

#[actix_web::test]
async fn a_server_certificate_we_do_not_trust_defers_the_mail() {
    let Some(server) = server() else { return };
    // Without the private CA, only Mozilla's roots: the test server's
    // certificate must be refused, never accepted or downgraded to plain.
    let config = config("localhost", server.port, "starttls", None);
    let t = tag();
    let (report, outbox) = send(
        &config,
        &[release("care", &format!("Refused {t}"))],
        &[recipient("ann", Role::Organisation, Some("care"))],
    )
    .await;
    assert_eq!(
        report,
        RunReport {
            sent: 0,
            deferred: 1,
            given_up: 0
        }
    );
    assert_eq!(
        outbox.rows()[0].last_failure,
        Some(mail::Failure::Connection)
    );
    assert!(delivered(&server, "ann", &t, 0).await.is_empty());
}

/// The message of `list` whose Subject is `subject`.
fn with_subject<'a>(list: &'a [String], subject: &str) -> &'a String {
    list.iter()
        .find(|m| header(m, "Subject") == [subject])
        .unwrap_or_else(|| panic!("no message {subject:?} among {}", list.len()))
}

/// Issue 21, end to end through Postfix: an administrator invites a user
/// by e-mail from the console; the invitation arrives in the mailbox with
/// a one-time link (and the console shows no link); the link sets the
/// password and the user signs in. Then the user forgets it: the reset
/// arrives, its link sets a new password, the old one and the used links
/// stop working, and the new one signs in.
#[actix_web::test]
async fn an_invitation_and_a_reset_arrive_and_their_links_work_end_to_end() {
    use crate::console::{add_user, sign_in, Browser};
    use crate::password_links::{invite, link_on, sign_in_with, token_of, use_link};
    use awc::http::StatusCode;
    let Some(server) = server() else { return };
    // Arrange: a server that mails through Postfix, and its administrator.
    let smtp = config("127.0.0.1", server.port, "none", None);
    let app = crate::helpers::spawn_app_with(|c| c.smtp = Some(smtp)).await;
    add_user(&app, "admin", Role::Administrator, None).await;
    let admin = sign_in(&app, "admin").await;
    let name = format!("ann-{}", tag());

    // Act: the invitation.
    let answer = invite(&admin, &name, "ann@parrhesia.test", "coordinator").await;
    // Assert: mailed, not shown.
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(
        answer.headers.get("location").unwrap(),
        "/console/users?done=invited"
    );
    let mail = delivered(&server, "ann", &name, 1).await;
    assert_eq!(mail.len(), 1, "the invitation arrived");
    let m = with_subject(&mail, "Your Parrhesia console account");
    assert_eq!(header(m, "To"), ["ann@parrhesia.test"]);
    let body = decode_body(m);
    assert!(body.contains(&format!("Your user name: {name}")), "{body}");
    assert!(body.contains("works once, for 72 hours"), "{body}");
    let invitation = token_of(&body);
    assert_eq!(invitation.len(), 64, "{body}");
    let users = admin.get("/console/users").await;
    assert!(link_on(&users.body).is_none() && !users.body.contains(&invitation));
    let backup = app.store.backup().await.unwrap();
    assert!(!backup.windows(64).any(|w| w == invitation.as_bytes()));
    // The link from the mail sets the password; the user signs in.
    let set = use_link(&app, &invitation, "my own first passphrase").await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let (a, _) = sign_in_with(&app, &name, "my own first passphrase").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);

    // Act: forgot password, by address.
    let asked = Browser::new(&app)
        .post_signed_out(
            "/console/password/forgot",
            &[("account", "ann@parrhesia.test")],
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    // Assert: the reset arrives, and its link works once.
    let mail = delivered(&server, "ann", &name, 2).await;
    let m = with_subject(&mail, "Reset your Parrhesia console password");
    assert_eq!(header(m, "To"), ["ann@parrhesia.test"]);
    let body = decode_body(m);
    assert!(body.contains("still need a code"), "{body}");
    let reset = token_of(&body);
    assert_ne!(reset, invitation);
    let set = use_link(&app, &reset, "my second passphrase now").await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let (a, _) = sign_in_with(&app, &name, "my second passphrase now").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let (old, _) = sign_in_with(&app, &name, "my own first passphrase").await;
    assert_eq!(old.status, StatusCode::BAD_REQUEST);
    for used in [&invitation, &reset] {
        let again = use_link(&app, used, "yet another passphrase here").await;
        assert_eq!(again.status, StatusCode::GONE);
    }
}
