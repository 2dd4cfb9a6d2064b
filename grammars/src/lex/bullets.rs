//! List marks: the one set of characters that open a list item, wherever
//! a grammar reads a list (agenda sub-items, recommendation bullets,
//! report front-sheet lists, segmentation's title lines).

use nom::character::complete::{satisfy, space1};
use nom::combinator::eof;
use nom::{branch::alt, IResult, Parser};

/// Characters that mark a list item: typographic bullets, squares and
/// circles, arrows and check boxes, the section mark, dashes, the asterisk,
/// Word's "o" sub-bullet, and Wingdings glyphs in the private-use area.
pub fn is_bullet_char(c: char) -> bool {
    matches!(
        c,
        '·' | '•'
            | '◼'
            | '▪'
            | '■'
            | '●'
            | '○'
            | '◦'
            | '‣'
            | '⁃'
            | '❑'
            | '☑'
            | '✓'
            | '➢'
            | '§'
            | '-'
            | '–'
            | '*'
            | 'o'
    ) || ('\u{f000}'..='\u{f0ff}').contains(&c)
}

/// A bullet mark followed by a space (or nothing): "· ", "• ", "- ", "o ".
pub fn bullet(input: &str) -> IResult<&str, char> {
    let (rest, c) = satisfy(is_bullet_char).parse(input)?;
    let (rest, _) = alt((space1, eof)).parse(rest)?;
    Ok((rest, c))
}

/// Whether `t` opens with a bullet mark and a space.
pub fn starts_with_bullet(t: &str) -> bool {
    bullet(t).is_ok_and(|(rest, _)| !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets() {
        assert_eq!(bullet("· strengthen"), Ok(("strengthen", '·')));
        assert_eq!(bullet("- improve"), Ok(("improve", '-')));
        assert_eq!(bullet("◼ The quality"), Ok(("The quality", '◼')));
        assert_eq!(bullet("o High Needs"), Ok(("High Needs", 'o')));
        assert_eq!(bullet("\u{f0b7}\tx"), Ok(("x", '\u{f0b7}')));
        assert!(bullet("-1 degrees").is_err());
        assert!(bullet("Schools").is_err());
        assert!(bullet("of the").is_err());
        assert!(starts_with_bullet("• Early Years"));
        assert!(!starts_with_bullet("•"));
        assert!(!starts_with_bullet("-5%"));
    }
}
