// Leaving the app for another page (VNeID login, a payment gateway), or a tel:/mailto: link.
export function createRedirect() {
  return {
    goTo(url) {
      const parsed = new URL(url, location.href);
      if (!['http:', 'https:', 'tel:', 'mailto:'].includes(parsed.protocol)) return;
      location.assign(parsed.href);
    },
    openInNewTab(url) {
      const parsed = new URL(url, location.href);
      if (!['http:', 'https:'].includes(parsed.protocol)) return;
      window.open(parsed.href, '_blank', 'noopener');
    },
  };
}
