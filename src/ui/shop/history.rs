//! Historique (E5): every movement of the shop, filtered by tous / entrées / sorties and dates,
//! 50 a page.

use leptos::prelude::*;

use crate::api::stock::{HistoryQuery, shop_history};
use crate::domain::stock::MovementKind;
use crate::ui::components::{DateRangeFields, PageHeader, Pager};
use crate::ui::i18n::{t, t_with, translate};
use crate::ui::prefs::Prefs;
use crate::ui::shop::stock::MovementTable;

const KINDS: [(Option<MovementKind>, &str); 3] = [
    (None, "history.all"),
    (Some(MovementKind::In), "history.in"),
    (Some(MovementKind::Out), "history.out"),
];

#[component]
pub fn HistoryPage() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let query = RwSignal::new(HistoryQuery::default());
    let history = Resource::new(move || query.get(), shop_history);
    let set = move |change: &dyn Fn(&mut HistoryQuery)| {
        query.update(|q| {
            change(q);
            q.page = 0;
        })
    };
    view! {
        <PageHeader title="history.title"/>
        <div class="chips" role="group" aria-label=t("history.kind")>
            {KINDS.into_iter().map(|(kind, label)| view! {
                <button type="button" aria-pressed=move || query.with(|q| q.kind == kind).to_string()
                    on:click=move |_| set(&|q| q.kind = kind)>{t(label)}</button>
            }).collect_view()}
        </div>
        <div class="toolbar">
            <DateRangeFields on_from=Callback::new(move |v: String| set(&|q| q.from = v.clone()))
                on_to=Callback::new(move |v: String| set(&|q| q.to = v.clone()))/>
            <a class="button" download href=move || query.with(export_url)>{t("history.export")}</a>
        </div>
        <Transition fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match history.await {
                    Err(error) => view! { <p class="form-alert" role="alert">{move || translate(lang.get(), error.message_key()).to_owned()}</p> }.into_any(),
                    Ok(page) if page.items.is_empty() => view! { <p class="empty-state">{t("history.empty")}</p> }.into_any(),
                    Ok(page) => {
                        let pages = page.total.div_ceil(u64::from(HistoryQuery::PAGE_SIZE)).max(1);
                        let current = query.with_untracked(|q| q.page);
                        let lines = page.items.into_iter().map(|h| (Some(h.product_name), h.line)).collect();
                        view! {
                            <p class="muted result-count">{t_with("history.count", move || vec![("count", page.total.to_string())])}</p>
                            <div class="table-scroll"><MovementTable lines/></div>
                            <Pager page=current pages on_change=Callback::new(move |p| query.update(|q| q.page = p))/>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// `/export/movements.csv` with the filters on screen (E6).
fn export_url(query: &HistoryQuery) -> String {
    let kind = query.kind.map_or("", |k| k.as_str());
    format!(
        "/export/movements.csv?kind={kind}&from={}&to={}",
        query.from, query.to
    )
}
