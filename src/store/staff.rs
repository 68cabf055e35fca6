//! Staff accounts and the staff action log.
//!
//! | tree        | key                          | value |
//! |-------------|------------------------------|-------|
//! | `users`     | random 128-bit user id (hex) | JSON [`User`]: user name, role, organisation, Argon2id hash, second factor, e-mail address, password link (keyed hash and expiry hour) |
//! | `staff_log` | period id, `\0`, 16 random bytes | JSON [`Action`] |
//! | `mail`      | `state`                      | JSON [`crate::mail::MailState`]: schedule, outbox, what was told (dates only) |
//!
//! Writes go through the writer like every other write ([`StaffOp`]). The
//! action log is keyed by period then random bytes, so it reads in period
//! order and holds no order within a period.

use super::kv::{Tree, WriteConn};
use super::queue::Job;
use super::records;
use super::{Store, StoreError};
use crate::secrets::vault::Sealed;
use crate::staff::link::StoredLink;
use crate::staff::{second_factor_context, Action, SecondFactor, User};

/// A change to staff accounts or the action log.
pub(super) enum StaffOp {
    /// Add a user; refused if the user name is taken.
    Add(User),
    /// Add a user only if there are no users yet (the first administrator).
    AddFirst(User),
    /// Replace a user's record (role, organisation), keeping the name and
    /// the second factor as stored: read and written in one transaction,
    /// so a record read before a concurrent enrolment, removal or
    /// recovery-code use cannot undo it.
    Update(User),
    Remove(String),
    Log(Action),
    /// Set user `id`'s own mail settings (address and kinds) and nothing
    /// else, read and written in one transaction: a settings form read
    /// before a role change cannot undo it.
    MailSettings {
        id: String,
        email: Option<crate::staff::EmailAddress>,
        kinds: Vec<crate::staff::mail_choice::Kind>,
    },
    /// Give user `id` a new password link (replacing any earlier one).
    Link {
        id: String,
        link: Box<StoredLink>,
    },
    /// Use user `id`'s password link: set the password hash and remove the
    /// link, only if the stored link's hash is still `hash` (a
    /// compare-and-swap: a link works once even when two requests race).
    UseLink {
        id: String,
        hash: String,
        password_hash: String,
    },
    /// Replace user `id`'s second factor with `new` only if it is still
    /// `expected` (a compare-and-swap: a recovery code redeemed by two
    /// racing sign-ins is spent by one of them only).
    SecondFactor {
        id: String,
        expected: Option<Box<SecondFactor>>,
        new: Option<Box<SecondFactor>>,
    },
    /// Replace the staff mail state with `new` only if it is still
    /// `expected` (absent: none stored yet), so two batch runners (two
    /// instances on one PostgreSQL store) never both claim one batch.
    MailState {
        expected: Option<Vec<u8>>,
        new: Vec<u8>,
    },
}

/// The one key of the `mail` tree.
const MAIL_STATE: &[u8] = b"state";

impl Store {
    /// Every staff account, by id.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        self.trees
            .users
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    pub fn user(&self, id: &str) -> Result<Option<User>, StoreError> {
        records::get_json(&self.trees.users, id.as_bytes())
    }

    pub fn user_by_name(&self, username: &str) -> Result<Option<User>, StoreError> {
        Ok(self
            .users()?
            .into_iter()
            .find(|u| u.username.as_str() == username))
    }

    pub fn has_users(&self) -> Result<bool, StoreError> {
        Ok(!self.trees.users.is_empty()?)
    }

    pub async fn add_user(&self, user: User) -> Result<(), StoreError> {
        self.call(|r| Job::Staff(StaffOp::Add(user), r)).await
    }

    /// Add `user` only if no account exists yet (first administrator).
    pub async fn add_first_user(&self, user: User) -> Result<(), StoreError> {
        self.call(|r| Job::Staff(StaffOp::AddFirst(user), r)).await
    }

    pub async fn update_user(&self, user: User) -> Result<(), StoreError> {
        self.call(|r| Job::Staff(StaffOp::Update(user), r)).await
    }

    pub async fn remove_user(&self, id: &str) -> Result<(), StoreError> {
        self.call(|r| Job::Staff(StaffOp::Remove(id.to_owned()), r))
            .await
    }

    /// Set user `id`'s second factor to `new` if it is still `expected`;
    /// `StoreError::Exists` when it changed meanwhile, `NotFound` when the
    /// user is gone.
    pub async fn swap_second_factor(
        &self,
        id: &str,
        expected: Option<SecondFactor>,
        new: Option<SecondFactor>,
    ) -> Result<(), StoreError> {
        let op = StaffOp::SecondFactor {
            id: id.to_owned(),
            expected: expected.map(Box::new),
            new: new.map(Box::new),
        };
        self.call(|r| Job::Staff(op, r)).await
    }

    /// Give user `id` the password link `link` (replacing any earlier
    /// one); `NotFound` when the user is gone.
    pub async fn set_password_link(&self, id: &str, link: StoredLink) -> Result<(), StoreError> {
        let op = StaffOp::Link {
            id: id.to_owned(),
            link: Box::new(link),
        };
        self.call(|r| Job::Staff(op, r)).await
    }

    /// Set user `id`'s mail address and kinds, leaving every other field
    /// as stored. `NotFound` when the user is gone.
    pub async fn set_mail_settings(
        &self,
        id: &str,
        email: Option<crate::staff::EmailAddress>,
        kinds: Vec<crate::staff::mail_choice::Kind>,
    ) -> Result<(), StoreError> {
        let op = StaffOp::MailSettings {
            id: id.to_owned(),
            email,
            kinds,
        };
        self.call(|r| Job::Staff(op, r)).await
    }

    /// Use user `id`'s password link whose keyed hash is `hash`: the
    /// password hash becomes `password_hash` and the link goes, in one
    /// transaction. `StoreError::Exists` when the link was used or
    /// replaced meanwhile, `NotFound` when the user is gone.
    pub async fn use_password_link(
        &self,
        id: &str,
        hash: &str,
        password_hash: String,
    ) -> Result<(), StoreError> {
        let op = StaffOp::UseLink {
            id: id.to_owned(),
            hash: hash.to_owned(),
            password_hash,
        };
        self.call(|r| Job::Staff(op, r)).await
    }

    /// Seal a second factor's secret for `user_id` under the key
    /// directory's staff key.
    pub fn seal_second_factor(&self, user_id: &str, secret: &[u8]) -> Result<Sealed, StoreError> {
        self.vault
            .seal_staff(&second_factor_context(user_id), secret)
            .map_err(StoreError::Vault)
    }

    /// Open a second factor's secret sealed for `user_id`.
    pub fn open_second_factor(
        &self,
        user_id: &str,
        sealed: &Sealed,
    ) -> Result<zeroize::Zeroizing<Vec<u8>>, StoreError> {
        self.vault
            .unseal_staff(sealed, &second_factor_context(user_id))
            .map(zeroize::Zeroizing::new)
            .map_err(StoreError::Vault)
    }

    /// The staff mail state as stored (see [`crate::mail::MailState`]).
    pub fn mail_state(&self) -> Result<Option<Vec<u8>>, StoreError> {
        self.trees.mail.get(MAIL_STATE)
    }

    /// Store the staff mail state `new` if the stored one is still
    /// `expected`; `StoreError::Exists` when it changed meanwhile.
    pub async fn swap_mail_state(
        &self,
        expected: Option<Vec<u8>>,
        new: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.call(|r| Job::Staff(StaffOp::MailState { expected, new }, r))
            .await
    }

    /// Append to the staff action log.
    pub async fn log_staff_action(&self, action: Action) -> Result<(), StoreError> {
        self.call(|r| Job::Staff(StaffOp::Log(action), r)).await
    }

    /// The staff action log, newest period first.
    pub fn staff_actions(&self) -> Result<Vec<Action>, StoreError> {
        let mut all: Vec<Action> = self
            .trees
            .staff_log
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect::<Result<_, _>>()?;
        all.reverse();
        Ok(all)
    }
}

/// Apply one staff change in its own transaction (the writer calls this
/// after the batch's main transaction, before its flush). The outer
/// `Result` is an I/O failure; the inner one is this job's answer.
pub(super) fn apply(
    conn: &mut WriteConn,
    [users, log, mail]: [&Tree; 3],
    op: &StaffOp,
) -> Result<Result<(), StoreError>, StoreError> {
    if let Some(refusal) = refused(users, op)? {
        return Ok(Err(refusal));
    }
    if let StaffOp::MailState { expected, new } = op {
        return conn.transaction(&[mail], |tx| {
            let stored = tx.get_for_update(mail.name(), MAIL_STATE)?;
            if stored.as_deref() != expected.as_deref() {
                return Ok(Err(StoreError::Exists("mail state")));
            }
            tx.insert(mail.name(), MAIL_STATE, new)?;
            Ok(Ok(()))
        });
    }
    if let StaffOp::SecondFactor { id, expected, new } = op {
        return change_user(conn, users, log, id, |user| {
            if user.second_factor.as_ref() != expected.as_deref() {
                return Err(StoreError::Exists("second factor"));
            }
            user.second_factor = new.as_deref().cloned();
            Ok(())
        });
    }
    if let StaffOp::MailSettings { id, email, kinds } = op {
        return change_user(conn, users, log, id, |user| {
            user.email = email.clone();
            user.mail = Some(kinds.clone());
            Ok(())
        });
    }
    if let StaffOp::Link { id, link } = op {
        return change_user(conn, users, log, id, |user| {
            user.password_link = Some(link.as_ref().clone());
            Ok(())
        });
    }
    if let StaffOp::UseLink {
        id,
        hash,
        password_hash,
    } = op
    {
        return change_user(conn, users, log, id, |user| {
            if !user.password_link.as_ref().is_some_and(|l| l.matches(hash)) {
                return Err(StoreError::Exists("password link"));
            }
            user.password_link = None;
            user.password_hash = password_hash.clone();
            Ok(())
        });
    }
    if let StaffOp::Update(update) = op {
        return conn.transaction(&[users, log], |tx| {
            let id = update.id.as_bytes();
            let Some(bytes) = tx.get_for_update(users.name(), id)? else {
                return Ok(Err(StoreError::NotFound("user")));
            };
            let stored: User = match records::from_json(&bytes) {
                Ok(user) => user,
                Err(e) => return Ok(Err(e)),
            };
            // The password and its link are changed only by their own
            // operations: a record read before a reset must not undo it.
            let user = User {
                second_factor: stored.second_factor,
                password_hash: stored.password_hash,
                password_link: stored.password_link,
                ..update.clone()
            };
            let value = match records::to_json(&user) {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            };
            tx.insert(users.name(), id, &value)?;
            Ok(Ok(()))
        });
    }
    let (key, value) = match op {
        StaffOp::Add(u) | StaffOp::AddFirst(u) => {
            (u.id.as_bytes().to_vec(), Some(records::to_json(u)?))
        }
        StaffOp::Remove(id) => (id.as_bytes().to_vec(), None),
        StaffOp::SecondFactor { .. }
        | StaffOp::Update(_)
        | StaffOp::Link { .. }
        | StaffOp::MailSettings { .. }
        | StaffOp::UseLink { .. }
        | StaffOp::MailState { .. } => unreachable!("handled above"),
        StaffOp::Log(a) => {
            let mut k = a.period.as_bytes().to_vec();
            k.push(0);
            k.extend_from_slice(
                &crate::secrets::random::bytes::<16>()
                    .map_err(|_| StoreError::Io("random generator failed".into()))?,
            );
            (k, Some(records::to_json(a)?))
        }
    };
    let tree = if matches!(op, StaffOp::Log(_)) {
        log.name()
    } else {
        users.name()
    };
    conn.transaction(&[users, log], |tx| {
        let known = tx.get(tree, &key)?.is_some();
        if matches!(op, StaffOp::Remove(_)) && !known {
            return Ok(Err(StoreError::NotFound("user")));
        }
        match &value {
            Some(v) => tx.insert(tree, &key, v)?,
            None => tx.remove(tree, &key)?,
        };
        Ok(Ok(()))
    })
}

/// Read user `id`, let `change` alter it (or refuse), and write it back,
/// in one transaction.
fn change_user(
    conn: &mut WriteConn,
    users: &Tree,
    log: &Tree,
    id: &str,
    change: impl Fn(&mut User) -> Result<(), StoreError>,
) -> Result<Result<(), StoreError>, StoreError> {
    conn.transaction(&[users, log], |tx| {
        let Some(bytes) = tx.get_for_update(users.name(), id.as_bytes())? else {
            return Ok(Err(StoreError::NotFound("user")));
        };
        let mut user: User = match records::from_json(&bytes) {
            Ok(user) => user,
            Err(e) => return Ok(Err(e)),
        };
        if let Err(refused) = change(&mut user) {
            return Ok(Err(refused));
        }
        let value = match records::to_json(&user) {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        tx.insert(users.name(), id.as_bytes(), &value)?;
        Ok(Ok(()))
    })
}

/// Whether adding `user` must be refused: its name is taken, or (for the
/// first administrator) someone already exists. Read before the write; the
/// writer is the only writer (on PostgreSQL: it holds the write lock), so
/// nothing changes in between.
fn refused(users: &Tree, op: &StaffOp) -> Result<Option<StoreError>, StoreError> {
    let (user, first) = match op {
        StaffOp::Add(u) => (u, false),
        StaffOp::AddFirst(u) => (u, true),
        _ => return Ok(None),
    };
    if first && !users.is_empty()? {
        return Ok(Some(StoreError::Exists("user")));
    }
    for (_, v) in users.iter()? {
        let existing: User = records::from_json(&v)?;
        if existing.username == user.username || existing.id == user.id {
            return Ok(Some(StoreError::Exists("user")));
        }
    }
    Ok(None)
}
