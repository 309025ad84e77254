// "Chia sẻ" a page of the app (or a piece of text): the system share sheet where the browser has
// one (phones), else the address (or the text) goes to the clipboard.
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers, or no clipboard permission: a selected textarea and the copy command.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

// The share sheet with `data` when the browser can share it, else `fallback` copied.
async function offer(data, fallback) {
  if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (e) {
      if (e.name === 'AbortError') return 'cancelled';
      // NotAllowedError (no user gesture left) and others: fall back to copying.
    }
  }
  return (await copy(fallback)) ? 'copied' : 'failed';
}

export function createShare() {
  return {
    share(title, route) {
      const url = new URL(route, location.href).href;
      return offer({ title, url }, url);
    },
    // A piece of text (an API key shown once) rather than a page of the app.
    shareText(title, text) {
      return offer({ title, text }, text);
    },
  };
}
