// Mail HTML into the pane's own DOM, for the draft body the user edits. The host builds and
// sanitises that HTML, but the pane never hands markup to innerHTML: it parses it inert
// (DOMParser runs no script and loads nothing) and rebuilds only plain formatting elements, with
// no attribute but a checked link target, so nothing in it can run or fetch in the pane.

const kept = new Set(["P", "BR", "DIV", "SPAN", "STRONG", "B", "EM", "I", "U", "UL", "OL", "LI", "A", "H1", "H2", "H3", "H4", "BLOCKQUOTE", "HR", "TABLE", "THEAD", "TBODY", "TR", "TD", "TH"]);
const droppedWithContent = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT", "EMBED", "HEAD", "TITLE", "META", "LINK", "SVG", "MATH", "FORM", "BUTTON", "SELECT", "TEXTAREA", "INPUT"]);

/** The formatting and text of <paramref name="html"/>, rebuilt from an allow-list. */
export function safeFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) copyInto(fragment, node);
  return fragment;
}

function copyInto(parent: Node, node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    parent.appendChild(document.createTextNode(node.textContent ?? ""));
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (droppedWithContent.has(tag)) return;
  if (!kept.has(tag)) {
    // An unknown wrapper (font, center, …): keep what it says, not the element.
    for (const child of Array.from(element.childNodes)) copyInto(parent, child);
    return;
  }
  const copy = document.createElement(tag.toLowerCase());
  if (tag === "A") {
    const target = element.getAttribute("href") ?? "";
    if (/^(https?:|mailto:)/i.test(target.trim())) copy.setAttribute("href", target.trim());
  }
  for (const child of Array.from(element.childNodes)) copyInto(copy, child);
  parent.appendChild(copy);
}

/** A file the API gave as base64, as a URL an <a download> can save. */
export function base64Url(contentBase64: string, contentType: string): string {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: contentType || "application/octet-stream" }));
}

/**
 * A stored mail body as an iframe's srcdoc: no script can run (the iframe is sandboxed with no
 * permissions) and the policy below stops remote images and styles from reporting that it was read.
 */
export function mailDocument(html: string): string {
  return "<!doctype html><html><head><meta charset=\"utf-8\">"
    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
    + "<style>body{font:14px/1.4 'Segoe UI',system-ui,sans-serif;margin:8px;overflow-wrap:anywhere;}</style>"
    + `</head><body>${html}</body></html>`;
}

/** Saves a file the pane fetched (with its token) under <paramref name="fileName"/>. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
