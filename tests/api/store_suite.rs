//! The store suite, generic over the backend (issue 9): every case runs on
//! the embedded store (`store_suite::embedded::…`) and on PostgreSQL
//! (`store_suite::postgres::…`), through the real server and the real
//! `Store`. Guarantees 3, 6 and 7 on both backends.

use crate::backends::{spawn_on, spawn_on_with, Backend};
use crate::clear_fields::a_changed_consent_flag_theme_or_added_record_fails_to_open;
use crate::helpers::{client, TestApp, ADMIN_TOKEN};
use crate::privacy_pass::critique;
use crate::record::answers_are_stored_with_their_log_leaves;
use awc::http::StatusCode;
use futures_util::future::join_all;
use parrhesia::audit::merkle;
use parrhesia::domain::Slug;
use parrhesia::store::Location;
use serde_json::json;
use time::Duration;

crate::for_both_backends!(
    organisations_and_rounds_are_kept_and_unique,
    a_code_is_spent_exactly_once_under_a_race,
    a_token_is_spent_exactly_once_under_a_race_and_pruned_with_its_key,
    invitations_count_down_and_run_out,
    sealing_logs_the_period_and_freezes_its_digest,
    texts_are_destroyed_past_retention,
    a_backup_restores_into_an_empty_store_only,
    mixed_writes_read_the_same_live_and_rewritten,
    a_changed_consent_flag_theme_or_added_record_fails_to_open,
    a_password_link_is_used_once_under_a_race_and_kept_only_hashed,
    answers_are_stored_with_their_log_leaves,
    the_staff_mail_state_is_replaced_only_if_unchanged,
    mail_settings_change_only_the_address_and_kinds,
);

/// A user's own mail settings are written by an operation that changes
/// only the address and kinds (issue 21): a settings page read while the
/// user was an administrator cannot write that role back after an
/// administrator demoted them, nor undo a move to another organisation.
async fn mail_settings_change_only_the_address_and_kinds(backend: Backend) {
    use parrhesia::staff::{mail_choice::Kind, EmailAddress, Role};
    let app = spawn_on(backend).await;
    crate::console::add_user(&app, "dee", Role::Administrator, None).await;
    // What the settings page read, before the demotion.
    let before = app.store.user_by_name("dee").unwrap().unwrap();
    let mut demoted = before.clone();
    demoted.role = Role::Moderator;
    app.store.update_user(demoted).await.unwrap();
    // Act: the settings are saved after the demotion.
    let address = EmailAddress::parse("dee@example.org").unwrap();
    app.store
        .set_mail_settings(&before.id, Some(address.clone()), vec![Kind::Quotes])
        .await
        .unwrap();
    // Assert
    let stored = app.store.user_by_name("dee").unwrap().unwrap();
    assert_eq!(stored.role, Role::Moderator, "the demotion stands");
    assert_eq!(stored.email, Some(address));
    assert_eq!(stored.mail, Some(vec![Kind::Quotes]));
    assert_eq!(stored.password_hash, before.password_hash);
    let gone = app
        .store
        .set_mail_settings("0123456789abcdef0123456789abcdef", None, vec![])
        .await;
    assert!(
        matches!(gone, Err(parrhesia::store::StoreError::NotFound(_))),
        "{gone:?}"
    );
}

/// The staff mail state (issue 21) is one record replaced by compare and
/// swap, so two batch runners never both claim one batch, and it survives
/// (what a restart reads back).
async fn the_staff_mail_state_is_replaced_only_if_unchanged(backend: Backend) {
    let app = spawn_on(backend).await;
    assert_eq!(app.store.mail_state().unwrap(), None);
    // Stored when none was expected; a second "first" write is refused.
    app.store
        .swap_mail_state(None, b"one".to_vec())
        .await
        .unwrap();
    let refused = app.store.swap_mail_state(None, b"two".to_vec()).await;
    assert!(
        matches!(refused, Err(parrhesia::store::StoreError::Exists(_))),
        "{refused:?}"
    );
    // Replaced only from what is stored now.
    let stale = app
        .store
        .swap_mail_state(Some(b"zero".to_vec()), b"two".to_vec())
        .await;
    assert!(stale.is_err());
    app.store
        .swap_mail_state(Some(b"one".to_vec()), b"two".to_vec())
        .await
        .unwrap();
    assert_eq!(app.store.mail_state().unwrap(), Some(b"two".to_vec()));
}

async fn app_with_round(backend: Backend) -> TestApp {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 2).await;
    app
}

async fn organisations_and_rounds_are_kept_and_unique(backend: Backend) {
    let app = app_with_round(backend).await;
    // Read (and so kept decoded, see `Store::round`) before it changes.
    let before = app.store.round("spring").unwrap().unwrap();
    assert_ne!(before.min_group.get(), 7);
    let again = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": "care", "name": "Care again"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let changed = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"min_group": 7}))
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let round = app.store.round("spring").unwrap().unwrap();
    assert_eq!(round.min_group.get(), 7);
    assert_eq!(
        app.store
            .organisation("care")
            .unwrap()
            .unwrap()
            .slug
            .as_str(),
        "care"
    );
    assert_eq!(app.store.rounds().unwrap().len(), 1);
}

async fn a_code_is_spent_exactly_once_under_a_race(backend: Backend) {
    let app = app_with_round(backend).await;
    let code = app.codes("spring", 1).await.remove(0);
    let answers = join_all((0..16).map(|_| {
        let mut body = critique();
        body["code"] = json!(code);
        app.submit_json("spring", body)
    }))
    .await;
    let ok = answers
        .iter()
        .filter(|a| a.status == StatusCode::CREATED)
        .count();
    assert_eq!(ok, 1, "exactly one submission is received");
    for a in answers.iter().filter(|a| a.status != StatusCode::CREATED) {
        assert_eq!(a.json()["error"], "code_spent", "{}", a.body);
    }
    assert_eq!(app.stored(), (1, 1));
    let stats = app
        .store
        .round_stats(&Slug::parse("spring", "round").unwrap())
        .unwrap();
    assert_eq!(
        (stats.critiques, stats.codes_issued, stats.codes_spent),
        (1, 1, 1)
    );
}

async fn a_token_is_spent_exactly_once_under_a_race_and_pruned_with_its_key(backend: Backend) {
    // Epochs close as soon as two critiques are in one, so the nonce
    // reaches its key's tree.
    let app = spawn_on_with(backend, |c| {
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(2);
    })
    .await;
    app.setup_round("care", "spring", 2).await;
    let invitation = app.invitations("spring", 1, Some(1)).await.remove(0);
    let (_, _, token) = app.fetch_token("spring", &invitation).await;
    let answers =
        join_all((0..16).map(|_| app.submit_with_token("spring", &token, critique()))).await;
    let ok = answers
        .iter()
        .filter(|a| a.status == StatusCode::CREATED)
        .count();
    assert_eq!(ok, 1, "exactly one submission is received");
    for a in answers.iter().filter(|a| a.status != StatusCode::CREATED) {
        assert_eq!(a.json()["error"], "token_spent", "{}", a.body);
    }
    assert_eq!(app.store.critique_count().unwrap(), 1);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
    // A second critique closes the epoch: the nonce is rewritten into its
    // key's tree.
    let mut by_code = critique();
    by_code["code"] = json!(app.codes("spring", 1).await.remove(0));
    assert_eq!(
        app.submit_json("spring", by_code).await.status,
        StatusCode::CREATED
    );
    app.store
        .rotate_epoch(crate::helpers::thursday())
        .await
        .unwrap();
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
    // Once its key is retired, the key's spent nonces go, after a
    // tombstone that keeps its tokens refused (issue 17, item 7).
    let key = app.store.token_key_records().unwrap().remove(0);
    app.store.retire_token_keys(vec![key.key_id]).await.unwrap();
    assert_eq!(app.store.spent_nonce_count().unwrap(), 0);
    assert!(app
        .store
        .retired_token_keys()
        .unwrap()
        .contains(&key.key_id));
    let again = app.submit_with_token("spring", &token, critique()).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED, "{}", again.body);
    assert_eq!(
        app.store.critique_count().unwrap(),
        2,
        "the token's and the code's"
    );
}

async fn invitations_count_down_and_run_out(backend: Backend) {
    let app = app_with_round(backend).await;
    let invitation = app.invitations("spring", 1, Some(2)).await.remove(0);
    let left = |app: &TestApp| -> Vec<u32> {
        app.store
            .invitation_records()
            .unwrap()
            .iter()
            .map(|(_, v)| u32::from_be_bytes(v[..4].try_into().unwrap()))
            .collect()
    };
    assert_eq!(left(&app), [2]);
    app.fetch_token("spring", &invitation).await;
    assert_eq!(left(&app), [1]);
    app.fetch_token("spring", &invitation).await;
    assert_eq!(left(&app), [0]);
}

/// Two critiques in the week of 26 November, then a week later.
async fn two_critiques_then_next_week(app: &TestApp) {
    for code in app.codes("spring", 2).await {
        let mut body = critique();
        body["code"] = json!(code);
        let a = app.submit_json("spring", body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock
        .set(crate::helpers::thursday() + Duration::days(7));
}

async fn sealing_logs_the_period_and_freezes_its_digest(backend: Backend) {
    let app = app_with_round(backend).await;
    two_critiques_then_next_week(&app).await;
    let first = app.get("/api/v1/organisations/care/digest").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let sealed = app.store.all_sealed_periods().unwrap();
    assert_eq!(sealed.len(), 1);
    assert_eq!(sealed[0].period, "2026-11-23");
    let round = Slug::parse("spring", "round").unwrap();
    assert_eq!(
        app.store
            .critique_texts(&round, "2026-11-23")
            .unwrap()
            .len(),
        2
    );
    // The signed log holds the period's head, and its stored leaves hash
    // to the last head's root.
    let heads = app.store.tree_heads().unwrap();
    let last = heads.last().unwrap();
    assert_eq!(last.period, "2026-11-23");
    let size = app.store.log_size().unwrap();
    assert_eq!(last.tree_size, size);
    let hashes = app.store.leaf_hashes(size).unwrap();
    assert_eq!(
        parrhesia::encoding::hex(&merkle::root(&hashes)),
        last.root_hash
    );
    assert_eq!(app.store.leaves(0, size).unwrap().len() as u64, size);
    // Frozen: reading again (and sealing again) changes nothing.
    app.store
        .seal(parrhesia::clock::Clock::today(&app.clock), false)
        .await
        .unwrap();
    let again = app.get("/api/v1/organisations/care/digest").await;
    assert_eq!(first.body, again.body);
    assert_eq!(app.store.tree_heads().unwrap().len(), heads.len());
}

async fn texts_are_destroyed_past_retention(backend: Backend) {
    let app = app_with_round(backend).await;
    two_critiques_then_next_week(&app).await;
    app.store
        .seal(parrhesia::clock::Clock::today(&app.clock), false)
        .await
        .unwrap();
    let round = Slug::parse("spring", "round").unwrap();
    assert_eq!(
        app.store
            .sealed_records(&round, "2026-11-23")
            .unwrap()
            .len(),
        2
    );
    app.clock
        .set(crate::helpers::thursday() + Duration::weeks(60));
    app.store
        .seal(parrhesia::clock::Clock::today(&app.clock), false)
        .await
        .unwrap();
    assert!(app
        .store
        .sealed_records(&round, "2026-11-23")
        .unwrap()
        .is_empty());
    assert!(
        app.store
            .sealed_period(&round, "2026-11-23")
            .unwrap()
            .unwrap()
            .shredded
    );
    assert_eq!(app.store.critique_count().unwrap(), 0);
    // Counts and the log stay.
    assert_eq!(app.store.round_stats(&round).unwrap().critiques, 2);
}

async fn a_backup_restores_into_an_empty_store_only(backend: Backend) {
    let app = app_with_round(backend).await;
    two_critiques_then_next_week(&app).await;
    app.store
        .seal(parrhesia::clock::Clock::today(&app.clock), false)
        .await
        .unwrap();
    let mut res = client()
        .post(app.url("/api/v1/admin/backup"))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.body().limit(1 << 26).await.unwrap().to_vec();
    let records = parrhesia::store::check_backup(&bytes).unwrap();
    let target = match backend {
        Backend::Embedded => Location::Embedded(app.dirs.path().join("restored")),
        Backend::Postgres => {
            let server = crate::backends::postgres_server();
            Location::Postgres(crate::backends::fresh_database(&server))
        }
    };
    let restore = move |bytes: Vec<u8>, target: Location| {
        std::thread::spawn(move || parrhesia::store::restore(&bytes, &target))
            .join()
            .unwrap()
    };
    assert_eq!(restore(bytes.clone(), target.clone()).unwrap(), records);
    assert!(
        restore(bytes, target).is_err(),
        "never into a store with data"
    );
}

/// The epoch mechanism's interface for other record kinds (issues 16 and
/// 20): a one-time credential made and spent, an answer counter, and
/// appended records read the same while their epoch is open and after it
/// is rewritten; a second spend or a second making is refused either way.
async fn mixed_writes_read_the_same_live_and_rewritten(backend: Backend) {
    use parrhesia::store::{MixedWrite, StoreError};
    let app = spawn_on_with(backend, |c| {
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(2);
    })
    .await;
    app.setup_round("care", "spring", 2).await;
    let round = Slug::parse("spring", "round").unwrap();
    let today = crate::helpers::thursday();
    let create = |k: &[u8]| MixedWrite::Create {
        tree: "credentials".into(),
        key: k.to_vec(),
        value: Vec::new(),
    };
    let consume = |k: &[u8]| MixedWrite::Consume {
        tree: "credentials".into(),
        key: k.to_vec(),
    };
    let count = |by| MixedWrite::Count {
        tree: "answers".into(),
        key: b"q1\0yes".to_vec(),
        by,
    };
    let append = |v: &[u8]| MixedWrite::Append {
        tree: "notes".into(),
        value: v.to_vec(),
    };
    let store = &app.store;
    store
        .mix(
            &round,
            today,
            true,
            vec![create(b"a"), create(b"b"), count(2), append(b"x")],
        )
        .await
        .unwrap();
    let again = store.mix(&round, today, true, vec![create(b"a")]).await;
    assert!(matches!(again, Err(StoreError::Exists(_))), "{again:?}");
    store
        .mix(&round, today, true, vec![consume(b"a"), count(3)])
        .await
        .unwrap();
    let twice = store.mix(&round, today, true, vec![consume(b"a")]).await;
    assert!(matches!(twice, Err(StoreError::NotFound(_))), "{twice:?}");
    let never = store.mix(&round, today, true, vec![consume(b"c")]).await;
    assert!(matches!(never, Err(StoreError::NotFound(_))), "{never:?}");
    let read = || {
        (
            store.mixed_present("credentials", b"a").unwrap(),
            store.mixed_present("credentials", b"b").unwrap(),
            store.mixed_count("answers", b"q1\0yes").unwrap(),
            store.mixed_values("notes").unwrap(),
        )
    };
    let live = read();
    assert_eq!(live, (false, true, 5, vec![b"x".to_vec()]));
    // Two critiques close the epoch; the writes are rewritten with it.
    for code in app.codes("spring", 2).await {
        let mut body = critique();
        body["code"] = json!(code);
        assert_eq!(
            app.submit_json("spring", body).await.status,
            StatusCode::CREATED
        );
    }
    store.rotate_epoch(today).await.unwrap();
    assert_eq!(read(), live, "the same once rewritten");
    let spent = store.mix(&round, today, true, vec![consume(b"a")]).await;
    assert!(matches!(spent, Err(StoreError::NotFound(_))), "{spent:?}");
    store
        .mix(&round, today, true, vec![consume(b"b")])
        .await
        .unwrap();
    assert!(!store.mixed_present("credentials", b"b").unwrap());
}

/// Issue 21: a staff password link is kept only as its keyed hash (the
/// backup, every stored byte, holds the hash and not the token), and of
/// eight racing uses exactly one sets the password (a compare-and-swap on
/// the account); the others get the "used" page.
async fn a_password_link_is_used_once_under_a_race_and_kept_only_hashed(backend: Backend) {
    use crate::password_links::{invite, link_on, sign_in_with, token_of, use_link};
    // Arrange
    let app = spawn_on(backend).await;
    crate::console::add_user(&app, "admin", parrhesia::staff::Role::Administrator, None).await;
    let admin = crate::console::sign_in(&app, "admin").await;
    let shown = invite(&admin, "kit", "kit@example.org", "moderator").await;
    let token = token_of(&link_on(&shown.body).expect("the link"));
    let hash = app
        .store
        .user_by_name("kit")
        .unwrap()
        .unwrap()
        .password_link
        .unwrap()
        .hash;
    let backup = app.store.backup().await.unwrap();
    let holds = |needle: &[u8]| backup.windows(needle.len()).any(|w| w == needle);
    assert!(holds(hash.as_bytes()), "the hash is stored");
    assert!(!holds(token.as_bytes()), "the token is stored");
    // Act
    let passwords: Vec<String> = (0..8)
        .map(|i| format!("racing passphrase number {i}"))
        .collect();
    let answers = join_all(passwords.iter().map(|p| use_link(&app, &token, p))).await;
    // Assert
    let won: Vec<usize> = (0..answers.len())
        .filter(|&i| answers[i].status == StatusCode::SEE_OTHER)
        .collect();
    assert_eq!(
        won.len(),
        1,
        "{:?}",
        answers.iter().map(|a| a.status).collect::<Vec<_>>()
    );
    for (i, a) in answers.iter().enumerate() {
        if i != won[0] {
            assert_eq!(a.status, StatusCode::GONE, "{}", a.body);
        }
    }
    let (a, _) = sign_in_with(&app, "kit", &passwords[won[0]]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let loser = (won[0] + 1) % passwords.len();
    let (a, _) = sign_in_with(&app, "kit", &passwords[loser]).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}
