/** Debian's Chromium (package `chromium`), or CHROMIUM_PATH. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
