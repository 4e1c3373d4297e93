//! Multipart uploads (photos, product files, backups): the text fields, and one file read chunk by
//! chunk so that an oversized one is refused as soon as it passes the limit.

use std::collections::HashMap;

use server_fn::codec::MultipartData;

use crate::domain::AppError;

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
    while let Some(mut part) = form.next_field().await.map_err(|e| bad(e.to_string()))? {
        let name = part.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.file_name = part.file_name().unwrap_or_default().to_owned();
            let mut file = Vec::new();
            while let Some(chunk) = part.chunk().await.map_err(|e| bad(e.to_string()))? {
                if file.len() + chunk.len() > max_bytes {
                    return Err(AppError::invalid(field, too_large));
                }
                file.extend_from_slice(&chunk);
            }
            upload.file = Some(file);
        } else {
            let text = part.text().await.map_err(|e| bad(e.to_string()))?;
            upload.fields.insert(name, text);
        }
    }
    bind_to_request(&upload);
    Ok(upload)
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
