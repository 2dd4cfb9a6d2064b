//! search: end-to-end tests.
