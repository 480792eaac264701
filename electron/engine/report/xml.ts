import { ReportError } from './errors';

/**
 * A small, strict XML reader for the files Portscope imports (nmap's `-oX`). It reads elements,
 * attributes, text and CDATA, and the five predefined entities plus character references. It
 * never fetches anything and refuses what it does not need: a DOCTYPE with an internal subset
 * (where entity declarations live — the billion-laughs and external-entity attacks), any other
 * named entity, mismatched tags, markup after the root element, absurd nesting.
 */
export interface XmlElement {
  name: string;
  /** A Map, not an object: attribute names like `__proto__` stay data. */
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

export interface XmlLimits {
  maxDepth: number;
  /** Every element read, kept or not: bounds the time a file can take. */
  maxElements: number;
  /** Elements built and held at once: bounds the memory (about 300 bytes each). */
  maxKept: number;
}

export const DEFAULT_LIMITS: XmlLimits = { maxDepth: 64, maxElements: 5_000_000, maxKept: 500_000 };

export interface XmlReadOptions {
  limits?: Partial<XmlLimits>;
  /**
   * Which elements to build, by their path of names from the root (`['nmaprun', 'host']`):
   * the others are still read and checked for well-formedness, but cost no memory. A child of
   * an element that is not kept is never kept. Default: every element.
   */
  keep?: (path: readonly string[]) => boolean;
  /**
   * Called as each kept element closes. Returning true hands the element over: it is not added
   * to its parent, so a caller can work through a file one `<host>` at a time in bounded memory.
   */
  onClose?: (el: XmlElement, path: readonly string[]) => boolean | void;
}
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class XmlError extends ReportError {
  constructor(message: string) {
    super('bad-request', message);
    this.name = 'XmlError';
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function decodeEntities(raw: string, fail: (msg: string) => never): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,32});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) fail(`a bare '&' (write &amp;)`);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      const valid = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(ref) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      if (!valid) fail(`an invalid character reference &${ref};`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) fail(`the entity &${ref}; (only the five predefined XML entities are accepted)`);
    return value;
  });
}

export function parseXml(input: string, options: XmlReadOptions = {}): XmlElement {
  const limits: XmlLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const keep = options.keep ?? (() => true);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let pos = 0;
  let elements = 0;
  let kept = 0;
  const fail = (msg: string): never => {
    throw new XmlError(`not well-formed XML at line ${lineOf(text, pos)}: ${msg}`);
  };
  const skipSpace = () => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) fail('a name was expected');
    pos = NAME.lastIndex;
    return m![0];
  };
  const skipPast = (end: string, what: string) => {
    const i = text.indexOf(end, pos);
    if (i === -1) fail(`unterminated ${what}`);
    pos = i + end.length;
  };

  /** Comments, processing instructions and the DOCTYPE before or after the root. */
  const skipMisc = (allowDoctype: boolean): void => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<?', pos)) skipPast('?>', 'processing instruction');
      else if (text.startsWith('<!--', pos)) skipPast('-->', 'comment');
      else if (text.startsWith('<!DOCTYPE', pos)) {
        if (!allowDoctype) fail('a DOCTYPE in the wrong place');
        const end = text.indexOf('>', pos);
        if (end === -1) fail('unterminated DOCTYPE');
        const decl = text.slice(pos, end);
        if (decl.includes('[')) fail('a DOCTYPE with an internal subset (entity declarations are not accepted)');
        pos = end + 1;
      } else return;
    }
  };

  /** Reads the attributes into `attrs` (checking them all the same when it is null). */
  const readAttrs = (attrs: Map<string, string> | null): boolean => {
    for (;;) {
      skipSpace();
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return true;
      }
      if (text[pos] === '>') {
        pos++;
        return false;
      }
      const name = readName();
      skipSpace();
      if (text[pos] !== '=') fail(`attribute ${name} has no value`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${name}: value must be quoted`);
      const end = text.indexOf(quote!, pos + 1);
      if (end === -1) fail(`attribute ${name}: unterminated value`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail(`attribute ${name}: '<' inside a value`);
      if (attrs) {
        if (attrs.has(name)) fail(`attribute ${name} appears twice`);
        attrs.set(name, decodeEntities(raw, fail));
      } else if (raw.includes('&')) decodeEntities(raw, fail);
      pos = end + 1;
    }
  };

  /** A kept element is complete (with `size` kept elements in it): hand it over, or add it to its parent. */
  const closeKept = (el: XmlElement, size: number): void => {
    if (options.onClose?.(el, path)) {
      kept -= size;
      return;
    }
    const parent = path.length > 1 ? open[open.length - 1] : null;
    if (parent) {
      parent.el.children.push(el);
      parent.size += size;
    }
  };

  skipMisc(true);
  if (text[pos] !== '<') fail('the document does not start with an element');
  // Open elements: their names (the path) and, for the kept ones, the element and its text.
  const path: string[] = [];
  const open: Array<{ el: XmlElement; text: string[]; size: number } | null> = [];
  let root: XmlElement | null = null;
  let rootSeen = false;

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (path.length === 0) {
      if (rootSeen) break;
    } else if (lt !== pos) {
      const chunk = text.slice(pos, lt === -1 ? text.length : lt);
      const top = open[open.length - 1];
      if (top) top.text.push(decodeEntities(chunk, fail));
      else if (chunk.includes('&')) decodeEntities(chunk, fail);
      if (lt === -1) fail(`unclosed element <${path[path.length - 1]!}>`);
      pos = lt;
      continue;
    }
    if (text.startsWith('<!--', pos)) skipPast('-->', 'comment');
    else if (text.startsWith('<?', pos)) skipPast('?>', 'processing instruction');
    else if (text.startsWith('<![CDATA[', pos)) {
      if (path.length === 0) fail('CDATA outside the root element');
      const start = pos + 9;
      skipPast(']]>', 'CDATA section');
      open[open.length - 1]?.text.push(text.slice(start, pos - 3));
    } else if (text.startsWith('<!', pos)) fail('a declaration inside the document');
    else if (text.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') fail(`malformed end tag </${name}`);
      pos++;
      const openName = path[path.length - 1];
      if (openName !== name) fail(`</${name}> does not close <${openName ?? '(nothing)'}>`);
      const entry = open.pop();
      if (entry) {
        entry.el.text = entry.text.join('');
        closeKept(entry.el, entry.size);
      }
      path.pop();
    } else {
      pos++;
      const name = readName();
      if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`);
      if (path.length === 0 && rootSeen) fail('a second root element');
      const parentKept = path.length === 0 || open[open.length - 1] !== null;
      path.push(name);
      const el: XmlElement | null = parentKept && keep(path) ? { name, attrs: new Map(), children: [], text: '' } : null;
      if (el && ++kept > limits.maxKept) fail(`more than ${limits.maxKept} elements to hold at once`);
      const selfClosing = readAttrs(el ? el.attrs : null);
      if (path.length === 1) {
        rootSeen = true;
        root = el;
      }
      if (selfClosing) {
        if (el) closeKept(el, 1);
        path.pop();
      } else {
        if (path.length > limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth}`);
        open.push(el ? { el, text: [], size: 1 } : null);
      }
    }
  }
  if (path.length > 0) fail(`unclosed element <${path[path.length - 1]!}> (the file ends early)`);
  skipMisc(false);
  if (pos < text.length) fail('content after the root element');
  if (!root) fail(rootSeen ? 'the root element was not kept' : 'no root element');
  return root!;
}

/** Children with this name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
