//! Real Chromium through chromedriver, spoken to over the W3C WebDriver protocol with
//! the HTTP client the tests already have (no WebDriver crate needed for a few calls).
//!
//! The browser tests are `#[ignore]`d, so a plain `cargo test` reports them as ignored;
//! `.ci/run` installs Debian's `chromium` and `chromium-driver` when they are missing and
//! runs them with `--ignored`. Started without Chromium, [`Browser::start`] fails the test.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
pub const ENTER: &str = "\u{E007}";
pub const TAB: &str = "\u{E004}";
pub const SPACE: &str = "\u{E00D}";

pub struct Browser {
    driver: Child,
    base: String,
    client: reqwest::Client,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn find_program(candidates: &[&str]) -> Option<String> {
    candidates.iter().find(|path| std::path::Path::new(path).exists()).map(|path| (*path).to_owned())
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session. The browser tests are marked
    /// `#[ignore]` (reported as ignored by a plain `cargo test`); run on purpose without
    /// Chromium, they fail instead of passing unseen.
    pub async fn start() -> Browser {
        Browser::start_with(&[]).await
    }

    /// A small phone: 320 CSS pixels wide (Chromium's mobile emulation; a headless window
    /// itself stays about 500 px wide at least).
    pub async fn start_phone() -> Browser {
        Browser::launch(&[], Some(json!({"deviceMetrics": {"width": 320, "height": 700, "pixelRatio": 2.0}}))).await
    }

    /// With extra Chromium switches, e.g. a fake camera that plays a video file.
    pub async fn start_with(extra_args: &[String]) -> Browser {
        Browser::launch(extra_args, None).await
    }

    async fn launch(extra_args: &[String], mobile_emulation: Option<Value>) -> Browser {
        const MISSING: &str = "this test needs Chromium and chromedriver (Debian: apt-get install chromium \
                               chromium-driver; .ci/run installs them), or CHROMIUM and CHROMEDRIVER set";
        let chromium = std::env::var("CHROMIUM")
            .ok()
            .or_else(|| find_program(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]))
            .expect(MISSING);
        let chromedriver =
            std::env::var("CHROMEDRIVER").ok().or_else(|| find_program(&["/usr/bin/chromedriver"])).expect(MISSING);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port for chromedriver")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let started = Instant::now();
        while client.get(format!("{base}/status")).send().await.is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not come up");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut browser = Browser { driver, base, client };
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--window-size=412,915",
            "--lang=de-DE",
        ]
        .iter()
        .map(|arg| (*arg).to_owned())
        .collect();
        args.extend(extra_args.iter().cloned());
        let mut options = json!({
            "binary": chromium,
            "args": args,
            "prefs": {"intl.accept_languages": "de-DE,de"}
        });
        if let Some(emulation) = mobile_emulation {
            options["mobileEmulation"] = emulation;
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": options
        }}});
        let session = browser.call("POST", "/session", Some(capabilities)).await;
        let id = session["sessionId"].as_str().expect("a WebDriver session").to_owned();
        browser.base = format!("{}/session/{id}", browser.base);
        browser
    }

    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        match self.try_call(method, path, body).await {
            Ok(value) => value,
            Err(answer) => panic!("WebDriver {method} {path}: {answer}"),
        }
    }

    /// A WebDriver command whose error (a stale element while a page loads) the caller handles.
    async fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, Value> {
        let url = format!("{}{path}", self.base);
        let request = match method {
            "GET" => self.client.get(url),
            "DELETE" => self.client.delete(url),
            _ => self.client.post(url).json(&body.unwrap_or_else(|| json!({}))),
        };
        let answer: Value = request.send().await.expect("WebDriver call").json().await.expect("WebDriver JSON");
        if answer["value"]["error"].is_null() { Ok(answer["value"].clone()) } else { Err(answer) }
    }

    /// The element's text, or `None` while the page is still changing.
    async fn try_text(&self, css: &str) -> Option<String> {
        let found =
            self.try_call("POST", "/element", Some(json!({"using": "css selector", "value": css}))).await.ok()?;
        let element = found[ELEMENT_KEY].as_str()?.to_owned();
        let text = self.try_call("GET", &format!("/element/{element}/text"), None).await.ok()?;
        text.as_str().map(str::to_owned)
    }

    pub async fn open(&self, url: &str) {
        self.call("POST", "/url", Some(json!({"url": url}))).await;
    }

    pub async fn current_url(&self) -> String {
        self.call("GET", "/url", None).await.as_str().unwrap_or_default().to_owned()
    }

    pub async fn find(&self, css: &str) -> String {
        let found = self.call("POST", "/element", Some(json!({"using": "css selector", "value": css}))).await;
        found[ELEMENT_KEY].as_str().unwrap_or_else(|| panic!("no element {css}: {found}")).to_owned()
    }

    /// The element that has the keyboard focus, as a scanner would type into it.
    pub async fn focused(&self) -> String {
        let found = self.call("GET", "/element/active", None).await;
        found[ELEMENT_KEY].as_str().expect("element id").to_owned()
    }

    pub async fn type_into(&self, element: &str, text: &str) {
        self.call("POST", &format!("/element/{element}/value"), Some(json!({"text": text}))).await;
    }

    pub async fn click(&self, element: &str) {
        self.call("POST", &format!("/element/{element}/click"), None).await;
    }

    pub async fn attribute(&self, element: &str, name: &str) -> String {
        self.call("GET", &format!("/element/{element}/attribute/{name}"), None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        self.call("GET", &format!("/element/{element}/text"), None).await.as_str().unwrap_or_default().to_owned()
    }

    pub async fn script(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({"script": script, "args": []}))).await
    }

    /// Waits until the element's text contains `expected`, for at most ten seconds.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> String {
        let started = Instant::now();
        loop {
            let text = self.try_text(css).await.unwrap_or_default();
            if text.contains(expected) || started.elapsed() > Duration::from_secs(10) {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Cuts the browser off the network (Chrome DevTools Protocol), or reconnects it.
    pub async fn set_offline(&self, offline: bool) {
        let conditions = json!({"offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1});
        self.call("POST", "/goog/cdp/execute", Some(json!({"cmd": "Network.enable", "params": {}}))).await;
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Network.emulateNetworkConditions", "params": conditions})),
        )
        .await;
    }

    /// Runs axe-core (vendored in tests/vendor) on the open page against WCAG 2.1 A and
    /// AA and returns the violations: rule, impact and up to three elements each.
    pub async fn accessibility_violations(&self) -> Vec<Value> {
        let axe = include_str!("../vendor/axe.min.js");
        self.call("POST", "/execute/sync", Some(json!({"script": axe, "args": []}))).await;
        let script = "const done = arguments[arguments.length - 1];\
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})\
              .then((result) => done(result.violations.map((v) => ({id: v.id, impact: v.impact,\
                 nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || ''))}))))\
              .catch((error) => done([{id: 'axe-error', impact: String(error)}]));";
        let found = self.call("POST", "/execute/async", Some(json!({"script": script, "args": []}))).await;
        found.as_array().cloned().unwrap_or_default()
    }

    /// Presses keys as a keyboard does, wherever the focus is (WebDriver actions).
    pub async fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                [
                    json!({"type": "keyDown", "value": key.to_string()}),
                    json!({"type": "keyUp", "value": key.to_string()}),
                ]
            })
            .collect();
        self.call(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        )
        .await;
    }

    /// The id of the focused element, empty when it has none.
    pub async fn focused_id(&self) -> String {
        self.script("return document.activeElement ? document.activeElement.id : ''")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Presses Tab until the element with this id has the focus (at most 60 times).
    pub async fn tab_to(&self, id: &str) {
        for _ in 0..60 {
            if self.focused_id().await == id {
                return;
            }
            self.press(TAB).await;
        }
        panic!("Tab never reached #{id}");
    }

    pub async fn quit(self) {
        self.call("DELETE", "", None).await;
    }
}
