//! Decisions per second of the engine, natively: every teaching case read
//! from its case file once, then decided over and over.
//!     cargo run --release --example decide_bench
use std::hint::black_box;
use std::time::Instant;

use ecmo_aid::engine::decide;
use ecmo_aid::examples::EXAMPLES;

fn main() {
    let cases: Vec<_> = EXAMPLES.iter().map(|e| e.case()).collect();
    let rounds = 20_000;
    let start = Instant::now();
    let mut n = 0u64;
    for _ in 0..rounds {
        for c in &cases {
            black_box(decide(black_box(c)));
            n += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "engine: {n} decisions in {secs:.2} s: {:.0} decisions per second ({:.2} µs each)",
        n as f64 / secs,
        secs * 1e6 / n as f64
    );
    let texts: Vec<&str> = EXAMPLES.iter().map(|e| e.json).collect();
    let start = Instant::now();
    let mut m = 0u64;
    for _ in 0..2_000 {
        for t in &texts {
            black_box(decide(&ecmo_aid::case_file::read(black_box(t))));
            m += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("read + decide: {:.0} case files per second", m as f64 / secs);
}
