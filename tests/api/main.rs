//! Integration tests: each drives a real server on port 0 with a fresh data
//! and key directory. One test binary, one module per capability.

mod about_you;
mod abuse;
mod admin;
mod audit;
mod backends;
mod check;
mod concurrency;
mod console;
mod console_experience;
mod console_roles;
mod digest;
mod experience;
mod helpers;
mod inclusion;
mod keyphrases;
mod languages;
mod layers;
mod limits;
mod mail_server;
mod ops;
mod privacy_pass;
mod process;
mod public_pages;
mod quotes;
mod responses;
mod routes;
mod scale_out;
mod security_doc;
mod source;
mod store_suite;
mod stress;
mod submission;
mod tagging;
mod token_clients;
mod token_privacy;
