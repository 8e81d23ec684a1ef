// Makes sure the browser tests have a Chromium. Installs Debian's package when running
// as root with apt-get (saying so); otherwise fails with the exact command to run.
// Also makes sure of a Chinese font, so the screenshots of the Chinese interface show
// characters instead of empty boxes (the tests pass either way; a person looks at them).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const INSTALL = 'apt-get update && apt-get install -y chromium';
/** Debian's smallest complete CJK font (1.6 MB download). */
const FONT_INSTALL = 'apt-get update && apt-get install -y fonts-wqy-microhei';

let found = findChromium();
if (!found && process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  process.exit(1);
}
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`No Chromium found: installing Debian's chromium package (${INSTALL}).`);
    execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: 'inherit' });
    found = findChromium();
  }
}
if (!found) {
  console.error('No Chromium found for the browser tests. Install one with:');
  console.error(`  sudo sh -c '${INSTALL}'`);
  console.error('or point CHROMIUM_PATH at a Chromium or Chrome binary.');
  process.exit(1);
}
console.log(`Browser tests use ${found}`);

/** Whether fontconfig knows a font with Chinese glyphs (false where fc-list is missing). */
function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

if (!hasChineseFont()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(
      `No Chinese font found: installing Debian's fonts-wqy-microhei for the screenshots (${FONT_INSTALL}).`,
    );
    try {
      execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${FONT_INSTALL}`], {
        stdio: 'inherit',
      });
    } catch {
      // Only the screenshots need it: the tests go on.
      console.log(
        'Installing the font failed: the Chinese screenshots will show boxes; the tests go on.',
      );
    }
  } else {
    console.log(
      `No Chinese font found: the Chinese screenshots will show boxes. To fix: sudo sh -c '${FONT_INSTALL}'`,
    );
  }
}
