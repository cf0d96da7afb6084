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

pub fn render_png(token: &str) -> Result<Vec<u8>, RenderError> {
    use image::ImageEncoder as _;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};

    let image = qr_code(token)?.render::<image::Luma<u8>>().min_dimensions(400, 400).quiet_zone(true).build();
    let mut bytes = Vec::with_capacity(16 * 1024);
    // Fast compression: a black-and-white grid compresses well anyway, and the default
    // level made encoding most of the request's time (bench/RESULTS.md).
    PngEncoder::new_with_quality(Cursor::new(&mut bytes), CompressionType::Fast, FilterType::NoFilter)
        .write_image(image.as_raw(), image.width(), image.height(), image::ExtendedColorType::L8)
        .map_err(|err| RenderError(format!("PNG: {err}")))?;
    Ok(bytes)
}

/// A link's QR code as inline SVG with a text alternative (the door links in the back
/// office). `label` is escaped here.
pub fn inline_svg(link: &str, label: &str) -> Result<String, RenderError> {
    let svg = qr_code(link)?.render::<qrcode::render::svg::Color<'_>>().min_dimensions(220, 220).build();
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest).trim_start();
    let escaped = label.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
    Ok(svg.replacen("<svg", &format!("<svg role=\"img\" aria-label=\"{escaped}\""), 1))
}
