//! Participant and public pages: the form, the confirmation, the digest.
//!
//! Nothing here reads the client's address, user agent, referrer or
//! cookies, and no response sets a cookie.

use super::error::ApiError;
use super::form::{self, Answers};
use super::AppState;
use crate::app::{digests, rounds, submissions, voices, AppError};
use crate::domain::Receipt;
use crate::messages::{Choice, Messages};
use crate::tokens::AboutYouCode;
use crate::views::{self, FormErrors, FormValues};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;

const STYLE: &str = include_str!("../../static/style.css");
const TABLES: &str = include_str!("../../static/tables.css");
const PAPER: &str = include_str!("../../static/paper.css");

pub(super) fn page(status: StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// The language and Easy Read choice of a request: `?lang=` (kept in
/// every link, because there are no cookies to keep it), else the
/// browser's `Accept-Language` (read for this answer only, never kept);
/// and `?easy=1`. This instance's message overrides apply.
pub(super) fn messages(req: &HttpRequest) -> Messages {
    let mut choice = Choice::default();
    for pair in req.query_string().split('&') {
        match pair.split_once('=') {
            Some(("lang", tag)) => choice.lang = Some(tag),
            Some(("easy", "1")) => choice.easy = true,
            _ => {}
        }
    }
    choice.accept_language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let overrides = req
        .app_data::<web::Data<AppState>>()
        .and_then(|s| s.messages);
    Messages::choose(choice, overrides)
}

pub async fn home(req: HttpRequest) -> HttpResponse {
    page(StatusCode::OK, views::home(&messages(&req)))
}

pub async fn helping(req: HttpRequest) -> HttpResponse {
    page(StatusCode::OK, views::helping(&messages(&req)))
}

pub async fn accessibility(req: HttpRequest) -> HttpResponse {
    page(StatusCode::OK, views::accessibility(&messages(&req)))
}

/// The Easy Read pictures, drawn for this project.
pub async fn picture(path: web::Path<String>, req: HttpRequest) -> HttpResponse {
    let name = path.trim_end_matches(".svg");
    match views::PICTURES.iter().find(|(n, _)| *n == name) {
        Some((_, svg)) => HttpResponse::Ok()
            .content_type("image/svg+xml")
            .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
            .body(*svg),
        None => not_found(req).await,
    }
}

/// 200 while the store accepts writes.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    if state.app.healthy() {
        HttpResponse::Ok().content_type("text/plain").body("ok")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("store unavailable")
    }
}

pub async fn style() -> HttpResponse {
    static MINIFIED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    sheet(MINIFIED.get_or_init(|| minify_css(STYLE)))
}

/// `/static/tables.css`: tables, charts and the console (not participant
/// pages).
pub async fn tables_style() -> HttpResponse {
    static MINIFIED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    sheet(MINIFIED.get_or_init(|| minify_css(TABLES)))
}

/// `/static/paper.css`: the paper form's large print and A4 layout.
pub async fn paper_style() -> HttpResponse {
    static MINIFIED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    sheet(MINIFIED.get_or_init(|| minify_css(PAPER)))
}

fn sheet(css: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(css)
}

/// The style sheet as served: without comments and the white space the
/// grammar does not need (CSS Syntax Level 3 §4), so that every page, in
/// every language, stays within its 20 KB. The file stays readable.
fn minify_css(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let joins = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
        let after = out.chars().last().is_some_and(|c| joins(c) || c == ':');
        if !out.is_empty() && !after && !word.starts_with(joins) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}

/// JSON for API addresses, a page for everything else; 405 with `Allow`
/// when the address exists for other methods.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let allowed = super::routes::allowed_methods(req.path());
    let error = if allowed.is_empty() {
        ApiError::NotFound
    } else {
        ApiError::MethodNotAllowed(allowed.join(", "))
    };
    let m = messages(&req);
    if req.path().starts_with("/api/") {
        return error.response_in(&m);
    }
    match &error {
        ApiError::MethodNotAllowed(_) => error.page(views::problem_in(
            &m,
            None,
            &m.t("method-not-allowed-title"),
            &m.t("method-not-allowed-body"),
        )),
        _ => error.page(views::not_found_in(&m, again(&req))),
    }
}

/// The address of a GET request, which a link can ask for again (in
/// another language, or in Easy Read); `None` for other methods.
pub(super) fn again(req: &HttpRequest) -> Option<&str> {
    (req.method() == actix_web::http::Method::GET).then(|| req.path())
}

/// A page for an error that is not about one field of the form.
pub(super) fn problem_page(m: &Messages, req: &HttpRequest, e: &ApiError) -> HttpResponse {
    let path = again(req);
    let markup = match e {
        ApiError::App(AppError::RoundUnknown) => views::problem_in(
            m,
            path,
            &m.t("round-unknown-title"),
            &m.t("round-unknown-body"),
        ),
        ApiError::NotFound | ApiError::App(AppError::OrganisationUnknown) => {
            views::not_found_in(m, path)
        }
        _ => views::problem_in(
            m,
            path,
            &m.t("service-problem-title"),
            &m.t("service-problem-body"),
        ),
    };
    e.page(markup)
}

pub async fn form(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = messages(&req);
    match rounds::round(&state.app, &path).await {
        Ok((org, round)) => page(
            StatusCode::OK,
            views::round_form(&m, &org, &round, &FormValues::default(), &Vec::new()),
        ),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}

/// The printable paper form for a round.
pub async fn paper(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = messages(&req);
    match rounds::round(&state.app, &path).await {
        Ok((org, round)) => {
            let url = state.app.round_url(round.slug.as_str());
            page(StatusCode::OK, views::paper_form(&m, &org, &round, &url))
        }
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}

/// `POST /r/{round}`: the confirmed answers of the check step, with the
/// card's code; the only place a code is spent.
pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let m = messages(&req);
    let (org, round) = match rounds::round(&state.app, &path).await {
        Ok(found) => found,
        Err(e) => return problem_page(&m, &req, &e.into()),
    };
    let shown_again = |e: &ApiError, values: &FormValues, errors: FormErrors| {
        e.page(views::round_form(&m, &org, &round, values, &errors))
    };
    let Answers {
        code,
        submission,
        values,
    } = match form::read_answers(&round, &req, payload).await {
        Ok(answers) => answers,
        Err(refused) => {
            let (e, values, errors) = *refused;
            super::api::count(&state, Some(&e), true);
            return shown_again(&e, &values, errors);
        }
    };
    let (app, today) = (&state.app, state.today());
    let stored = async {
        let redemption = submissions::redeem_code(app, &code).await?;
        submissions::submit(app, redemption, submission, today).await
    }
    .await
    .map_err(ApiError::from);
    super::api::count(&state, stored.as_ref().err(), true);
    match stored {
        Ok(accepted) => page(
            StatusCode::OK,
            views::confirmation(&m, &org, &round, &accepted.receipt, &accepted.about_you),
        ),
        Err(e @ ApiError::App(AppError::CodeUnknown | AppError::CodeSpent)) => {
            let key = match e {
                ApiError::App(AppError::CodeSpent) => "code_spent",
                _ => "code_unknown",
            };
            // The error's page charges the client's failure allowance.
            shown_again(&e, &values, vec![key])
        }
        Err(e @ ApiError::App(AppError::Busy | AppError::Unavailable)) => {
            shown_again(&e, &values, vec!["busy"])
        }
        Err(e) => problem_page(&m, &req, &e),
    }
}

/// `POST /r/{round}/receipt`: the confirmation again, for the receipt the
/// page posted, in the version the address asks for (its switch to Easy
/// Read or back). Stores and reads nothing: the service keeps no copy of a
/// receipt it could show, so the page carries it. Anyone can post any
/// well-formed receipt here; the page proves nothing, and says nothing
/// about whether the receipt exists (that is what the published lists are
/// for).
pub async fn receipt(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let m = messages(&req);
    let (org, round) = match rounds::round(&state.app, &path).await {
        Ok(found) => found,
        Err(e) => return problem_page(&m, &req, &e.into()),
    };
    let posted = super::body::read(&req, payload, super::body::FORM, super::body::FORM_LIMIT)
        .await
        .and_then(|b| super::body::decode_form(&b));
    let pairs = posted.unwrap_or_default();
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let receipt = field("receipt").and_then(Receipt::parse_display);
    // The "about you" code rides along too, if it looks like one.
    let about_code = field(views::ABOUT_CODE)
        .and_then(AboutYouCode::parse)
        .map(|c| c.display())
        .unwrap_or_default();
    match receipt {
        Some(r) => page(
            StatusCode::OK,
            views::confirmation_of(&m, &org, &round, &r, &about_code),
        ),
        None => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::problem_in(
                &m,
                None,
                &m.t("receipt-unreadable-title"),
                &m.t("receipt-unreadable-body"),
            ),
        ),
    }
}

pub async fn digest(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = messages(&req);
    let shown = async {
        let d = digests::digest(&state.app, &path, state.today()).await?;
        let voices = voices::load_voices(&state.app, &path).await?;
        let rounds = voices::rounds_of(&state.app, &path).await?;
        let record = crate::app::record::record(&state.app, &path, state.today()).await?;
        Ok::<_, AppError>(views::digest(&m, &d, &voices, &rounds, &record))
    };
    match shown.await {
        Ok(markup) => page(StatusCode::OK, markup),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_served_style_sheet_keeps_every_rule_and_drops_comments_and_spaces() {
        let min = minify_css(STYLE);
        assert!(
            min.len() < STYLE.len() * 9 / 10,
            "{} of {}",
            min.len(),
            STYLE.len()
        );
        assert_eq!(min.matches('{').count(), STYLE.matches('{').count());
        assert!(!min.contains("/*"));
        for kept in [
            "font-family:system-ui,-apple-system,\"Segoe UI\",Arial,sans-serif",
            ".easy .before{",
            "p>a:only-child,",
            "@media (max-width:40rem){",
            "[dir=\"rtl\"] .mirror{transform:scaleX(-1)}",
        ] {
            assert!(min.contains(kept), "{kept} in {min}");
        }
        let paper = minify_css(PAPER);
        assert!(paper.contains(
            "background:repeating-linear-gradient(#fff 0 2.95rem,#b1b4b6 2.95rem 3rem)}"
        ));
        assert!(
            paper.contains("@media print{@page{size:A4;margin:15mm}"),
            "{paper}"
        );
        assert!(minify_css(TABLES).contains(".table th,.table td{"));
        assert_eq!(minify_css("a /* x */ { color: red ; }"), "a{color:red}");
    }
}
