use super::FieldError;

/// A person's first or last name.
pub const MAX_NAME_CHARS: usize = 100;
/// A company's name, a street, an account holder.
pub const MAX_COMPANY_CHARS: usize = 200;

/// One line of text a person typed: a name, a street, a city. Trimmed, not empty, at most
/// `max_chars` characters, and free of control characters (which only arrive by accident or
/// with bad intent, and would break mails and exports).
pub fn single_line(input: &str, max_chars: usize) -> Result<String, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::Missing);
    }
    if text.chars().count() > max_chars {
        return Err(FieldError::TooLong { max_chars });
    }
    if text.chars().any(char::is_control) {
        return Err(FieldError::ControlCharacters);
    }
    Ok(text.to_owned())
}

/// An optional field: empty input is `None`, anything else must be a valid `single_line`.
pub fn optional_line(input: &str, max_chars: usize) -> Result<Option<String>, FieldError> {
    match single_line(input, max_chars) {
        Err(FieldError::Missing) => Ok(None),
        other => other.map(Some),
    }
}

/// Text over several lines (a description, an announcement's body): trimmed, with Unix line
/// breaks, not empty, at most `max_chars` characters.
pub fn text_block(input: &str, max_chars: usize) -> Result<String, FieldError> {
    let text = input.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(FieldError::Missing);
    }
    if text.chars().count() > max_chars {
        return Err(FieldError::TooLong { max_chars });
    }
    Ok(text)
}

/// A phone number as people write it: digits with `+`, spaces, `/`, `-`, `.` and brackets;
/// at least six digits.
pub fn phone_number(input: &str) -> Result<String, FieldError> {
    let phone = single_line(input, 30)?;
    let allowed = |c: char| c.is_ascii_digit() || " +/-.()".contains(c);
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !phone.chars().all(allowed) || digits < 6 || phone[1..].contains('+') {
        return Err(FieldError::InvalidPhone);
    }
    Ok(phone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_trimmed_and_bounded() {
        assert_eq!(
            single_line("  Müller & Söhne  ", 20).unwrap(),
            "Müller & Söhne"
        );
        assert_eq!(single_line("   ", 20), Err(FieldError::Missing));
        assert_eq!(
            single_line("ä".repeat(21).as_str(), 20),
            Err(FieldError::TooLong { max_chars: 20 })
        );
        assert!(single_line("ä".repeat(20).as_str(), 20).is_ok());
    }

    #[test]
    fn control_characters_are_refused() {
        for bad in ["Max\nMuster", "Max\tMuster", "Max\u{0}", "A\u{1b}[31m"] {
            assert_eq!(
                single_line(bad, 50),
                Err(FieldError::ControlCharacters),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn optional_lines_may_be_empty() {
        assert_eq!(optional_line(" ", 10), Ok(None));
        assert_eq!(optional_line("x", 10), Ok(Some("x".into())));
        assert!(optional_line("x\ny", 10).is_err());
    }

    #[test]
    fn phone_numbers_as_people_write_them() {
        for good in [
            "+49 30 1234567",
            "030/123 45-67",
            "(0)89 12.34.56",
            "0049301234567",
        ] {
            assert!(phone_number(good).is_ok(), "{good}");
        }
        for bad in ["12345", "030 CALL-ME", "49+30123456", "+49 30 123 ext 4"] {
            assert_eq!(phone_number(bad), Err(FieldError::InvalidPhone), "{bad}");
        }
    }
}
