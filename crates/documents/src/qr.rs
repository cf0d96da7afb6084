//! QR ticket images from the signed token: SVG for pages, PNG for e-mails and downloads.

use std::io::Cursor;

use qrcode::{EcLevel, QrCode};

use crate::RenderError;

/// Level M: survives a crease or a cracked phone screen and keeps the code at version 8.
fn qr_code(token: &str) -> Result<QrCode, RenderError> {
    QrCode::with_error_correction_level(token.as_bytes(), EcLevel::M)
        .map_err(|err| RenderError(format!("QR code: {err}")))
}

pub fn render_svg(token: &str) -> Result<String, RenderError> {
    Ok(qr_code(token)?.render::<qrcode::render::svg::Color>().min_dimensions(296, 296).quiet_zone(true).build())
}

/// The PNG for a download: encoded fast (the default level made encoding most of the
/// request's time, bench/RESULTS.md).
pub fn render_png(token: &str) -> Result<Vec<u8>, RenderError> {
    png(token, image::codecs::png::CompressionType::Fast, image::codecs::png::FilterType::NoFilter)
}

/// The PNG for an e-mail: encoded small, so that a delegation's confirmation with twenty
/// tickets stays a few hundred kilobytes (fast encoding made 54 KB per ticket, this a
/// tenth of it); composing runs in the background, where the extra milliseconds cost nothing.
pub fn render_png_for_mail(token: &str) -> Result<Vec<u8>, RenderError> {
    png(token, image::codecs::png::CompressionType::Best, image::codecs::png::FilterType::Adaptive)
}

fn png(
    token: &str,
    compression: image::codecs::png::CompressionType,
    filter: image::codecs::png::FilterType,
) -> Result<Vec<u8>, RenderError> {
    use image::ImageEncoder as _;
    use image::codecs::png::PngEncoder;

    let image = qr_code(token)?.render::<image::Luma<u8>>().min_dimensions(400, 400).quiet_zone(true).build();
    let mut bytes = Vec::with_capacity(16 * 1024);
    PngEncoder::new_with_quality(Cursor::new(&mut bytes), compression, filter)
        .write_image(image.as_raw(), image.width(), image.height(), image::ExtendedColorType::L8)
        .map_err(|err| RenderError(format!("PNG: {err}")))?;
    Ok(bytes)
}

/// The ticket's QR code as rows of modules (`true` is dark) with a quiet zone of four,
/// for drawing it in a PDF.
pub fn modules(token: &str) -> Result<Vec<Vec<bool>>, RenderError> {
    let code = qr_code(token)?;
    let width = code.width();
    let colors = code.to_colors();
    const QUIET: usize = 4;
    let size = width + 2 * QUIET;
    Ok((0..size)
        .map(|row| {
            (0..size)
                .map(|column| {
                    let (row, column) = (row.wrapping_sub(QUIET), column.wrapping_sub(QUIET));
                    row < width && column < width && colors[row * width + column] == qrcode::Color::Dark
                })
                .collect()
        })
        .collect())
}

/// A link's QR code as inline SVG with a text alternative (the door links in the back
/// office). `label` is escaped here.
pub fn inline_svg(link: &str, label: &str) -> Result<String, RenderError> {
    let svg = qr_code(link)?.render::<qrcode::render::svg::Color<'_>>().min_dimensions(220, 220).build();
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest).trim_start();
    let escaped = label.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
    Ok(svg.replacen("<svg", &format!("<svg role=\"img\" aria-label=\"{escaped}\""), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twenty tickets in one mail stay well under 500 KB with base64 on top.
    #[test]
    fn a_ticket_png_for_mail_is_small() {
        let token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_".repeat(4)[..132].to_owned();
        let png = render_png_for_mail(&token).unwrap_or_default();
        eprintln!(
            "ticket PNG for mail: {} bytes, for download {}",
            png.len(),
            render_png(&token).unwrap_or_default().len()
        );
        assert!(png.len() > 100 && png.len() < 12_000, "{} bytes", png.len());
    }
}
