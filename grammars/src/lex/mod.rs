//! The lexemes every stage shares, and the one pass that lexes a file's
//! lines with them (`lex_pages`): folding a line's text, list marks, the
//! number opening a line and its style, dates and month names, HTML
//! fragments in cells, sentences, title case, decision status (numbers,
//! key decision, exemption). Small functions and nom
//! parsers; no document structure.

mod bullets;
mod dates;
mod fold;
mod html;
mod line;
mod number;
mod sentences;
mod status;
mod words;

pub use bullets::{bullet, is_bullet_char, starts_with_bullet};
pub use dates::{
    find_date, find_date_at, is_month_name, long_date, month_year, numeric_date, MONTHS,
};
pub use fold::{
    contains_lower, eq_lower, fold, fold_html, fold_into, holds_letter_pair, is_folded,
    is_furniture, is_furniture_plain, plain, plain_cells, plain_cells_cow, plain_cow, split_words,
};
pub use html::strip_html;
pub use line::{lex_line, lex_pages, LexedLine};
pub use number::{count_value, lead_number, LeadNumber, NumberStyle};
pub use sentences::{sentence_spans, sentences};
pub use status::{
    decision_number, exempt_paragraph, exempt_value, key_decision_value, publication_marking,
    section_marking, yes_no,
};
pub use words::{
    is_letter_formula, is_meeting_role, is_name_title, minutes_title, title_case, MinutesTitle,
    MEETING_ROLES, SMALL_WORDS,
};
