"""Door page load time in Chromium with DevTools network throttling (issue 6: under
1 s on a throttled 3G profile). Starts nothing itself: give it a door link.

    pip install selenium            # test tooling, not a project dependency
    python3 bench/scripts/door_load.py http://127.0.0.1:8080/door/TOKEN [runs]

Profiles as in Chromium's DevTools presets: "Fast 3G" (562.5 ms latency, 1.44 Mbit/s
down, 675 kbit/s up) and "Regular 3G" here named "Slow 3G" (2 s latency, 400 kbit/s).
Each run uses a fresh browser profile (nothing cached, no service worker) and reports
when the load event fired (navigation timing), and how many bytes came over the wire.
"""

import statistics
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PROFILES = {
    "Fast 3G": dict(latency=562.5, downloadThroughput=1.44e6 / 8, uploadThroughput=675e3 / 8),
    "Slow 3G": dict(latency=2000, downloadThroughput=400e3 / 8, uploadThroughput=400e3 / 8),
}


def load_once(url, profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp()}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", dict(offline=False, **profile))
        driver.get(url)
        timing = driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "const r = performance.getEntriesByType('resource');"
            "return [n.loadEventEnd, n.transferSize + r.reduce((s, e) => s + e.transferSize, 0), r.length];"
        )
        return timing
    finally:
        driver.quit()


def main():
    url = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for name, profile in PROFILES.items():
        results = [load_once(url, profile) for _ in range(runs)]
        loads = [round(load) for load, _, _ in results]
        print(
            f"{name}: load {loads} ms (median {statistics.median(loads):.0f} ms), "
            f"{results[0][1]} bytes, {results[0][2]} further requests"
        )


if __name__ == "__main__":
    main()
