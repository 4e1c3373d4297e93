//! "Exporter CSV" (E6): `/export/products.csv` and `/export/movements.csv`, streamed a page at a
//! time (a shop of 100,000 movements never sits in memory), UTF-8 with a BOM so that Excel reads
//! accents, in the shop's separator, currency and day format, headers in the user's language.

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Response, StatusCode, header};
use futures::StreamExt;
use serde::Deserialize;

use super::AppState;
use super::db::Db;
use super::store::exports::{self, Cursor, MovementRow, ProductRow};
use crate::domain::csv::money_cell;
use crate::domain::period::DayRange;
use crate::domain::shop::ShopSettings;
use crate::domain::stock::{MovementKind, StockStatus, reason_label_key};
use crate::domain::{AppError, Role};
use crate::i18n::translate;
use crate::i18n::{LANG_COOKIE, Lang};

/// Rows read per database round trip.
const PAGE: usize = 1000;

/// Who exports, and how their files read.
#[derive(Clone)]
struct Export {
    db: Db,
    user_id: String,
    lang: Lang,
    settings: ShopSettings,
}

impl Export {
    /// The caller's shop and settings, or the status to answer.
    async fn of(state: &AppState, headers: &HeaderMap) -> Result<Self, StatusCode> {
        let caller = state.keys.caller(headers).ok_or(StatusCode::UNAUTHORIZED)?;
        if caller.role != Role::Shopkeeper {
            return Err(StatusCode::FORBIDDEN);
        }
        let settings = super::store::shops::settings(&state.db, &caller.user_id)
            .await
            .map_err(|_| StatusCode::NOT_FOUND)?
            .ok_or(StatusCode::NOT_FOUND)?;
        let lang = super::auth::cookie(headers, LANG_COOKIE).unwrap_or_default();
        Ok(Self {
            db: state.db.clone(),
            user_id: caller.user_id,
            lang: Lang::parse(&lang),
            settings,
        })
    }

    fn text(&self, key: &str) -> String {
        translate(self.lang, key).to_owned()
    }

    /// A header that names the currency: "Prix d'achat (XOF)".
    fn money_header(&self, key: &str) -> String {
        format!("{} ({})", self.text(key), self.settings.currency)
    }

    fn money(&self, amount: i64) -> String {
        money_cell(amount, &self.settings.currency, self.settings.csv_separator)
    }

    /// CSV lines of `records`, in the shop's separator.
    fn lines(&self, records: impl IntoIterator<Item = Vec<String>>) -> Bytes {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(self.settings.csv_separator.byte())
            .from_writer(Vec::new());
        for record in records {
            // Writing into memory cannot fail.
            let _ = writer.write_record(&record);
        }
        Bytes::from(writer.into_inner().unwrap_or_default())
    }

    /// The BOM and the header row.
    fn head(&self, headers: Vec<String>) -> Bytes {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(&self.lines([headers]));
        Bytes::from(bytes)
    }

    fn product_headers(&self) -> Vec<String> {
        vec![
            self.text("import.column.sku"),
            self.text("import.column.name"),
            self.text("import.column.category"),
            self.text("import.column.unit"),
            self.text("import.column.quantity"),
            self.text("import.column.min_stock"),
            self.text("import.column.max_stock"),
            self.money_header("import.column.purchase_price"),
            self.money_header("import.column.sale_price"),
            self.money_header("export.stock_value"),
            self.text("export.status"),
            self.text("export.supplier"),
            self.text("import.column.notes"),
        ]
    }

    fn product_record(&self, p: ProductRow) -> Vec<String> {
        let status =
            StockStatus::parse(&p.status).map_or(p.status.clone(), |s| self.text(s.label_key()));
        vec![
            p.sku.unwrap_or_default(),
            p.name,
            p.category.unwrap_or_default(),
            p.unit,
            p.quantity.to_string(),
            p.min_stock.to_string(),
            p.max_stock.map(|m| m.to_string()).unwrap_or_default(),
            self.money(p.purchase_price),
            self.money(p.sale_price),
            self.money(crate::domain::money::value_of(p.quantity, p.purchase_price)),
            status,
            p.supplier.unwrap_or_default(),
            p.notes,
        ]
    }

    fn movement_headers(&self) -> Vec<String> {
        [
            "export.date",
            "export.product",
            "import.column.sku",
            "export.kind",
            "import.column.quantity",
            "stock.reason",
            "export.note",
            "export.balance",
            "export.by",
        ]
        .into_iter()
        .map(|key| self.text(key))
        .collect()
    }

    fn movement_record(&self, m: MovementRow) -> Vec<String> {
        let kind = match m.kind {
            MovementKind::In => "stock.in",
            MovementKind::Out => "stock.out",
        };
        vec![
            self.settings.date_format.date_time(&m.at),
            m.product.unwrap_or_default(),
            m.sku.unwrap_or_default(),
            self.text(kind),
            m.quantity.to_string(),
            self.text(reason_label_key(&m.reason)),
            m.note,
            m.balance_after.to_string(),
            m.by_name.unwrap_or_default(),
        ]
    }
}

/// `GET /export/products.csv` — the shop's products by name.
pub async fn products(State(state): State<AppState>, headers: HeaderMap) -> Response<Body> {
    let export = match Export::of(&state, &headers).await {
        Ok(export) => export,
        Err(status) => return refusal(status),
    };
    let head = export.head(export.product_headers());
    let pages = futures::stream::unfold(Some(0), move |start| {
        let export = export.clone();
        async move {
            let start = start?;
            match exports::products(&export.db, &export.user_id, start, PAGE).await {
                Ok(rows) => {
                    let next = (rows.len() == PAGE).then_some(start + PAGE);
                    let lines = export.lines(rows.into_iter().map(|p| export.product_record(p)));
                    Some((Ok(lines), next))
                }
                Err(error) => Some((Err(broken(error)), None)),
            }
        }
    });
    csv_response("produits", head, pages)
}

/// Filters of `/export/movements.csv`, as the history's: `kind` (in/out), `from`, `to` (days).
#[derive(Debug, Default, Deserialize)]
pub struct MovementFilters {
    #[serde(default)]
    kind: Option<MovementKind>,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// `GET /export/movements.csv` — the shop's movements, newest first.
pub async fn movements(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filters): Query<MovementFilters>,
) -> Response<Body> {
    let export = match Export::of(&state, &headers).await {
        Ok(export) => export,
        Err(status) => return refusal(status),
    };
    let range = match DayRange::parse(&filters.from, &filters.to) {
        Ok(range) => range,
        Err(_) => return refusal(StatusCode::BAD_REQUEST),
    };
    let head = export.head(export.movement_headers());
    let kind = filters.kind;
    let pages = futures::stream::unfold(Some(Cursor::default()), move |cursor| {
        let (export, range) = (export.clone(), range.clone());
        async move {
            let cursor = cursor?;
            let page =
                exports::movements(&export.db, &export.user_id, kind, &range, &cursor, PAGE).await;
            match page {
                Ok(rows) => {
                    let next = (rows.len() == PAGE).then(|| next_cursor(cursor, &rows));
                    let lines = export.lines(rows.into_iter().map(|m| export.movement_record(m)));
                    Some((Ok(lines), next))
                }
                Err(error) => Some((Err(broken(error)), None)),
            }
        }
    });
    csv_response("mouvements", head, pages)
}

/// The cursor after `rows`: their last instant, with every movement of it written so far.
fn next_cursor(previous: Cursor, rows: &[MovementRow]) -> Cursor {
    let Some(last) = rows.last() else {
        return previous;
    };
    let mut seen: Vec<String> = rows
        .iter()
        .filter(|r| r.at == last.at)
        .map(|r| r.id.clone())
        .collect();
    if previous.at.as_deref() == Some(last.at.as_str()) {
        seen.extend(previous.seen);
    }
    Cursor {
        at: Some(last.at.clone()),
        seen,
    }
}

fn csv_response(
    name: &str,
    head: Bytes,
    pages: impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static,
) -> Response<Body> {
    let today = chrono::Utc::now().format("%Y-%m-%d");
    // Fused: the compression layer may poll again after the end, which `unfold` forbids.
    let body = futures::stream::once(async move { Ok(head) }).chain(pages.fuse());
    Response::builder()
        .header(header::CONTENT_TYPE, "text/csv; charset=utf-8")
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}-{today}.csv\""),
        )
        .header(header::CACHE_CONTROL, "private, no-store")
        .body(Body::from_stream(body))
        .unwrap_or_default()
}

/// A failure after the first bytes went out can only cut the download short; it is logged.
fn broken(error: super::db::DbError) -> std::io::Error {
    tracing::error!(%error, "export interrupted");
    std::io::Error::other(error.to_string())
}

pub(crate) fn refusal(status: StatusCode) -> Response<Body> {
    let error = match status {
        StatusCode::UNAUTHORIZED => AppError::Unauthorized,
        StatusCode::FORBIDDEN => AppError::Forbidden,
        StatusCode::BAD_REQUEST => AppError::invalid("from", "error.date.invalid"),
        StatusCode::INTERNAL_SERVER_ERROR => AppError::Internal {
            request_id: String::new(),
        },
        _ => AppError::NotFound,
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(error.message_key().to_owned()))
        .unwrap_or_default()
}
