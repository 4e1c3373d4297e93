//! Photos (B8, C9, F2): what may be uploaded, recognised by its first bytes rather than by the name
//! or type the phone claims.

use serde::{Deserialize, Serialize};

use super::{AppError, Role};

/// 5 MB: a phone photo fits, a video does not.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// Longest side of a thumbnail, in pixels (a card is ~170 px wide at 2× on a phone).
pub const THUMB_SIDE: u32 = 320;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoType {
    Jpeg,
    Png,
    Webp,
}

impl PhotoType {
    /// The type of an upload from its first bytes; anything else is refused.
    pub fn sniff(bytes: &[u8]) -> Result<Self, AppError> {
        match bytes {
            [0xFF, 0xD8, 0xFF, ..] => Ok(Self::Jpeg),
            [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Ok(Self::Png),
            [
                b'R',
                b'I',
                b'F',
                b'F',
                _,
                _,
                _,
                _,
                b'W',
                b'E',
                b'B',
                b'P',
                ..,
            ] => Ok(Self::Webp),
            _ => Err(AppError::invalid("photo", "error.photo.type")),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
        }
    }
}

/// Refuses an upload larger than [`MAX_BYTES`] (checked while it streams in, too).
pub fn check_size(bytes: usize) -> Result<(), AppError> {
    if bytes > MAX_BYTES {
        Err(AppError::invalid("photo", "error.photo.too_large"))
    } else if bytes == 0 {
        Err(AppError::invalid("photo", "error.photo.missing"))
    } else {
        Ok(())
    }
}

/// What a photo is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhotoTarget {
    /// A product's photo (B8).
    Product,
    /// A delivery note or invoice of an order (C9).
    Order,
    /// An item of a registered supplier's catalogue (F2).
    CatalogItem,
}

impl PhotoTarget {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Product => "product",
            Self::Order => "order",
            Self::CatalogItem => "catalog_item",
        }
    }

    /// Who attaches this kind of photo: a shop's records are the shopkeeper's (their files sit
    /// in the shop's folder), a catalogue item is its supplier's (in the supplier profile's).
    pub fn owner_role(self) -> Role {
        match self {
            Self::Product | Self::Order => Role::Shopkeeper,
            Self::CatalogItem => Role::Supplier,
        }
    }

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        [Self::Product, Self::Order, Self::CatalogItem]
            .into_iter()
            .find(|t| t.as_str() == raw)
            .ok_or_else(|| AppError::invalid("target", "error.bad_request"))
    }
}

/// Where a stored photo and its thumbnail are served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoUrls {
    pub full: String,
    pub thumb: String,
}

impl PhotoUrls {
    /// From the stored file name (`<shop or supplier profile>/<name>.<ext>`); the thumbnail sits beside it.
    pub fn of(stored: &str) -> Self {
        let stem = stored.rsplit_once('.').map_or(stored, |(stem, _)| stem);
        Self {
            full: format!("/media/{stored}"),
            thumb: format!("/media/{stem}.thumb.jpg"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jpeg_png_and_webp_are_accepted() {
        assert_eq!(
            PhotoType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Ok(PhotoType::Jpeg)
        );
        assert_eq!(
            PhotoType::sniff(b"\x89PNG\r\n\x1a\n...."),
            Ok(PhotoType::Png)
        );
        assert_eq!(
            PhotoType::sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Ok(PhotoType::Webp)
        );
        for refused in [&b"GIF89a......"[..], b"%PDF-1.7", b"RIFF\0\0\0\0WAVE", b""] {
            assert_eq!(
                PhotoType::sniff(refused),
                Err(AppError::invalid("photo", "error.photo.type"))
            );
        }
    }

    #[test]
    fn five_megabytes_at_most() {
        assert!(check_size(MAX_BYTES).is_ok());
        assert_eq!(
            check_size(MAX_BYTES + 1),
            Err(AppError::invalid("photo", "error.photo.too_large"))
        );
        assert!(check_size(0).is_err());
    }

    #[test]
    fn a_catalogue_item_photo_is_its_suppliers() {
        assert_eq!(
            PhotoTarget::parse("catalog_item"),
            Ok(PhotoTarget::CatalogItem)
        );
        assert_eq!(PhotoTarget::CatalogItem.owner_role(), Role::Supplier);
        assert_eq!(PhotoTarget::Product.owner_role(), Role::Shopkeeper);
        assert_eq!(PhotoTarget::Order.owner_role(), Role::Shopkeeper);
        assert!(PhotoTarget::parse("user").is_err());
        assert_eq!(
            serde_json::to_value(PhotoTarget::CatalogItem).unwrap(),
            serde_json::json!("catalog_item")
        );
    }

    #[test]
    fn the_thumbnail_sits_beside_the_photo() {
        let urls = PhotoUrls::of("shop1/abc.webp");
        assert_eq!(urls.full, "/media/shop1/abc.webp");
        assert_eq!(urls.thumb, "/media/shop1/abc.thumb.jpg");
    }
}
