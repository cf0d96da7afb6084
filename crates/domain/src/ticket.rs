//! Tickets and their QR token: `base64url(format ‖ ticket id ‖ event id ‖ version ‖ signature)`.
//!
//! The token carries ids only, no personal data, and is signed with the instance's
//! Ed25519 key; a door device verifies it with the public key alone. 99 bytes give
//! 132 ASCII characters, which fit a version-8 QR code at error correction level M.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use uuid::Uuid;

pub use crate::entity::ticket::Model as Ticket;

const FORMAT_V1: u8 = 1;
const CLAIMS_LEN: usize = 1 + 16 + 16 + 2;
const TOKEN_LEN: usize = CLAIMS_LEN + 64;
/// Base64url length of a token; anything else is refused before decoding.
pub const TOKEN_CHARS: usize = (TOKEN_LEN * 8).div_ceil(6);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TicketClaims {
    pub ticket_id: Uuid,
    pub event_id: Uuid,
    pub version: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a valid ticket")]
pub struct InvalidTicket;

impl TicketClaims {
    fn to_bytes(self) -> [u8; CLAIMS_LEN] {
        let mut bytes = [0u8; CLAIMS_LEN];
        bytes[0] = FORMAT_V1;
        bytes[1..17].copy_from_slice(self.ticket_id.as_bytes());
        bytes[17..33].copy_from_slice(self.event_id.as_bytes());
        bytes[33..35].copy_from_slice(&self.version.to_be_bytes());
        bytes
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, InvalidTicket> {
        if bytes.len() != CLAIMS_LEN || bytes[0] != FORMAT_V1 {
            return Err(InvalidTicket);
        }
        let ticket_id = Uuid::from_slice(&bytes[1..17]).map_err(|_| InvalidTicket)?;
        let event_id = Uuid::from_slice(&bytes[17..33]).map_err(|_| InvalidTicket)?;
        let version = u16::from_be_bytes([bytes[33], bytes[34]]);
        Ok(TicketClaims { ticket_id, event_id, version })
    }
}

/// Signs tickets; holds the instance's private key.
#[derive(Clone)]
pub struct TicketSigner {
    key: SigningKey,
}

impl TicketSigner {
    pub fn from_secret(secret: [u8; 32]) -> Self {
        TicketSigner { key: SigningKey::from_bytes(&secret) }
    }

    pub fn verifier(&self) -> TicketVerifier {
        TicketVerifier { key: self.key.verifying_key() }
    }

    pub fn sign(&self, claims: TicketClaims) -> String {
        let claim_bytes = claims.to_bytes();
        let signature = self.key.sign(&claim_bytes);
        let mut token = Vec::with_capacity(TOKEN_LEN);
        token.extend_from_slice(&claim_bytes);
        token.extend_from_slice(&signature.to_bytes());
        URL_SAFE_NO_PAD.encode(token)
    }

    pub fn token_for(&self, ticket: &Ticket) -> String {
        self.sign(TicketClaims {
            ticket_id: ticket.id,
            event_id: ticket.event_id,
            version: u16::try_from(ticket.version).unwrap_or(u16::MAX),
        })
    }
}

/// Verifies tickets with the public key only, as a door device does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TicketVerifier {
    key: VerifyingKey,
}

impl TicketVerifier {
    pub fn public_key_base64(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.key.as_bytes())
    }

    pub fn verify(&self, token: &str) -> Result<TicketClaims, InvalidTicket> {
        let token = token.trim();
        if token.len() != TOKEN_CHARS {
            return Err(InvalidTicket);
        }
        let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| InvalidTicket)?;
        if bytes.len() != TOKEN_LEN {
            return Err(InvalidTicket);
        }
        let (claim_bytes, signature_bytes) = bytes.split_at(CLAIMS_LEN);
        let signature = Signature::from_slice(signature_bytes).map_err(|_| InvalidTicket)?;
        // verify_strict refuses the malleable signatures plain verify accepts, so one
        // ticket has exactly one valid token.
        self.key.verify_strict(claim_bytes, &signature).map_err(|_| InvalidTicket)?;
        TicketClaims::from_bytes(claim_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> TicketSigner {
        TicketSigner::from_secret([7u8; 32])
    }

    fn claims() -> TicketClaims {
        TicketClaims { ticket_id: Uuid::new_v4(), event_id: Uuid::new_v4(), version: 1 }
    }

    #[test]
    fn a_signed_token_verifies_with_the_public_key_alone() {
        let claims = claims();
        let token = signer().sign(claims);
        assert_eq!(token.len(), TOKEN_CHARS);
        assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(signer().verifier().verify(&token), Ok(claims));
    }

    #[test]
    fn every_changed_character_makes_the_token_invalid() {
        let token = signer().sign(claims());
        let verifier = signer().verifier();
        for position in 0..token.len() {
            let mut changed: Vec<u8> = token.clone().into_bytes();
            changed[position] = if changed[position] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(changed).unwrap_or_default();
            assert_eq!(verifier.verify(&changed), Err(InvalidTicket), "position {position}");
        }
    }

    #[test]
    fn truncated_extended_and_foreign_tokens_are_invalid() {
        let token = signer().sign(claims());
        let verifier = signer().verifier();
        assert_eq!(verifier.verify(&token[..token.len() - 1]), Err(InvalidTicket));
        assert_eq!(verifier.verify(&format!("{token}A")), Err(InvalidTicket));
        assert_eq!(verifier.verify(""), Err(InvalidTicket));
        let other = TicketSigner::from_secret([8u8; 32]).verifier();
        assert_eq!(other.verify(&token), Err(InvalidTicket));
    }
}
