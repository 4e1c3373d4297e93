//! "Importer CSV" of products (B10): pick a file, check the preview and the column of each
//! field, then import with a progress bar; skipped rows are listed with their line numbers.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::imports::{RunImport, check_import};
use crate::domain::import::{Column, RowError};
use crate::domain::import::{ImportPreview, ImportProgress};
use crate::i18n::translate;
use crate::offline::send;
use crate::ui::components::{FormAlert, FormErrors, PageHeader};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

/// The one request the page waits for. While it runs, the file picker, the column choices and
/// the import button wait too, so no answer can replace a newer one or land in another file's
/// progress: the preview on screen is the one imported, and the progress is that import's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Reading,
    Checking,
    Importing,
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let preview = RwSignal::new(None::<ImportPreview>);
    let progress = RwSignal::new(None::<ImportProgress>);
    let errors = FormErrors::new();
    // Kept here, not in the preview (rebuilt with each mapping), so a new preview cannot forget it.
    let busy = RwSignal::new(None::<Busy>);
    let picked = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use crate::domain::import::MAX_BYTES;
            use crate::ui::components::upload::{file_form, picked_file};
            if busy.get_untracked().is_some() {
                return;
            }
            let Some(file) = picked_file(&ev) else {
                return;
            };
            if file.size() > MAX_BYTES as f64 {
                let too_large = crate::domain::AppError::invalid("file", "error.import.too_large");
                return errors.set(Some(too_large));
            }
            let Some(form) = file_form(&[], &file) else {
                return;
            };
            busy.set(Some(Busy::Reading));
            errors.set(None);
            progress.set(None);
            leptos::task::spawn_local(async move {
                let result = crate::api::imports::preview_import(form.into()).await;
                busy.set(None);
                match result {
                    Ok(shown) => preview.set(Some(shown)),
                    Err(error) => {
                        preview.set(None);
                        errors.set(Some(error));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <PageHeader title="import.title"/>
        <p class="intro">{t("import.intro")}</p>
        <p><a href="/samples/produits-exemple.csv" download>{t("import.sample")}</a></p>
        <section class="card import-file">
            <label class="button primary file-button">
                {t("import.choose")}
                <input type="file" class="visually-hidden" accept=".csv,text/csv" disabled=move || busy.get().is_some()
                    aria-describedby="file-error" on:change=picked/>
            </label>
            <Show when=move || busy.get() == Some(Busy::Reading)>
                <p class="muted" role="status">{t("import.reading")}</p>
            </Show>
            <crate::ui::components::FieldError id="file" error=errors.for_field("file")/>
            <FormAlert message=errors.general(&["file"])/>
        </section>
        {move || preview.get().map(|shown| view! { <Preview shown preview progress busy/> }.into_any())}
    }
}

/// The file as read: counts, the mapping of each column, the first rows, the skipped rows, and
/// the import button with its progress.
#[component]
fn Preview(
    shown: ImportPreview,
    preview: RwSignal<Option<ImportPreview>>,
    progress: RwSignal<Option<ImportProgress>>,
    busy: RwSignal<Option<Busy>>,
) -> impl IntoView {
    let errors = FormErrors::new();
    let remap = {
        let shown = shown.clone();
        Callback::new(move |(index, column): (usize, Column)| {
            if busy.get_untracked().is_some() {
                return;
            }
            let mut mapping = shown.mapping.clone();
            if let Some(slot) = mapping.get_mut(index) {
                *slot = column;
            }
            let import_id = shown.import_id.clone();
            busy.set(Some(Busy::Checking));
            leptos::task::spawn_local(async move {
                let result = check_import(import_id, mapping).await;
                busy.set(None);
                match result {
                    Ok(checked) => preview.set(Some(checked)),
                    Err(error) => errors.set(Some(error)),
                }
            });
        })
    };
    let valid = shown.valid;
    let start = {
        let (import_id, mapping) = (shown.import_id.clone(), shown.mapping.clone());
        move |_| {
            if busy.get_untracked().is_some() {
                return;
            }
            let (import_id, mapping) = (import_id.clone(), mapping.clone());
            busy.set(Some(Busy::Importing));
            errors.set(None);
            // "0 / 120 lignes traitées" while the first batch runs.
            let sum = ImportProgress {
                total: valid,
                ..ImportProgress::default()
            };
            progress.set(Some(sum.clone()));
            leptos::task::spawn_local(async move {
                let result = import_all(import_id, mapping, sum, progress).await;
                busy.set(None);
                errors.set(result.err());
            });
        }
    };
    let (rows, skipped) = (shown.rows, shown.error_count);
    let can_import = shown.mapping_error.is_none() && valid > 0;
    let mapping_error = shown.mapping_error.clone();
    view! {
        <section class="card import-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{shown.file_name.clone()}</h2>
            <p data-figure="import-counts">{t_with("import.counts", move || vec![
                ("rows", rows.to_string()), ("valid", valid.to_string()), ("skipped", skipped.to_string()),
            ])}</p>
            <MappingTable shown=shown.clone() remap=remap busy/>
            <FormAlert message=Signal::derive(move || mapping_error.clone())/>
            <SampleTable shown=shown.clone()/>
            <RowErrors errors=shown.errors.clone() total=skipped/>
            <button type="button" class="button primary" disabled=move || busy.get().is_some() || !can_import on:click=start>
                {t_with("import.start", move || vec![("count", valid.to_string())])}
            </button>
            <FormAlert message=errors.general(&[])/>
        </section>
        <Show when=move || progress.with(Option::is_some)>
            <Progress progress/>
        </Show>
    }
}

/// Each column of the file, the field it fills (a choice), and its first value.
#[component]
fn MappingTable(
    shown: ImportPreview,
    remap: Callback<(usize, Column)>,
    busy: RwSignal<Option<Busy>>,
) -> impl IntoView {
    view! {
        <h3>{t("import.mapping")}</h3>
        <div class="table-scroll">
            <table class="mapping">
                <thead><tr><th scope="col">{t("import.file_column")}</th><th scope="col">{t("import.field")}</th><th scope="col">{t("import.example")}</th></tr></thead>
                <tbody>
                    {shown.headers.iter().enumerate().map(|(index, header)| {
                        let current = shown.mapping.get(index).copied().unwrap_or(Column::Ignored);
                        let example = shown.sample.first().and_then(|r| r.get(index)).cloned().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{header.clone()}</th>
                                <td>
                                    <select aria-label=header.clone() disabled=move || busy.get().is_some() on:change=move |ev| {
                                        let chosen = event_target_value(&ev).parse::<usize>().ok();
                                        if let Some(column) = chosen.and_then(|i| Column::ALL.get(i).copied()) {
                                            remap.run((index, column));
                                        }
                                    }>
                                        {Column::ALL.into_iter().enumerate().map(|(i, column)| view! {
                                            <option value=i.to_string() selected=column == current>{t(column.label_key())}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td class="muted">{example}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The first rows, as in the file.
#[component]
fn SampleTable(shown: ImportPreview) -> impl IntoView {
    view! {
        <h3>{t("import.first_rows")}</h3>
        <div class="table-scroll">
            <table class="sample">
                <thead><tr>{shown.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {shown.sample.iter().map(|row| view! {
                        <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Sends the batches one after the other, each from where the sum of the ones before stops;
/// after each answer `progress` shows that sum (this import's own, added up here, never a
/// value another answer changed meanwhile). The last answer writes the full line and the
/// outcome at once.
async fn import_all(
    import_id: String,
    mapping: Vec<Column>,
    mut sum: ImportProgress,
    progress: RwSignal<Option<ImportProgress>>,
) -> Result<(), crate::domain::AppError> {
    loop {
        let (import_id, mapping, start) = (import_id.clone(), mapping.clone(), sum.done);
        let batch = send(|op| RunImport {
            op,
            import_id,
            mapping,
            start,
        })
        .await?;
        sum.add(batch)?;
        progress.set(Some(sum.clone()));
        if sum.finished() {
            return Ok(());
        }
    }
}

/// The progress bar and, once every batch has answered, the outcome. Both read the one sum of
/// the batches, so the line and the outcome never disagree however slow a batch is.
#[component]
fn Progress(progress: RwSignal<Option<ImportProgress>>) -> impl IntoView {
    let figure = move |pick: fn(&ImportProgress) -> usize| {
        move || progress.with(|p| p.as_ref().map_or(0, pick)).to_string()
    };
    let finished = move || progress.with(|p| p.as_ref().is_some_and(ImportProgress::finished));
    view! {
        <section class="card" aria-live="polite">
            <progress max=move || figure(|p| p.total.max(1))() value=figure(|p| p.done) aria-label=t("import.progress")></progress>
            <p data-figure="import-progress">{t_with("import.progress_text", move || vec![("done", figure(|p| p.done)()), ("total", figure(|p| p.total)())])}</p>
            <Show when=finished>
                <p class="import-done" data-figure="import-result">{t_with("import.result", move || vec![
                    ("created", figure(|p| p.created)()), ("updated", figure(|p| p.updated)()),
                    ("unchanged", figure(|p| p.unchanged)()), ("refused", figure(|p| p.errors.len())()),
                ])}</p>
                <A href="/shop/products" attr:class="button">{t("import.see_products")}</A>
            </Show>
            {move || progress.with(|p| p.as_ref().map(|p| view! { <RowErrors errors=p.errors.clone() total=p.errors.len()/> }))}
        </section>
    }
}

/// "Ligne 12 · Quantité : nombre entier attendu", for each skipped row.
#[component]
fn RowErrors(errors: Vec<RowError>, total: usize) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    (!errors.is_empty()).then(|| view! {
        <h3>{t_with("import.skipped", move || vec![("count", total.to_string())])}</h3>
        <ul class="import-errors">
            {errors.into_iter().map(|e| {
                let column = e.column.map(Column::label_key);
                view! {
                    <li>{move || {
                        let lang = lang.get();
                        let column = column.map(|c| format!(" · {}", translate(lang, c))).unwrap_or_default();
                        translate(lang, "import.row_error")
                            .replace("{line}", &e.line.to_string())
                            .replace("{column}", &column)
                            .replace("{message}", translate(lang, &e.code))
                    }}</li>
                }
            }).collect_view()}
        </ul>
    })
}
