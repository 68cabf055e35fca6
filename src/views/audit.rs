//! The auditors' pages: the log and sealed periods, and each period's list
//! of receipts. Receipts, keys and counts are written left to right in
//! every language.

use super::{digest::period_label, layout_with, TABLES_CSS};
use crate::audit::AuditDocument;
use crate::digest::SealedDigest;
use crate::messages::Messages;
use maud::{html, Markup};

/// A receipt as printed on the confirmation page, for the example.
const EXAMPLE_RECEIPT: &str = "7KQ2-M9XD-4RT5-0A1B-2C3D";

/// `public_url`: this service's address, for the command that checks it.
pub fn audit(m: &Messages, doc: &AuditDocument, public_url: &str) -> Markup {
    layout_with(
        m,
        Some("/audit"),
        &m.t("audit-title"),
        false,
        &[TABLES_CSS],
        html! {
            h1 { (m.t("audit-title")) }
            p.lead { (m.t("audit-lead")) }
            h2 { (m.t("audit-receipt-title")) }
            p { (super::with_code(m, "audit-receipt", EXAMPLE_RECEIPT)) }
            h2 { (m.t("audit-sealed-title")) }
            @if doc.periods.is_empty() {
                p { (m.t("audit-none-sealed")) }
            } @else {
                (super::wide_table(&m.t("audit-table-caption"), html! { table.table {
                    caption.visually-hidden { (m.t("audit-table-caption")) }
                    thead { tr {
                        th scope="col" { (m.t("audit-round")) }
                        th scope="col" { (m.t("audit-period")) }
                        th.numeric scope="col" { (m.t("audit-critiques")) }
                        th.numeric scope="col" { (m.t("audit-codes")) }
                        th.numeric scope="col" { (m.t("audit-tokens")) }
                        th scope="col" { (m.t("audit-receipts")) }
                    } }
                    tbody {
                        @for p in &doc.periods {
                            @let sealed = serde_json::from_str::<SealedDigest>(&p.digest_json).ok();
                            @let hidden = m.f("audit-for", &[("round", p.round.as_str().into()), ("period", p.period.as_str().into())]);
                            tr {
                                td { bdi { (p.round) } }
                                td {
                                    bdi dir="ltr" { (p.period) }
                                    @if closed_early(&p.digest_json) { " " (m.t("audit-closed-early")) }
                                }
                                @if let Some(t) = sealed.as_ref().map(|d| d.totals) {
                                    td.numeric { (m.number(t.critiques)) }
                                    td.numeric { (m.number(t.codes_spent)) }
                                    td.numeric { (m.number(t.tokens_spent)) }
                                } @else {
                                    td.numeric colspan="3" { (m.t("audit-unreadable")) }
                                }
                                td {
                                    a href=(m.href(&format!("/audit/receipts/{}/{}", p.round, p.period))) {
                                        (m.t("audit-list")) span.visually-hidden { " " (hidden) }
                                    }
                                    " · "
                                    a href=(format!("/audit/receipts/{}/{}/receipts.txt", p.round, p.period)) {
                                        (m.t("audit-download")) span.visually-hidden { " " (hidden) }
                                    }
                                    @if p.shredded { " " (m.t("audit-shredded")) }
                                }
                            }
                        }
                    }
                } }))
                @if doc.periods.iter().any(|p| closed_early(&p.digest_json)) {
                    p { (m.t("audit-closed-early-note")) }
                }
            }
            h2 { (m.t("audit-log-title")) }
            p { (m.t("audit-log")) }
            dl.facts {
                dt { (m.t("audit-log-key")) } dd { code.wrap dir="ltr" { (doc.log_public_key) } }
                dt { (m.t("audit-leaves")) } dd { (m.number(doc.log_size)) }
                dt { (m.t("audit-tree-heads")) } dd { (m.number(doc.tree_heads.len() as u64)) }
            }
            p { (m.t("audit-verify")) }
            p { code.wrap dir="ltr" { "parrhesia verify --server " (public_url) } }
            p { (m.t("audit-data")) }
            ul dir="ltr" {
                li { a href="/api/v1/audit" { code { "/api/v1/audit" } } }
                li { code { "/api/v1/audit/leaves" } }
                li { code { "/api/v1/audit/proof/…" } }
            }
            p { (m.t("audit-exact")) }
        },
    )
}

/// Whether the host closed the period of this sealed digest early.
fn closed_early(digest_json: &str) -> bool {
    serde_json::from_str::<SealedDigest>(digest_json).is_ok_and(|d| d.closed_early)
}

/// One sealed period's receipts. `weeks` is the round's period length,
/// for the period's name.
pub fn receipts(
    m: &Messages,
    round: &str,
    title: &str,
    period: &str,
    weeks: u8,
    list: &[String],
) -> Markup {
    let label = period_label(m, &[period.to_owned()], weeks);
    let path = format!("/audit/receipts/{round}/{period}");
    layout_with(
        m,
        Some(&path),
        &m.f(
            "receipts-title",
            &[("round", title.into()), ("period", label.as_str().into())],
        ),
        false,
        &[TABLES_CSS],
        html! {
            span.caption { bdi { (title) } }
            h1 { (m.f("receipts-heading", &[("period", label.as_str().into())])) }
            p { (m.f("receipts-count", &[("n", list.len().into())])) }
            p { (m.t("receipts-search")) }
            p { a href=(format!("{path}/receipts.txt")) { (m.t("receipts-download")) } }
            ul.receipts dir="ltr" {
                @for r in list { li { code { (r) } } }
            }
        },
    )
}
