//! The helpers' Web Worker (placeholder until the worker lands).
fn main() {}
