//! `treffpunkt`: serves the event system, or runs an operator command.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use clap::{Args, Parser, Subcommand};
use documents::mail::{SmtpSecurity, SmtpSettings};
use treffpunkt::{Application, Config, open_database};

/// `treffpunkt --version`: the release and the commit it was built from (see build.rs).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("TREFFPUNKT_COMMIT"), ")");

#[derive(Parser)]
#[command(name = "treffpunkt", version = VERSION, about = "Event registration, QR tickets and door check-in")]
struct Cli {
    #[command(flatten)]
    server: ServerArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Args)]
struct ServerArgs {
    /// Address and port to listen on.
    #[arg(long, env = "TREFFPUNKT_BIND", default_value = "127.0.0.1:8080", global = true)]
    bind: String,
    /// Folder for the SQLite database (and later the mail folder).
    #[arg(long, env = "TREFFPUNKT_DATA_DIR", default_value = "./data", global = true)]
    data_dir: PathBuf,
    /// `postgres://user@host/db` or `sqlite://file.db?mode=rwc`; default: SQLite in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// Public address for links in calendar files and door links, e.g. https://anmeldung.example.org.
    #[arg(long, env = "TREFFPUNKT_PUBLIC_URL", global = true)]
    public_url: Option<String>,
    /// Seed the demo events (Tag der Städtepartnerschaften, Reallabor, online info) into an empty database.
    #[arg(long, env = "TREFFPUNKT_DEMO", global = true)]
    demo: bool,
    /// Per-client rate limits on registration and check-in; `off` only for load tests.
    #[arg(long, env = "TREFFPUNKT_RATE_LIMITS", default_value = "on", value_parser = ["on", "off"], global = true)]
    rate_limits: String,
    /// SMTP server for outgoing mail; without it mails are written to DATA_DIR/mail as .eml files.
    #[arg(long, env = "TREFFPUNKT_SMTP_HOST", global = true)]
    smtp_host: Option<String>,
    #[arg(long, env = "TREFFPUNKT_SMTP_PORT", global = true)]
    smtp_port: Option<u16>,
    /// `starttls` (usually port 587), `tls` (implicit TLS, usually 465) or `none` (local relay only).
    #[arg(long, env = "TREFFPUNKT_SMTP_SECURITY", default_value = "starttls", value_parser = ["starttls", "tls", "none"], global = true)]
    smtp_security: String,
    #[arg(long, env = "TREFFPUNKT_SMTP_USER", global = true)]
    smtp_user: Option<String>,
    #[arg(long, env = "TREFFPUNKT_SMTP_PASSWORD", hide_env_values = true, global = true)]
    smtp_password: Option<String>,
    /// Sender of all e-mails.
    #[arg(long, env = "TREFFPUNKT_MAIL_FROM", default_value = treffpunkt::DEFAULT_SENDER, global = true)]
    mail_from: String,
    /// Hours before an event when attendees get a reminder e-mail.
    #[arg(long, env = "TREFFPUNKT_REMINDER_HOURS", default_value_t = 48, global = true)]
    reminder_hours: u32,
    /// Whether this instance sends mail from the outbox (`off`: other instances do; the
    /// mail still waits in the database, nothing is lost).
    #[arg(long, env = "TREFFPUNKT_MAIL_WORKER", default_value = "on", value_parser = ["on", "off"], global = true)]
    mail_worker: String,
    /// Seconds a client has to send a request's headers; also how long an idle keep-alive
    /// connection is kept.
    #[arg(long, env = "TREFFPUNKT_HEADER_READ_TIMEOUT", default_value_t = treffpunkt::DEFAULT_HEADER_READ_TIMEOUT.as_secs(), global = true)]
    header_read_timeout: u64,
    /// Seconds without a byte moving after which a connection is closed.
    #[arg(long, env = "TREFFPUNKT_IDLE_TIMEOUT", default_value_t = treffpunkt::DEFAULT_IDLE_TIMEOUT.as_secs(), global = true)]
    idle_timeout: u64,
    /// Open connections at most; lowered to what the limit of open files allows.
    #[arg(long, env = "TREFFPUNKT_MAX_CONNECTIONS", default_value_t = treffpunkt::DEFAULT_MAX_CONNECTIONS, global = true)]
    max_connections: usize,
    /// The reverse proxy in front (its address as the server sees it, e.g. 127.0.0.1):
    /// only its requests name the client, in the last `X-Forwarded-For` hop.
    #[arg(long, env = "TREFFPUNKT_TRUSTED_PROXY", global = true)]
    trusted_proxy: Option<std::net::IpAddr>,
    /// Folder for the server's own SQLite backups (none without it).
    #[arg(long, env = "TREFFPUNKT_BACKUP_DIR", global = true)]
    backup_dir: Option<PathBuf>,
    /// How often the server backs up: 30s, 15m, 6h, 1d.
    #[arg(long, env = "TREFFPUNKT_BACKUP_EVERY", default_value = "6h", value_parser = treffpunkt::backup::parse_interval, global = true)]
    backup_every: std::time::Duration,
    /// How many scheduled backups to keep; the oldest goes once a new one is verified.
    #[arg(long, env = "TREFFPUNKT_BACKUP_KEEP", default_value_t = 28, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    backup_keep: u32,
    /// Serve Prometheus metrics at /metrics on this address only, e.g. 127.0.0.1:9187.
    #[arg(long, env = "TREFFPUNKT_METRICS_BIND", global = true)]
    metrics_bind: Option<String>,
    /// `text` for people, `json` (one object a line) for log shippers.
    #[arg(long, env = "TREFFPUNKT_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"], global = true)]
    log_format: String,
    /// Serve HTTPS (HTTP/1.1 and HTTP/2) with this PEM certificate chain, e.g. certbot's
    /// fullchain.pem; checked every 30 s and reloaded when renewed. Needs --tls-key.
    #[arg(long, env = "TREFFPUNKT_TLS_CERT", requires = "tls_key", global = true)]
    tls_cert: Option<PathBuf>,
    /// The certificate's PEM private key, e.g. certbot's privkey.pem.
    #[arg(long, env = "TREFFPUNKT_TLS_KEY", requires = "tls_cert", global = true)]
    tls_key: Option<PathBuf>,
    /// Connections to PostgreSQL this instance opens at most; all instances together must
    /// stay below the server's max_connections. SQLite ignores it.
    #[arg(long, env = "TREFFPUNKT_DATABASE_POOL", default_value_t = domain::store::DEFAULT_POSTGRES_POOL, global = true)]
    database_pool: u32,
    /// With HTTPS: also answer plain HTTP on this address (e.g. 0.0.0.0:80) with a
    /// permanent redirect to the https public URL.
    #[arg(long, env = "TREFFPUNKT_REDIRECT_HTTP", requires = "tls_cert", global = true)]
    redirect_http: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Back-office accounts.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Door devices: phones, tablets or scanners that check tickets in.
    DoorDevice {
        #[command(subcommand)]
        action: DoorDeviceAction,
    },
    /// Copy the SQLite database to FILE while the server runs, and verify the copy
    /// (PostgreSQL: prints the pg_dump command to use instead).
    Backup {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Put a verified backup in place as DATA_DIR/treffpunkt.db; refused when the data
    /// folder has a database already.
    Restore {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
    /// Apply the database migrations and exit (the server also applies them at start).
    Migrate {
        /// Only list the migrations that are not applied yet; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Why a command failed: the operator asked for something it does not do (exit code 2,
/// like a wrong flag), or it could not be done (1).
enum Failure {
    Usage(String),
    Failed(String),
}

impl From<treffpunkt::backup::BackupError> for Failure {
    fn from(err: treffpunkt::backup::BackupError) -> Self {
        if err.is_refusal() { Failure::Usage(err.to_string()) } else { Failure::Failed(err.to_string()) }
    }
}

#[derive(Subcommand)]
enum AdminAction {
    /// Create an administrator. Without --password-stdin, prints a one-time link (valid
    /// 7 days) where the person chooses their own password; no password is ever printed.
    Create {
        #[arg(long)]
        email: String,
        /// The name shown in the back office and the audit log.
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// Read the password from the first line of standard input instead.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum DoorDeviceAction {
    /// Create a device for an event and print its token and door link.
    Create {
        /// The event's slug, as in /events/SLUG.
        #[arg(long)]
        event: String,
        /// A name door staff recognise, e.g. "Eingang Nord".
        #[arg(long)]
        name: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    // Colour codes only for a terminal: in a journal or a file they are noise.
    let logs = tracing_subscriber::fmt().with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    if cli.server.log_format == "json" {
        logs.json().with_env_filter(filter).init();
    } else {
        logs.with_env_filter(filter).init();
    }
    let config = Config {
        bind: cli.server.bind,
        data_dir: cli.server.data_dir,
        database_url: cli.server.database_url,
        public_url: cli.server.public_url,
        demo: cli.server.demo,
        rate_limits: cli.server.rate_limits == "on",
        smtp: cli.server.smtp_host.map(|host| SmtpSettings {
            host,
            port: cli.server.smtp_port,
            security: match cli.server.smtp_security.as_str() {
                "tls" => SmtpSecurity::Tls,
                "none" => SmtpSecurity::None,
                _ => SmtpSecurity::StartTls,
            },
            user: cli.server.smtp_user,
            password: cli.server.smtp_password,
        }),
        mail_from: cli.server.mail_from,
        reminder_hours: cli.server.reminder_hours,
        mail_worker: cli.server.mail_worker == "on",
        header_read_timeout: std::time::Duration::from_secs(cli.server.header_read_timeout),
        idle_timeout: std::time::Duration::from_secs(cli.server.idle_timeout),
        max_connections: cli.server.max_connections,
        trusted_proxy: cli.server.trusted_proxy,
        backups: cli.server.backup_dir.map(|dir| treffpunkt::backup::BackupSchedule {
            dir,
            every: cli.server.backup_every,
            keep: usize::try_from(cli.server.backup_keep).unwrap_or(usize::MAX),
        }),
        metrics_bind: cli.server.metrics_bind,
        tls: cli.server.tls_cert.zip(cli.server.tls_key).map(|(cert, key)| treffpunkt::tls::TlsFiles { cert, key }),
        tls_reload_every: treffpunkt::tls::DEFAULT_RELOAD_EVERY,
        redirect_http: cli.server.redirect_http,
        database_pool: cli.server.database_pool,
    };
    let outcome = match cli.command {
        None | Some(Command::Serve) => serve(config).await.map_err(Failure::Failed),
        Some(Command::DoorDevice { action: DoorDeviceAction::Create { event, name } }) => {
            create_door_device(&config, &event, &name).await.map_err(Failure::Failed)
        }
        Some(Command::Admin { action: AdminAction::Create { email, name, password_stdin } }) => {
            create_admin(&config, &email, &name, password_stdin).await.map_err(Failure::Failed)
        }
        Some(Command::Backup { to }) => backup(&config, &to).await,
        Some(Command::Restore { from }) => restore(&config, &from).await,
        Some(Command::Migrate { dry_run }) => migrate(&config, dry_run).await.map_err(Failure::Failed),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("treffpunkt: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("treffpunkt: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn backup(config: &Config, to: &std::path::Path) -> Result<(), Failure> {
    let written = treffpunkt::backup::backup(&config.database_url(), to).await?;
    println!("Backup written and verified: {} ({} bytes)", written.path.display(), written.bytes);
    Ok(())
}

async fn restore(config: &Config, from: &std::path::Path) -> Result<(), Failure> {
    if config.database_url.as_deref().is_some_and(|url| !url.starts_with("sqlite")) {
        return Err(Failure::Usage(
            "restore puts a SQLite backup into a data folder; restore PostgreSQL with pg_restore".to_owned(),
        ));
    }
    let restored = treffpunkt::backup::restore(from, &config.data_dir).await?;
    println!(
        "Restored {} to {}; start the server with --data-dir {}",
        from.display(),
        restored.display(),
        config.data_dir.display()
    );
    Ok(())
}

async fn serve(config: Config) -> Result<(), String> {
    let mut application = Application::build(config).await.map_err(|err| err.to_string())?;
    let address = application.address().map_err(|err| err.to_string())?;
    application.start_jobs();
    let scheme = if application.serves_https() { "https" } else { "http" };
    tracing::info!(version = VERSION, "Treffpunkt is listening on {scheme}://{address} (back office: /admin)");
    // Printed last, not logged: the link opens the first administrator account, and
    // nothing the start-up logs may bury it.
    if let Some(link) = application.setup_link().await.map_err(|err| err.to_string())? {
        println!(
            "\nNo administrator yet. Open this one-time link (valid 24 hours) to create one:\n{link}\n\
             (or: treffpunkt admin create --email you@example.org)\n"
        );
    }
    application.run_until_stopped().await.map_err(|err| err.to_string())
}

async fn migrate(config: &Config, dry_run: bool) -> Result<(), String> {
    let pending = treffpunkt::pending_migrations(config).await.map_err(|err| err.to_string())?;
    if pending.is_empty() {
        println!("The database is up to date: no migration is pending.");
        return Ok(());
    }
    let verb = if dry_run { "would apply" } else { "applies" };
    println!("{} pending migration(s); this {verb}:", pending.len());
    for name in &pending {
        println!("  {name}");
    }
    if !dry_run {
        open_database(config).await.map_err(|err| err.to_string())?;
        println!("Applied.");
    }
    Ok(())
}

async fn create_door_device(config: &Config, slug: &str, name: &str) -> Result<(), String> {
    let (pools, _) = open_database(config).await.map_err(|err| err.to_string())?;
    let db = pools.write;
    let event = domain::event::by_slug(&db, slug)
        .await
        .map_err(|err| err.to_string())?
        .ok_or_else(|| format!("there is no event with the slug {slug:?}"))?;
    let (device, token) = domain::door::create(&db, event.id, name, Utc::now())
        .await
        .map_err(|err| err.to_string())?
        .map_err(|invalid| format!("the device name is not usable ({})", invalid.code()))?;
    let base = config.public_url.clone().unwrap_or_else(|| format!("http://{}", config.bind));
    println!("Door device \"{}\" for {}", device.name, event.title_de);
    println!("token: {token}");
    println!("door link: {}{}", base.trim_end_matches('/'), site::urls::door(&token));
    Ok(())
}

async fn create_admin(config: &Config, email: &str, name: &str, password_stdin: bool) -> Result<(), String> {
    use domain::account::{self, Password, Role};
    let (pools, _) = open_database(config).await.map_err(|err| err.to_string())?;
    let email = domain::person::EmailAddress::parse(email)
        .map_err(|invalid| format!("the e-mail address is not usable ({})", invalid.code()))?;
    if password_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|err| err.to_string())?;
        let password = Password::parse(line.trim_end_matches(['\r', '\n']))
            .map_err(|invalid| format!("the password is not usable ({})", invalid.code()))?;
        let user = account::create_user(&pools.write, &email, name, password, Role::Administrator, Utc::now())
            .await
            .map_err(|err| err.to_string())?;
        println!("Administrator {} created.", user.email);
    } else {
        let token = account::invite_now(&pools.write, &email, Role::Administrator, Utc::now())
            .await
            .map_err(|err| err.to_string())?;
        let base = config.public_url.clone().unwrap_or_else(|| format!("http://{}", config.bind));
        println!("Open this one-time link (valid 7 days) to set the password of {}:", email.as_str());
        println!("{}{}", base.trim_end_matches('/'), site::urls::admin_account_link(&token));
    }
    Ok(())
}
