//! Word lists searched in one pass: each list is an Aho-Corasick automaton
//! built once, so asking whether a clause holds any of fifty cue words costs
//! one scan of the clause, not fifty.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A list of words to find in text.
pub struct Words(AhoCorasick);

impl Words {
    pub fn new(words: &[&str]) -> Words {
        Words(
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                // Clauses are short: a prefilter costs more to start than it saves.
                .prefilter(false)
                .match_kind(MatchKind::LeftmostFirst)
                .build(words)
                .expect("word lists build an automaton"),
        )
    }

    /// A list whose order has no meaning (the lexicon's): at one place the
    /// longest word wins.
    pub fn longest(words: &[&str]) -> Words {
        Words(
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false)
                .match_kind(MatchKind::LeftmostLongest)
                .build(words)
                .expect("word lists build an automaton"),
        )
    }

    /// [`Words::longest`] for long texts (whole lines or documents), with a
    /// prefilter.
    pub fn longest_for_long_texts(words: &[&str]) -> Words {
        Words(
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .expect("word lists build an automaton"),
        )
    }

    /// A list searched in long texts (whole lines or documents), with a
    /// prefilter.
    pub fn for_long_texts(words: &[&str]) -> Words {
        Words(
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .expect("word lists build an automaton"),
        )
    }

    /// The first word of the list in `text` (earliest; at one place, the one
    /// listed first).
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.0.find(text).map(|m| m.range())
    }

    /// Whether `text` holds any word of the list.
    pub fn any(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The words of the list in `text`, one after another (none overlap).
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.0.find_iter(text).map(|m| m.range())
    }

    /// End of the last word of the list in `text`.
    pub fn last_end(&self, text: &str) -> Option<usize> {
        self.0.find_iter(text).last().map(|m| m.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earliest_word_and_the_first_listed_at_one_place() {
        let w = Words::new(&["禁售", "禁售名单", "被禁"]);
        let t = "RTX 4090因为性能密度超标而被列入禁售名单";
        assert_eq!(&t[w.find(t).unwrap()], "禁售");
        assert!(w.any("英伟达芯片被禁"));
        assert!(!w.any("英伟达芯片价格上涨"));
        assert_eq!(w.last_end("被禁,禁售"), Some("被禁,禁售".len()));
        let t = "被禁,禁售名单";
        assert_eq!(w.find_iter(t).map(|r| &t[r]).collect::<Vec<_>>(), vec!["被禁", "禁售"]);
        // A list of the lexicon: the longest word at one place, whatever the order.
        let w = Words::longest(&["禁售", "禁售名单", "被禁"]);
        assert_eq!(w.find_iter(t).map(|r| &t[r]).collect::<Vec<_>>(), vec!["被禁", "禁售名单"]);
    }
}
