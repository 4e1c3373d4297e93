//! Multipart uploads (photos, product files, backups): the text fields, and one file read chunk by
//! chunk so that an oversized one is refused as soon as it passes the limit.

use std::collections::HashMap;

use server_fn::codec::MultipartData;

use crate::domain::AppError;

/// The longest text field a form may carry (ids, mappings, op ids are far shorter).
pub const MAX_FIELD_BYTES: usize = 16 * 1024;
/// The most parts a form may carry (the import form has the most: a dozen).
pub const MAX_PARTS: usize = 32;

pub struct Upload {
    pub fields: HashMap<String, String>,
    /// The `file` field, if the form had one.
    pub file: Option<Vec<u8>>,
    pub file_name: String,
}

impl Upload {
    /// A text field the form must carry.
    pub fn field(&self, name: &str) -> Result<&str, AppError> {
        self.fields
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| AppError::BadRequest {
                detail: format!("missing {name}"),
            })
    }

    /// The file, or `missing` (an error on `field`) when none was sent.
    pub fn take_file(&mut self, field: &str, missing: &str) -> Result<Vec<u8>, AppError> {
        self.file
            .take()
            .ok_or_else(|| AppError::invalid(field, missing))
    }
}

/// Reads the form; a file over `max_bytes` stops the reading with `too_large` on `field`.
pub async fn read(
    data: MultipartData,
    max_bytes: usize,
    field: &str,
    too_large: &str,
) -> Result<Upload, AppError> {
    let bad = |detail: String| AppError::BadRequest { detail };
    let mut form = data
        .into_inner()
        .ok_or_else(|| bad("not a multipart form".into()))?;
    let mut upload = Upload {
        fields: HashMap::new(),
        file: None,
        file_name: String::new(),
    };
    let mut parts = 0;
    while let Some(mut part) = form.next_field().await.map_err(|e| bad(e.to_string()))? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(bad("too many parts".into()));
        }
        let name = part.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.file_name = part.file_name().unwrap_or_default().to_owned();
            let file = read_part(&mut part, max_bytes)
                .await?
                .ok_or_else(|| AppError::invalid(field, too_large))?;
            upload.file = Some(file);
        } else {
            let text = read_part(&mut part, MAX_FIELD_BYTES)
                .await?
                .ok_or_else(|| bad(format!("field {name} too long")))?;
            let text =
                String::from_utf8(text).map_err(|_| bad(format!("field {name} not UTF-8")))?;
            upload.fields.insert(name, text);
        }
    }
    bind_to_request(&upload);
    Ok(upload)
}

/// The part's bytes, chunk by chunk; `None` as soon as they pass `max_bytes`.
async fn read_part(
    part: &mut multer::Field<'static>,
    max_bytes: usize,
) -> Result<Option<Vec<u8>>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = part.chunk().await.map_err(|e| AppError::BadRequest {
        detail: e.to_string(),
    })? {
        if bytes.len() + chunk.len() > max_bytes {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
}

/// What was read becomes part of the request's fingerprint, so an operation id replayed with
/// another file or other fields is not taken for the same request.
fn bind_to_request(upload: &Upload) {
    let mut fields: Vec<_> = upload.fields.iter().collect();
    fields.sort();
    for (name, value) in fields {
        crate::server::request::bind_content(name.as_bytes());
        crate::server::request::bind_content(value.as_bytes());
    }
    crate::server::request::bind_content(upload.file_name.as_bytes());
    crate::server::request::bind_content(upload.file.as_deref().unwrap_or_default());
}
