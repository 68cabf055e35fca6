//! Administrators' pages: users and roles, keys, backups, the action log.

use super::{csrf, notice, page, select, text_field, value, wide_table, Errors, Frame, Values};
use crate::domain::Organisation;
use crate::staff::{Action, Role, User};
use maud::{html, Markup};

pub fn users(
    frame: &Frame,
    users: &[User],
    orgs: &[Organisation],
    values: &Values,
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    let roles: Vec<(String, String)> = Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), r.label().to_owned()))
        .collect();
    let mut org_options = vec![(String::new(), "None (host staff)".to_owned())];
    org_options.extend(orgs.iter().map(|o| (o.slug.to_string(), o.name.clone())));
    page(
        Some(frame),
        "Users and roles",
        errors,
        html! {
            (notice(done))
            h1 { "Users and roles" }
            ul {
                li { strong { "Administrator" } ": everything, including users and keys." }
                li { strong { "Coordinator" } ": organisations, rounds, cards, invitations and periods." }
                li { strong { "Moderator" } ": quote moderation only." }
                li { strong { "Organisation user" } ": one organisation's digest, responses and pledges." }
            }
            (wide_table("Accounts", html! { table.table {
                caption.table-caption { "Accounts" }
                thead { tr { th scope="col" { "User name" } th scope="col" { "Role" } th scope="col" { "Organisation" } th scope="col" { "Two-step sign-in" } th scope="col" { "Change" } } }
                tbody {
                    @for u in users {
                        tr {
                            td { (u.username) }
                            td { (u.role.label()) }
                            td { @if let Some(o) = &u.organisation { (o) } }
                            td { @if u.second_factor.is_some() { "On" } @else { "Off" } }
                            td {
                                @if u.username.as_str() != frame.username {
                                    @let role_id = format!("role-{}", u.id);
                                    @let org_id = format!("organisation-{}", u.id);
                                    form method="post" action=(format!("/console/users/{}/role", u.id)) novalidate {
                                        (csrf(frame))
                                        (select(&role_id, &format!("Role of {}", u.username), &roles,
                                            if value(values, &role_id).is_empty() { u.role.as_str() } else { value(values, &role_id) }, errors))
                                        (select(&org_id, &format!("Organisation of {}", u.username), &org_options,
                                            if value(values, &org_id).is_empty() { u.organisation.as_ref().map(|o| o.as_str()).unwrap_or("") } else { value(values, &org_id) }, errors))
                                        button.button.button-secondary type="submit" { "Change role" span.visually-hidden { " of " (u.username) } }
                                    }
                                    form method="post" action=(format!("/console/users/{}/remove", u.id)) {
                                        (csrf(frame))
                                        button.button.button-secondary type="submit" { "Remove " span.visually-hidden { (u.username) } }
                                    }
                                } @else { "You" }
                            }
                        }
                    }
                }
            } }))
            h2 { "Invite a user" }
            p { "They get a link by e-mail to choose their own password: it works once, for 72 hours. \
                Without mail set up on this server, the next page shows the link once for you to pass on." }
            form method="post" action="/console/users" novalidate {
                (csrf(frame))
                (text_field("username", "User name", Some("3 to 64 characters: lower-case letters, digits, dots, hyphens, underscores or @."), "text", value(values, "username"), errors, "off"))
                (text_field("email", "E-mail address", Some("Where the invitation goes, and later any password reset."), "email", value(values, "email"), errors, "off"))
                (select("role", "Role", &roles, value(values, "role"), errors))
                (select("organisation", "Organisation (organisation users only)", &org_options, value(values, "organisation"), errors))
                button.button type="submit" { "Invite user" }
            }
        },
    )
}

/// Keys in use, by id and fingerprint.
pub struct KeyView {
    pub master_ids: Vec<String>,
    pub master_current: String,
    /// Privacy Pass issuer keys: (round, key id hex, first day it issues).
    pub token_keys: Vec<(String, String, String)>,
    /// SHA-256 of the log's Ed25519 public key, hex.
    pub log_key_fingerprint: String,
}

pub fn keys(frame: &Frame, k: &KeyView) -> Markup {
    page(
        Some(frame),
        "Keys",
        &[],
        html! {
            h1 { "Keys" }
            p { "Keys live in the key directory, outside the data directory. None of them is ever shown here, only ids and fingerprints." }
            h2 { "Master keys (encryption at rest)" }
            p { "Current: " code { (k.master_current) } }
            ul { @for id in &k.master_ids { li { code { (id) } } } }
            p { "Rotation needs the server stopped, so it is not a button here. Stop the server, run "
                code { "parrhesia keys rotate --keys DIR --data DIR" }
                ", then start it again (README.md, \"Keys and backups\"). Old keys stay, so older periods remain readable until their retention ends." }
            h2 { "Privacy Pass issuer keys" }
            p { "One per round, made when the round first needs one and rotated while the server runs (the next key is logged two weeks before it starts); every key is in the audit log before anyone is given it." }
            table.table {
                caption.visually-hidden { "Privacy Pass issuer keys" }
                thead { tr { th scope="col" { "Round" } th scope="col" { "Key id (SHA-256)" } th scope="col" { "Issues from" } } }
                tbody { @for (round, id, from) in &k.token_keys { tr { td { (round) } td { code.wrap { (id) } } td { (from) } } } }
            }
            h2 { "Log signing key" }
            p { "Fingerprint (SHA-256 of the public key): " code.wrap { (k.log_key_fingerprint) } }
        },
    )
}

pub fn backups(frame: &Frame) -> Markup {
    page(
        Some(frame),
        "Backups",
        &[],
        html! {
            h1 { "Backups" }
            p { "A backup is a consistent snapshot of the data directory, taken while the server runs. It never holds a key: \
                back up the key directory separately and keep the two apart." }
            p { "Run " code { "parrhesia backup --server URL --out FILE" } " with the admin token in PARRHESIA_ADMIN_TOKEN, \
                and restore with " code { "parrhesia restore --from FILE --data DIR" } " (README.md, \"Keys and backups\")." }
        },
    )
}

pub fn staff_log(frame: &Frame, actions: &[Action]) -> Markup {
    page(
        Some(frame),
        "Staff action log",
        &[],
        html! {
            h1 { "Staff action log" }
            p { "Who did what, to which round, in which period: staff accountability. It never records anything about \
                participants, and no time finer than the period." }
            @if actions.is_empty() {
                p { "Nothing yet." }
            } @else {
                (wide_table("Staff actions", html! { table.table {
                    caption.visually-hidden { "Staff actions, newest period first" }
                    thead { tr { th scope="col" { "Period" } th scope="col" { "Who" } th scope="col" { "What" } th scope="col" { "Round" } th scope="col" { "Detail" } } }
                    tbody {
                        @for a in actions {
                            tr {
                                td { (a.period) }
                                td { (a.actor) }
                                td { (a.action) }
                                td { @if let Some(r) = &a.round { (r) } }
                                td { @if let Some(s) = &a.subject { (s) } }
                            }
                        }
                    }
                } }))
            }
        },
    )
}
