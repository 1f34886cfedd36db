//! Reading grade: the Flesch–Kincaid grade level of a text, with a simple
//! syllable counter. Pure and total.
//!
//! grade = 0.39 × words / sentences + 11.8 × syllables / words − 15.59
//!
//! A sentence ends at `.`, `!` or `?` followed by a space or the end, and at
//! the end of a line that has words but no closing mark (a heading, a label, a
//! list item). A word is a run of non-space characters holding a letter or a
//! digit. Syllables are counted by vowel groups, less a silent final `e`,
//! `-ed` or `-es`, at least one per word.

/// The Flesch–Kincaid grade level of `text`; 0 for a text with no words.
pub fn flesch_kincaid_grade(text: &str) -> f64 {
    let c = counts(text);
    if c.words == 0 {
        return 0.0;
    }
    let words = c.words as f64;
    let sentences = c.sentences.max(1) as f64;
    0.39 * words / sentences + 11.8 * c.syllables as f64 / words - 15.59
}

/// Words, sentences and syllables of a text, as the grade counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

/// Counts words, sentences and syllables.
pub fn counts(text: &str) -> Counts {
    let mut c = Counts::default();
    for line in text.lines() {
        let mut open = false; // words since the last sentence end
        for token in line.split_whitespace() {
            if !token.chars().any(char::is_alphanumeric) {
                continue;
            }
            c.words += 1;
            c.syllables += syllables(token);
            open = true;
            let end = token.trim_end_matches(['"', '\'', ')', '”', '’']);
            if end.ends_with(['.', '!', '?']) {
                c.sentences += 1;
                open = false;
            }
        }
        if open {
            c.sentences += 1;
        }
    }
    c
}

/// Words in a text (runs of non-space characters holding a letter or digit).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).count()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Syllables in one word, at least 1. A number counts one per digit.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    if w.is_empty() {
        return word.chars().filter(char::is_ascii_digit).count().max(1);
    }
    if w.len() <= 3 {
        return 1;
    }
    let mut count = 0usize;
    let mut prev_vowel = false;
    for (i, &ch) in w.iter().enumerate() {
        // A leading `y` is a consonant (yes, you).
        let v = is_vowel(ch) && !(i == 0 && ch == 'y');
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    let n = w.len();
    let at = |k: usize| w.get(n.wrapping_sub(k)).copied().unwrap_or(' ');
    // Silent endings: "machine", "while" (but "people", "able"), "used", "makes".
    let silent = match (at(2), at(1)) {
        ('l', 'e') => is_vowel(at(3)),
        (_, 'e') => !is_vowel(at(2)),
        ('e', 'd') => !matches!(at(3), 't' | 'd') && !is_vowel(at(3)),
        ('e', 's') => {
            let sibilant =
                matches!(at(3), 's' | 'x' | 'z' | 'c' | 'g') || (at(3) == 'h' && matches!(at(4), 'c' | 's'));
            !(sibilant || is_vowel(at(3)))
        }
        _ => false,
    };
    if silent && count > 1 {
        count -= 1;
    }
    // A final "ia" is two syllables ("ischaemia", "via").
    if at(2) == 'i' && at(1) == 'a' {
        count += 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_of_common_words() {
        for (w, n) in [
            ("the", 1),
            ("blood", 1),
            ("machine", 2),
            ("people", 2),
            ("while", 1),
            ("used", 1),
            ("started", 2),
            ("makes", 1),
            ("chances", 2),
            ("oxygenator", 5),
            ("heparin", 3),
            ("ECMO", 2),
            ("ischaemia", 4),
            ("relative's", 3),
            ("heart-lung", 2),
            ("76", 2),
            ("yes", 1),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    #[test]
    fn grade_of_simple_and_hard_text() {
        assert_eq!(flesch_kincaid_grade(""), 0.0);
        assert_eq!(flesch_kincaid_grade("  -- "), 0.0);
        let easy = flesch_kincaid_grade("The cat sat on the mat. It was a big cat.");
        assert!(easy < 2.0, "{easy}");
        let hard = flesch_kincaid_grade(
            "Venoarterial extracorporeal membrane oxygenation provides temporary circulatory \
             support, facilitating myocardial recovery in postcardiotomy cardiogenic shock.",
        );
        assert!(hard > 14.0, "{hard}");
    }

    #[test]
    fn lines_without_a_stop_are_sentences() {
        let c = counts("What ECMO is\nIt is a machine. It helps");
        assert_eq!(c.sentences, 3);
        assert_eq!(c.words, 9);
    }
}
