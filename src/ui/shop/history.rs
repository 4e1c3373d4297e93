//! Historique (E5): every movement of the shop, filtered by tous / entrées / sorties and dates,
//! 50 a page.

use leptos::prelude::*;

use crate::api::stock::shop_history;
use crate::domain::stock::HistoryQuery;
use crate::domain::stock::MovementKind;
use crate::ui::components::{DateRangeFields, ListPage, Loaded, PageHeader};
use crate::ui::i18n::t;
use crate::ui::prefs::Prefs;
use crate::ui::shop::stock::MovementTable;

const KINDS: [(Option<MovementKind>, &str); 3] = [
    (None, "history.all"),
    (Some(MovementKind::In), "history.in"),
    (Some(MovementKind::Out), "history.out"),
];

#[component]
pub fn HistoryPage() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
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
        <Loaded resource=history show=move |page| {
            let lines = page.items.into_iter().map(|h| (Some(h.product_name), h.line)).collect();
            view! {
                <ListPage total=page.total page=query.with_untracked(|q| q.page) page_size=HistoryQuery::PAGE_SIZE
                    empty="history.empty" count="history.count" on_page=move |p| query.update(|q| q.page = p)>
                    <div class="table-scroll"><MovementTable lines/></div>
                </ListPage>
            }
        }/>
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
