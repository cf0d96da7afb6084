//! HTTPS with the operator's own certificate (`--tls-cert/--tls-key`, PEM): the rustls
//! server configuration, and the watch that swaps in renewed files (certbot renews every
//! two months; a restart must not be needed for that).

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::crypto::{CryptoProvider, ring};
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::server::{ClientHello, ResolvesServerCert};
use tokio_rustls::rustls::sign::CertifiedKey;
use tokio_rustls::rustls::{self, ServerConfig};

/// How often the files are checked for a renewal: a stat of two files, so cheap; a renewed
/// certificate is served within this time.
pub const DEFAULT_RELOAD_EVERY: Duration = Duration::from_secs(30);

/// The certificate chain and its private key, both PEM files.
#[derive(Clone, Debug)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0} holds no PEM certificate")]
    NoCertificate(PathBuf),
    #[error("{0} is not a PEM certificate chain: {1}")]
    Certificate(PathBuf, rustls::pki_types::pem::Error),
    #[error("{0} is not a PEM private key: {1}")]
    Key(PathBuf, rustls::pki_types::pem::Error),
    #[error("the key {key} does not fit the certificate {cert}: {error}")]
    Mismatch { cert: PathBuf, key: PathBuf, error: rustls::Error },
    #[error("TLS settings: {0}")]
    Settings(#[from] rustls::Error),
}

/// The ring provider: the one sqlx and lettre already use, so the binary carries one
/// TLS implementation.
fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// What HTTPS needs at run time: the acceptor for the accept loop and the watch that
/// keeps its certificate current.
pub struct Https {
    pub acceptor: TlsAcceptor,
    pub reloader: Reloader,
}

impl Https {
    /// Reads the files (a start-up error if they are unusable) and builds the acceptor:
    /// HTTP/2 and HTTP/1.1 offered by ALPN, TLS 1.2 and 1.3.
    pub async fn load(files: TlsFiles, reload_every: Duration) -> Result<Https, TlsError> {
        let provider = provider();
        let stamp = Stamp::of(&files).await;
        let key = load_certified_key(&files, &provider).await?;
        let current = Arc::new(CurrentCertificate(RwLock::new(Arc::new(key))));
        let mut config = ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_cert_resolver(current.clone());
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Https {
            acceptor: TlsAcceptor::from(Arc::new(config)),
            reloader: Reloader { files, provider, current, stamp, reload_every },
        })
    }
}

/// The certificate every new handshake gets; swapped when the files change.
#[derive(Debug)]
struct CurrentCertificate(RwLock<Arc<CertifiedKey>>);

impl ResolvesServerCert for CurrentCertificate {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone())
    }
}

/// Watches the two files and loads them again when either changed.
pub struct Reloader {
    files: TlsFiles,
    provider: Arc<CryptoProvider>,
    current: Arc<CurrentCertificate>,
    stamp: Option<Stamp>,
    reload_every: Duration,
}

impl Reloader {
    /// Checks the files every `reload_every` until the process ends. A file that does not
    /// load (certbot writes the certificate and the key one after the other, an operator
    /// may copy a wrong file) leaves the old certificate in place; the error is logged
    /// at every check until the files are usable again.
    pub async fn watch(mut self) {
        let mut ticks = tokio::time::interval(self.reload_every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        ticks.tick().await;
        loop {
            ticks.tick().await;
            self.reload_if_changed().await;
        }
    }

    async fn reload_if_changed(&mut self) {
        let stamp = Stamp::of(&self.files).await;
        if stamp.is_none() || stamp == self.stamp {
            if stamp.is_none() {
                tracing::error!(cert = %self.files.cert.display(), key = %self.files.key.display(),
                    "the TLS files are missing; still serving the certificate loaded before");
            }
            return;
        }
        match load_certified_key(&self.files, &self.provider).await {
            Ok(key) => {
                *self.current.0.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(key);
                self.stamp = stamp;
                tracing::info!(cert = %self.files.cert.display(), "loaded the renewed TLS certificate");
            }
            Err(err) => {
                tracing::error!(error = %err, "the changed TLS files do not load; still serving the certificate loaded before");
            }
        }
    }
}

/// When and how large the two files were: a change in either means a renewal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    cert: (Option<SystemTime>, u64),
    key: (Option<SystemTime>, u64),
}

impl Stamp {
    async fn of(files: &TlsFiles) -> Option<Stamp> {
        Some(Stamp { cert: file_stamp(&files.cert).await?, key: file_stamp(&files.key).await? })
    }
}

async fn file_stamp(path: &Path) -> Option<(Option<SystemTime>, u64)> {
    // `metadata` follows symbolic links, so certbot's `live/` links to the newest
    // `archive/` files count as changed when they point elsewhere.
    let metadata = tokio::fs::metadata(path).await.ok()?;
    Some((metadata.modified().ok(), metadata.len()))
}

async fn load_certified_key(files: &TlsFiles, provider: &CryptoProvider) -> Result<CertifiedKey, TlsError> {
    let cert_pem = tokio::fs::read(&files.cert).await.map_err(|err| TlsError::Read(files.cert.clone(), err))?;
    let key_pem = tokio::fs::read(&files.key).await.map_err(|err| TlsError::Read(files.key.clone(), err))?;
    let chain = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| TlsError::Certificate(files.cert.clone(), err))?;
    if chain.is_empty() {
        return Err(TlsError::NoCertificate(files.cert.clone()));
    }
    let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|err| TlsError::Key(files.key.clone(), err))?;
    CertifiedKey::from_der(chain, key, provider).map_err(|error| TlsError::Mismatch {
        cert: files.cert.clone(),
        key: files.key.clone(),
        error,
    })
}
