//! Resolutions inside a minute: "Resolved:", "RESOLVED that", "AGREED:", their
//! numbered, lettered and roman sub-items and vote notes ("(One abstention)").
//! Called by `minutes`; owns no minute structure.
