//! Sending a picked file with a few text fields as a multipart form (photos, product files,
//! backups). Browser only: on the server these are never called.

/// The file picked in the `<input type="file">` behind `ev`; the input is cleared, so picking
/// the same file again (after fixing it) fires again.
#[cfg(feature = "hydrate")]
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// A form of `fields` then `file` (last, so the server has every field before the bytes).
#[cfg(feature = "hydrate")]
pub fn file_form(fields: &[(&str, String)], file: &web_sys::File) -> Option<web_sys::FormData> {
    let form = web_sys::FormData::new().ok()?;
    for (name, value) in fields {
        form.append_with_str(name, value).ok()?;
    }
    form.append_with_blob_and_filename("file", file, &file.name())
        .ok()?;
    Some(form)
}
