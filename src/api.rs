//! Server functions, one file per area. Each is thin: who is calling → parse the input →
//! call the store → map errors. Reads are GET, writes are POST with a client operation id.

pub mod alerts;
pub mod auth;
pub mod backup;
pub mod catalog;
pub mod categories;
pub mod connected_orders;
pub mod dashboard;
mod error;
#[cfg(feature = "ssr")]
mod guard;
pub mod imports;
pub mod inbox;
pub mod invitations;
pub mod marketplace;
pub mod orders;
pub mod photos;
pub mod products;
pub mod shops;
pub mod stats;
pub mod stock;
pub mod supplier_profile;
pub mod suppliers;
pub mod sync;

/// The server functions that read a multipart form; every other write reads JSON. The request
/// guard holds each write to its own content type, before the codec reads it.
#[cfg(feature = "ssr")]
pub fn reads_multipart(path: &str) -> bool {
    use server_fn::ServerFn;
    [
        backup::RestoreBackup::PATH,
        imports::PreviewImport::PATH,
        photos::UploadPhoto::PATH,
    ]
    .contains(&path)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn the_form_endpoints_are_the_uploads() {
        assert!(super::reads_multipart("/api/photos/upload"));
        assert!(super::reads_multipart("/api/backup/restore"));
        assert!(super::reads_multipart("/api/imports/preview"));
        assert!(!super::reads_multipart("/api/products/create"));
    }
}
