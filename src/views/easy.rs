//! Easy Read parts: pictures beside key instructions, and the glossary.
//! The pictures are simple SVG drawings made for this project
//! (`static/pictures/`). Each sits beside the words it illustrates, which
//! say everything it shows, so its text alternative is empty (WCAG H67):
//! a screen reader would otherwise read the same thing twice.

use crate::messages::Messages;
use maud::{html, Markup};

/// Every picture, by name, as served from `/static/pictures/{name}.svg`.
pub const PICTURES: &[(&str, &str)] = &[
    ("card", include_str!("../../static/pictures/card.svg")),
    ("themes", include_str!("../../static/pictures/themes.svg")),
    ("write", include_str!("../../static/pictures/write.svg")),
    ("send", include_str!("../../static/pictures/send.svg")),
    (
        "anonymous",
        include_str!("../../static/pictures/anonymous.svg"),
    ),
    ("group", include_str!("../../static/pictures/group.svg")),
    (
        "calendar",
        include_str!("../../static/pictures/calendar.svg"),
    ),
    ("receipt", include_str!("../../static/pictures/receipt.svg")),
    ("helper", include_str!("../../static/pictures/helper.svg")),
    // The default five-point scale, from "very badly" to "very well".
    ("face-1", include_str!("../../static/pictures/face-1.svg")),
    ("face-2", include_str!("../../static/pictures/face-2.svg")),
    ("face-3", include_str!("../../static/pictures/face-3.svg")),
    ("face-4", include_str!("../../static/pictures/face-4.svg")),
    ("face-5", include_str!("../../static/pictures/face-5.svg")),
];

/// Pictures that show lines of writing, which run the other way in a
/// right-to-left language: mirrored there (`.mirror` in the style sheet).
const MIRRORED: &[&str] = &["themes", "write"];

/// A picture beside the words it illustrates (so its `alt` is empty).
pub fn picture(name: &str) -> Markup {
    html! {
        img.picture.mirror[MIRRORED.contains(&name)] src=(format!("/static/pictures/{name}.svg"))
            alt="" width="80" height="80";
    }
}

/// A key instruction: in Easy Read, with its picture beside it.
pub fn step(m: &Messages, name: &str, content: Markup) -> Markup {
    html! {
        @if m.easy {
            div.step { (picture(name)) div.step-text { (content) } }
        } @else {
            (content)
        }
    }
}

/// The three words a participant most needs: code, theme, anonymous.
pub fn glossary(m: &Messages) -> Markup {
    html! {
        h2 { (m.t("glossary-title")) }
        dl.glossary {
            @for word in ["code", "theme", "anonymous"] {
                dt { (m.t(&format!("glossary-{word}"))) }
                dd { (m.t(&format!("glossary-{word}-means"))) }
            }
        }
    }
}
