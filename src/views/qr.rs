//! The QR code a staff member scans to enrol an authenticator app, drawn
//! on the server as inline SVG: no script, no image request, nothing from
//! another origin, so the secret it carries never leaves the page.
//!
//! `qrcodegen` (Nayuki's reference-quality encoder, no dependencies, no
//! unsafe code) makes the module matrix; this file only draws it. Dark
//! modules are one `<path>` of unit squares on a white square with the
//! four-module quiet zone the QR standard (ISO/IEC 18004 §6.3.8) asks for,
//! so the code scans in dark mode too.
//!
//! People who cannot scan it (no camera, a screen reader, an app on the
//! same phone) get the same secret as text right below it, in groups of
//! four, and the SVG has a title and description that say so.

use maud::{html, Markup, PreEscaped};
use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of light margin around the code.
pub const QUIET_ZONE: i32 = 4;
/// Screen pixels per module at the SVG's intrinsic size.
const PIXELS_PER_MODULE: i32 = 5;

/// The URI does not fit in a QR code (over about 2,300 bytes at level M);
/// an `otpauth://` URI is some 150.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too long for a QR code")]
pub struct TooLong;

/// The dark modules of `text` encoded at error-correction level M (15 %
/// of the code may be damaged or blurred and it still reads), as a grid
/// without the quiet zone.
pub fn modules(text: &str) -> Result<Vec<Vec<bool>>, TooLong> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| TooLong)?;
    let n = qr.size();
    Ok((0..n)
        .map(|y| (0..n).map(|x| qr.get_module(x, y)).collect())
        .collect())
}

/// The SVG path of the dark modules, offset by the quiet zone: one
/// `M x y h1v1h-1z` square each.
fn path(grid: &[Vec<bool>]) -> String {
    let mut d = String::new();
    for (y, row) in grid.iter().enumerate() {
        for (x, &dark) in row.iter().enumerate() {
            if dark {
                let (x, y) = (x as i32 + QUIET_ZONE, y as i32 + QUIET_ZONE);
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    d
}

/// The enrolment figure: the QR code of `uri` and, for everyone who cannot
/// scan it, `secret_text` (the base32 secret in groups of four) with how
/// to type it in. `id` makes the SVG's title and description ids unique on
/// the page.
pub fn enrolment(id: &str, uri: &str, secret_text: &str) -> Result<Markup, TooLong> {
    let grid = modules(uri)?;
    let side = grid.len() as i32 + 2 * QUIET_ZONE;
    let pixels = side * PIXELS_PER_MODULE;
    let title = format!("{id}-title");
    let desc = format!("{id}-desc");
    let key = format!("{id}-key");
    Ok(html! {
        figure.qr {
            svg xmlns="http://www.w3.org/2000/svg" role="img" width=(pixels) height=(pixels)
                viewBox=(format!("0 0 {side} {side}")) shape-rendering="crispEdges"
                aria-labelledby=(format!("{title} {desc}")) {
                title id=(title) { "QR code for your authenticator app" }
                desc id=(desc) { "Scan it with the app, or type the key written below it." }
                rect width=(side) height=(side) fill="#ffffff" {}
                path fill="#000000" d=(PreEscaped(path(&grid))) {}
            }
            figcaption {
                p { "Cannot scan it? In your app, choose to enter a key by hand, and type:" }
                p { code.qr-key id=(key) { (secret_text) } }
                p { "The key is not case-sensitive and the spaces do not matter. Choose a "
                    "time-based code of 6 digits." }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::totp::{Secret, Totp};

    /// The dark squares of our SVG path, read back into a grid (quiet zone
    /// included), checking each square is a unit square on the grid.
    fn parse_path(d: &str, side: usize) -> Vec<Vec<bool>> {
        let mut grid = vec![vec![false; side]; side];
        for square in d.split('M').filter(|s| !s.is_empty()) {
            let body = square.strip_suffix("h1v1h-1z").expect("unit square");
            let (x, y) = body.split_once(' ').expect("x y");
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            assert!(!grid[y][x], "a module drawn twice");
            grid[y][x] = true;
        }
        grid
    }

    fn figure(uri: &str) -> (String, Totp) {
        let totp = Totp::new(Secret::generate().unwrap());
        let markup = enrolment("totp", uri, &totp.secret.to_grouped_base32()).unwrap();
        (markup.into_string(), totp)
    }

    #[test]
    fn the_svg_decodes_back_to_the_enrolment_uri() {
        let totp = Totp::new(Secret::generate().unwrap());
        let uri = totp.uri("Parrhesia (Care Forum)", "ann@example.org");
        let html = enrolment("totp", &uri, &totp.secret.to_grouped_base32())
            .unwrap()
            .into_string();
        let doc = roxmltree::Document::parse(&html).unwrap();
        let svg = doc
            .descendants()
            .find(|n| n.has_tag_name("svg"))
            .expect("an svg");
        let side: usize = svg
            .attribute("viewBox")
            .unwrap()
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let d = svg
            .descendants()
            .find(|n| n.has_tag_name("path"))
            .and_then(|p| p.attribute("d"))
            .unwrap();
        let grid = parse_path(d, side);
        // The quiet zone is empty.
        let q = QUIET_ZONE as usize;
        for (y, row) in grid.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                let inside = (q..side - q).contains(&x) && (q..side - q).contains(&y);
                assert!(inside || !dark, "dark module in the quiet zone at {x},{y}");
            }
        }
        // An independent decoder (rqrr) reads the grid, scaled up to pixels
        // as a camera would see the drawing.
        let scale = 4;
        let mut img =
            rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
                if grid[y / scale][x / scale] {
                    0
                } else {
                    255
                }
            });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the picture");
        let (_meta, content) = grids[0].decode().unwrap();
        assert_eq!(content, *uri);
    }

    #[test]
    fn the_figure_is_accessible_and_carries_the_key_as_text() {
        let (html, totp) = figure("otpauth://totp/P:a?secret=X");
        let doc = roxmltree::Document::parse(&html).unwrap();
        let svg = doc.descendants().find(|n| n.has_tag_name("svg")).unwrap();
        assert_eq!(svg.attribute("role"), Some("img"));
        let labelled_by: Vec<&str> = svg
            .attribute("aria-labelledby")
            .unwrap()
            .split(' ')
            .collect();
        for id in &labelled_by {
            let target = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(id))
                .unwrap_or_else(|| panic!("{id} is not on the page"));
            assert!(target.text().is_some_and(|t| !t.trim().is_empty()));
        }
        assert_eq!(labelled_by, ["totp-title", "totp-desc"]);
        let key = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("totp-key"))
            .unwrap();
        assert_eq!(key.text(), Some(totp.secret.to_grouped_base32().as_str()));
        assert!(html.contains("figcaption"));
        // Nothing loaded from anywhere, and no script.
        assert!(!html.contains("href") && !html.contains("src=") && !html.contains("<script"));
    }

    #[test]
    fn matrix_matches_the_encoder_and_overlong_text_is_refused() {
        let text = "otpauth://totp/Parrhesia:ann?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        let qr = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let grid = modules(text).unwrap();
        assert_eq!(grid.len() as i32, qr.size());
        let d = path(&grid);
        let side = grid.len() + 2 * QUIET_ZONE as usize;
        let back = parse_path(&d, side);
        for y in 0..qr.size() {
            for x in 0..qr.size() {
                let drawn = back[(y + QUIET_ZONE) as usize][(x + QUIET_ZONE) as usize];
                assert_eq!(drawn, qr.get_module(x, y), "module {x},{y}");
            }
        }
        assert_eq!(modules(&"x".repeat(3000)).err(), Some(TooLong));
    }
}
