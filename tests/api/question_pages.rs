//! Issue 20, the pages (the data path is `questions`): a host sets a
//! round's questions in the console (one at a time, reordered, previewed,
//! frozen once the round opens), and participants answer them on the
//! form, the check step and the paper form, without JavaScript, as
//! fieldsets; what the HTML form sends is counted in the digest.

use crate::console::{add_user, sign_in, Browser};
use crate::helpers::{collect, enc, spawn_app, Answer, TestApp};
use awc::http::StatusCode;
use parrhesia::staff::Role;

/// A scale (default options, required) and a choice, added through the
/// console as a host would; returns the signed-in host.
async fn round_with_questions(app: &TestApp) -> Browser {
    app.setup_round("care", "spring", 5).await;
    add_user(app, "host", Role::Coordinator, None).await;
    let b = sign_in(app, "host").await;
    let a = b
        .post(
            "/console/rounds/spring/questions",
            &[
                ("action", "save"),
                ("id", "listened"),
                ("kind", "scale"),
                ("prompt", "How well did staff listen to you?"),
                ("hint", "Think of the last month."),
                ("required", "yes"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let a = b
        .post(
            "/console/rounds/spring/questions",
            &[
                ("action", "save"),
                ("id", "contact"),
                ("kind", "choice"),
                ("prompt", "How do you usually contact us?"),
                ("option-0-label", "By phone"),
                ("option-1-label", "In person"),
                ("option-1-easy_read", "I come in"),
                ("option-2-label", "By letter"),
                ("option-2-id", "post"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    b
}

async fn post_check(app: &TestApp, query: &str, body: &str) -> Answer {
    collect(
        app.client
            .post(app.url(&format!("/r/spring/check{query}")))
            .content_type("application/x-www-form-urlencoded")
            .send_body(body.to_owned()),
    )
    .await
}

#[actix_web::test]
async fn a_host_adds_reorders_and_previews_questions_which_freeze_when_the_round_opens() {
    // Arrange, Act: two questions added one at a time.
    let app = spawn_app().await;
    let b = round_with_questions(&app).await;

    // Assert: stored in order, ids made from labels where none was given.
    let round = app.store.round("spring").unwrap().unwrap();
    let ids: Vec<&str> = round.questions.iter().map(|q| q.id().as_str()).collect();
    assert_eq!(ids, ["listened", "contact"]);
    let contact = round.questions.get("contact").unwrap();
    let options: Vec<&str> = contact.options().iter().map(|o| o.id().as_str()).collect();
    assert_eq!(options, ["by-phone", "in-person", "post"]);
    assert_eq!(contact.options()[1].easy_read(), Some("I come in"));
    assert_eq!(round.questions.get("listened").unwrap().options().len(), 5);
    assert!(app
        .store
        .staff_actions()
        .unwrap()
        .iter()
        .any(|e| e.action == "round.update" && e.actor == "host"));

    // The preview shows each question as a participant sees it.
    let page = b.get("/console/rounds/spring/questions").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(
            "<legend class=\"legend\" dir=\"auto\">How well did staff listen to you?</legend>"
        ),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains("type=\"radio\" name=\"q-contact\" value=\"post\""));
    assert!(page.body.contains("Neither well nor badly"));
    let round_page = b.get("/console/rounds/spring").await;
    assert!(round_page
        .body
        .contains("href=\"/console/rounds/spring/questions\""));

    // Reorder: the second moves up.
    let a = b
        .post(
            "/console/rounds/spring/questions",
            &[("action", "up"), ("index", "1")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    let ids: Vec<&str> = round.questions.iter().map(|q| q.id().as_str()).collect();
    assert_eq!(ids, ["contact", "listened"]);

    // A broken question: each problem at its field, nothing changed.
    let a = b
        .post(
            "/console/rounds/spring/questions",
            &[
                ("action", "save"),
                ("id", "Bad Id"),
                ("kind", "choice"),
                ("prompt", ""),
                ("option-0-label", "Only one"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    for field in ["id", "prompt", "options"] {
        assert!(
            a.body.contains(&format!("href=\"#{field}\"")),
            "{field}: {}",
            a.body
        );
    }
    assert!(
        a.body.contains("value=\"Only one\""),
        "what was typed stays"
    );
    assert_eq!(
        app.store.round("spring").unwrap().unwrap().questions.len(),
        2
    );

    // Open the round: wording may be corrected, nothing else.
    let a = b.post("/console/rounds/spring/open", &[]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let edit = b.get("/console/rounds/spring/questions?edit=0").await;
    assert!(edit.body.contains("Edit question 1"), "{}", edit.body);
    assert!(edit.body.contains("value=\"By phone\""));
    assert!(
        !edit.body.contains("value=\"up\""),
        "no reordering when open"
    );
    let a = b
        .post(
            "/console/rounds/spring/questions",
            &[
                ("action", "save"),
                ("index", "0"),
                ("id", "contact"),
                ("kind", "choice"),
                ("prompt", "How do you usually get in touch?"),
                ("option-0-label", "By telephone"),
                ("option-1-label", "In person"),
                ("option-1-id", "in-person"),
                ("option-2-label", "By letter"),
                ("option-2-id", "post"),
                ("option-0-id", "by-phone"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    let contact = round.questions.get("contact").unwrap();
    assert_eq!(contact.prompt(), "How do you usually get in touch?");
    assert_eq!(contact.options()[0].label(), "By telephone");
    // Moving, removing or adding an option is refused with a clear error.
    for fields in [
        vec![("action", "down"), ("index", "0")],
        vec![("action", "remove"), ("index", "1")],
        vec![
            ("action", "save"),
            ("index", "0"),
            ("id", "contact"),
            ("kind", "choice"),
            ("prompt", "How do you usually get in touch?"),
            ("option-0-label", "By telephone"),
            ("option-0-id", "by-phone"),
            ("option-1-label", "By email"),
        ],
    ] {
        let a = b.post("/console/rounds/spring/questions", &fields).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{fields:?}: {}", a.body);
        assert!(a.body.contains("href=\"#questions\""), "{}", a.body);
        assert!(a.body.contains("id=\"questions\""), "the link has a target");
        assert!(a.body.contains("the round is open"), "{}", a.body);
    }
    let after = app.store.round("spring").unwrap().unwrap();
    assert_eq!(after.questions, round.questions, "nothing changed");
}

#[actix_web::test]
async fn the_form_asks_the_questions_as_fieldsets_and_keeps_answers_through_problems_and_the_check()
{
    // Arrange
    let app = spawn_app().await;
    round_with_questions(&app).await;
    let code = app.codes("spring", 1).await.remove(0);

    // The form: a fieldset per question, after the code, before themes.
    let form = app.get("/r/spring").await.body;
    let (code_at, scale_at, choice_at, themes_at) = (
        form.find("id=\"code\"").unwrap(),
        form.find("How well did staff listen to you?").unwrap(),
        form.find("How do you usually contact us?").unwrap(),
        form.find("id=\"themes\"").unwrap(),
    );
    assert!(code_at < scale_at && scale_at < choice_at && choice_at < themes_at);
    assert!(form.contains(
        "<fieldset class=\"fieldset\" aria-describedby=\"q-listened-hint\" data-max=\"1\"><legend class=\"legend\" dir=\"auto\">How well did staff listen to you?</legend>"
    ), "{form}");
    assert!(
        form.contains("id=\"q-listened\" type=\"radio\" name=\"q-listened\" value=\"very-badly\"")
    );
    assert!(form.contains(
        "id=\"q-listened-very-well\" type=\"radio\" name=\"q-listened\" value=\"very-well\""
    ));
    assert!(form.contains("Think of the last month."));
    assert!(form.contains("(optional)"), "the choice is optional");
    assert!(form.len() < 20_000, "{} bytes", form.len());
    // Easy Read: the Easy Read labels and a face beside each of the
    // default scale's options.
    let easy = app.get("/r/spring?easy=1").await.body;
    assert!(easy.contains("I come in") && easy.contains("Very good"));
    assert_eq!(easy.matches("/static/pictures/face-").count(), 5);
    assert!(app
        .get("/static/pictures/face-3.svg")
        .await
        .status
        .is_success());

    // A required answer missing: the summary links to its fieldset, and
    // everything typed and ticked stays.
    let body = format!(
        "code={}&q-contact=post&themes=leadership&text={}",
        enc(&code),
        enc("Nobody rings back.")
    );
    let a = post_check(&app, "", &body).await;
    assert_eq!(a.status.as_u16(), 422, "{}", a.body);
    assert!(
        a.body.contains(
            "<a href=\"#q-listened\">Answer the question “How well did staff listen to you?”.</a>"
        ),
        "{}",
        a.body
    );
    assert!(a.body.contains("id=\"q-listened-error\""));
    assert!(a
        .body
        .contains("aria-describedby=\"q-listened-hint q-listened-error\""));
    assert!(
        a.body.contains("value=\"post\" checked"),
        "the choice stays ticked"
    );
    assert!(a.body.contains("Nobody rings back."));
    // In Welsh too, worded with the question's prompt, marked as English
    // in the error summary and at the question.
    let cy = post_check(&app, "?lang=cy", &body).await;
    assert_eq!(
        cy.body
            .matches("Atebwch y cwestiwn “<span lang=\"en\" dir=\"ltr\">How well did staff listen to you?</span>”.")
            .count(),
        2,
        "{}",
        cy.body
    );
    // Two answers to a one-answer question, and an unknown option.
    let bad = format!("{body}&q-listened=well&q-listened=badly");
    let a = post_check(&app, "", &bad).await;
    assert_eq!(a.status.as_u16(), 422);
    assert!(
        a.body.contains("choose no more than 1 answers") || a.body.contains("no more than 1"),
        "{}",
        a.body
    );
    let a = post_check(&app, "", &format!("{body}&q-listened=superb")).await;
    assert!(
        a.body.contains("choose one of the answers shown"),
        "{}",
        a.body
    );

    // Answered: the check step shows the chosen answers with change
    // buttons and carries them in every form.
    let body = format!("{body}&q-listened=well");
    let check = post_check(&app, "", &body).await;
    assert_eq!(check.status.as_u16(), 200, "{}", check.body);
    assert!(check
        .body
        .contains("<dt dir=\"auto\">How well did staff listen to you?</dt>"));
    assert!(check.body.contains("<li dir=\"auto\">Well</li>"));
    assert!(check.body.contains("<li dir=\"auto\">By letter</li>"));
    assert!(check
        .body
        .contains("formaction=\"/r/spring/check?change=yes#q-listened\""));
    assert_eq!(
        check
            .body
            .matches("name=\"q-listened\" value=\"well\"")
            .count(),
        3
    );
    // "Change" brings the form back with both answers ticked.
    let change = post_check(&app, "?change=yes", &body).await;
    assert!(
        change.body.contains("value=\"well\" checked"),
        "{}",
        change.body
    );
    assert!(change.body.contains("value=\"post\" checked"));

    // Confirm and send: accepted and stored.
    let sent = app.submit_form("spring", &body).await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    assert!(sent.body.contains("class=\"receipt\""));
    assert_eq!(app.stored(), (1, 1));
    // Sent without the required answer: refused, the code unspent.
    let code = app.codes("spring", 1).await.remove(0);
    let a = app
        .submit_form(
            "spring",
            &format!("code={}&themes=leadership&text=x", enc(&code)),
        )
        .await;
    assert_eq!(a.status.as_u16(), 422, "{}", a.body);
    assert!(a.body.contains("href=\"#q-listened\""));
    assert_eq!(app.stored(), (1, 1));
}

#[actix_web::test]
async fn the_paper_form_prints_each_question_with_a_tick_box_per_answer() {
    let app = spawn_app().await;
    round_with_questions(&app).await;
    let paper = app.get("/r/spring/paper").await.body;
    assert!(paper.contains("How well did staff listen to you?"));
    assert!(paper.contains("Tick one box."), "{paper}");
    for label in ["Very badly", "Very well", "By phone", "By letter"] {
        assert!(
            paper.contains(&format!(
                "<span class=\"tick-box\" aria-hidden=\"true\"></span>{label}"
            )),
            "{label}"
        );
    }
    assert!(paper.find("How do you usually contact us?") < paper.find("id=\"paper-themes\""));
    let easy = app.get("/r/spring/paper?easy=1").await.body;
    assert!(easy.contains("I come in") && easy.contains("Tick 1 box."));
}

#[actix_web::test]
async fn answers_sent_with_the_html_form_are_counted_in_the_digest_after_sealing() {
    // Arrange: k = 2, exact counts, small periods publish, and answers
    // may come without writing (set in the console).
    let app = spawn_app().await;
    let b = round_with_questions(&app).await;
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            serde_json::json!({"min_group": 2, "rounding_base": 1, "min_period": 3}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let a = b
        .post(
            "/console/rounds/spring/questions",
            &[("action", "setting"), ("answers_without_text", "yes")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert!(
        app.store
            .round("spring")
            .unwrap()
            .unwrap()
            .answers_without_text
    );
    let codes = app.codes("spring", 8).await;

    // Act: eight people send the form, one with answers and no words, one
    // without answering the optional choice.
    let sent = [
        ("well", "post", "They rang back."),
        ("well", "post", "Kind staff."),
        ("well", "post", "Fine."),
        ("well", "post", "Good."),
        ("very-well", "by-phone", "Quick."),
        ("very-well", "by-phone", "Lovely."),
        ("very-well", "post", ""),
        ("badly", "", "Nobody listened to me."),
    ];
    for ((listened, contact, text), code) in sent.iter().zip(&codes) {
        let themes = if text.is_empty() {
            ""
        } else {
            "&themes=leadership"
        };
        let body = format!(
            "code={}&q-listened={listened}&q-contact={contact}{themes}&text={}",
            // (An empty `q-contact` is a question left unanswered.)
            enc(code),
            enc(text)
        );
        let check = post_check(&app, "", &body).await;
        assert_eq!(check.status.as_u16(), 200, "{}", check.body);
        let a = app.submit_form("spring", &body).await;
        assert_eq!(a.status.as_u16(), 200, "{}", a.body);
    }
    assert_eq!(app.stored().0, 8);

    // Assert: the next week, the digest counts the answers.
    app.clock
        .set(crate::helpers::thursday() + time::Duration::days(7));
    let d = app.get("/api/v1/organisations/care/digest").await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    let d = d.json();
    let questions = &d["rounds"][0]["questions"];
    let figure = |q: usize, option: &str| {
        questions[q]["releases"][0]["options"]
            .as_array()
            .unwrap_or_else(|| panic!("{d}"))
            .iter()
            .find(|o| o["id"] == option)
            .unwrap()
            .clone()
    };
    assert_eq!(questions[0]["id"], "listened", "{d}");
    assert_eq!(questions[0]["releases"][0]["respondents"], 8, "{d}");
    assert_eq!(figure(0, "well")["value"], 4, "{d}");
    assert_eq!(figure(0, "well")["shown"], "about", "{d}");
    assert_ne!(figure(0, "badly")["shown"], "about", "one person: hidden");
    assert_eq!(figure(1, "post")["value"], 5, "{d}");
    assert_ne!(figure(1, "in-person")["shown"], "about", "nobody: hidden");

    // The digest page in Welsh: the host's prompt and labels are marked
    // as English in the heading, the tables and the chart; the default
    // scale is in Welsh; the plain line quotes a marked label.
    let en = |text: &str| format!("<span lang=\"en\" dir=\"ltr\">{text}</span>");
    let page = app.get("/o/care?lang=cy").await.body;
    assert!(
        page.contains(&en("How do you usually contact us?")),
        "{page}"
    );
    assert!(
        page.contains(&en("How well did staff listen to you?")),
        "{page}"
    );
    assert!(
        page.contains(&format!("<th scope=\"row\">{}</th>", en("By letter"))),
        "{page}"
    );
    assert!(page.contains("<th scope=\"row\">Yn dda</th>"), "{page}");
    assert!(page.contains("<g lang=\"en\"><text"), "{page}");
    assert!(
        page.contains(&format!("“{}”", en("By letter"))),
        "the plain line quotes the label, marked: {page}"
    );
    assert!(!page.contains(">Very well<"), "{page}");
    let english = app.get("/o/care").await.body;
    assert!(
        english.contains("<th scope=\"row\">By letter</th>"),
        "{english}"
    );
    assert!(
        !english.contains("lang=\"en\" dir=\"ltr\">How"),
        "{english}"
    );
}

#[actix_web::test]
async fn the_invitation_page_asks_the_questions_and_its_script_has_their_words() {
    let app = spawn_app().await;
    round_with_questions(&app).await;
    let page = app.get("/i/spring").await;
    assert_eq!(page.status, StatusCode::OK);
    let (scale_at, themes_at) = (
        page.body.find("id=\"q-listened\"").unwrap(),
        page.body.find("id=\"themes\"").unwrap(),
    );
    assert!(scale_at < themes_at, "the questions come before the themes");
    assert!(page.body.contains("data-max=\"1\""));
    assert!(page.body.len() < 20_000, "{} bytes", page.body.len());
    // The script words a question's problem with its prompt ({prompt}) and
    // links it to the question; "not answered" for the check step.
    let words = app.get("/i/spring/words.json?lang=cy").await.json();
    assert_eq!(words["problems"]["answer_missing"][0], "answers");
    let missing = words["problems"]["answer_missing"][1].as_str().unwrap();
    assert!(
        missing.contains("{prompt}") && missing.starts_with("Atebwch"),
        "{missing}"
    );
    assert!(words["problems"]["answer_too_many"][1]
        .as_str()
        .unwrap()
        .contains("{max}"));
    assert_eq!(words["say"]["not-answered"], "Heb ei ateb");
    // The bundle reads the answers and sends them as `answers`.
    let js = app.get("/static/invite.js").await.body;
    assert!(js.contains(".questions fieldset") && js.contains("answer-row"));
}

/// The host writes questions in English (the round's language) and they
/// have no translations: on a Welsh or Arabic page their words are marked
/// as English (WCAG 3.1.2), while the default scale is said in the page's
/// language; the English page marks nothing.
#[actix_web::test]
async fn on_translated_pages_the_hosts_words_are_marked_english_and_the_default_scale_is_translated(
) {
    // Arrange
    let app = spawn_app().await;
    round_with_questions(&app).await;
    let en = |text: &str| format!("<span lang=\"en\" dir=\"ltr\">{text}</span>");

    // Act, Assert: Welsh and Arabic, standard and Easy Read.
    for (language, very_well, easy_very_well) in [
        ("cy", "Yn dda iawn", "Da iawn"),
        ("ar", "بشكل جيد جدًا", "جيد جدًا"),
    ] {
        let form = app.get(&format!("/r/spring?lang={language}")).await.body;
        assert!(
            form.contains(&format!("<html lang=\"{language}\"")),
            "{form}"
        );
        for host in [
            "How well did staff listen to you?",
            "Think of the last month.",
            "How do you usually contact us?",
            "By phone",
            "In person",
            "By letter",
        ] {
            assert!(
                form.contains(&en(host)),
                "{language}: {host} not marked\n{form}"
            );
        }
        assert!(
            form.contains(&format!("value=\"very-well\"><label for=\"q-listened-very-well\" dir=\"auto\">{very_well}</label>")),
            "{language}: the default scale is not translated\n{form}"
        );
        for english in ["Very well", "Very badly", "Neither well nor badly"] {
            assert!(!form.contains(english), "{language}: {english}");
        }
        let easy = app
            .get(&format!("/r/spring?lang={language}&easy=1"))
            .await
            .body;
        assert!(easy.contains(&en("I come in")), "{language}: {easy}");
        assert!(easy.contains(easy_very_well), "{language}: {easy}");
        assert!(!easy.contains("Very good"), "{language}: {easy}");
    }

    // The check step in Welsh: the prompt marked, the chosen default
    // answer in Welsh, a chosen custom answer marked.
    let code = app.codes("spring", 1).await.remove(0);
    let body = format!(
        "code={}&q-listened=well&q-contact=post&themes=leadership&text=Fine.",
        enc(&code)
    );
    let check = post_check(&app, "?lang=cy", &body).await;
    assert_eq!(check.status.as_u16(), 200, "{}", check.body);
    assert!(
        check.body.contains(&format!(
            "<dt dir=\"auto\">{}</dt>",
            en("How well did staff listen to you?")
        )),
        "{}",
        check.body
    );
    assert!(
        check.body.contains("<li dir=\"auto\">Yn dda</li>"),
        "{}",
        check.body
    );
    assert!(
        check
            .body
            .contains(&format!("<li dir=\"auto\">{}</li>", en("By letter"))),
        "{}",
        check.body
    );

    // The paper form in Arabic marks the host's words too.
    let paper = app.get("/r/spring/paper?lang=ar").await.body;
    assert!(paper.contains(&en("By phone")), "{paper}");
    assert!(
        paper.contains(&en("How do you usually contact us?")),
        "{paper}"
    );
    assert!(paper.contains("بشكل سيئ جدًا"), "{paper}");

    // English: the same words, unmarked.
    let form = app.get("/r/spring").await.body;
    assert!(!form.contains("<span lang=\"en\""), "{form}");
    assert!(form.contains(">Very well</label>"), "{form}");
    assert!(form.contains(">By phone</label>"), "{form}");
}
