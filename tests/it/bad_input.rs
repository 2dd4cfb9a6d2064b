//! bad_input: end-to-end tests.
