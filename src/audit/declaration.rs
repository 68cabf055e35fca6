//! The machine-readable declaration of everything the store keeps, per
//! record kind, published at `/api/v1/audit` and used by `parrhesia audit`
//! to flag any field that is not declared.

use serde_json::{json, Value};

/// Fields of a stored critique (the `critiques` tree), in clear.
pub const CRITIQUE_FIELDS: &[&str] = &[
    "round",
    "period",
    "themes",
    "quote_ok",
    "commitment",
    "sealed",
];
/// Fields of the sealed part of a critique.
pub const SEALED_FIELDS: &[&str] = &["key", "nonce", "ciphertext"];

/// The declaration, with the mixing epochs' settings (`min_secs`, and
/// `min_critiques`, `None` for the round's k).
pub fn declaration(min_secs: u64, min_critiques: Option<u64>) -> Value {
    json!({
        "never_stored": [
            "IP addresses", "user agents", "referrers", "cookies",
            "any time finer than the round's period",
            "plaintext paper codes", "a link from a critique to the code or token spent for it",
            "sequence numbers or arrival order",
            "a running count, or a file time finer than the mixing epoch"
        ],
        "mixing_epochs": {
            "min_seconds": min_secs,
            "min_critiques_per_round": match min_critiques {
                Some(n) => json!(n),
                None => json!("the round's k (min_group)"),
            },
            "window": "Critiques, the credentials they spent, tokens fetched on invitations and 'about you' answers are stored at once in the open epoch's ingest area, sealed under an epoch key kept in the key directory. An epoch closes once it has been open min_seconds and a round has min_critiques_per_round critiques in it; that round's records are then rewritten in key order into the main trees and the epoch key is destroyed. Until then, whoever holds both the data and the key directory can read the open epoch's records in arrival order: that is the window. Afterwards nothing stored says, within an epoch, which arrived when or which credential paid for which critique; epochs themselves keep their order."
        },
        "data_directory": {
            "organisations": {"key": "slug", "fields": ["slug", "name"]},
            "rounds": {"key": "slug", "fields": ["slug", "organisation", "title", "description", "themes", "min_group", "period_weeks", "opened", "retention_periods", "rules", "days_to_answer"]},
            "codes": {"key": "HMAC-SHA256(code key, paper code)", "fields": ["spent flag", "round"]},
            "critiques": {
                "key": "random 128-bit id",
                "fields": CRITIQUE_FIELDS,
                "sealed": {
                    "cipher": "ChaCha20-Poly1305 under the period's data key",
                    "fields": SEALED_FIELDS,
                    "plaintext": ["round", "period", "themes", "text", "quote_ok", "salt"],
                    "associated_data": ["record id", "round", "period", "quote_ok", "themes"]
                }
            },
            "members": {"key": "round, period, random critique id", "fields": ["commitment"]},
            "counters": {"key": "round and kind, or round, period and theme", "fields": ["count"]},
            "periods": {"key": "round, period", "fields": ["round", "period", "digest_json", "digest_sha256", "head", "first_leaf", "leaf_count", "shredded"]},
            "noise": {"key": "round, period", "fields": ["epsilon", "sensitivity", "draws: the noise added to each theme of a release in the cross-organisation totals"]},
            "log_leaves": {"key": "leaf index", "fields": ["canonical JSON leaf: critique commitment, digest hash, a round's token key (round, key id, key, first day), or a week marker (the week's Monday)"]},
            "token_keys": {"key": "round, token key id", "fields": ["round", "key_id", "token_key (public)", "not_before (a day)", "leaf (its index in the log)"]},
            "retired_keys": {"key": "token key id", "fields": [], "note": "a tombstone: the key's tokens are refused for good"},
            "checkpoints": {"key": "tree size", "fields": ["note (the checkpoint signed by the log)", "cosignatures (witnesses' cosignature lines, each with the witness's own time of signing)"]},
            "log_heads": {"key": "head index", "fields": ["tree_size", "root_hash", "round", "period", "digest_sha256", "signature"]},
            "users": {"key": "random 128-bit staff user id", "fields": ["id", "username", "role", "organisation", "password_hash (Argon2id)"]},
            "staff_log": {"key": "period, random bytes", "fields": ["period", "actor", "action", "round", "subject"]},
            // Quotes, organisation keys, responses, pledges, "about you".
            "quotes": {"key": "random 128-bit quote id", "fields": ["id", "round", "period", "themes", "state", "text (approved quotes only: the approved, scrubbed text)", "edited", "reason (a reject reason code)", "source (the critique's random id, until the period is shredded)"]},
            "quote_sources": {"key": "critique id", "fields": ["quote id"], "note": "removed when the period is shredded"},
            "org_keys": {"key": "organisation, random 64-bit key id", "fields": ["SHA-256 of the key"]},
            "responses": {"key": "round, period, theme", "fields": ["round", "period", "theme", "versions (text, translations, the period it was published in)"]},
            "pledges": {"key": "random 128-bit pledge id", "fields": ["id", "organisation", "round", "period", "theme", "text", "translations", "history (status, reason, the period of the change)"]},
            "about_you_counts": {"key": "round, period, question, answer (both empty: respondents)", "fields": ["count"], "note": "rewritten when an epoch is rewritten, in key order; no person's answers are kept together, and nothing links them to a critique"},
            "about_you_codes": {"key": "HMAC-SHA256(code key, round, period, one-time code)", "fields": [], "note": "an unspent \"about you\" code, made in its critique's epoch and written in key order; removed when spent"},
            "epochs": {"key": "random 128-bit epoch id", "fields": ["state (open, or closing: rounds going out, passes, passes done)"]},
            "closing": {"key": "round, period", "fields": ["the week (its Monday) the sealing began in"], "note": "a period being sealed"},
            "log_state": {"key": "state", "fields": ["size", "frontier (Merkle subtree roots)", "marker (the newest week marker's week)"]},
            "ingest/<epoch id>": {"key": "HMAC-SHA256(epoch key, subject)", "fields": ["nonce", "ciphertext under the epoch key: a critique with the credential it spent, a token fetched on an invitation, or a mixed write"], "note": "dropped, and its key destroyed, when the epoch is rewritten"}
        },
        "key_directory": {
            "paper-code.key": "HMAC key for paper codes",
            "admin-token.sha256": "SHA-256 of the generated admin token",
            "master.<id>.key": "master keys that wrap data keys",
            "master.current": "id of the master key new data keys use",
            "data.<round>.<period>.key": "a period's data key, wrapped; made ahead of need; destroyed at the end of retention",
            "epoch.<id>.key": "a mixing epoch's key, wrapped; destroyed once its records are rewritten",
            "log-signing.pk8": "Ed25519 key that signs tree heads",
            "privacy-pass-keys.json": "each round's Privacy Pass issuer keys (RSA private keys, PEM) and the day each starts"
        }
    })
}
