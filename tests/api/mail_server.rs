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

// ---- The running service's batches (issue 21): events gathered from the
// store, batches after sealing and once a day, the stored outbox, the
// dashboard. Each test gets its own server, wired to the test Postfix.

use crate::console::{add_user, sign_in};
use crate::helpers::{spawn_app_with, thursday, TestApp};
use awc::http::StatusCode;
use parrhesia::staff::{EmailAddress, User};
use serde_json::json;

const PUBLIC: &str = "https://feedback.parrhesia.test";

/// A server that mails through `port` (plain SMTP on loopback).
async fn mailing_app(port: u16) -> TestApp {
    spawn_app_with(|c| {
        c.smtp = Some(config("127.0.0.1", port, "none", None));
        c.public_url = Some(PUBLIC.into());
    })
    .await
}

/// Give staff member `name` the address of test mailbox `mailbox` and,
/// when `kinds` is `Some`, exactly those kinds of mail.
async fn set_mail_to(app: &TestApp, name: &str, mailbox: &str, kinds: Option<Vec<mail::Kind>>) {
    let mut user: User = app.store.user_by_name(name).unwrap().unwrap();
    user.email = Some(EmailAddress::parse(&format!("{mailbox}@parrhesia.test")).unwrap());
    user.mail = kinds;
    app.store.update_user(user).await.unwrap();
}

/// [`set_mail_to`] the mailbox of the user's own name.
async fn set_mail(app: &TestApp, name: &str, kinds: Option<Vec<mail::Kind>>) {
    set_mail_to(app, name, name, kinds).await;
}

/// Organisation `org` (named after the run's tag) with round "spring"
/// (title tagged too, k = 3) and one week's critiques, sealed on the
/// next Monday's read (after Monday's daily batch when `daily_first`).
/// Returns the critique texts.
async fn sealed_week_of(app: &TestApp, org: &str, t: &str) -> Vec<&'static str> {
    sealed_week_with(app, org, t, false).await
}

async fn sealed_week_with(
    app: &TestApp,
    org: &str,
    t: &str,
    daily_first: bool,
) -> Vec<&'static str> {
    let a = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": org, "name": format!("Care Forum {t}")}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "spring", "organisation": org, "title": format!("Spring {t}"), "min_group": 3}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    app.publish_small_periods("spring", 3).await;
    let codes = app.codes("spring", 6).await;
    let texts = [
        ("leadership", "Nurse Patel SECRETWORD shouted at my father."),
        ("leadership", "Nobody tells us when the meetings are."),
        ("leadership", "The managers never come to our group."),
        ("leadership", "PRIVATE one more about leadership."),
        ("leadership", "PRIVATE and another one."),
        ("information", "HIDDENTHEME letters arrive too late."),
    ];
    for (code, (theme, text)) in codes.iter().zip(texts) {
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": [theme], "text": text, "quote_ok": true}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock.set(thursday() + time::Duration::days(4));
    if daily_first {
        let daily = app.mail.run().await.unwrap();
        assert!(daily.is_some(), "Monday's daily batch, before the sealing");
    }
    let d = app
        .get(&format!("/api/v1/organisations/{org}/digest"))
        .await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    texts.iter().map(|(_, t)| *t).collect()
}

/// The SECURITY.md test for "what mail reveals": after a sealing, the
/// organisation's user with an address gets ONE message for the batch,
/// with the release's link and the themes shown, no critique text and no
/// count; a user of the same organisation who opted out and a user of
/// another organisation get nothing; running again sends nothing more.
#[actix_web::test]
async fn after_a_sealing_the_organisations_user_gets_one_message_and_nobody_else() {
    let Some(server) = server() else { return };
    let app = mailing_app(server.port).await;
    let t = tag();
    let org = format!("care-{t}");
    app.admin_post(
        "/api/v1/admin/organisations",
        json!({"slug": "other", "name": "Other services"}),
    )
    .await;
    // The store does not check that the organisation exists yet.
    add_user(&app, "ann", Role::Organisation, Some(&org)).await;
    set_mail(&app, "ann", None).await;
    // Monday's daily batch runs first, so what follows is a batch of the
    // sealing's own.
    let texts = sealed_week_with(&app, &org, &t, true).await;
    // User names have three letters at least; cy's mailbox is "cy".
    add_user(&app, "cyd", Role::Organisation, Some(&org)).await;
    set_mail_to(&app, "cyd", "cy", Some(vec![])).await;
    add_user(&app, "bob", Role::Organisation, Some("other")).await;
    set_mail(&app, "bob", None).await;

    let report = app.mail.run().await.unwrap();
    assert!(
        report.is_some_and(|r| r.sent >= 1 && r.deferred == 0),
        "{report:?}"
    );
    let got = delivered(&server, "ann", &t, 1).await;
    assert_eq!(got.len(), 1, "one message for the batch");
    let body = decode_body(&got[0]);
    assert!(body.contains(&format!("Care Forum {t}")), "{body}");
    assert!(body.contains(&format!("{PUBLIC}/console/space")), "{body}");
    assert!(body.contains("Themes shown: Leadership"), "{body}");
    assert!(!body.contains("Information"), "a theme not shown: {body}");
    for text in &texts {
        let words: Vec<&str> = text.split_whitespace().take(3).collect();
        assert!(!body.contains(&words.join(" ")), "critique text: {body}");
    }
    assert!(!body.contains("SECRETWORD") && !body.contains("HIDDENTHEME"));
    let lower = body.to_lowercase();
    for count in [
        "about 5",
        "5 comments",
        "5 critiques",
        "6 critiques",
        "fewer than",
    ] {
        assert!(!lower.contains(count), "a count ({count}): {body}");
    }
    assert_eq!(
        header(&got[0], "Subject"),
        [format!("Parrhesia: a new release for Care Forum {t} is ready to answer").as_str()]
    );

    // Nothing new: no batch, no second message, now or the next minute.
    assert_eq!(app.mail.run().await.unwrap(), None);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(delivered(&server, "ann", &t, 2).await.len(), 1);
    assert!(
        delivered(&server, "cy", &t, 0).await.is_empty(),
        "opted out"
    );
    assert!(
        delivered(&server, "bob", &t, 0).await.is_empty(),
        "another organisation"
    );
    // The next day's batch does not tell of the release again.
    app.clock.set(thursday() + time::Duration::days(5));
    app.mail.run().await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(delivered(&server, "ann", &t, 2).await.len(), 1);
}

/// The daily batch runs once per day (injected clock): a moderator is
/// told quotes are waiting on Monday, not again on Monday, again on
/// Tuesday.
#[actix_web::test]
async fn the_daily_batch_runs_once_per_day() {
    let Some(server) = server() else { return };
    let app = mailing_app(server.port).await;
    let t = tag();
    add_user(&app, "bob", Role::Moderator, None).await;
    set_mail(&app, "bob", None).await;
    sealed_week_of(&app, &format!("care-{t}"), &t).await;
    // Quotable critiques of a shown theme wait for moderation.
    let q = app.admin_get("/api/v1/admin/quotes").await;
    assert!(
        !q.json()["quotes"].as_array().unwrap().is_empty(),
        "{}",
        q.body
    );

    let monday = app.mail.run().await.unwrap();
    assert!(monday.is_some(), "Monday's daily batch");
    assert_eq!(delivered(&server, "bob", &t, 1).await.len(), 1);
    assert_eq!(app.mail.run().await.unwrap(), None, "once a day");
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(delivered(&server, "bob", &t, 2).await.len(), 1);
    let m = &delivered(&server, "bob", &t, 1).await[0];
    assert_eq!(
        header(m, "Subject"),
        [format!("Parrhesia: quotes are waiting for moderation in Spring {t}").as_str()]
    );

    app.clock.set(thursday() + time::Duration::days(5));
    assert!(app.mail.run().await.unwrap().is_some(), "Tuesday's");
    assert_eq!(delivered(&server, "bob", &t, 2).await.len(), 2);
}

/// Forwards connections from `listener` to the test Postfix on `to`
/// (the mail server "comes back" on the port the service was given).
fn forward(listener: std::net::TcpListener, to: u16) {
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", to)) else {
                continue;
            };
            let (mut c2, mut s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            let (mut c, mut s) = (client, server);
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut c, &mut s);
                let _ = s.shutdown(std::net::Shutdown::Write);
            });
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut s2, &mut c2);
                let _ = c2.shutdown(std::net::Shutdown::Write);
            });
        }
    });
}

/// A failed send (nothing listens on the port) is kept, shown on the
/// administrators' dashboard by class, retried at the next batch once the
/// server is back and delivered then; a refused address is given up and
/// an administrator can dismiss it.
#[actix_web::test]
async fn a_failed_send_is_retried_next_batch_and_shown_on_the_dashboard() {
    let Some(server) = server() else { return };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = mailing_app(port).await;
    let t = tag();
    let org = format!("care-{t}");
    add_user(&app, "admin", Role::Administrator, None).await;
    sealed_week_of(&app, &org, &t).await;
    add_user(&app, "ann", Role::Organisation, Some(&org)).await;
    set_mail(&app, "ann", None).await;
    // No mailbox of that name: the server refuses it for good.
    add_user(&app, "dan", Role::Organisation, Some(&org)).await;
    set_mail(&app, "dan", None).await;

    let report = app.mail.run().await.unwrap().expect("a batch");
    assert_eq!((report.sent, report.deferred), (0, 2), "{report:?}");
    let admin = sign_in(&app, "admin").await;
    let page = admin.get("/console").await;
    assert!(page.body.contains("Staff mail"), "{}", page.body);
    assert_eq!(page.body.matches("data-failure=\"connection\"").count(), 2);
    assert!(page.body.contains("<td>ann</td>") && page.body.contains("<td>dan</td>"));
    assert!(!page.body.contains("ann@parrhesia.test"), "no addresses");
    // Not again the same day.
    assert_eq!(app.mail.run().await.unwrap(), None);

    // The server is back; the next day's batch retries.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    forward(listener, server.port);
    app.clock.set(thursday() + time::Duration::days(5));
    let report = app.mail.run().await.unwrap().expect("a batch");
    assert_eq!((report.sent, report.given_up), (1, 1), "{report:?}");
    assert_eq!(delivered(&server, "ann", &t, 1).await.len(), 1);

    let page = admin.get("/console").await;
    assert_eq!(page.body.matches("data-failure=\"permanent\"").count(), 1);
    assert!(page.body.contains("Not sent: given up"));
    assert!(!page.body.contains("<td>ann</td>"), "sent: gone");
    let action = page
        .body
        .split("action=\"/console/mail/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a dismiss form")
        .to_owned();
    let a = admin.post(&format!("/console/mail/{action}"), &[]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let page = admin.get("/console").await;
    assert!(page.body.contains("No mail is waiting, and none failed."));
}

/// Administrators are told of a new administrator at the next batch (the
/// user name only), not at the moment it happened; a moderator is not.
#[actix_web::test]
async fn administrators_are_told_of_a_new_administrator_at_the_next_batch() {
    let Some(server) = server() else { return };
    let app = mailing_app(server.port).await;
    let t = tag();
    add_user(&app, "ann", Role::Administrator, None).await;
    set_mail(&app, "ann", None).await;
    add_user(&app, "bob", Role::Moderator, None).await;
    set_mail(&app, "bob", None).await;
    // Today's daily batch has run (the ticker's first tick, or this).
    app.mail.run().await.unwrap();
    let boss = format!("boss-{t}");
    let ann = sign_in(&app, "ann").await;
    let a = ann
        .post(
            "/console/users",
            &[
                ("username", boss.as_str()),
                // The invitation itself goes at once (a staff action);
                // the administrators' note waits for the batch.
                ("email", "cy@parrhesia.test"),
                ("role", "administrator"),
                ("organisation", ""),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // Not now: nothing sealed, the daily batch has run.
    assert_eq!(app.mail.run().await.unwrap(), None);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(delivered(&server, "ann", &t, 0).await.is_empty());
    // The next day's batch tells administrators.
    app.clock.set(thursday() + time::Duration::days(1));
    app.mail.run().await.unwrap().expect("the daily batch");
    let got = delivered(&server, "ann", &t, 1).await;
    assert_eq!(got.len(), 1);
    assert_eq!(
        header(&got[0], "Subject"),
        ["Parrhesia: a new administrator"]
    );
    assert!(decode_body(&got[0]).contains(&format!("{boss} is now an administrator.")));
    assert!(delivered(&server, "bob", &t, 0).await.is_empty());
}

/// A period sealed without a release of its own (too few wrote) is told
/// to coordinators, as held back, once; the organisation's user hears of
/// no release.
#[actix_web::test]
async fn coordinators_are_told_when_a_period_is_held_back() {
    let Some(server) = server() else { return };
    let app = mailing_app(server.port).await;
    let t = tag();
    let org = format!("care-{t}");
    let a = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": org, "name": format!("Care Forum {t}")}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "spring", "organisation": org, "title": format!("Spring {t}"), "min_group": 3}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    add_user(&app, "bob", Role::Coordinator, None).await;
    set_mail(&app, "bob", None).await;
    add_user(&app, "ann", Role::Organisation, Some(&org)).await;
    set_mail(&app, "ann", None).await;
    let code = app.codes("spring", 1).await.remove(0);
    let a = app
        .submit_json(
            "spring",
            json!({"code": code, "themes": ["leadership"], "text": "Only one person wrote."}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    app.clock.set(thursday() + time::Duration::days(4));
    app.get(&format!("/api/v1/organisations/{org}/digest"))
        .await;

    app.mail.run().await.unwrap().expect("a batch");
    let got = delivered(&server, "bob", &t, 1).await;
    assert_eq!(got.len(), 1);
    assert_eq!(
        header(&got[0], "Subject"),
        [format!("Parrhesia: a period of Spring {t} was held back").as_str()]
    );
    let body = decode_body(&got[0]);
    assert!(
        body.contains(&format!("{PUBLIC}/console/rounds/spring")),
        "{body}"
    );
    assert!(!body.contains("Only one person"), "{body}");
    assert!(delivered(&server, "ann", &t, 0).await.is_empty());
    // Told once: the next day's batch does not repeat it.
    app.clock.set(thursday() + time::Duration::days(5));
    app.mail.run().await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(delivered(&server, "bob", &t, 2).await.len(), 1);
}

/// Issue 21's "done when", end to end: an organisation's user is told by
/// e-mail (through Postfix) that a release is out, opens the console page
/// the mail links to, answers there, and the public record shows the
/// answer on time.
#[actix_web::test]
async fn told_by_mail_an_organisation_answers_in_the_console_and_the_record_shows_it_on_time() {
    let Some(server) = server() else { return };
    let app = mailing_app(server.port).await;
    let t = tag();
    let org = format!("care-{t}");
    add_user(&app, "ann", Role::Organisation, Some(&org)).await;
    set_mail(&app, "ann", None).await;
    sealed_week_with(&app, &org, &t, true).await;
    app.mail.run().await.unwrap().expect("the sealing's batch");
    let got = delivered(&server, "ann", &t, 1).await;
    assert_eq!(got.len(), 1, "told once");
    let body = decode_body(&got[0]);
    assert!(body.contains(&format!("{PUBLIC}/console/space")), "{body}");
    assert!(body.contains("27 December 2026"), "answer by: {body}");
    // A week later, well inside the 28 days, ann answers in the console.
    app.clock.set(thursday() + time::Duration::days(11));
    let b = sign_in(&app, "ann").await;
    let space = b.get("/console/space").await;
    let field = "response-spring-2026-11-23-leadership";
    assert!(space.body.contains(field), "{}", space.body);
    let text = "Managers will join the residents' group every month.";
    let a = b
        .post(
            "/console/space/responses",
            &[
                ("round", "spring"),
                ("period", "2026-11-23"),
                ("theme", "leadership"),
                (field, text),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // The public record: answered on time, with the answer.
    let record = app.get(&format!("/o/{org}/record.json")).await;
    assert_eq!(record.status, StatusCode::OK, "{}", record.body);
    let record = record.json();
    let release = &record["rounds"][0]["releases"][0];
    assert_eq!(release["period"], "2026-11-23", "{record}");
    assert_eq!(release["standing"], "on_time", "{record}");
    let page = app.get(&format!("/o/{org}/record")).await;
    assert!(page.body.contains("Answered on time"), "{}", page.body);
    assert!(page.body.contains("Managers will join the residents"));
}
