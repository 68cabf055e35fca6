//! The digest in its other forms: CSV, Atom feeds of new releases, and the
//! host-wide themes across organisations. Every form is built from the same
//! [`Digest`] as the page and the JSON, so they agree; only released
//! figures appear, never the open period.

use super::error::ApiError;
use super::participant::{messages, page, problem_page};
use super::AppState;
use crate::app::digests;
use crate::app::record::Overdue;
use crate::digest::disclosure::Figure;
use crate::digest::Digest;
use crate::domain::{Period, PeriodLength};
use crate::views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// `/o/{organisation}/digest.csv`: one row per theme per release.
pub async fn csv(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let d = digests::digest(&state.app, &path, state.today()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}-digest.csv\"", d.organisation),
        ))
        .body(to_csv(&d)))
}

/// The CSV columns, in order.
pub const CSV_HEADER: &str =
    "organisation,round,release,periods,label,total,theme,theme_label,shown,value,trend,fewer_than";

/// The digest as CSV (RFC 4180, CRLF line ends). Text fields are quoted;
/// one that starts like a spreadsheet formula gets a leading apostrophe.
///
/// `value` holds only numbers that were published, so summing the column
/// never counts a hidden group: a "fewer than k" row leaves it empty and
/// says k in `fewer_than` (and `almost_everyone` leaves it empty too).
pub fn to_csv(d: &Digest) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for round in &d.rounds {
        for r in &round.releases {
            for t in &r.themes {
                let (shown, value, fewer_than) = match t.figure {
                    Figure::FewerThan(k) => ("fewer_than", String::new(), k.to_string()),
                    Figure::About(n) => ("about", n.to_string(), String::new()),
                    Figure::AlmostEveryone => ("almost_everyone", String::new(), String::new()),
                };
                let row = [
                    csv_field(&d.organisation),
                    csv_field(&round.slug),
                    csv_field(&r.id),
                    csv_field(&r.periods.join(" ")),
                    csv_field(&r.label),
                    csv_field(&r.total.label),
                    csv_field(&t.slug),
                    csv_field(&t.label),
                    shown.to_owned(),
                    value,
                    t.trend.map(|n| n.to_string()).unwrap_or_default(),
                    fewer_than,
                ];
                out.push_str(&row.join(","));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// `/o/{organisation}/digest-questions.csv`: one row per option per
/// release of each question (issue 20); a file of its own, so the digest
/// CSV's columns stay as they are.
pub async fn questions_csv(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let d = digests::digest(&state.app, &path, state.today()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"{}-digest-questions.csv\"",
                d.organisation
            ),
        ))
        .body(questions_to_csv(&d)))
}

/// The question CSV's columns, in order.
pub const QUESTIONS_CSV_HEADER: &str = "organisation,round,question,release,periods,label,\
     respondents,option,option_label,shown,value,trend";

/// The digest's questions as CSV, like [`to_csv`]: `value` holds only
/// published numbers; a hidden option ("fewer than k", "not shown") or
/// "almost everyone" leaves it empty and says so in `shown` (k is the
/// round's smallest group, in its rules). `respondents` is
/// empty when it is not stated. People who did not answer an optional
/// question are the row whose `option` is empty.
pub fn questions_to_csv(d: &Digest) -> String {
    use crate::digest::disclosure::questions::Shown;
    let mut out = String::from(QUESTIONS_CSV_HEADER);
    out.push_str("\r\n");
    let cells = |s: Shown| match s {
        Shown::FewerThan(_) => ("fewer_than", String::new()),
        Shown::About(n) => ("about", n.to_string()),
        Shown::AlmostEveryone => ("almost_everyone", String::new()),
        Shown::Withheld => ("withheld", String::new()),
    };
    for round in &d.rounds {
        for q in &round.questions {
            for r in &q.releases {
                let mut rows: Vec<(String, String, Shown, Option<i64>)> = r
                    .options
                    .iter()
                    .map(|o| (o.id.clone(), o.label.clone(), o.shown, o.trend))
                    .collect();
                if let Some(n) = r.no_answer {
                    rows.push((String::new(), "No answer".to_owned(), n, None));
                }
                for (id, label, shown, trend) in rows {
                    let (shown, value) = cells(shown);
                    let row = [
                        csv_field(&d.organisation),
                        csv_field(&round.slug),
                        csv_field(&q.id),
                        csv_field(&r.id),
                        csv_field(&r.periods.join(" ")),
                        csv_field(&r.label),
                        r.respondents.map(|n| n.to_string()).unwrap_or_default(),
                        csv_field(&id),
                        csv_field(&label),
                        shown.to_owned(),
                        value,
                        trend.map(|n| n.to_string()).unwrap_or_default(),
                    ];
                    out.push_str(&row.join(","));
                    out.push_str("\r\n");
                }
            }
        }
    }
    out
}

/// The plain-language line of a question's release, in English (the Atom
/// summary): "How well did staff listen? About 60 of 100 people said
/// 'Well' or 'Very well'."
pub fn question_line(prompt: &str, summary: &crate::digest::questions::Summary) -> String {
    use crate::digest::questions::Summary;
    let quoted = |labels: &[String]| {
        labels
            .iter()
            .map(|l| format!("'{l}'"))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    match summary {
        Summary::About {
            n,
            of: Some(of),
            labels,
        } => {
            format!("{prompt} About {n} of {of} people said {}.", quoted(labels))
        }
        Summary::About {
            n,
            of: None,
            labels,
        } => {
            format!("{prompt} About {n} people said {}.", quoted(labels))
        }
        Summary::AlmostEveryone { label } => {
            format!("{prompt} Almost everyone said '{label}'.")
        }
    }
}

/// One text field of a CSV row: quoted, and defused if it starts like a
/// spreadsheet formula.
pub(crate) fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// `/o/{organisation}/digest.atom`: the organisation's releases.
pub async fn atom(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let d = digests::digest(&state.app, &path, state.today()).await?;
    let base = state.app.public_url().to_owned();
    let feed = to_atom(
        &format!("{base}/o/{}/digest.atom", d.organisation),
        &format!("Digests of {}", d.name),
        &base,
        std::slice::from_ref(&d),
    );
    Ok(atom_response(feed))
}

/// `/digests.atom`: every organisation's releases.
pub async fn atom_all(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let all = digests::all(&state.app, state.today()).await?;
    let overdue = crate::app::record::overdue(&state.app, state.today()).await?;
    let base = state.app.public_url().to_owned();
    let title = "New digests and overdue answers";
    let mut feed = to_atom(&format!("{base}/digests.atom"), title, &base, &all);
    feed = with_overdue(feed, &base, &overdue);
    Ok(atom_response(feed))
}

/// `feed` with an entry for each release whose answer is overdue, dated
/// the last day of its deadline period (when it became overdue; no finer
/// than a day), with an id that names only the organisation, round and
/// release, so a reader sees it once. The entries go after the newer
/// ones: the feed's order is by date, as Atom readers sort anyway.
pub fn with_overdue(feed: String, base: &str, overdue: &[Overdue]) -> String {
    let Some(body) = feed.strip_suffix("</feed>\n") else {
        return feed;
    };
    let mut out = body.to_owned();
    for o in overdue {
        let r = &o.release;
        let Some(updated) =
            published_day(&r.deadline_period, o.period_weeks.try_into().unwrap_or(1))
        else {
            continue;
        };
        out.push_str(&format!(
            "<entry><id>urn:parrhesia:overdue:{org}:{round}:{release}</id>\
             <title>{title}</title><updated>{updated}</updated>\
             <link rel=\"alternate\" type=\"text/html\" href=\"{base}/o/{org}/record\"/>\
             <summary type=\"text\">{summary}</summary></entry>",
            org = xml(&o.organisation),
            round = xml(&o.round),
            release = xml(&r.period),
            title = xml(&format!(
                "Answer overdue: {}: {}, {}",
                o.name, o.title, r.label
            )),
            base = xml(base),
            summary = xml(&format!(
                "{} has not answered the digest for {}; the deadline was {}.",
                o.name, r.label, r.deadline
            )),
        ));
    }
    out.push_str("</feed>\n");
    out
}

fn atom_response(feed: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(feed)
}

/// The Atom date of a release: the end of its last period (the last
/// second of its last day, UTC). No finer than the period.
fn published_day(release_id: &str, weeks: u8) -> Option<String> {
    let length = PeriodLength::parse(u64::from(weeks)).ok()?;
    let day = Period::from_id(release_id, length)?.last_day();
    Some(format!(
        "{:04}-{:02}-{:02}T23:59:59Z",
        day.year(),
        u8::from(day.month()),
        day.day()
    ))
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An Atom feed (RFC 4287) with one entry per release, newest first.
/// Entry ids name the organisation, round and release (a period id) only.
pub fn to_atom(id: &str, title: &str, base: &str, digests: &[Digest]) -> String {
    let mut entries: Vec<(String, String)> = Vec::new();
    for d in digests {
        for (round, r) in d.releases() {
            let Some(updated) = published_day(&r.id, round.period_weeks) else {
                continue;
            };
            let summary: Vec<String> = r
                .themes
                .iter()
                .map(|t| {
                    let shown = match t.figure {
                        Figure::FewerThan(k) => format!("fewer than {k}"),
                        Figure::About(n) => n.to_string(),
                        Figure::AlmostEveryone => "almost everyone".to_owned(),
                    };
                    format!("{}: {shown}", t.label)
                })
                .collect();
            // Each question released with this period: its plain line.
            let lines: Vec<String> = round
                .questions
                .iter()
                .filter_map(|q| {
                    let release = q.releases.iter().find(|x| x.id == r.id)?;
                    Some(question_line(&q.prompt, release.summary.as_ref()?))
                })
                .collect();
            let answers = if lines.is_empty() {
                String::new()
            } else {
                format!(" {}", lines.join(" "))
            };
            let entry = format!(
                "<entry><id>urn:parrhesia:digest:{org}:{round}:{release}</id>\
                 <title>{title}</title><updated>{updated}</updated>\
                 <link rel=\"alternate\" type=\"text/html\" href=\"{base}/o/{org}#h-{round}-{release}\"/>\
                 <summary type=\"text\">{summary}</summary></entry>",
                org = xml(&d.organisation),
                round = xml(&round.slug),
                release = xml(&r.id),
                title = xml(&format!("{}: {}, {}", d.name, round.title, r.label)),
                base = xml(base),
                summary = xml(&format!(
                    "Critiques: {}. {}.{answers}",
                    r.total.label,
                    summary.join("; ")
                )),
            );
            entries.push((updated, entry));
        }
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0));
    let updated = entries
        .first()
        .map_or("1970-01-05T00:00:00Z".to_owned(), |e| e.0.clone());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <id>{id}</id><title>{title}</title><updated>{updated}</updated>\
         <author><name>Parrhesia</name></author>\
         <link rel=\"self\" href=\"{id}\"/>",
        id = xml(id),
        title = xml(title),
    );
    for (_, e) in entries {
        out.push_str(&e);
    }
    out.push_str("</feed>\n");
    out
}

/// `/api/v1/themes`: themes across organisations.
pub async fn themes_json(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let across = digests::across(&state.app, state.today()).await?;
    Ok(HttpResponse::Ok().json(across))
}

/// `/themes`: the same as a page, with the noise parameters.
pub async fn themes_page(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let m = messages(&req);
    match digests::across(&state.app, state.today()).await {
        Ok(a) => page(StatusCode::OK, views::themes(&m, &a)),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}

/// `/o/{organisation}/record`: the public record of answering, as a page,
/// or as JSON when the client asks for `application/json`.
pub async fn record_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = messages(&req);
    let wants_json = req
        .headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    match crate::app::record::record(&state.app, &path, state.today()).await {
        Ok(r) if wants_json => HttpResponse::Ok().json(r),
        Ok(r) => page(StatusCode::OK, views::record(&m, &r)),
        Err(e) if wants_json => actix_web::ResponseError::error_response(&ApiError::from(e)),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}

/// `/o/{organisation}/record.json`: the same record as JSON (what
/// `parrhesia verify` checks against the log).
pub async fn record_json(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let r = crate::app::record::record(&state.app, &path, state.today()).await?;
    Ok(HttpResponse::Ok().json(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::{ReleaseView, RoundDigest, ThemeView, TotalView};

    fn digest(label: &str, name: &str) -> Digest {
        Digest {
            organisation: "care".into(),
            name: name.into(),
            rounds: vec![RoundDigest {
                slug: "spring".into(),
                title: "Spring <round>".into(),
                rules: Default::default(),
                period_weeks: 1,
                releases: vec![ReleaseView {
                    id: "2026-11-23".into(),
                    periods: vec!["2026-11-23".into()],
                    label: "Week 48 of 2026".into(),
                    total: TotalView {
                        low: 10,
                        high: 19,
                        label: "10-19".into(),
                    },
                    themes: vec![ThemeView {
                        slug: "x".into(),
                        label: label.into(),
                        figure: Figure::About(10),
                        trend: Some(-5),
                    }],
                }],
                questions: Vec::new(),
            }],
        }
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let csv = to_csv(&digest("=HYPERLINK(\"x\")", "Care"));
        let row = csv.lines().nth(1).unwrap();
        assert!(row.contains(r#""'=HYPERLINK(""x"")""#), "{row}");
        assert!(row.ends_with(",about,10,-5,"), "{row}");
        assert!(csv.ends_with("\r\n"));
    }

    /// Issue 18, item 20: a "fewer than k" row has no value to add up,
    /// and says k in a column of its own.
    #[test]
    fn csv_leaves_hidden_groups_out_of_the_value_column() {
        let mut d = digest("Hidden", "Care");
        let themes = &mut d.rounds[0].releases[0].themes;
        themes[0].figure = Figure::FewerThan(5);
        themes[0].trend = None;
        themes.push(ThemeView {
            slug: "y".into(),
            label: "Everyone".into(),
            figure: Figure::AlmostEveryone,
            trend: None,
        });
        let csv = to_csv(&d);
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], CSV_HEADER);
        assert!(rows[1].ends_with(",fewer_than,,,5"), "{}", rows[1]);
        assert!(rows[2].ends_with(",almost_everyone,,,"), "{}", rows[2]);
        let columns = CSV_HEADER.split(',').count();
        let value = CSV_HEADER.split(',').position(|c| c == "value").unwrap();
        for row in &rows[1..] {
            // No quoted text here holds a comma, so a plain split is right.
            let cells: Vec<&str> = row.split(',').collect();
            assert_eq!(cells.len(), columns, "{row}");
            assert_eq!(cells[value], "", "{row}");
        }
    }

    #[test]
    fn atom_escapes_text_and_stays_well_formed() {
        let feed = to_atom(
            "https://x/o/care/digest.atom",
            "A & B",
            "https://x",
            &[digest("<b>", "R & D")],
        );
        let doc = roxmltree::Document::parse(&feed).unwrap();
        let entry = doc
            .root_element()
            .children()
            .find(|n| n.has_tag_name("entry"))
            .unwrap();
        let title = entry.children().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("R & D: Spring <round>, Week 48 of 2026"));
        assert_eq!(
            published_day("2026-11-23", 1).as_deref(),
            Some("2026-11-29T23:59:59Z")
        );
    }

    #[test]
    fn an_empty_feed_is_still_valid_atom() {
        let feed = to_atom("https://x/digests.atom", "New digests", "https://x", &[]);
        let doc = roxmltree::Document::parse(&feed).unwrap();
        assert!(doc
            .root_element()
            .children()
            .any(|n| n.has_tag_name("updated")));
        assert!(!feed.contains("<entry>"));
    }
}
