//! Parrhesia: anonymous, auditable critiques of the organisations that serve
//! people. See README.md for users and SECURITY.md for the guarantees.
//!
//! This file only lists the modules and sets the lints; the binary in
//! `main.rs` is a thin wrapper around [`cli`].
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod audit;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod digest;
pub mod domain;
pub mod encoding;
pub mod http;
pub mod logging;
pub mod mail;
pub mod messages;
pub mod metrics;
pub mod secrets;
pub mod staff;
pub mod startup;
pub mod store;
pub mod tokens;
pub mod views;
