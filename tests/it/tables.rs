//! tables: end-to-end tests.
