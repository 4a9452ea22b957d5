//! The oracle's process: Oracle.cs compiled with `mcs` into the target folder, run once under
//! `mono` with every case on its standard input, and its answers read back, one line each
//! (the protocol is described at the top of Oracle.cs).

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Set to `1` to skip the differential test on a machine without Mono.
pub const SKIP_VAR: &str = "SCIM_ORACLE_SKIP";

/// One answer line, split: its kind (`ok`, `err`, `nogroup`, `nomatch`, `timeout`) and its
/// fields, strings decoded into UTF-16 units and the rest (`err`'s type name, `group`'s flag)
/// as they came.
#[derive(Clone, Debug)]
pub struct Answer {
    pub kind: String,
    pub texts: Vec<Vec<u16>>,
    pub words: Vec<String>,
}

/// A string as the protocol carries it: `x` and four hex digits per UTF-16 unit.
pub fn encode(units: &[u16]) -> String {
    let mut field = String::with_capacity(1 + 4 * units.len());
    field.push('x');
    for unit in units {
        field.push_str(&format!("{unit:04x}"));
    }
    field
}

fn decode(field: &str) -> Vec<u16> {
    let hex = &field[1..];
    assert_eq!(hex.len() % 4, 0, "the oracle sent a bad field: {field:.40}");
    (0..hex.len() / 4)
        .map(|i| u16::from_str_radix(&hex[4 * i..4 * i + 4], 16).expect("hex from the oracle"))
        .collect()
}

fn parse_answer(line: &str) -> Answer {
    let mut parts = line.split(' ');
    let kind = parts.next().unwrap_or_default().to_owned();
    let mut texts = Vec::new();
    let mut words = Vec::new();
    for part in parts {
        if part.starts_with('x') {
            texts.push(decode(part));
        } else {
            words.push(part.to_owned());
        }
    }
    Answer { kind, texts, words }
}

/// Whether the oracle can run here; `None` means the test is skipped on purpose.
/// Panics with what to do when Mono is missing and no skip was asked for.
pub fn available() -> Option<()> {
    let found = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    };
    if found("mono") && found("mcs") {
        return Some(());
    }
    if std::env::var(SKIP_VAR).as_deref() == Ok("1") {
        eprintln!("oracle: SKIPPED ({SKIP_VAR}=1): Mono is not installed, nothing was checked");
        return None;
    }
    panic!(
        "oracle: `mono` and `mcs` are needed for the differential test against .NET: run \
         scripts/setup.sh (it installs Debian's mono-runtime, mono-mcs and \
         libmono-system-core4.0-cil, pinned), or set {SKIP_VAR}=1 to skip it knowingly"
    );
}

/// Compiles Oracle.cs into the target folder.
fn compile() -> PathBuf {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/Oracle.cs");
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("oracle");
    std::fs::create_dir_all(&out_dir).expect("the target folder can be written");
    let exe = out_dir.join("Oracle.exe");
    let status = Command::new("mcs")
        .arg("-nologo")
        .arg("-optimize+")
        .arg(format!("-out:{}", exe.display()))
        .arg(&source)
        .status()
        .expect("mcs runs");
    assert!(
        status.success(),
        "mcs could not compile {}",
        source.display()
    );
    exe
}

/// Every request answered by one `mono` process, in order.
pub fn ask(requests: Vec<String>) -> Vec<Answer> {
    let exe = compile();
    // The server's zone in UTC: only what .NET reads without a zone (which the evaluator
    // declines) depends on it.
    let mut child = Command::new("mono")
        .arg(&exe)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("mono starts");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let count = requests.len();
    // Written from a thread of its own: the oracle answers while it reads, and both pipes'
    // buffers are small.
    let writer = std::thread::spawn(move || {
        let mut all = String::new();
        for request in requests {
            all.push_str(&request);
            all.push('\n');
        }
        stdin
            .write_all(all.as_bytes())
            .expect("the oracle reads its input");
    });
    let stdout = child.stdout.take().expect("piped stdout");
    let answers: Vec<Answer> = BufReader::new(stdout)
        .lines()
        .map(|line| parse_answer(&line.expect("the oracle writes UTF-8 lines")))
        .collect();
    writer.join().expect("the writer thread ends");
    let status = child.wait().expect("mono ends");
    assert!(status.success(), "the oracle failed: {status}");
    assert_eq!(answers.len(), count, "the oracle answered every case");
    answers
}
