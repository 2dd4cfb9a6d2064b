//! A criterion measurement of the benchmark thread's CPU time
//! (`CLOCK_THREAD_CPUTIME_ID`) instead of wall time: on a machine shared
//! with other jobs, wall time counts the time the thread waited for a core;
//! CPU time does not. Chosen with `AGENDEX_BENCH_CPU=1`, which every bench
//! that includes this module honours; figures then read "per CPU-second".

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput};

/// The settings these benches share: short runs, fit for a 2-core machine,
/// overridable from the command line.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
        .configure_from_args()
}

/// CPU time of the calling thread, in nanoseconds.
pub struct CpuTime;

/// CPU time of `clock` (a thread's or the process's), in nanoseconds.
pub fn cpu_ns(clock: libc::clockid_t) -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock ids used here
    // are constants every Linux kernel since 2.6.12 knows.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime({clock})");
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// What `fastest` measured of one function: CPU time per call in the
/// fastest sample and the median sample.
#[allow(dead_code)] // the grammars bench's; the index bench shares this module
pub struct Fastest {
    pub fastest_ns: f64,
    pub median_ns: f64,
    pub samples: usize,
}

/// CPU time of one call of `f` on this thread, as `samples` samples of
/// at least `sample_ns` of CPU time each (enough calls per sample to fill
/// it), after one warm-up sample. The fastest sample is the one the other
/// jobs on the machine disturbed least (a core's caches and its frequency
/// shared with other work only ever add time): it is the repeatable
/// figure on a loaded machine; the median is reported beside it.
#[allow(dead_code)] // the grammars bench's; the index bench shares this module
pub fn fastest(samples: usize, sample_ns: u64, mut f: impl FnMut()) -> Fastest {
    // Calls per sample, from the time of one call (and a warm-up).
    let start = thread_cpu_ns();
    let mut calls = 0u64;
    while thread_cpu_ns() - start < sample_ns || calls < 3 {
        f();
        calls += 1;
    }
    let per = (thread_cpu_ns() - start) as f64 / calls as f64;
    let calls = ((sample_ns as f64 / per).ceil() as u64).max(1);
    let mut per_call: Vec<f64> = (0..samples.max(1))
        .map(|_| {
            let t = thread_cpu_ns();
            for _ in 0..calls {
                f();
            }
            (thread_cpu_ns() - t) as f64 / calls as f64
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    Fastest {
        fastest_ns: per_call[0],
        median_ns: per_call[per_call.len() / 2],
        samples: per_call.len(),
    }
}

fn thread_cpu_ns() -> u64 {
    cpu_ns(libc::CLOCK_THREAD_CPUTIME_ID)
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (div, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e3, "µs cpu")
        } else if typical < 1e9 {
            (1e6, "ms cpu")
        } else {
            (1e9, "s cpu")
        };
        values.iter_mut().for_each(|v| *v /= div);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let (per, unit) = match t {
            Throughput::Bytes(b) | Throughput::BytesDecimal(b) => {
                (*b as f64 / 1_048_576.0, "MiB/cpu-s")
            }
            Throughput::Elements(e) => (*e as f64, "elem/cpu-s"),
        };
        values.iter_mut().for_each(|v| *v = per / (*v * 1e-9));
        unit
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
