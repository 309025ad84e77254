// "Chia sẻ" a page of the app: the system share sheet where the browser has one (phones), else
// the address goes to the clipboard.
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

export function createShare() {
  return {
    async share(title, route) {
      const url = new URL(route, location.href).href;
      if (navigator.share && (!navigator.canShare || navigator.canShare({ title, url }))) {
        try {
          await navigator.share({ title, url });
          return 'shared';
        } catch (e) {
          if (e.name === 'AbortError') return 'cancelled';
          // NotAllowedError (no user gesture left) and others: fall back to copying.
        }
      }
      return (await copy(url)) ? 'copied' : 'failed';
    },
  };
}
