//! Staff mail as a use case (issue 21): the batch runner, the events it
//! gathers, each user's mail settings, and the dashboard's view of the
//! outbox. The pieces it drives live in [`crate::mail`].
//!
//! # When a batch runs
//! A minute beat of its own (beside the sealing ticker, so a slow mail
//! server never delays sealing) calls [`tick`]. A batch runs only if (a) the daily batch has not run yet today (the
//! first tick of each day, UTC), or (b) a sealing has published a release
//! or held a period back that nobody was told about yet. Nothing a
//! participant does calls this, and a staff member's early close is picked
//! up by the next tick, not sent from inside their request.
//!
//! # Why events are derived from state at batch time
//! Releases, held-back periods, waiting quotes and periods past due are
//! read from the store when the batch runs, not queued when they happen:
//! a queue of "what happened" would be one more record of when things
//! happened, and a crash between the event and its queueing would lose
//! it. What must be remembered is only what was already told (`announced`,
//! round and period ids, forgotten once a release can no longer be
//! answered) and the security events that leave no state of their own (a
//! new administrator, refused sign-ins); the vault's master key id is
//! compared with the one seen at the last batch to tell a rotation.
//!
//! # Security contract
//! - Events carry only what [`crate::mail::Event`] allows: published
//!   names and labels, staff user names, days. Quotes waiting is a state,
//!   never a number; refused sign-ins are a state ("repeatedly": the
//!   limiter's threshold was reached), never a count.
//! - The outbox and schedule are stored (dates only) and claimed before
//!   sending (compare-and-swap), so a restart neither loses nor resends a
//!   batch; a crash after a send and before its outcome is stored sends
//!   that one message again (at least once, never silently lost).
//! - Nothing about a failed send is logged beyond the counts
//!   ([`crate::mail::send_due`]); the dashboard shows its class.

use super::{moderation, rounds, App, AppError};
use crate::digest::disclosure::Figure;
use crate::digest::record::deadline;
use crate::domain::Period;
use crate::mail::outbox::{Row, State};
use crate::mail::{self, Event, Kind, MailState, Recipient, RunReport, Security, Trigger};
use crate::staff::{EmailAddress, Role, User};
use crate::store::{Store, StoreError};
use std::collections::BTreeSet;
use std::time::Duration;
use time::Date;

/// Pause before the one in-run retry of a delivery that failed.
const RETRY_PAUSE: [Duration; 1] = [Duration::from_secs(2)];

fn internal(what: &str) -> impl Fn(serde_json::Error) -> AppError + '_ {
    move |e| AppError::Internal(anyhow::anyhow!("{what}: {e}"))
}

/// The stored mail state and its bytes (for the compare-and-swap).
async fn load(app: &App) -> Result<(Option<Vec<u8>>, MailState), AppError> {
    let raw = app.store.read(|s| s.mail_state()).await?;
    let state = MailState::from_bytes(raw.as_deref()).map_err(internal("mail state"))?;
    Ok((raw, state))
}

/// Store `state` if the stored state is still `raw`; false when another
/// runner changed it first.
async fn swap(app: &App, raw: Option<Vec<u8>>, state: &MailState) -> Result<bool, AppError> {
    let bytes = state.to_bytes().map_err(internal("mail state"))?;
    match app.store.swap_mail_state(raw, bytes).await {
        Ok(()) => Ok(true),
        Err(crate::store::StoreError::Exists(_)) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Run a batch if one is due on `today` (see the module's comment). What
/// it did, or `None` when no batch ran (or SMTP is not configured).
pub async fn tick(app: &App, today: Date) -> Result<Option<RunReport>, AppError> {
    let Some(mailer) = app.mailer.clone() else {
        return Ok(None);
    };
    let _one_runner = app.mail_lock.lock().await;
    let (raw, mut state) = load(app).await?;
    let announced = state.announced.clone();
    let (sealed, window) = app
        .store
        .read(move |s| sealed_events(s, &announced, today))
        .await?;
    let trigger = if state.schedule.may_run(Trigger::Daily, today) {
        Trigger::Daily
    } else if !sealed.is_empty() {
        Trigger::Sealed
    } else {
        return Ok(None);
    };
    let mut events: Vec<Event> = sealed.iter().map(|(_, e)| e.clone()).collect();
    if trigger == Trigger::Daily {
        events.extend(waiting(app, today).await?);
    }
    let master = app.master_keys.1.clone();
    if state.master_key.as_ref().is_some_and(|k| *k != master) {
        state.note(Security::KeysRotated {
            which: "master".into(),
        });
    }
    events.extend(state.security.drain(..).map(Event::Security));
    let planned = mail::plan(&events, &recipients(app).await?, app.public_url());
    state
        .outbox
        .add(planned, today)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("the random generator failed")))?;
    state.announced.retain(|k| window.contains(k));
    state.announced.extend(sealed.into_iter().map(|(k, _)| k));
    state.master_key = Some(master);
    state.schedule.ran(trigger, today);
    // Claim the batch before sending: a runner that loses the race sends
    // nothing.
    if !swap(app, raw, &state).await? {
        return Ok(None);
    }
    let tried = state.outbox.due(today);
    let mut after = state.clone();
    let report = mail::send_due(&mailer, &mut after.outbox, today, &RETRY_PAUSE).await;
    // Store the outcomes, on top of whatever changed meanwhile (an
    // administrator's dismissal).
    for _ in 0..5 {
        let (raw, mut fresh) = load(app).await?;
        for id in &tried {
            fresh.outbox.settle(id, after.outbox.get(id).cloned());
        }
        if swap(app, raw, &fresh).await? {
            return Ok(Some(report));
        }
    }
    Err(AppError::Internal(anyhow::anyhow!(
        "could not store the mail batch's outcome"
    )))
}

/// New events with their `round/period` keys, and the keys still kept.
type Sealed = (Vec<(String, Event)>, BTreeSet<String>);

/// Releases published and periods held back that nobody was told about,
/// each with its `round/period` key; and the keys of every sealed period
/// whose release may still be answered (what `announced` keeps).
/// A group of reads ([`Store::read`]).
fn sealed_events(
    store: &Store,
    announced: &BTreeSet<String>,
    today: Date,
) -> Result<Sealed, StoreError> {
    let mut new = Vec::new();
    let mut window = BTreeSet::new();
    for org in store.organisations()? {
        for round in store.rounds_of(&org.slug)? {
            for sealed in store.sealed_digests(&round.slug)? {
                let Some(period) = Period::from_id(&sealed.period, round.period) else {
                    continue;
                };
                let last = rounds::last_day_in(store, &round, period)?;
                let days = sealed
                    .release
                    .as_ref()
                    .and_then(|r| r.answer_days())
                    .unwrap_or(round.days_to_answer);
                let answer_by = deadline(period, days).max(last + time::Duration::days(1));
                if answer_by < today {
                    continue;
                }
                let key = format!("{}/{}", round.slug, sealed.period);
                window.insert(key.clone());
                if announced.contains(&key) {
                    continue;
                }
                let event = match &sealed.release {
                    Some(release) => Event::ReleasePublished {
                        organisation: org.slug.to_string(),
                        organisation_name: org.name.clone(),
                        round_title: round.title.clone(),
                        period_label: release.label.clone(),
                        themes_shown: release
                            .themes
                            .iter()
                            .filter(|t| !matches!(t.figure, Figure::FewerThan(_)))
                            .map(|t| t.label.clone())
                            .collect(),
                        answer_by,
                        path: "/console/space".into(),
                    },
                    None => Event::PeriodHeldBack {
                        round_title: round.title.clone(),
                        period_label: period.label_until(last),
                        path: format!("/console/rounds/{}", round.slug),
                    },
                };
                new.push((key, event));
            }
        }
    }
    Ok((new, window))
}

/// What the daily batch adds: rounds with quotes waiting (a state, not a
/// number) and periods that ended and are still not sealed.
async fn waiting(app: &App, today: Date) -> Result<Vec<Event>, AppError> {
    let mut events = Vec::new();
    let rounds: BTreeSet<String> = moderation::pending_quotes(app)
        .await?
        .into_iter()
        .map(|q| q.round)
        .collect();
    let (rounds, due) = app
        .store
        .read(move |s| {
            let mut found = Vec::new();
            for slug in rounds {
                found.extend(s.round(&slug)?);
            }
            Ok::<_, StoreError>((found, s.periods_due(today)?))
        })
        .await?;
    for round in rounds {
        events.push(Event::QuotesWaiting {
            round_title: round.title,
            path: "/console/moderation".into(),
        });
    }
    for (round, period) in due {
        if let Some(p) = Period::from_id(&period, round.period) {
            events.push(Event::PeriodDue {
                period_label: p.label(),
                path: format!("/console/rounds/{}", round.slug),
                round_title: round.title,
            });
        }
    }
    Ok(events)
}

/// Every staff member as a possible recipient.
async fn recipients(app: &App) -> Result<Vec<Recipient>, AppError> {
    Ok(app
        .store
        .read(|s| s.users())
        .await?
        .into_iter()
        .map(|u| Recipient {
            preferences: u.mail_preferences(),
            user_id: u.id,
            username: u.username.to_string(),
            address: u.email.map(String::from),
            role: u.role,
            organisation: u.organisation.map(|o| o.to_string()),
        })
        .collect())
}

/// Keep a security event for the next batch (nothing is kept without
/// SMTP: there would be nobody to tell).
pub async fn note_security(app: &App, event: Security) -> Result<(), AppError> {
    if app.mailer.is_none() {
        return Ok(());
    }
    let _one_runner = app.mail_lock.lock().await;
    for _ in 0..5 {
        let (raw, mut state) = load(app).await?;
        if state.security.contains(&event) {
            return Ok(());
        }
        state.note(event.clone());
        if swap(app, raw, &state).await? {
            return Ok(());
        }
    }
    Err(AppError::Internal(anyhow::anyhow!(
        "could not keep a security event for mail"
    )))
}

/// Tell administrators at the next batch that `user` is an administrator
/// now (a failure to keep the note is logged, not the change refused).
pub async fn new_administrator(app: &App, user: &User) {
    if user.role != Role::Administrator {
        return;
    }
    let event = Security::NewAdministrator {
        username: user.username.to_string(),
    };
    if let Err(e) = note_security(app, event).await {
        tracing::warn!(error = %e, "could not note a new administrator for staff mail");
    }
}

/// Tell administrators at the next batch that sign-in to account
/// `typed` was refused by the per-account limit. Only for an existing
/// account, so that nobody can fill administrators' mail with made-up
/// names; the limit itself answers the same either way.
pub async fn refused_sign_ins(app: &App, typed: &str) {
    let Ok(name) = crate::staff::Username::parse(typed) else {
        return;
    };
    let user = app.store.read(move |s| s.user_by_name(name.as_str())).await;
    let Ok(Some(user)) = user else {
        return;
    };
    let event = Security::RepeatedFailedSignIns {
        username: user.username.to_string(),
    };
    if let Err(e) = note_security(app, event).await {
        tracing::warn!(error = %e, "could not note refused sign-ins for staff mail");
    }
}

/// One outbox row as the dashboard shows it: whose, what, since when,
/// and why it failed (a class), never the address or the text.
pub struct OutboxLine {
    pub id: String,
    pub username: String,
    pub kinds: Vec<Kind>,
    pub planned_on: Date,
    pub attempts: u32,
    pub failure: Option<mail::Failure>,
    /// Given up: shown until an administrator dismisses it.
    pub given_up: bool,
    pub next_try: Option<Date>,
}

/// The outbox for the dashboard (administrators), oldest first; `None`
/// when SMTP is not configured.
pub async fn outbox(app: &App) -> Result<Option<Vec<OutboxLine>>, AppError> {
    if app.mailer.is_none() {
        return Ok(None);
    }
    let (_, state) = load(app).await?;
    let users = app.store.read(|s| s.users()).await?;
    let name = |id: &str| {
        users
            .iter()
            .find(|u| u.id == id)
            .map_or_else(|| "(removed user)".to_owned(), |u| u.username.to_string())
    };
    Ok(Some(
        state
            .outbox
            .rows()
            .into_iter()
            .map(|r: Row| OutboxLine {
                username: name(&r.user_id),
                id: r.id,
                kinds: r.kinds,
                planned_on: r.planned_on,
                attempts: r.attempts,
                failure: r.last_failure,
                given_up: r.state == State::GaveUp,
                next_try: match r.state {
                    State::Waiting { next_try } => Some(next_try),
                    State::GaveUp => None,
                },
            })
            .collect(),
    ))
}

/// An administrator dismisses a given-up delivery (a waiting one stays;
/// an unknown id changes nothing).
pub async fn dismiss(app: &App, by: &User, id: &str, today: Date) -> Result<(), AppError> {
    let _one_runner = app.mail_lock.lock().await;
    for _ in 0..5 {
        let (raw, mut state) = load(app).await?;
        let before = state.outbox.rows().len();
        state.outbox.dismiss(id);
        if state.outbox.rows().len() == before {
            return Ok(());
        }
        if swap(app, raw, &state).await? {
            let actor = super::staff::actor(by);
            return super::staff::record(app, &actor, "mail.dismiss", None, None, today).await;
        }
    }
    Err(AppError::Internal(anyhow::anyhow!(
        "could not dismiss the delivery"
    )))
}

/// Set `user`'s own address (empty: none, no mail) and the kinds of mail
/// they want (only kinds their role may get are kept).
pub async fn set_preferences(
    app: &App,
    user: &User,
    email: &str,
    kinds: &[Kind],
) -> Result<User, AppError> {
    let email = match email.trim() {
        "" => None,
        typed => Some(EmailAddress::parse(typed).map_err(|e| AppError::Account(vec![e]))?),
    };
    let mut chosen: Vec<Kind> = kinds
        .iter()
        .copied()
        .filter(|k| k.allowed_for(user.role))
        .collect();
    chosen.sort();
    chosen.dedup();
    // Only the address and kinds change, in one store transaction: a
    // whole record written back here could undo a role change made
    // between reading and writing it.
    app.store
        .set_mail_settings(&user.id, email, chosen)
        .await
        .map_err(|e| match e {
            crate::store::StoreError::NotFound(_) => AppError::UserUnknown,
            e => e.into(),
        })?;
    super::staff::user(app, &user.id).await
}

/// The kinds `role` may choose, in order.
pub fn kinds_for(role: Role) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| k.allowed_for(role))
        .collect()
}
