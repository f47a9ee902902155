use clap::Parser;
use kontor::config::{Cli, Config};
use std::process::ExitCode;

/// glibc's malloc keeps each thread's freed 19 MiB Argon2 block in that thread's arena: a
/// burst of logins left the process at over 200 MiB. mimalloc hands such memory back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::load(Cli::parse()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("kontor: {error}");
            return ExitCode::FAILURE;
        }
    };
    kontor::telemetry::init(config.log_format, &config.log_filter);
    match kontor::startup::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "Kontor stopped");
            ExitCode::FAILURE
        }
    }
}
