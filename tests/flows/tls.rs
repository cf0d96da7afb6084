//! HTTPS with `--tls-cert/--tls-key`: a certificate made at test time, trusted by the
//! client alone; HTTP/2 when offered, HSTS, a renewed certificate picked up without a
//! restart, and the plain-HTTP redirect.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use domain::demo::TAG_SLUG;
use reqwest::header::{LOCATION, SET_COOKIE, STRICT_TRANSPORT_SECURITY};
use reqwest::{StatusCode, Version};
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use treffpunkt::tls::TlsFiles;
use uuid::Uuid;

use crate::support::TestApp;

/// A self-signed certificate for 127.0.0.1 and `door.test` (the browser test's name).
pub struct TestCertificate {
    pub pem: String,
    pub der: CertificateDer<'static>,
    pub key_pem: String,
}

impl TestCertificate {
    pub fn new() -> TestCertificate {
        let names = vec!["127.0.0.1".to_owned(), "localhost".to_owned(), "door.test".to_owned()];
        let made = rcgen::generate_simple_self_signed(names).expect("a self-signed certificate");
        TestCertificate {
            pem: made.cert.pem(),
            der: made.cert.der().clone(),
            key_pem: made.signing_key.serialize_pem(),
        }
    }
}

/// The certificate's two PEM files in a folder of their own, removed afterwards.
pub struct CertificateFiles {
    pub files: TlsFiles,
    folder: PathBuf,
}

impl CertificateFiles {
    pub fn write(certificate: &TestCertificate) -> CertificateFiles {
        let folder = std::env::temp_dir().join(format!("treffpunkt-tls-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&folder).expect("certificate folder");
        let files = TlsFiles { cert: folder.join("fullchain.pem"), key: folder.join("privkey.pem") };
        let written = CertificateFiles { files, folder };
        written.replace(certificate);
        written
    }

    /// Writes a certificate over the old files, as a renewal does.
    pub fn replace(&self, certificate: &TestCertificate) {
        std::fs::write(&self.files.cert, &certificate.pem).expect("write the certificate");
        std::fs::write(&self.files.key, &certificate.key_pem).expect("write the key");
    }
}

impl Drop for CertificateFiles {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// A server on HTTPS with the certificate in `files`, checking for renewals every 100 ms.
pub async fn spawn_https(files: &CertificateFiles) -> TestApp {
    let tls = files.files.clone();
    TestApp::spawn_with(|config| {
        config.tls = Some(tls);
        config.tls_reload_every = Duration::from_millis(100);
        config.redirect_http = Some("127.0.0.1:0".to_owned());
    })
    .await
}

/// A client that trusts `certificate` and nothing else.
fn client_trusting(certificate: &TestCertificate) -> reqwest::ClientBuilder {
    let root = reqwest::Certificate::from_pem(certificate.pem.as_bytes()).expect("the certificate as a root");
    reqwest::Client::builder()
        .tls_built_in_root_certs(false)
        .add_root_certificate(root)
        .redirect(reqwest::redirect::Policy::none())
}

/// The certificate the server presents to a new connection (trusting any of `trusted`).
async fn served_certificate(app: &TestApp, trusted: &[&TestCertificate]) -> CertificateDer<'static> {
    let mut roots = RootCertStore::empty();
    for certificate in trusted {
        roots.add(certificate.der.clone()).expect("trust the test certificate");
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    let address = app.base.trim_start_matches("https://");
    let tcp = tokio::net::TcpStream::connect(address).await.expect("connect");
    let name = ServerName::try_from("127.0.0.1").expect("server name");
    let stream = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await.expect("TLS handshake");
    let (_, connection) = stream.get_ref();
    connection.peer_certificates().and_then(|chain| chain.first()).expect("a server certificate").clone()
}

#[tokio::test]
async fn the_event_page_comes_over_https_with_hsts_and_http2_when_offered() {
    let certificate = TestCertificate::new();
    let files = CertificateFiles::write(&certificate);
    let app = spawn_https(&files).await;
    assert!(app.base.starts_with("https://"), "{}", app.base);

    let http2 = client_trusting(&certificate).build().expect("client");
    let response = http2.get(app.url(&format!("/events/{TAG_SLUG}?lang=en"))).send().await.expect("GET over HTTPS");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.version(), Version::HTTP_2, "ALPN chose HTTP/2");
    assert_eq!(response.headers().get(STRICT_TRANSPORT_SECURITY).expect("HSTS"), "max-age=31536000");
    let cookie = response.headers().get(SET_COOKIE).expect("the language cookie").to_str().expect("ASCII");
    assert!(cookie.contains("; Secure"), "cookies are Secure on HTTPS: {cookie}");
    assert!(response.text().await.expect("body").contains("<h1"), "the event page itself");

    let http1 = client_trusting(&certificate).http1_only().build().expect("client");
    let response = http1.get(app.url("/")).send().await.expect("GET over HTTPS/1.1");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.version(), Version::HTTP_11);
    assert!(response.headers().contains_key(STRICT_TRANSPORT_SECURITY));

    let stranger = reqwest::Client::builder().tls_built_in_root_certs(false).build().expect("client");
    assert!(stranger.get(app.url("/")).send().await.is_err(), "a client not trusting the certificate is refused");
}

#[tokio::test]
async fn plain_http_sends_no_hsts() {
    let app = TestApp::spawn().await;
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(!response.headers().contains_key(STRICT_TRANSPORT_SECURITY));
}

#[tokio::test]
async fn a_renewed_certificate_is_served_without_a_restart_and_a_broken_one_is_not() {
    let first = TestCertificate::new();
    let files = CertificateFiles::write(&first);
    let app = spawn_https(&files).await;
    assert_eq!(served_certificate(&app, &[&first]).await, first.der);

    // Half a renewal (a certificate whose key is not there yet) keeps the old one.
    let renewed = TestCertificate::new();
    std::fs::write(&files.files.cert, &renewed.pem).expect("write only the certificate");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(served_certificate(&app, &[&first, &renewed]).await, first.der, "a key that does not fit is not used");
    std::fs::write(&files.files.cert, "not a certificate").expect("write garbage");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(served_certificate(&app, &[&first, &renewed]).await, first.der, "garbage is not used");
    let response = client_trusting(&first).build().expect("client").get(app.url("/")).send().await;
    assert_eq!(response.expect("still served").status(), StatusCode::OK);

    files.replace(&renewed);
    let started = Instant::now();
    while served_certificate(&app, &[&first, &renewed]).await != renewed.der {
        assert!(started.elapsed() < Duration::from_secs(5), "the renewed certificate was not picked up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let response = client_trusting(&renewed).build().expect("client").get(app.url("/")).send().await;
    assert_eq!(response.expect("served with the renewed certificate").status(), StatusCode::OK);
}

#[tokio::test]
async fn plain_http_on_the_redirect_address_is_sent_to_the_same_page_on_https() {
    let certificate = TestCertificate::new();
    let files = CertificateFiles::write(&certificate);
    let app = spawn_https(&files).await;
    let redirect_base = app.redirect_base.clone().expect("a redirect listener");
    let path = format!("/events/{TAG_SLUG}?lang=uk&x=1");
    let response = app.client.get(format!("{redirect_base}{path}")).send().await.expect("plain GET");
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(response.headers().get(LOCATION).expect("Location"), &app.url(&path));
    assert!(!response.headers().contains_key(STRICT_TRANSPORT_SECURITY), "no HSTS on plain HTTP");
    let posted = app.client.post(format!("{redirect_base}/events/x/register")).send().await.expect("plain POST");
    assert_eq!(posted.status(), StatusCode::PERMANENT_REDIRECT, "a POST is redirected as a POST (308)");
    let followed = client_trusting(&certificate)
        .redirect(reqwest::redirect::Policy::limited(2))
        .build()
        .expect("client")
        .get(format!("{redirect_base}{path}"))
        .send()
        .await
        .expect("follow to HTTPS");
    assert_eq!(followed.status(), StatusCode::OK);
    assert!(followed.url().as_str().starts_with("https://"));
}

#[tokio::test]
async fn unusable_certificate_files_stop_the_start() {
    let certificate = TestCertificate::new();
    let other = TestCertificate::new();
    let files = CertificateFiles::write(&certificate);
    std::fs::write(&files.files.key, &other.key_pem).expect("write a key of another certificate");
    let data_dir = std::env::temp_dir().join(format!("treffpunkt-tls-start-{}", Uuid::new_v4().simple()));
    let config = treffpunkt::Config {
        tls: Some(files.files.clone()),
        ..treffpunkt::Config::new("127.0.0.1:0", data_dir.clone())
    };
    let refused = treffpunkt::Application::build(config).await;
    let _ = std::fs::remove_dir_all(&data_dir);
    let error = refused.err().expect("a key that does not fit the certificate stops the start").to_string();
    assert!(error.contains("does not fit"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn a_door_phone_checks_a_ticket_in_with_the_camera_over_https() {
    let certificate = TestCertificate::new();
    let files = CertificateFiles::write(&certificate);
    let app = spawn_https(&files).await;
    let path = app.register_confirmed("https-camera@example.org", &[]).await;
    let png = app.get(&format!("{path}/ticket.png")).await.bytes().await.expect("PNG over HTTPS");
    let video = app.data_dir().join("ticket.y4m");
    std::fs::write(&video, super::browser::y4m_of(&png)).expect("write the fake camera video");
    let device = app.door_device(TAG_SLUG, "Eingang HTTPS").await;
    // A name other than localhost: Chromium treats http://127.0.0.1 as secure too, so only
    // a real host name shows that HTTPS is what makes the page secure.
    let port = app.base.rsplit(':').next().expect("port").to_owned();
    let browser = crate::support::browser::Browser::start_with(&[
        "--ignore-certificate-errors".to_owned(),
        "--host-resolver-rules=MAP door.test 127.0.0.1".to_owned(),
        "--use-fake-device-for-media-stream".to_owned(),
        "--use-fake-ui-for-media-stream".to_owned(),
        format!("--use-file-for-fake-video-capture={}", video.display()),
    ])
    .await;
    browser.open(&format!("https://door.test:{port}/door/{device}?lang=de")).await;
    let secure = browser.script("return window.isSecureContext").await;
    let camera_api = browser.script("return typeof navigator.mediaDevices !== 'undefined'").await;
    let camera = browser.find("#door-camera").await;
    browser.click(&camera).await;
    let result = browser.wait_for_text("#door-result", "Einlass").await;
    // A door link typed with http:// ends on HTTPS.
    let redirect_base = app.redirect_base.clone().expect("redirect listener");
    let plain_port = redirect_base.rsplit(':').next().expect("port").to_owned();
    browser.open(&format!("http://door.test:{plain_port}/door/{device}")).await;
    let plain_page = browser.current_url().await;
    browser.quit().await;
    assert_eq!(secure, serde_json::Value::Bool(true), "window.isSecureContext over HTTPS");
    assert_eq!(camera_api, serde_json::Value::Bool(true), "navigator.mediaDevices exists over HTTPS");
    assert!(result.contains("Olena Kovalenko"), "checked in from the camera: {result}");
    assert!(plain_page.starts_with("https://"), "plain HTTP was redirected: {plain_page}");
}

#[tokio::test]
async fn a_redirect_to_a_plain_http_public_url_is_refused_at_start() {
    let certificate = TestCertificate::new();
    let files = CertificateFiles::write(&certificate);
    let data_dir = std::env::temp_dir().join(format!("treffpunkt-tls-start-{}", Uuid::new_v4().simple()));
    let config = treffpunkt::Config {
        tls: Some(files.files.clone()),
        redirect_http: Some("127.0.0.1:0".to_owned()),
        public_url: Some("http://anmeldung.example.org".to_owned()),
        ..treffpunkt::Config::new("127.0.0.1:0", data_dir.clone())
    };
    let refused = treffpunkt::Application::build(config).await;
    let _ = std::fs::remove_dir_all(&data_dir);
    let error = refused.err().expect("a redirect loop is refused").to_string();
    assert!(error.contains("must then be https"), "{error}");
}

#[tokio::test]
async fn a_client_that_never_finishes_the_handshake_is_disconnected() {
    use tokio::io::AsyncReadExt;
    let certificate = TestCertificate::new();
    let files = CertificateFiles::write(&certificate);
    let tls = files.files.clone();
    let app = TestApp::spawn_with(|config| {
        config.tls = Some(tls);
        config.header_read_timeout = Duration::from_millis(500);
    })
    .await;
    let address = app.base.trim_start_matches("https://").to_owned();
    let mut silent = tokio::net::TcpStream::connect(&address).await.expect("connect");
    let started = Instant::now();
    let mut buffer = [0_u8; 16];
    let read = tokio::time::timeout(Duration::from_secs(5), silent.read(&mut buffer)).await;
    assert!(matches!(read, Ok(Ok(0) | Err(_))), "closed, not kept open: {read:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "closed after the header-read timeout");
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK, "others are served meanwhile");
}
