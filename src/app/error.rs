//! The one error type of the use cases. Variants say what happened; the
//! HTTP status and the stable code of each are decided in one place,
//! `http::error`, and the command line prints the `Display`.

use crate::domain::InputError;
use crate::staff::StaffError;
use crate::store::StoreError;
use crate::tokens::issuer::IssueError;
use crate::tokens::redeemer::RedeemError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// What was sent is not valid: every problem found, in the order of
    /// the form.
    #[error("invalid input: {0:?}")]
    Input(Vec<InputError>),
    /// A staff account's fields are not valid, every problem in the
    /// form's order.
    #[error("invalid account: {0:?}")]
    Account(Vec<StaffError>),
    #[error("no such round")]
    RoundUnknown,
    /// An early close of a period holding fewer critiques than
    /// max(k, the round's fewest per published period) (issue 16, item 4).
    #[error("too few critiques to close the period early")]
    TooFewToClose { needed: u64 },
    /// The open period was already closed early once (issue 16, item 4).
    #[error("the period was already closed early")]
    ClosedEarlyAlready,
    /// The open period began today: the rest of it after a close would be
    /// the period itself (issue 16, item 4).
    #[error("the period began today")]
    PeriodJustBegun,
    #[error("no such organisation")]
    OrganisationUnknown,
    #[error("no such user")]
    UserUnknown,
    #[error("the organisation already exists")]
    OrganisationExists,
    #[error("the round already exists")]
    RoundExists,
    #[error("someone already has the user name {0}")]
    UsernameTaken(String),
    /// There are accounts already, so no "first" administrator.
    #[error("the first administrator exists")]
    SetupClosed,
    /// Administrators cannot change their own role (so one always stays).
    #[error("cannot change one's own role")]
    OwnRole,
    /// Administrators cannot remove themselves (so one always stays).
    #[error("cannot remove one's own account")]
    OwnAccount,
    /// A change that reaches into another organisation than the one the
    /// request is about (or the user answers for).
    #[error("another organisation's round")]
    OtherOrganisation,
    /// Receipts are listed only for sealed periods.
    #[error("period not sealed")]
    PeriodNotSealed,
    /// A range of the log outside it.
    #[error("{0}")]
    LogRange(String),
    #[error("code not issued for this round")]
    CodeUnknown,
    #[error("code already spent")]
    CodeSpent,
    /// An "about you" code that is not one given out for the round's open
    /// period, or is spent.
    #[error("about-you code refused")]
    AboutYouCodeRefused,
    /// No credential: the challenge for the round's token
    /// (`WWW-Authenticate`, RFC 9577 §2.1).
    #[error("token required")]
    TokenRequired { challenge: String },
    /// A token that does not verify here, with a fresh challenge.
    #[error("token rejected: {why}")]
    TokenRejected { challenge: String, why: RedeemError },
    #[error("token already spent")]
    TokenSpent,
    #[error("invitation not issued")]
    InvitationUnknown,
    #[error("invitation used up")]
    InvitationExhausted,
    /// The client's token request is not one we can sign.
    #[error("bad token request: {0}")]
    TokenRequestInvalid(IssueError),
    #[error("period not published")]
    PeriodNotPublished,
    /// A response, pledge, reason or edited quote that is empty, too long
    /// or has control characters.
    #[error("text invalid")]
    TextInvalid,
    /// A translation (into the named language) of a response or pledge is
    /// empty, too long or has control characters.
    #[error("translation invalid")]
    TranslationInvalid(String),
    #[error("pledge status invalid")]
    StatusInvalid,
    /// A dropped pledge needs a reason.
    #[error("reason required")]
    ReasonRequired,
    #[error("decision invalid")]
    DecisionInvalid,
    #[error("rejection reason unknown")]
    ReasonUnknown,
    #[error("quote already decided")]
    QuoteDecided,
    #[error("no pending quote with that id")]
    QuoteUnknown,
    #[error("no such pledge of this organisation")]
    PledgeUnknown,
    /// A posted checkpoint note that does not parse.
    #[error("checkpoint invalid: {0}")]
    CheckpointInvalid(String),
    /// A checkpoint this log never signed.
    #[error("checkpoint unknown")]
    CheckpointUnknown,
    /// No cosignature from a configured witness verifies.
    #[error("cosignature invalid")]
    CosignatureInvalid,
    /// No checkpoint has been signed yet.
    #[error("no checkpoint yet")]
    NoCheckpoint,
    /// The write queue is full: nothing was stored.
    #[error("busy")]
    Busy,
    /// Too many passwords are being checked or hashed at once (the
    /// [`crate::staff::hashing::HashingGate`] stayed full): nothing was
    /// checked or changed.
    #[error("password hashing is busy")]
    HashingBusy,
    /// The store stopped accepting writes: nothing was stored.
    #[error("unavailable")]
    Unavailable,
    /// Our failure, not the caller's. Kept whole (with its sources) for the
    /// log line; never shown.
    #[error("{0:#}")]
    Internal(anyhow::Error),
}

impl From<InputError> for AppError {
    fn from(e: InputError) -> Self {
        Self::Input(vec![e])
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        Self::Internal(e)
    }
}

impl From<crate::staff::hashing::Busy> for AppError {
    fn from(_: crate::staff::hashing::Busy) -> Self {
        Self::HashingBusy
    }
}

impl From<ring::error::Unspecified> for AppError {
    fn from(_: ring::error::Unspecified) -> Self {
        Self::Internal(anyhow::anyhow!("the random generator failed"))
    }
}

/// The store's answers that mean the same wherever they come from. Its
/// "no such …" and "already exists" mean something only to the caller
/// (which round? which user?), so each use case maps those itself before
/// this; one that reaches here was not expected and is our failure.
impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::CodeUnknown => Self::CodeUnknown,
            StoreError::CodeSpent => Self::CodeSpent,
            StoreError::TokenSpent => Self::TokenSpent,
            // Use cases that spend tokens answer with a fresh challenge
            // first (`submissions::submit`).
            StoreError::TokenKeyRetired => Self::TokenRejected {
                challenge: "PrivateToken".into(),
                why: RedeemError::KeyUnknown,
            },
            StoreError::InvitationUnknown => Self::InvitationUnknown,
            StoreError::InvitationExhausted => Self::InvitationExhausted,
            StoreError::Invalid(e) => Self::Input(vec![e]),
            StoreError::Busy => Self::Busy,
            StoreError::Unavailable => Self::Unavailable,
            e @ (StoreError::NotFound(_)
            | StoreError::Exists(_)
            | StoreError::Io(_)
            | StoreError::Vault(_)) => Self::Internal(anyhow::Error::new(e)),
        }
    }
}

/// A store result whose "no such …" (and, for creations, "already
/// exists") the caller names.
pub(super) trait Expect<T> {
    /// `NotFound` from the store means `missing`.
    fn or_missing(self, missing: AppError) -> Result<T, AppError>;
    /// `NotFound` means `missing`, `Exists` means `exists`.
    fn or_conflict(self, missing: AppError, exists: AppError) -> Result<T, AppError>;
}

impl<T> Expect<T> for Result<T, StoreError> {
    fn or_missing(self, missing: AppError) -> Result<T, AppError> {
        self.map_err(|e| match e {
            StoreError::NotFound(_) => missing,
            e => e.into(),
        })
    }

    fn or_conflict(self, missing: AppError, exists: AppError) -> Result<T, AppError> {
        self.map_err(|e| match e {
            StoreError::NotFound(_) => missing,
            StoreError::Exists(_) => exists,
            e => e.into(),
        })
    }
}
