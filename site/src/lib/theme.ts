// The colour theme. Without a choice (or without JavaScript) pages follow the system setting: the
// stylesheet's colours are `light-dark()` pairs and the root's `color-scheme` is `light dark`. A choice
// made with the footer's switch is kept in localStorage and set as `data-theme` on <html>, which narrows
// `color-scheme` to that one theme.
//
// The script is inline in <head> so a kept choice applies before the first paint (a module script runs
// after it, and the page would flash the system's theme first). The site's policy refuses inline scripts
// unless their hash is listed: astro.config.ts lists this script's (`themeScriptHash`), so it must stay
// byte for byte what Base.astro renders. It also shows the switch, which is hidden without JavaScript,
// where it could do nothing.
import { createHash } from 'node:crypto';

/** The localStorage key, and the values a choice may have (anything else means "follow the system"). */
export const themeStorageKey = 'guildhall-theme';
export const themeChoices = ['system', 'light', 'dark'] as const;

export const themeScript = `(() => {
  const root = document.documentElement;
  const key = ${JSON.stringify(themeStorageKey)};
  const apply = (choice) => {
    if (choice === 'light' || choice === 'dark') root.dataset.theme = choice;
    else delete root.dataset.theme;
  };
  const kept = () => { try { return localStorage.getItem(key); } catch { return null; } };
  apply(kept());
  document.addEventListener('DOMContentLoaded', () => {
    const select = document.getElementById('theme-choice');
    if (!select) return;
    select.value = root.dataset.theme ?? 'system';
    select.closest('[hidden]')?.removeAttribute('hidden');
    select.addEventListener('change', () => {
      apply(select.value);
      try {
        if (root.dataset.theme) localStorage.setItem(key, root.dataset.theme);
        else localStorage.removeItem(key);
      } catch {
        // Storage refused (a private window, say): the choice lasts as long as this page.
      }
    });
  });
})();`;

/** The script's hash as Astro's `security.csp.scriptDirective.hashes` takes it. */
export const themeScriptHash: `sha256-${string}` = `sha256-${createHash('sha256').update(themeScript, 'utf8').digest('base64')}`;
