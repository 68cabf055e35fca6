//! Mail to staff, never to participants: the SMTP settings, the transport
//! (lettre over rustls), the batch planner that decides who is told what
//! and when, the message templates, and the outbox that retries failed
//! sends with back-off and feeds the dashboard.
//!
//! Why batches: if a mail went out when something happened, its timing
//! would say when someone wrote. Mail leaves only at fixed times (after
//! sealing, and once a day), carries only what is published or set by
//! staff, and never a critique, a count finer than the digest's, or
//! anything about a participant. See [`plan`] for the rules and SECURITY.md
//! for what mail reveals to whom.
//!
//! Layering: this module sits beside `store` (an adapter to the outside
//! world); the application layer gathers events and recipients from the
//! store, calls [`plan::plan`], and runs [`transport::send_due`].

mod day;
pub mod outbox;
pub mod plan;
pub mod settings;
pub mod state;
pub mod templates;
pub mod transport;

pub use outbox::{Delivery, Failure, Outbox};
pub use plan::{plan, Event, Kind, Planned, Preferences, Recipient, Schedule, Security, Trigger};
pub use settings::{RawSmtp, SmtpConfig};
pub use state::MailState;
pub use transport::{send_due, Mailer, RunReport};
