"""The measures of one page on a 360x740 phone, computed in the real browser (review r45; imported by bare name by
test_phone_survey.py): smallest visible text, tap targets under 24x24 CSS px, horizontal overflow, height, raw codes in
a client's words, phone numbers that cannot be tapped."""

from __future__ import annotations

from typing import Any

MEASURE = r"""() => {
  const vis = (el) => { if (!el || !el.getClientRects().length) return false;
    const s = getComputedStyle(el); return s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'; };
  const hiddenText = (el) => { for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e); const r = e.getBoundingClientRect();
    if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)' || (r.width <= 1 && r.height <= 1)) return true;
    if (e.tagName === 'DETAILS' && !e.open) { return true; } }
    return false; };
  let minFont = 999, minText = '';
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const t = n.textContent.trim(); if (!t) continue; const p = n.parentElement;
    if (!p || ['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','OPTION'].includes(p.tagName) || !vis(p)) continue;
    if (p.closest('details:not([open])') && !p.closest('summary')) continue;
    if (hiddenText(p) && !p.closest('summary')) continue;
    const f = parseFloat(getComputedStyle(p).fontSize);
    if (f < minFont) { minFont = f; minText = p.tagName.toLowerCase() + '.' + p.className + ': ' + t.slice(0, 40); }
  }
  const small = [], inline = [];
  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]')) {
    if (!vis(e) || (e.closest('details:not([open])') && !e.closest('summary') && e.tagName !== 'SUMMARY')) continue;
    const r = e.getBoundingClientRect(); if (r.width >= 24 && r.height >= 24) continue;
    if (r.width <= 1 || r.height <= 1) continue;  // a visually hidden label (read aloud, never tapped)
    const s = getComputedStyle(e);
    if (e.tagName === 'A' && s.display === 'inline') {
      const block = e.closest('p, li, td, dd, div, blockquote, small, span.hint') || e.parentElement;
      if (block && block.textContent.trim().length > e.textContent.trim().length + 5) {  // inline in a sentence
        inline.push(e.className + ':' + e.textContent.trim().slice(0, 24) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); continue; }
    }
    if (e.tagName === 'INPUT' && (e.type === 'radio' || e.type === 'checkbox')) {
      const l = e.closest('label') || (e.id && document.querySelector('label[for="' + e.id + '"]'));
      if (l) { const lr = l.getBoundingClientRect(); if (lr.width >= 24 && lr.height >= 24) continue; }
    }
    small.push(e.tagName.toLowerCase() + ':' + (e.id || e.getAttribute('for') || e.name || e.textContent.trim().slice(0, 24)) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  const se = document.scrollingElement; let widest = '', right = 0;
  for (const e of document.body.querySelectorAll('*')) { if (!vis(e)) continue; const r = e.getBoundingClientRect();
    if (r.right > right) { right = r.right; widest = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + ' ' + Math.round(r.right); } }
  const text = document.body.innerText;
  const phones = [];
  const tw = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  for (let n = tw.nextNode(); n; n = tw.nextNode()) {
    // digits inside a word (a one-time-password key such as 'LYVS...73767AB7') are no phone number: matched only
    // where no letter or digit touches them, so a random key never reads as one (CI on stop 50)
    const p = n.parentElement; if (!p || !vis(p) || ['SCRIPT','STYLE','TEXTAREA','OPTION'].includes(p.tagName)) continue;
    if (p.closest('form')) continue;
    for (const m of n.textContent.matchAll(/(?<![A-Za-z0-9+])(?:\+?\d[\d \-]{1,14}\d|\d{3})(?![A-Za-z0-9])/g)) {
      const digits = m[0].replace(/\D/g, '');
      if (!(digits.length >= 3 && (digits.length <= 3 ? /\b(988|999|112|111|911|116|741741|85258)\b/.test(m[0]) : digits.length >= 5 && /^\+|^0|^1|^8|^9|^7/.test(m[0])))) continue;
      if (/^(19|20)\d\d$/.test(digits) || /\d{4}-\d\d-\d\d/.test(n.textContent)) continue;
      // a number in a link, or written beside its own Call / Text links in the same line of the list (a contact)
      const line = p.closest('li, p, dd, td');
      if (p.closest('a[href^="tel:"], a[href^="sms:"]') || (line && line.querySelector('a[href^="tel:"], a[href^="sms:"]'))) continue;
      phones.push(m[0] + ' in ' + p.tagName.toLowerCase() + ': ' + n.textContent.trim().slice(0, 50));
    }
  }
  return {inline, font: minFont, fontText: minText, small, scrollWidth: se.scrollWidth, widest, height: se.scrollHeight, text, phones};
}"""

JARGON = [
    (r"\b(DMRS|ODF|CCRT|HVdC|IPAF|MCMC|NLI|JSON|UUID|FHIR)\b", "code"),
    (r"\b(W|RO|RS)\b(?=[ /:])", "CCRT letter"),
    (r"\blevel \d\b", "level n"),
    (r"\b[a-z]+_[a-z_]+\b", "snake_case"),
    (r"\b(None|True|False|null|undefined|NaN)\b", "repr"),
    (r"\d{4}-\d\d-\d\dT\d\d", "ISO timestamp"),
    (r"[{\[]['\"]", "JSON/repr"),
    (r"\b[a-z]+\.[a-z]+_[a-z]+\b", "dotted name"),
    (r"\bCohen's\b|\|h\||\bh = ", "statistic's name"),
]


def measure(page: Any) -> dict[str, Any]:
    import re

    found: dict[str, Any] = page.evaluate(MEASURE)
    # Raw codes are looked for in everything a client can open too: every <details> opened.
    found["text"] = page.evaluate(
        "() => { document.querySelectorAll('details').forEach(d => d.open = true); return document.body.innerText; }"
    )
    words = []
    for pattern, what in JARGON:
        for m in re.finditer(pattern, found["text"]):
            around = found["text"][max(0, m.start() - 25) : m.end() + 25].replace("\n", " ")
            words.append(f"{what}: {m.group(0)!r} in '{around}'")
    found["jargon"] = words
    return found
