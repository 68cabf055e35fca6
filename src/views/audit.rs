//! The auditors' pages: the log and sealed periods, and each period's list
//! of receipts.

use super::layout;
use crate::audit::AuditDocument;
use crate::digest::SealedDigest;
use maud::{html, Markup};

pub fn audit(doc: &AuditDocument) -> Markup {
    layout(
        "Check our promises",
        false,
        html! {
            h1 { "Check our promises" }
            p.lead { "You do not have to trust us. Everything here lets anyone check that \
                      every comment was counted, that nothing was added or removed later, and \
                      that everyone sees the same records." }
            h2 { "Check your receipt" }
            p { "When you sent a comment you got a receipt, like 7KQ2-M9XD-4RT5-0A1B-2C3D. \
                 After your period ends, find its list below and search it for your receipt \
                 (Ctrl+F, or download the list and search it on your own computer). We never ask \
                 you for your receipt: asking would link you to your comment." }
            h2 { "Sealed periods" }
            @if doc.periods.is_empty() {
                p { "No period has been sealed yet." }
            } @else {
                table.table {
                    caption.visually-hidden { "Sealed periods with their exact totals" }
                    thead { tr {
                        th scope="col" { "Round" }
                        th scope="col" { "Period" }
                        th.numeric scope="col" { "Comments" }
                        th.numeric scope="col" { "Codes spent" }
                        th.numeric scope="col" { "Tokens spent" }
                        th scope="col" { "Receipts" }
                    } }
                    tbody {
                        @for p in &doc.periods {
                            @let totals = serde_json::from_str::<SealedDigest>(&p.digest_json).map(|d| d.totals).ok();
                            tr {
                                td { (p.round) }
                                td { (p.period) }
                                @if let Some(t) = totals {
                                    td.numeric { (t.critiques) }
                                    td.numeric { (t.codes_spent) }
                                    td.numeric { (t.tokens_spent) }
                                } @else {
                                    td.numeric colspan="3" { "unreadable" }
                                }
                                td {
                                    a href=(format!("/audit/receipts/{}/{}", p.round, p.period)) {
                                        "List" span.visually-hidden { " for " (p.round) " " (p.period) }
                                    }
                                    " · "
                                    a href=(format!("/audit/receipts/{}/{}/receipts.txt", p.round, p.period)) {
                                        "Download" span.visually-hidden { " for " (p.round) " " (p.period) }
                                    }
                                    @if p.shredded { " (texts destroyed after retention)" }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "The log" }
            p { "Every comment's receipt, every sealed digest and every token key goes into an \
                 append-only Merkle log (in the style of RFC 9162, Certificate Transparency). \
                 Each sealed period ends with a tree head signed by the log key." }
            dl.facts {
                dt { "Log key (Ed25519, base64)" } dd { code.wrap { (doc.log_public_key) } }
                dt { "Leaves" } dd { (doc.log_size) }
                dt { "Signed tree heads" } dd { (doc.tree_heads.len()) }
            }
            p { "Run " code { "parrhesia verify --server <this address>" } " to check every \
                 signature, the log's consistency and every total. The data behind this page is \
                 at " a href="/api/v1/audit" { "/api/v1/audit" } ", with the leaves at "
                 code { "/api/v1/audit/leaves" } " and proofs at " code { "/api/v1/audit/proof/…" } "." }
            p { "Some numbers here are exact, even below the group size used in digests: an \
                 auditor must be able to check that nothing was dropped. They say how many \
                 people wrote in a period, never who or about what." }
        },
    )
}

pub fn receipts(round: &str, title: &str, period: &str, list: &[String]) -> Markup {
    layout(
        &format!("Receipts for {title}, period starting {period}"),
        false,
        html! {
            span.caption { (title) }
            h1 { "Receipts for the period starting " (period) }
            p { (list.len()) " comments were counted in this period. Every receipt is below, \
                 in alphabetical order, not the order they arrived." }
            p { "Search this page for your receipt (Ctrl+F), or "
                a href=(format!("/audit/receipts/{round}/{period}/receipts.txt")) { "download the list" }
                " and search it on your own computer." }
            ul.receipts {
                @for r in list { li { code { (r) } } }
            }
        },
    )
}
