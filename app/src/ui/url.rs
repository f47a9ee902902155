/// A value for a URL's query string: everything but the unreserved characters
/// percent-encoded as UTF-8.
pub fn query_value(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The `?page=N` of a list (counted from 1; the first page when missing or not a number).
pub fn page_param(query: &leptos_router::params::ParamsMap) -> u32 {
    query
        .get("page")
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::query_value;

    #[test]
    fn reserved_and_non_ascii_characters_are_encoded() {
        assert_eq!(query_value("Müller & Co"), "M%C3%BCller%20%26%20Co");
        assert_eq!(query_value("a-b_c.d~e"), "a-b_c.d~e");
    }
}
