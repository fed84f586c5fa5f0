#!/usr/bin/env node
// A $BROWSER for the OAuth tests: opens the URL it is given in Debian's headless chromium
// through playwright-core, clicks Approve (or Deny when BC_BROWSER_ACTION=deny) on the
// sandbox's consent page, waits until the redirect to the driver's CallbackURL has loaded,
// and exits. No browser is ever downloaded: executablePath is the system chromium.
// BC_BROWSER_LOG, when set, gets one line per step (for the test's assertions and debugging).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const STEP_TIMEOUT_MS = 30000;

function log(line) {
  if (process.env.BC_BROWSER_LOG) {
    fs.appendFileSync(process.env.BC_BROWSER_LOG, `${new Date().toISOString()} ${line}\n`);
  }
}

async function main() {
  const url = process.argv[2];
  if (!url) {
    throw new Error('usage: bc-browser.js URL');
  }
  const action = process.env.BC_BROWSER_ACTION === 'deny' ? '#deny' : '#approve';
  const redirect = new URL(url).searchParams.get('redirect_uri') || '';
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-chromium-'));
  log(`open ${url}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic',
    ],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(url, { waitUntil: 'load' });
    log(`consent page loaded, clicking ${action}`);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(redirect), { waitUntil: 'load' }),
      page.click(action),
    ]);
    const result = await page.textContent('body');
    log(`redirect finished: ${result.replace(/\s+/g, ' ').trim()}`);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    log(`error: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
