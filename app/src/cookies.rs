//! Reading one cookie out of a `Cookie` request header.

pub fn cookie_value<'a>(cookie_header: &'a str, name: &str) -> Option<&'a str> {
    cookie_header.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key.trim() == name).then(|| value.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::cookie_value;

    #[test]
    fn finds_the_named_cookie_only() {
        let header = "theme=dark; kontor_lang=en;kontor_session=abc=";
        assert_eq!(cookie_value(header, "kontor_lang"), Some("en"));
        assert_eq!(cookie_value(header, "kontor_session"), Some("abc="));
        assert_eq!(cookie_value(header, "lang"), None);
        assert_eq!(cookie_value("", "kontor_lang"), None);
    }
}
