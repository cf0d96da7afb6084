//! The application state every handler shares: one cheap clone.

use std::sync::Arc;

use domain::ticket::{TicketSigner, TicketVerifier};
use sea_orm::DatabaseConnection;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: DatabaseConnection,
    signer: TicketSigner,
    verifier: TicketVerifier,
    public_url: String,
}

impl AppState {
    /// `public_url` is how people reach this server (e.g. `https://anmeldung.example.org`),
    /// without a trailing slash; it goes into calendar files and printed door links.
    pub fn new(db: DatabaseConnection, signer: TicketSigner, public_url: &str) -> Self {
        let verifier = signer.verifier();
        AppState {
            inner: Arc::new(Inner { db, signer, verifier, public_url: public_url.trim_end_matches('/').to_owned() }),
        }
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.inner.db
    }

    pub fn signer(&self) -> &TicketSigner {
        &self.inner.signer
    }

    pub fn verifier(&self) -> &TicketVerifier {
        &self.inner.verifier
    }

    pub fn public_url(&self) -> &str {
        &self.inner.public_url
    }
}
