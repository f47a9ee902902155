use leptos::prelude::*;

/// A labelled input with its error right below it, tied together for screen readers
/// (`aria-describedby`, `aria-invalid`). The error comes from the form's last answer.
#[component]
pub fn Field(
    /// The input's id; the error's id is derived from it.
    id: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    /// What the field starts with (never used for passwords).
    #[prop(optional)]
    value: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type=input_type
            name=name
            autocomplete=autocomplete
            value=(!value.is_empty()).then_some(value)
            required
            aria-invalid=move || error.get().is_some().to_string()
            aria-describedby=error_id.clone()
        />
        <p class="field-error" id=error_id>{move || error.get()}</p>
    }
}
