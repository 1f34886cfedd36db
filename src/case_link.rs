//! Case links: `#case=` followed by the case file, percent-encoded as
//! JavaScript's `encodeURIComponent` writes it (case-file.md).
//!
//! The fragment never reaches a server. [`fragment`] writes a link's fragment
//! and [`read_fragment`] reads one back; a link this module writes always reads
//! back to the same assessment. Both are pure and total.

use crate::case_file;
use crate::model::{Assessment, Case, FieldError};

/// The fragment key of a case.
pub const KEY: &str = "case=";

/// What a URL fragment holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    /// No case in the fragment (empty, or something else entirely).
    NoCase,
    /// A case, read with every error it has.
    Case(Case),
}

/// The fragment (without `#`) that opens this assessment.
pub fn fragment(a: &Assessment) -> String {
    format!("{KEY}{}", encode_uri_component(&case_file::write(a)))
}

/// Reads a URL fragment, with or without its leading `#`.
pub fn read_fragment(hash: &str) -> Fragment {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let Some(encoded) = hash.strip_prefix(KEY) else {
        return Fragment::NoCase;
    };
    match decode_uri_component(encoded) {
        Ok(text) => Fragment::Case(case_file::read(&text)),
        Err(message) => Fragment::Case(Case {
            assessment: Assessment::default(),
            errors: vec![FieldError::new(case_file::WHOLE, message)],
        }),
    }
}

/// Percent-encodes as `encodeURIComponent`: everything but
/// `A–Z a–z 0–9 - _ . ! ~ * ' ( )` becomes `%XX` per UTF-8 byte.
pub fn encode_uri_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')');
        if keep {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    out
}

/// Decodes `%XX` sequences (as `decodeURIComponent`); other characters pass
/// through, so a fragment a browser left partly decoded still reads.
pub fn decode_uri_component(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(b) => {
                    out.push(b);
                    i += 3;
                }
                None => {
                    return Err(format!(
                        "the case link is damaged: \"%\" at character {} is not followed by two hex digits \
                         (was the link cut short or edited?)",
                        i + 1
                    ))
                }
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| "the case link is damaged: it does not decode to text (was it edited?)".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn encodes_like_encode_uri_component() {
        // Values computed with encodeURIComponent in a browser.
        assert_eq!(encode_uri_component(r#"{"a":1}"#), "%7B%22a%22%3A1%7D");
        assert_eq!(encode_uri_component("A-z_0.9!~*'() +&=#%é"), "A-z_0.9!~*'()%20%2B%26%3D%23%25%C3%A9");
    }

    #[test]
    fn decodes_and_passes_through() {
        assert_eq!(decode_uri_component("%7B%22a%22%3A1%7D").as_deref(), Ok(r#"{"a":1}"#));
        assert_eq!(decode_uri_component(r#"{"a":1}"#).as_deref(), Ok(r#"{"a":1}"#));
        assert_eq!(decode_uri_component("%C3%A9+").as_deref(), Ok("é+"));
        assert!(decode_uri_component("%7").is_err());
        assert!(decode_uri_component("%zz").is_err());
        assert!(decode_uri_component("%FF").is_err());
        assert!(decode_uri_component("%%é").is_err());
    }

    #[test]
    fn reads_fragments() {
        assert_eq!(read_fragment(""), Fragment::NoCase);
        assert_eq!(read_fragment("#"), Fragment::NoCase);
        assert_eq!(read_fragment("#about"), Fragment::NoCase);
        let Fragment::Case(case) = read_fragment("#case=%7B%22schema%22%3A%22ecmo-case%2F1%22%7D") else {
            panic!("a case")
        };
        assert_eq!(case, Case::default());
        let Fragment::Case(case) = read_fragment("#case=%E0") else { panic!("a case") };
        assert_eq!(case.errors.len(), 1);
        assert_eq!(case.errors[0].path, "case");
    }

    #[test]
    fn a_written_link_reads_back() {
        let a = Assessment {
            indication: Some(Indication::RefractoryCardiacArrest),
            patient: Patient { age_years: Age::new(47), pregnancy: Some(Pregnancy::Postpartum) },
            arrest: Arrest {
                rhythm: Some(Rhythm::Pea),
                reversible_causes: vec![ReversibleCause::Hypoxia, ReversibleCause::Toxins],
                ..Arrest::default()
            },
            ..Assessment::default()
        };
        assert_eq!(read_fragment(&format!("#{}", fragment(&a))), Fragment::Case(Case::from(a)));
    }
}
