//! What is typed or open in the items of a view that draws itself again (a sync, a refresh),
//! kept by the view above them: an item drawn again starts from it, so a refresh never discards
//! what the user is typing nor closes an open form.

use std::collections::HashMap;

use leptos::prelude::*;

/// Values by key (an order, a product), owned by the view that outlives the redraws.
pub struct Drafts<T: Send + Sync + 'static>(StoredValue<HashMap<String, T>>);

impl<T: Send + Sync + 'static> Clone for Drafts<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Drafts<T> {}

impl<T: Send + Sync + 'static> Default for Drafts<T> {
    fn default() -> Self {
        Self(StoredValue::new(HashMap::new()))
    }
}

impl<T: Clone + Send + Sync + 'static> Drafts<T> {
    /// A signal for `key` that starts from what was kept under it (else from `initial`) and
    /// keeps each change.
    pub fn keep(self, key: String, initial: impl FnOnce() -> T) -> RwSignal<T> {
        let kept = self.0.with_value(|drafts| drafts.get(&key).cloned());
        let signal = RwSignal::new(kept.unwrap_or_else(initial));
        Effect::new(move |_| {
            let value = signal.get();
            self.0
                .update_value(|drafts| _ = drafts.insert(key.clone(), value));
        });
        signal
    }
}
