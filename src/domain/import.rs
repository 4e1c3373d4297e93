//! "Importer CSV" of products (B10): reading the file, recognising its columns, checking each
//! row, and merging a row into the product it updates. Pure: the store applies the result.

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use super::csv::parse_money;
use super::product::{DEFAULT_UNITS, ProductDraft, ProductInput};
use super::stock::{Movement, MovementKind};
use super::{AppError, RecordKey};

/// Larger files are refused before anything is read (a shop's list fits many times in it).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_ROWS: usize = 20_000;
/// Rows applied per request; the progress bar moves after each batch.
pub const BATCH_ROWS: usize = 100;
/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 5;

/// What a column of the file fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Name,
    Sku,
    Category,
    Unit,
    Quantity,
    MinStock,
    MaxStock,
    PurchasePrice,
    SalePrice,
    Notes,
    Ignored,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Self::Name,
        Self::Sku,
        Self::Category,
        Self::Unit,
        Self::Quantity,
        Self::MinStock,
        Self::MaxStock,
        Self::PurchasePrice,
        Self::SalePrice,
        Self::Notes,
        Self::Ignored,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Name => "import.column.name",
            Self::Sku => "import.column.sku",
            Self::Category => "import.column.category",
            Self::Unit => "import.column.unit",
            Self::Quantity => "import.column.quantity",
            Self::MinStock => "import.column.min_stock",
            Self::MaxStock => "import.column.max_stock",
            Self::PurchasePrice => "import.column.purchase_price",
            Self::SalePrice => "import.column.sale_price",
            Self::Notes => "import.column.notes",
            Self::Ignored => "import.column.ignored",
        }
    }

    /// The column that fills a field of the product form (`min_stock` → [`Column::MinStock`]).
    pub fn of_field(field: &str) -> Option<Self> {
        let column = match field {
            "name" => Self::Name,
            "sku" => Self::Sku,
            "category_id" => Self::Category,
            "unit" => Self::Unit,
            "quantity" => Self::Quantity,
            "min_stock" => Self::MinStock,
            "max_stock" => Self::MaxStock,
            "purchase_price" => Self::PurchasePrice,
            "sale_price" => Self::SalePrice,
            "notes" => Self::Notes,
            _ => return None,
        };
        Some(column)
    }

    /// The column a header names, in French or English, with or without accents, case or a
    /// trailing "(XOF)"; the export's own headers are recognised.
    pub fn detect(header: &str) -> Self {
        let key = header_key(header);
        let names: [(&[&str], Column); 10] = [
            (
                &[
                    "nom",
                    "name",
                    "produit",
                    "product",
                    "designation",
                    "libelle",
                ],
                Self::Name,
            ),
            (
                &[
                    "sku",
                    "code",
                    "codebarres",
                    "barcode",
                    "reference",
                    "ref",
                    "ean",
                ],
                Self::Sku,
            ),
            (
                &["categorie", "category", "famille", "rayon"],
                Self::Category,
            ),
            (&["unite", "unit"], Self::Unit),
            (
                &["quantite", "quantity", "qte", "stock", "qty"],
                Self::Quantity,
            ),
            (
                &["stockmin", "min", "minstock", "stockminimum", "seuil"],
                Self::MinStock,
            ),
            (
                &["stockmax", "max", "maxstock", "stockmaximum"],
                Self::MaxStock,
            ),
            (
                &[
                    "prixdachat",
                    "prixachat",
                    "purchaseprice",
                    "cout",
                    "cost",
                    "achat",
                ],
                Self::PurchasePrice,
            ),
            (
                &[
                    "prixdevente",
                    "prixvente",
                    "saleprice",
                    "prix",
                    "price",
                    "vente",
                ],
                Self::SalePrice,
            ),
            (&["notes", "note", "remarque", "commentaire"], Self::Notes),
        ];
        names
            .into_iter()
            .find(|(words, _)| words.contains(&key.as_str()))
            .map_or(Self::Ignored, |(_, column)| column)
    }
}

/// "Prix d'achat (XOF)" → "prixdachat".
fn header_key(header: &str) -> String {
    let without_unit = header.split('(').next().unwrap_or_default();
    without_unit
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The file as rows of cells; `line` is the line number a spreadsheet shows (header = 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Reads a CSV file: UTF-8 (a BOM is skipped), `;`, `,` or tab separated, a header row first.
pub fn read(bytes: &[u8]) -> Result<Table, AppError> {
    let file_error = |code: &str| AppError::invalid("file", code);
    if bytes.len() > MAX_BYTES {
        return Err(file_error("error.import.too_large"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| file_error("error.import.encoding"))?;
    if text.contains('\0') {
        return Err(file_error("error.import.encoding"));
    }
    let first_line = text.lines().next().unwrap_or_default();
    let separator = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|s| first_line.bytes().filter(|b| b == s).count())
        .unwrap_or(b';');
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(header)) => header.iter().map(|h| h.trim().to_owned()).collect(),
        _ => return Err(file_error("error.import.empty")),
    };
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|_| file_error("error.import.malformed"))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(file_error("error.import.too_many_rows"));
        }
        rows.push(Row {
            line,
            cells: record.iter().map(|c| c.trim().to_owned()).collect(),
        });
    }
    if rows.is_empty() {
        return Err(file_error("error.import.empty"));
    }
    Ok(Table { headers, rows })
}

/// The column of each header; a field named twice is kept for its first column only.
pub fn detect_mapping(headers: &[String]) -> Vec<Column> {
    let mut seen = Vec::new();
    headers
        .iter()
        .map(|h| {
            let column = Column::detect(h);
            if column != Column::Ignored && seen.contains(&column) {
                Column::Ignored
            } else {
                seen.push(column);
                column
            }
        })
        .collect()
}

/// A mapping needs the name, and each field once.
pub fn check_mapping(mapping: &[Column]) -> Result<(), AppError> {
    if !mapping.contains(&Column::Name) {
        return Err(AppError::invalid("mapping", "error.import.name_column"));
    }
    let fields: Vec<_> = mapping.iter().filter(|c| **c != Column::Ignored).collect();
    for (i, column) in fields.iter().enumerate() {
        if fields[..i].contains(column) {
            return Err(AppError::invalid("mapping", "error.import.column_twice"));
        }
    }
    Ok(())
}

/// What one row says; `None` is a column absent or a cell left empty: the product keeps its
/// value (a new one gets the form's default).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowValues {
    pub line: usize,
    pub name: String,
    pub sku: Option<String>,
    pub category: Option<String>,
    pub unit: Option<String>,
    pub quantity: Option<i64>,
    pub min_stock: Option<i64>,
    pub max_stock: Option<i64>,
    pub purchase_price: Option<i64>,
    pub sale_price: Option<i64>,
    pub notes: Option<String>,
}

/// A row that cannot be imported, and why (an i18n key naming the column where it applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: usize,
    pub column: Option<Column>,
    pub code: String,
}

/// Reads every row with the mapping; rows with errors are left out and reported, as is a SKU
/// that an earlier row of the file already used.
pub fn check_rows(
    table: &Table,
    mapping: &[Column],
    currency: &str,
) -> (Vec<RowValues>, Vec<RowError>) {
    let mut valid: Vec<RowValues> = Vec::new();
    let mut errors = Vec::new();
    let mut skus = std::collections::HashSet::new();
    for row in &table.rows {
        match row_values(row, mapping, currency) {
            Ok(values) => {
                let sku_key = values.sku.as_ref().map(|s| s.to_lowercase());
                if let Some(key) = sku_key
                    && !skus.insert(key)
                {
                    errors.push(RowError {
                        line: row.line,
                        column: Some(Column::Sku),
                        code: "error.import.duplicate_sku".into(),
                    });
                    continue;
                }
                valid.push(values);
            }
            Err(error) => errors.push(error),
        }
    }
    (valid, errors)
}

fn row_values(row: &Row, mapping: &[Column], currency: &str) -> Result<RowValues, RowError> {
    let cell = |column: Column| -> Option<&str> {
        let index = mapping.iter().position(|c| *c == column)?;
        row.cells
            .get(index)
            .map(String::as_str)
            .filter(|c| !c.is_empty())
    };
    let error = |column: Column, code: &str| RowError {
        line: row.line,
        column: Some(column),
        code: code.to_owned(),
    };
    let count = |column: Column| -> Result<Option<i64>, RowError> {
        cell(column)
            .map(|raw| {
                let digits: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
                digits
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0)
                    .ok_or_else(|| error(column, "error.import.number"))
            })
            .transpose()
    };
    let money = |column: Column| -> Result<Option<i64>, RowError> {
        cell(column)
            .map(|raw| {
                parse_money(raw, currency).ok_or_else(|| error(column, "error.import.amount"))
            })
            .transpose()
    };
    Ok(RowValues {
        line: row.line,
        name: cell(Column::Name)
            .ok_or_else(|| error(Column::Name, "error.import.name_missing"))?
            .to_owned(),
        sku: cell(Column::Sku).map(str::to_owned),
        category: cell(Column::Category).map(str::to_owned),
        unit: cell(Column::Unit).map(str::to_owned),
        quantity: count(Column::Quantity)?,
        min_stock: count(Column::MinStock)?,
        max_stock: count(Column::MaxStock)?,
        purchase_price: money(Column::PurchasePrice)?,
        sale_price: money(Column::SalePrice)?,
        notes: cell(Column::Notes).map(str::to_owned),
    })
}

/// The product a row makes: the existing one with the row's values over it, or a new one with
/// the form's defaults; `category_id` is left for the store, which knows categories by name.
pub fn merge(existing: Option<&ProductInput>, row: &RowValues) -> ProductInput {
    let base = existing.cloned().unwrap_or_else(|| ProductInput {
        unit: DEFAULT_UNITS[0].to_owned(),
        ..ProductInput::default()
    });
    ProductInput {
        name: row.name.clone(),
        sku: row.sku.clone().unwrap_or(base.sku),
        unit: row.unit.clone().unwrap_or(base.unit),
        quantity: row.quantity.unwrap_or(base.quantity),
        min_stock: row.min_stock.unwrap_or(base.min_stock),
        max_stock: row.max_stock.or(base.max_stock),
        purchase_price: row.purchase_price.unwrap_or(base.purchase_price),
        sale_price: row.sale_price.unwrap_or(base.sale_price),
        notes: row.notes.clone().unwrap_or(base.notes),
        ..base
    }
}

/// What the file holds, read with a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub import_id: String,
    pub file_name: String,
    pub headers: Vec<String>,
    /// The field each column fills, detected from its header or chosen by the user.
    pub mapping: Vec<Column>,
    /// The first rows, as in the file.
    pub sample: Vec<Vec<String>>,
    /// Data rows of the file, and how many of them can be imported.
    pub rows: usize,
    pub valid: usize,
    /// The rows that will be skipped (the first 200), with their line numbers.
    pub errors: Vec<RowError>,
    pub error_count: usize,
    /// Why the mapping cannot be imported (no name column, a field twice), as an i18n key.
    pub mapping_error: Option<String>,
}

/// The outcome of the valid rows from number `start` (0 first) to `done`, out of `total`: one
/// batch as the server answers it, or the sum of the batches so far as the page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// The first valid row counted here (0 for a sum).
    #[serde(default)]
    pub start: usize,
    /// Valid rows handled up to here, out of `total`.
    pub done: usize,
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows the shop's data refused (e.g. a maximum below the product's minimum).
    pub errors: Vec<RowError>,
}

impl ImportProgress {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }

    /// Adds the next batch to this sum. A batch that does not continue it (it starts elsewhere,
    /// handles no row before the end, or counts another total) is refused and changes nothing:
    /// the line can neither go back nor count a row twice, and the outcome (shown once the sum
    /// is finished) always comes with every row counted.
    pub fn add(&mut self, batch: ImportProgress) -> Result<(), AppError> {
        let continues = batch.start == self.done
            && (batch.done > self.done || batch.finished())
            && (self.done == 0 || batch.total == self.total);
        if !continues {
            return Err(AppError::invalid("file", "error.import.interrupted"));
        }
        self.done = batch.done;
        self.total = batch.total;
        self.created += batch.created;
        self.updated += batch.updated;
        self.unchanged += batch.unchanged;
        self.errors.extend(batch.errors);
        Ok(())
    }
}

/// A product of the shop a row may update, as its form shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Found {
    pub id: RecordKey,
    #[serde(flatten)]
    pub input: ProductInput,
}

/// Which product a row updates: the one with its SKU (case aside); a row without a SKU, the
/// product of its name that has none.
pub fn product_key(sku: Option<&str>, name: &str) -> String {
    match sku {
        Some(sku) => format!("sku:{}", sku.to_lowercase()),
        None => format!("name:{}", name.to_lowercase()),
    }
}

/// What a batch of rows writes, decided before anything is written: the store applies it in one
/// transaction.
#[derive(Debug, Default, PartialEq)]
pub struct BatchPlan {
    /// Categories named by the rows that the shop does not have yet, under new keys.
    pub new_categories: Vec<(RecordKey, String)>,
    /// New products (their quantity the opening stock).
    pub creates: Vec<(RecordKey, ProductDraft)>,
    /// Products whose fields change (all but the quantity).
    pub updates: Vec<(RecordKey, ProductDraft)>,
    /// Quantities that change: a "correction" movement from the stock the product holds.
    pub corrections: Vec<Correction>,
    pub progress: ImportProgress,
}

/// A quantity an import changes: the product must still hold `stock` when it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub product: RecordKey,
    pub stock: i64,
    pub movement: Movement,
    pub balance: i64,
}

/// A product the batch touches: as the shop holds it (`None` for one the batch creates), and as
/// its rows leave it.
struct Touched {
    id: RecordKey,
    held: Option<ProductInput>,
    input: ProductInput,
    draft: ProductDraft,
}

/// Decides a batch as if its rows were applied one after the other: a row creates the product,
/// or updates the one `found` by [`product_key`] (or made or updated by an earlier row of the
/// batch), or changes nothing when the product already says the same. `categories` are the
/// shop's category ids by name key; `new_key` makes the keys of new records.
pub fn plan_batch(
    rows: &[RowValues],
    found: &HashMap<String, Found>,
    categories: &HashMap<String, RecordKey>,
    mut new_key: impl FnMut() -> RecordKey,
) -> BatchPlan {
    let mut plan = BatchPlan::default();
    let mut categories = categories.clone();
    let mut touched: Vec<Touched> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let key = product_key(row.sku.as_deref(), &row.name);
        let at = by_key.get(&key).copied();
        let product = found.get(&key);
        // What the row changes: the product as an earlier row left it, else as the shop holds it.
        let held = match at {
            Some(at) => Some(&touched[at].input),
            None => product.map(|f| &f.input),
        };
        let mut input = merge(held, row);
        if let Some(name) = &row.category {
            let Ok(name) = super::category::name(name) else {
                plan.progress
                    .errors
                    .push(refused(row.line, Column::Category));
                continue;
            };
            let id = categories
                .entry(super::category::name_key(&name))
                .or_insert_with(|| {
                    let id = new_key();
                    plan.new_categories.push((id.clone(), name));
                    id
                });
            input.category_id = id.to_string();
        }
        let draft = match ProductDraft::parse(&input) {
            Ok(draft) => draft,
            Err(error) => {
                plan.progress.errors.push(row_error(row.line, &error));
                continue;
            }
        };
        if held == Some(&input) {
            plan.progress.unchanged += 1;
        } else if let Some(at) = at {
            touched[at].input = input;
            touched[at].draft = draft;
            plan.progress.updated += 1;
        } else {
            let (id, held) = match product {
                Some(product) => (product.id.clone(), Some(product.input.clone())),
                None => (new_key(), None),
            };
            let counted = match held {
                Some(_) => &mut plan.progress.updated,
                None => &mut plan.progress.created,
            };
            *counted += 1;
            by_key.insert(key, touched.len());
            touched.push(Touched {
                id,
                held,
                input,
                draft,
            });
        }
    }
    for product in touched {
        write_into(&mut plan, product);
    }
    plan
}

/// The writes that bring one touched product from what the shop holds to what its rows say.
fn write_into(plan: &mut BatchPlan, product: Touched) {
    let Some(held) = product.held else {
        plan.creates.push((product.id, product.draft));
        return;
    };
    let fields_change = ProductInput {
        quantity: held.quantity,
        ..product.input.clone()
    } != held;
    if fields_change {
        plan.updates.push((product.id.clone(), product.draft));
    }
    let (before, after) = (held.quantity, product.input.quantity);
    let kind = if after > before {
        MovementKind::In
    } else {
        MovementKind::Out
    };
    if let Ok(movement) = Movement::parse(kind, (after - before).abs(), "correction", "Import CSV")
    {
        plan.corrections.push(Correction {
            product: product.id,
            stock: before,
            movement,
            balance: after,
        });
    }
}

/// A product rule broken by a row, on the column of the field it names.
fn row_error(line: usize, error: &AppError) -> RowError {
    let column = match error {
        AppError::Invalid { field, .. } => Column::of_field(field),
        _ => None,
    };
    RowError {
        line,
        column,
        code: error.message_key().to_owned(),
    }
}

fn refused(line: usize, column: Column) -> RowError {
    RowError {
        line,
        column: Some(column),
        code: "error.import.refused".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        read(text.as_bytes()).unwrap()
    }

    #[test]
    fn reads_semicolons_commas_tabs_a_bom_and_quotes() {
        let file = "\u{feff}Nom;SKU;Prix de vente (XOF)\n\"Riz; 5 kg\";R5;5 000\n\n";
        let t = table(file);
        assert_eq!(t.headers, ["Nom", "SKU", "Prix de vente (XOF)"]);
        assert_eq!(
            t.rows,
            vec![Row {
                line: 2,
                cells: vec!["Riz; 5 kg".into(), "R5".into(), "5 000".into()]
            }]
        );
        assert_eq!(
            table("name,price\nSugar,300\n").rows[0].cells,
            ["Sugar", "300"]
        );
        assert_eq!(
            table("name\tunit\nSugar\tkg\n").rows[0].cells,
            ["Sugar", "kg"]
        );
    }

    #[test]
    fn files_that_are_not_csv_are_refused_with_a_reason() {
        let code = |bytes: &[u8]| match read(bytes) {
            Err(AppError::Invalid { field, code }) if field == "file" => code,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            code(b"Nom;Prix\nCaf\xe9;300\n"),
            "error.import.encoding",
            "Latin-1"
        );
        assert_eq!(
            code(b"\xff\xfeN\0o\0m\0"),
            "error.import.encoding",
            "UTF-16"
        );
        assert_eq!(code(b""), "error.import.empty");
        assert_eq!(code(b"Nom;Prix\n"), "error.import.empty");
        assert_eq!(code(&vec![b'x'; MAX_BYTES + 1]), "error.import.too_large");
    }

    #[test]
    fn columns_are_recognised_in_french_english_and_from_the_export() {
        let headers: Vec<String> = [
            "Nom",
            "Référence",
            "Catégorie",
            "Unité",
            "Quantité",
            "Stock min",
            "Stock max",
            "Prix d'achat (XOF)",
            "Prix de vente (XOF)",
            "Valeur du stock (XOF)",
            "Notes",
            "name",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            detect_mapping(&headers),
            [
                Column::Name,
                Column::Sku,
                Column::Category,
                Column::Unit,
                Column::Quantity,
                Column::MinStock,
                Column::MaxStock,
                Column::PurchasePrice,
                Column::SalePrice,
                Column::Ignored,
                Column::Notes,
                Column::Ignored
            ]
        );
        assert_eq!(Column::detect("Sale price"), Column::SalePrice);
        assert_eq!(Column::detect("Couleur"), Column::Ignored);
        assert!(check_mapping(&[Column::Sku]).is_err());
        assert!(check_mapping(&[Column::Name, Column::Sku, Column::Sku]).is_err());
        assert!(check_mapping(&[Column::Name, Column::Ignored, Column::Ignored]).is_ok());
    }

    #[test]
    fn each_bad_row_is_reported_with_its_line_and_column() {
        let t = table(
            "Nom;SKU;Quantité;Prix de vente\nRiz;R1;10;500\n;R2;1;1\nMil;M1;dix;1\nSel;S1;-2;1\nThé;T1;1;1,5\nSucre;r1;1;1\n",
        );
        let mapping = detect_mapping(&t.headers);
        let (valid, errors) = check_rows(&t, &mapping, "XOF");
        assert_eq!(valid.len(), 1);
        assert_eq!(valid[0].quantity, Some(10));
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.column, e.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (3, Some(Column::Name), "error.import.name_missing"),
                (4, Some(Column::Quantity), "error.import.number"),
                (5, Some(Column::Quantity), "error.import.number"),
                (6, Some(Column::SalePrice), "error.import.amount"),
                (7, Some(Column::Sku), "error.import.duplicate_sku"),
            ]
        );
    }

    #[test]
    fn the_sample_file_offered_for_download_imports_cleanly() {
        let t = read(include_bytes!("../../public/samples/produits-exemple.csv")).unwrap();
        let mapping = detect_mapping(&t.headers);
        assert!(!mapping.contains(&Column::Ignored), "{mapping:?}");
        let (valid, errors) = check_rows(&t, &mapping, "XOF");
        assert_eq!((valid.len(), errors.len()), (3, 0), "{errors:?}");
        assert_eq!(valid[1].sku.as_deref(), Some("6009876543210"));
        assert_eq!(valid[2].max_stock, None);
    }

    #[test]
    fn a_row_changes_only_what_it_says() {
        let existing = ProductInput {
            name: "Riz".into(),
            sku: "R1".into(),
            unit: "sac".into(),
            quantity: 10,
            min_stock: 2,
            max_stock: Some(40),
            purchase_price: 400,
            sale_price: 500,
            notes: "sec".into(),
            ..ProductInput::default()
        };
        let row = RowValues {
            name: "Riz".into(),
            sale_price: Some(550),
            ..RowValues::default()
        };
        let merged = merge(Some(&existing), &row);
        assert_eq!(
            merged,
            ProductInput {
                sale_price: 550,
                ..existing.clone()
            }
        );
        let new = merge(None, &row);
        assert_eq!(
            (new.unit.as_str(), new.quantity, new.max_stock),
            ("pièce", 0, None)
        );
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        const SAMPLE: &str = "Nom;SKU;Catégorie;Unité;Quantité;Stock min;Stock max;Prix d'achat;Prix de vente;Notes\n\
            Riz;R1;Céréales;sac;2;5;40;1 000;1 200;sec\n\"Huile; 5 L\";H5;;bidon;;;;;;\n";

        /// Reads and checks the whole file as the import does; a file is refused only on `file`,
        /// a row's error names a line of the file.
        fn outcome(bytes: &[u8]) {
            let table = match read(bytes) {
                Ok(table) => table,
                Err(AppError::Invalid { field, .. }) if field == "file" => return,
                Err(other) => panic!("{other:?}"),
            };
            let mapping = detect_mapping(&table.headers);
            let _ = check_mapping(&mapping);
            for currency in ["XOF", "EUR"] {
                let (valid, errors) = check_rows(&table, &mapping, currency);
                assert_eq!(valid.len() + errors.len(), table.rows.len());
                let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
                assert!(errors.iter().all(|e| lines.contains(&e.line)), "{errors:?}");
                for row in &valid {
                    let _ = crate::domain::product::ProductDraft::parse(&merge(None, row));
                }
            }
        }

        proptest! {
            #[test]
            fn on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
                outcome(&bytes);
            }

            #[test]
            fn on_arbitrary_text(text in "[a-zA-Z0-9 ;,\t\"\n\r\u{a0}éç.-]{0,300}") {
                outcome(text.as_bytes());
            }

            #[test]
            fn on_a_valid_file_with_text_inserted(at in any::<prop::sample::Index>(), piece in "[;,\"\n\t0-9a-z -]{1,8}") {
                let position = at.index(SAMPLE.len());
                let position = (0..=position).rev().find(|i| SAMPLE.is_char_boundary(*i)).unwrap_or(0);
                outcome(format!("{}{piece}{}", &SAMPLE[..position], &SAMPLE[position..]).as_bytes());
            }

            #[test]
            fn on_arbitrary_rows_and_mappings(
                headers in prop::collection::vec(".{0,12}", 0..12),
                cells in prop::collection::vec(prop::collection::vec(".{0,12}", 0..12), 1..8),
            ) {
                let table = Table {
                    rows: cells.into_iter().enumerate().map(|(i, cells)| Row { line: i + 2, cells }).collect(),
                    headers,
                };
                let mapping = detect_mapping(&table.headers);
                let (valid, errors) = check_rows(&table, &mapping, "EUR");
                prop_assert_eq!(valid.len() + errors.len(), table.rows.len());
            }
        }
    }

    fn batch(start: usize, done: usize, created: usize) -> ImportProgress {
        ImportProgress {
            start,
            done,
            total: 120,
            created,
            ..ImportProgress::default()
        }
    }

    fn line_and_outcome(sum: &ImportProgress) -> (String, Option<usize>) {
        let line = format!("{} / {}", sum.done, sum.total);
        (line, sum.finished().then_some(sum.created))
    }

    #[test]
    fn the_outcome_comes_with_every_row_counted() {
        let mut sum = ImportProgress {
            total: 120,
            ..ImportProgress::default()
        };
        assert_eq!(line_and_outcome(&sum), ("0 / 120".into(), None));
        sum.add(batch(0, 100, 100)).unwrap();
        assert_eq!(line_and_outcome(&sum), ("100 / 120".into(), None));
        sum.add(batch(100, 120, 20)).unwrap();
        assert_eq!(line_and_outcome(&sum), ("120 / 120".into(), Some(120)));
    }

    #[test]
    fn an_answer_that_does_not_continue_the_sum_changes_nothing() {
        let mut sum = ImportProgress::default();
        sum.add(batch(0, 100, 100)).unwrap();
        sum.add(batch(100, 120, 20)).unwrap();
        let finished = sum.clone();
        // The first batch answered again (late, or for an import started over): it used to set
        // the line back to "100 / 120" while the outcome kept "120 créés".
        let interrupted = Err(AppError::invalid("file", "error.import.interrupted"));
        assert_eq!(sum.add(batch(0, 100, 0)), interrupted);
        assert_eq!(sum, finished);

        let mut sum = ImportProgress::default();
        sum.add(batch(0, 100, 100)).unwrap();
        let halfway = sum.clone();
        assert_eq!(sum.add(batch(0, 100, 100)), interrupted, "counted twice");
        assert_eq!(sum.add(batch(110, 120, 10)), interrupted, "a gap");
        assert_eq!(sum.add(batch(100, 100, 0)), interrupted, "no progress");
        let other_file = ImportProgress {
            total: 300,
            ..batch(100, 200, 100)
        };
        assert_eq!(sum.add(other_file), interrupted);
        assert_eq!(sum, halfway);
    }

    fn row(
        line: usize,
        name: &str,
        sku: Option<&str>,
        category: Option<&str>,
        quantity: i64,
    ) -> RowValues {
        RowValues {
            line,
            name: name.into(),
            sku: sku.map(str::to_owned),
            category: category.map(str::to_owned),
            quantity: Some(quantity),
            sale_price: Some(500),
            ..RowValues::default()
        }
    }

    /// Keys k0, k1, … in the order the plan asks for them.
    fn keys() -> impl FnMut() -> RecordKey {
        let mut n = 0;
        move || {
            n += 1;
            RecordKey::parse("id", &format!("k{}", n - 1)).unwrap()
        }
    }

    fn key(text: &str) -> RecordKey {
        RecordKey::parse("id", text).unwrap()
    }

    fn held(id: &str, name: &str, sku: &str, quantity: i64) -> (String, Found) {
        let sku_given = (!sku.is_empty()).then_some(sku);
        let input = ProductInput {
            name: name.into(),
            sku: sku.into(),
            unit: "pièce".into(),
            quantity,
            sale_price: 500,
            ..ProductInput::default()
        };
        (product_key(sku_given, name), Found { id: key(id), input })
    }

    #[test]
    fn a_batch_is_decided_as_its_rows_one_after_the_other() {
        let found = HashMap::from([held("rice", "Riz", "R1", 10), held("oil", "Huile", "", 4)]);
        let categories = HashMap::from([("épicerie".to_owned(), key("food"))]);
        let rows = [
            // A new product, then the same SKU in other letters: one product, the last values.
            row(2, "Sucre", Some("S1"), Some("Épicerie"), 3),
            row(3, "Sucre roux", Some("s1"), None, 7),
            // The held product by SKU: its quantity twice, one correction from what it holds.
            row(4, "Riz", Some("R1"), None, 12),
            row(5, "Riz", Some("R1"), None, 6),
            // By name without a SKU, the same as it holds: nothing.
            row(6, "Huile", None, None, 4),
            // A new category in two spellings: made once.
            row(7, "Thé", None, Some("Boissons "), 1),
            row(8, "Café", None, Some("boissons"), 0),
            // Refused: a category name too long, a maximum below the minimum.
            row(9, "Sel", None, Some(&"x".repeat(61)), 1),
            RowValues {
                min_stock: Some(9),
                max_stock: Some(2),
                ..row(10, "Mil", None, None, 1)
            },
        ];
        let plan = plan_batch(&rows, &found, &categories, keys());
        assert_eq!(
            (
                plan.progress.created,
                plan.progress.updated,
                plan.progress.unchanged
            ),
            (3, 3, 1)
        );
        let lines: Vec<(usize, Option<Column>)> = plan
            .progress
            .errors
            .iter()
            .map(|e| (e.line, e.column))
            .collect();
        assert_eq!(
            lines,
            [(9, Some(Column::Category)), (10, Some(Column::MaxStock))]
        );
        assert_eq!(plan.new_categories, [(key("k1"), "Boissons".to_owned())]);
        let created: Vec<(&str, &str, i64, Option<&str>)> = plan
            .creates
            .iter()
            .map(|(id, d)| {
                (
                    id.as_str(),
                    d.name.as_str(),
                    d.quantity,
                    d.category_id.as_ref().map(RecordKey::as_str),
                )
            })
            .collect();
        assert_eq!(
            created,
            [
                ("k0", "Sucre roux", 7, Some("food")),
                ("k2", "Thé", 1, Some("k1")),
                ("k3", "Café", 0, Some("k1")),
            ]
        );
        assert!(plan.updates.is_empty(), "only the rice's quantity changed");
        assert_eq!(plan.corrections.len(), 1);
        let rice = &plan.corrections[0];
        assert_eq!(
            (
                rice.product.as_str(),
                rice.stock,
                rice.balance,
                rice.movement.kind,
                rice.movement.quantity
            ),
            ("rice", 10, 6, MovementKind::Out, 4)
        );
    }

    #[test]
    fn a_held_product_whose_fields_change_is_updated_without_a_correction_when_its_stock_stays() {
        let found = HashMap::from([held("rice", "Riz", "R1", 10)]);
        let rows = [RowValues {
            sale_price: Some(650),
            ..row(2, "Riz long", Some("R1"), None, 10)
        }];
        let plan = plan_batch(&rows, &found, &HashMap::new(), keys());
        assert_eq!(plan.progress.updated, 1);
        assert_eq!(plan.updates.len(), 1);
        assert_eq!(
            (
                plan.updates[0].1.name.as_str(),
                plan.updates[0].1.sale_price
            ),
            ("Riz long", 650)
        );
        assert!(plan.corrections.is_empty() && plan.creates.is_empty());
    }
}
