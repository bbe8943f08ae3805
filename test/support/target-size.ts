// WCAG 2.2's target size (minimum), 2.5.8, as geometry: a target at least 24 × 24 CSS px passes; a
// smaller one passes when a 24 px circle centred on it touches no other target and no other small
// target's circle (the spacing exception); an inline link in a sentence is exempt. The page measures
// (`measureScript`), this decides, so the rule can be tried on shapes without a browser.

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Target extends Box {
  id: number;
  /** What a person would recognise: the element, its text, its class. */
  what: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /**
   * The boxes it is drawn in, when not one: a link wrapped over two lines is two boxes, and its
   * bounding box (the fields above) would cover the words and links beside it on both lines.
   */
  fragments?: Box[];
  /** An inline link in a sentence: exempt, though other targets keep their distance from it. */
  inline: boolean;
  /** Targets inside this one or around it (a link in a summary): not each other's neighbours. */
  family: number[];
}

const minimum = 24;

const small = (t: Target) => t.width < minimum - 0.01 || t.height < minimum - 0.01;
const centre = (t: Target) => ({ x: t.left + t.width / 2, y: t.top + t.height / 2 });
function distanceToBox(point: { x: number; y: number }, t: Box) {
  const dx = Math.max(t.left - point.x, 0, point.x - (t.left + t.width));
  const dy = Math.max(t.top - point.y, 0, point.y - (t.top + t.height));
  return Math.hypot(dx, dy);
}
const distanceToTarget = (point: { x: number; y: number }, t: Target) =>
  Math.min(...(t.fragments?.length ? t.fragments : [t]).map((box) => distanceToBox(point, box)));

/** The targets smaller than 24 × 24 px whose 24 px circle reaches another target or another small one's circle. */
export function targetsTooSmall(targets: Target[]): Target[] {
  return targets.filter((target) => {
    if (target.inline || !small(target)) return false;
    const c = centre(target);
    return targets.some((other) => {
      if (other.id === target.id || target.family.includes(other.id)) return false;
      if (distanceToTarget(c, other) < minimum / 2) return true;
      if (other.inline || !small(other)) return false;
      const o = centre(other);
      return Math.hypot(c.x - o.x, c.y - o.y) < minimum;
    });
  });
}

/**
 * Runs in the page (a string: the page's own JavaScript, not the test's compiled code). Opens every
 * `details` so what it hides is measured too, and answers the document's width beside the viewport's,
 * the elements that push it wider, and every visible control's box in page coordinates.
 */
export const measureScript = `(() => {
  for (const details of document.querySelectorAll('details')) details.open = true;
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary';
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.getAttribute('type') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    const cls = el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '');
  };
  const isInline = (el) => getComputedStyle(el).display === 'inline';
  // Words outside any control in the same block: the link sits in a sentence.
  const inSentence = (el) => {
    let block = el.parentElement;
    while (block && isInline(block)) block = block.parentElement;
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let words = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest(selector)) words += node.textContent;
    }
    return /[\\p{L}\\p{N}]/u.test(words);
  };
  const boxOf = (el) => {
    let rects = [el.getBoundingClientRect()];
    // A checkbox or radio is pressed through its label too: the label is part of the target.
    if (el.matches('input[type="checkbox"], input[type="radio"]') && el.labels)
      rects = rects.concat([...el.labels].map((label) => label.getBoundingClientRect()));
    const left = Math.min(...rects.map((r) => r.left)), top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right)), bottom = Math.max(...rects.map((r) => r.bottom));
    const fragments = [...el.getClientRects()].map((r) => ({ left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height }));
    return { left: left + scrollX, top: top + scrollY, width: right - left, height: bottom - top, fragments: rects.length === 1 && fragments.length > 1 ? fragments : undefined };
  };
  const controls = [...document.querySelectorAll(selector)].filter(
    (el) => !el.disabled && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
  );
  const boxes = controls.map(boxOf);
  const kept = controls.map((el, i) => ({ el, box: boxes[i] }))
    // Not the visually hidden ones (1 px, clipped): nobody can see or tap them.
    .filter(({ box }) => box.width > 1 && box.height > 1);
  const targets = kept.map(({ el, box }, id) => ({
    id,
    what: describe(el),
    ...box,
    inline: el.tagName === 'A' && isInline(el) && inSentence(el),
    family: kept.flatMap((other, j) => (j !== id && (other.el.contains(el) || el.contains(other.el)) ? [j] : [])),
  }));
  // What pushes the page wider: an element past the right edge, not inside a box that scrolls or clips,
  // whose parent is not past it itself.
  const past = (el) => el.getBoundingClientRect().right > viewport + 0.5;
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const wider = [...document.body.querySelectorAll('*')]
    .filter((el) => past(el) && !(el.parentElement && past(el.parentElement)) && !contained(el))
    .slice(0, 3)
    .map((el) => describe(el) + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)');
  return { viewport, documentWidth: root.scrollWidth, wider, targets };
})()`;
