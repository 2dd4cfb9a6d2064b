//! index: end-to-end tests.
