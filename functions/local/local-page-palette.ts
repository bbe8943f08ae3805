// The colours of the pages the local gateway serves itself (the sign-in page, the caught mail), which
// are not built with the site: the site's own pairs (site/src/styles/global.css), each a light-dark()
// pair, on a root that follows the system's setting, so these pages turn dark when the site does.
// test/unit/local-page-palette.test.ts holds each pair to the site's.

/** The root's colour scheme, the site's colours these pages use, and the page's ink and paper. */
export const localPalette = `
  :root { color-scheme: light dark;
    --ink: light-dark(#1b1b1b, #ecebe6);
    --ink-soft: light-dark(#454545, #c4c1b8);
    --paper: light-dark(#faf8f3, #15171b);
    --card: light-dark(#ffffff, #1e2127);
    --accent: light-dark(#0b4f8a, #8cc4ff);
    --accent-soft: light-dark(#eaf2fb, #1b2c40);
    --line: light-dark(#d9d4c7, #3b4049);
    --focus: light-dark(#1b1b1b, #ecebe6);
    --caution: light-dark(#6b4700, #f2c66d);
    --caution-soft: light-dark(#fff4d6, #372b10);
    color: var(--ink); background: var(--paper); }
`;
