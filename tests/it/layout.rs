//! layout: end-to-end tests.
