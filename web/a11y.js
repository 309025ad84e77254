// The page side of the DOM mirror: one real element per widget the app drew, with its role and
// accessible name, placed exactly over the widget. Screen readers read these, keyboards focus
// them, element.click() activates the widget, and a text field is a real <input> so phones raise
// their keyboard and Vietnamese IMEs compose into it.
const TAGS = { button: 'button', tab: 'button', link: 'a', checkbox: 'input', heading: 'h2', combobox: 'select',
  text: 'p', status: 'div', img: 'div' };

// What phones need to offer the right keyboard and autofill for each kind of field.
const INPUT_KINDS = {
  text: {},
  name: { autocomplete: 'name', autocapitalize: 'words' },
  tel: { type: 'tel', inputMode: 'tel', autocomplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autocomplete: 'email' },
  password: { type: 'password', autocomplete: 'current-password' },
  'new-password': { type: 'password', autocomplete: 'new-password' },
  otp: { inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6 },
  date: { type: 'date', autocomplete: 'bday' },
  day: { type: 'date' },  // a calendar day that is not a birthday (holidays)
  number: { inputMode: 'numeric' },
  decimal: { inputMode: 'decimal' },  // coordinates
  url: { type: 'url', inputMode: 'url', autocapitalize: 'off' },
};

function applyInputKind(el, kind = 'text') {
  if (el.dataset.kind === kind || el.tagName !== 'INPUT') return;
  el.dataset.kind = kind;
  const props = INPUT_KINDS[kind] ?? {};
  el.type = props.type ?? 'text';
  el.autocomplete = props.autocomplete ?? 'off';
  el.inputMode = props.inputMode ?? '';
  if (props.maxLength) el.maxLength = props.maxLength; else el.removeAttribute('maxlength');
  if (props.autocapitalize) el.setAttribute('autocapitalize', props.autocapitalize);
}

function syncOptions(select, node) {
  const options = node.options ?? [];
  const labels = [...select.options].map((o) => o.textContent);
  if (labels.length !== options.length + 1 || options.some((o, i) => labels[i + 1] !== o)) {
    const none = new Option('', '-1');
    select.replaceChildren(none, ...options.map((label, i) => new Option(label, String(i))));
  }
  if (select.value !== node.value) select.value = node.value;
}

export function createA11y(root, app) {
  const elements = new Map();  // id → element
  const appValues = new Map();  // id → the text the app holds for a field

  function make(node) {
    let el;
    if (node.role === 'textbox') {
      el = document.createElement(node.multiline ? 'textarea' : 'input');
      if (!node.multiline) el.type = 'text';
      el.autocomplete = 'off';
      el.addEventListener('input', () => app.setValue(node.id, el.value.normalize('NFC')));
      el.addEventListener('focus', () => app.focus(node.id, true));
      el.addEventListener('blur', () => {
        app.focus(node.id, false);
        // What the app holds (NFC, possibly corrected) shows again once editing ends.
        const held = appValues.get(node.id);
        if (held !== undefined && el.value !== held) el.value = held;
      });
    } else if (node.role === 'heading') {
      el = document.createElement(`h${Math.min(6, Math.max(1, node.level || 2))}`);
    } else if (node.role === 'combobox') {
      // A real <select>: phones open their own picker for it.
      el = document.createElement('select');
      el.addEventListener('change', () => app.setValue(node.id, el.value));
      el.addEventListener('focus', () => app.focus(node.id, true));
      el.addEventListener('blur', () => app.focus(node.id, false));
    } else if (node.role === 'text' || node.role === 'status') {
      el = document.createElement(TAGS[node.role]);
      if (node.role === 'status') el.setAttribute('role', 'status');
    } else if (node.role === 'img') {
      el = document.createElement(TAGS.img);
      el.setAttribute('role', 'img');
    } else {
      el = document.createElement(TAGS[node.role] || 'button');
      if (node.role === 'checkbox') el.type = 'checkbox';
      if (el.tagName === 'BUTTON') el.type = 'button';
      if (node.role === 'tab') el.setAttribute('role', 'tab');
      el.addEventListener('click', (event) => {
        // tel:, mailto: and web links do what links do; everything else is the app's to handle.
        const href = el.getAttribute('href');
        if (el.tagName === 'A' && href && !href.startsWith('#')) return;
        if (node.role !== 'checkbox') event.preventDefault();
        app.activate(el.dataset.id);
      });
    }
    el.dataset.id = node.id;
    el.dataset.role = node.role;
    if (!['textbox', 'combobox'].includes(node.role)) {
      // Keyboard and screen-reader focus: the app scrolls the widget into view.
      el.addEventListener('focus', () => app.focus(node.id, true));
      el.addEventListener('blur', () => app.focus(node.id, false));
    }
    return el;
  }

  function sync(el, node) {
    if (['heading', 'text', 'status'].includes(el.dataset.role)) {
      if (el.textContent !== node.name) el.textContent = node.name;
    } else if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.dataset.role === 'img') {
      if (el.getAttribute('aria-label') !== node.name) el.setAttribute('aria-label', node.name);
    } else if (el.textContent !== node.name) {
      el.textContent = node.name;
    }
    if (node.role === 'textbox' || node.role === 'combobox') {
      if (node.error) {
        el.setAttribute('aria-invalid', 'true');
        el.setAttribute('aria-description', node.error);
      } else {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-description');
      }
    }
    if (node.role === 'textbox') {
      applyInputKind(el, node.input);
      appValues.set(node.id, node.value ?? '');
      if (document.activeElement !== el && el.value !== (node.value ?? '')) el.value = node.value ?? '';
    }
    if (node.role === 'checkbox') el.checked = !!node.checked;
    if (node.role === 'combobox') syncOptions(el, node);
    if (node.role === 'tab') el.setAttribute('aria-selected', node.selected ? 'true' : 'false');
    else if (node.role === 'button') node.selected ? el.setAttribute('aria-pressed', 'true') : el.removeAttribute('aria-pressed');
    if (node.href) {
      el.setAttribute('href', node.href);
      // Web pages (links inside news articles) open in a new tab and keep the app where it was.
      if (/^https?:/.test(node.href)) {
        el.target = '_blank';
        el.rel = 'noopener noreferrer';
      }
    }
    el.disabled = !!node.disabled;
    const [cx, cy, cw, ch] = node.clip;
    const visible = cw > 0 && ch > 0;
    const [x, y, w, h] = visible ? node.clip : node.rect;
    el.classList.toggle('scrolled-away', !visible);
    Object.assign(el.style, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
  }

  return {
    update(json) {
      const nodes = JSON.parse(json);
      const seen = new Set();
      nodes.forEach((node, index) => {
        let el = elements.get(node.id);
        if (!el || el.dataset.role !== node.role) {
          el?.remove();
          el = make(node);
          elements.set(node.id, el);
        }
        sync(el, node);
        seen.add(node.id);
        // Reading and tab order follow drawing order.
        if (root.children[index] !== el) root.insertBefore(el, root.children[index] ?? null);
      });
      for (const [id, el] of elements) {
        if (seen.has(id)) continue;
        el.remove();
        elements.delete(id);
        appValues.delete(id);
      }
      document.dispatchEvent(new CustomEvent('cdscb-mirror', { detail: nodes.length }));
    },
    focus(id) {
      elements.get(id)?.focus();
    },
  };
}
