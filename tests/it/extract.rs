//! extract: end-to-end tests.
