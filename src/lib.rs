//! chipscan: turns Chinese-language news about AI chips into market data.
//!
//! The work is split the way the data flows:
//! - [`load`] finds the inputs, decodes them (UTF-8, GBK/GB18030, Big5,
//!   UTF-16), cleans web-page artefacts, converts Traditional to Simplified and
//!   settles each document's publish date;
//! - [`extract`] reads prices, market shares, chips and export-control events
//!   out of a normalized [`load::Document`] as typed [`model::Record`]s;
//! - [`pipeline`] runs both over many documents in parallel, in order;
//! - [`report`], [`eval`] and [`check`] turn records into tables, scores and
//!   CI findings; [`cli`] is the command line around all of it.

pub mod catalog;
pub mod check;
pub mod cli;
pub mod eval;
pub mod lexicon;
pub mod extract;
pub mod load;
pub mod model;
pub mod money;
pub mod pipeline;
pub mod report;
pub mod text;
