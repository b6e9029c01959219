#!/usr/bin/env python3
"""A person's two clicks, in a real browser: Debian's Chromium, headless, driven by selenium (from the
repository's .venv, see scripts/install-deps.sh) through Debian's chromedriver; nothing is downloaded.

Opens the confirmation link, saves a screenshot, types a note, presses "Xác nhận đã hoàn thành", saves the
result, opens the link again (what a second visit shows), then each further page given with --page NAME=URL.
Prints one JSON object: the text each page showed, by screenshot name.

Without --link, only the pages are opened.

Usage: confirm_in_browser.py [--link URL] --screenshots DIR [--note TEXT] [--page NAME=URL ...]
"""
import argparse
import json
import os
import sys

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for a driver online

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1100,1000", "--lang=vi", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--disable-component-update"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--link")
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--note", default="")
    parser.add_argument("--page", action="append", default=[])
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    shown = {}
    driver = browser()
    driver.set_page_load_timeout(30)
    wait = WebDriverWait(driver, 20)

    def save(name):
        # The whole page, however long: the window is made as tall as the document first.
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1100, max(600, min(int(height) + 160, 6000)))
        driver.save_screenshot(os.path.join(args.screenshots, name + ".png"))
        shown[name] = driver.find_element(By.TAG_NAME, "body").text

    try:
        if args.link:
            driver.get(args.link)
            button = wait.until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "button[type=submit]")))
            if args.note:
                driver.find_element(By.ID, "note").send_keys(args.note)
            save("1-xac-nhan")
            button.click()
            wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "p.ok")))
            save("2-da-ghi-nhan")
            driver.get(args.link)
            wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "p.ok")))
            save("3-mo-lai")
        for page in args.page:
            name, url = page.split("=", 1)
            driver.get(url)
            wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))
            save(name)
        # What the browser itself refused (a Content-Security-Policy violation shows here).
        shown["console"] = [entry["message"] for entry in driver.get_log("browser")]
    finally:
        driver.quit()
    json.dump(shown, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
