/**
 * Writes and mutates the generated CDA trees of generated-cda.ts. The writer's style varies only
 * what the canonical form promises to ignore (issue 7): attribute order, namespace prefixes and
 * where they are declared, quotes, empty-element syntax, character references, indentation, line
 * breaks, whitespace around and inside text, and how Base64 payloads are wrapped. The mutator makes a real edit to a copy.
 */
import { el, generateCda, type Element } from './generated-cda';

type Next = () => number;

/** How a tree is written; every style writes the same XML information set. */
export interface WriteStyle {
  readonly prefixes: {
    readonly v3: string;
    readonly fi: string;
    readonly ds: string;
    readonly xsi: string;
  };
  /** Declare the XMLDSig namespace on each ds:Signature instead of the root. */
  readonly isDsLocal: boolean;
  readonly newline: string;
  readonly indent: string;
  readonly quote: '"' | "'";
  /** Attribute order: as built, or shuffled by this generator. */
  readonly shuffle?: Next;
  /** Write empty elements as <a></a> instead of <a/>. */
  readonly isEmptyLong: boolean;
  /** Wrap Base64 payloads (representation="B64") at this many characters; 0 for one line. */
  readonly base64Width: number;
  /** Write non-ASCII characters as numeric character references. */
  readonly isCharRef: boolean;
  /** Extra whitespace around and inside texts (collapsed by XML readers of text). */
  readonly textPadding: string;
  readonly hasDeclaration: boolean;
  /**
   * Write xsi:type values with the CDA prefix (xsi:type="cda:ST"). Otherwise a prefixed style
   * also declares CDA as the default namespace, so an unprefixed xsi:type="ST" means the same.
   */
  readonly isTypePrefixed?: boolean;
}

const uris = {
  v3: 'urn:hl7-org:v3',
  fi: 'urn:hl7finland',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The plain style: default namespace for CDA, the usual prefixes, two-space indentation. */
export const plainStyle: WriteStyle = {
  prefixes: { v3: '', fi: 'hl7fi', ds: 'ds', xsi: 'xsi' },
  isDsLocal: false,
  newline: '\n',
  indent: '  ',
  quote: '"',
  isEmptyLong: false,
  base64Width: 0,
  isCharRef: false,
  textPadding: '',
  hasDeclaration: true,
};

const pick = <T>(next: Next, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** A random style of writing, from `next`. */
export function randomStyle(next: Next): WriteStyle {
  return {
    prefixes: {
      v3: pick(next, ['', 'cda', 'v3']),
      fi: pick(next, ['hl7fi', 'fi', 'h']),
      ds: pick(next, ['ds', 'dsig']),
      xsi: pick(next, ['xsi', 'i']),
    },
    isDsLocal: next() < 0.5,
    newline: pick(next, ['\n', '\r\n', '']),
    indent: pick(next, ['', '  ', '\t', '    ']),
    quote: pick(next, ['"', "'"] as const),
    ...(next() < 0.7 ? { shuffle: next } : {}),
    isEmptyLong: next() < 0.5,
    base64Width: pick(next, [0, 64, 76]),
    isCharRef: next() < 0.3,
    textPadding: pick(next, ['', ' ', '\n   ', ' \t ']),
    hasDeclaration: next() < 0.5,
  };
}

function escape(value: string, style: WriteStyle, quote?: string): string {
  let out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (quote) out = out.replaceAll(quote, quote === '"' ? '&quot;' : '&apos;');
  return style.isCharRef ? out.replace(/[^\x20-\x7e]/g, (c) => `&#${c.codePointAt(0)};`) : out;
}

function qualified(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}:${name}`;
}

function shuffled<T>(items: T[], next: Next | undefined): T[] {
  if (!next) return items;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function write(element: Element, style: WriteStyle, depth: number, isRoot: boolean): string {
  const { prefixes, quote } = style;
  const attributes: [string, string][] = element.attributes.map(([name, value]) => [
    name.startsWith('xsi:') ? qualified(prefixes.xsi, name.slice(4)) : name,
    name === 'xsi:type' && style.isTypePrefixed ? qualified(prefixes.v3, value) : value,
  ]);
  const declare = (key: keyof typeof uris) =>
    attributes.push([prefixes[key] === '' ? 'xmlns' : `xmlns:${prefixes[key]}`, uris[key]]);
  if (isRoot) (['v3', 'fi', 'xsi'] as const).forEach(declare);
  if (isRoot && prefixes.v3 !== '' && !style.isTypePrefixed) attributes.push(['xmlns', uris.v3]);
  if (isRoot ? !style.isDsLocal : style.isDsLocal && element.name === 'Signature') declare('ds');
  const name = qualified(prefixes[element.ns], element.name);
  const open = `<${name}${shuffled(attributes, style.shuffle)
    .map(([key, value]) => ` ${key}=${quote}${escape(value, style, quote)}${quote}`)
    .join('')}`;
  const pad = style.indent.repeat(depth);
  if (element.children.length === 0)
    return `${pad}${open}${style.isEmptyLong ? `></${name}>` : '/>'}`;
  const [only] = element.children;
  const isBase64 = element.attributes.some(
    ([key, value]) => key === 'representation' && value === 'B64',
  );
  if (typeof only === 'string' && isBase64 && style.base64Width > 0) {
    const wrapped = only.match(new RegExp(`.{1,${style.base64Width}}`, 'g')) ?? [];
    return `${pad}${open}>\n${wrapped.join('\n')}\n${pad}</${name}>`;
  }
  if (element.children.length === 1 && typeof only === 'string') {
    const text = escape(only, style).replace(/ /g, ` ${style.textPadding}`);
    return `${pad}${open}>${style.textPadding}${text}${style.textPadding}</${name}>`;
  }
  const inner = element.children.map((child) =>
    typeof child === 'string'
      ? `${pad}${style.indent}${escape(child, style)}`
      : write(child, style, depth + 1, false),
  );
  const { newline } = style;
  return `${pad}${open}>${newline}${inner.join(newline)}${newline}${pad}</${name}>`;
}

/** The document as XML text in the given style. */
export function writeCda(root: Element, style: WriteStyle = plainStyle): string {
  const declaration = style.hasDeclaration ? `<?xml version="1.0" encoding="UTF-8"?>\n` : '';
  return `${declaration}${write(root, style, 0, true)}\n`;
}

function copy(element: Element): Element {
  return {
    ...element,
    attributes: element.attributes.map(([name, value]) => [name, value]),
    children: element.children.map((child) => (typeof child === 'string' ? child : copy(child))),
  };
}

/** Every element below `root` with its parent, in document order. */
function placed(root: Element): { element: Element; parent: Element }[] {
  const out: { element: Element; parent: Element }[] = [];
  const visit = (parent: Element) => {
    for (const child of parent.children)
      if (typeof child !== 'string') {
        out.push({ element: child, parent });
        visit(child);
      }
  };
  visit(root);
  return out;
}

/**
 * A copy of `root` with 1 to 4 real edits: an attribute value or a text changed, an element
 * removed, duplicated, swapped with its neighbour, or a fresh one from another generated document
 * put in beside one of its name (a new author, entry, section, signature or local header field).
 */
export function mutateCda(root: Element, next: Next): Element {
  const result = copy(root);
  const edits = 1 + Math.floor(next() * 4);
  for (let edit = 0; edit < edits; edit++) {
    const all = placed(result);
    if (all.length === 0) break;
    const { element, parent } = pick(next, all);
    const at = parent.children.indexOf(element);
    const kind = Math.floor(next() * 6);
    if (kind === 0 && element.attributes.length > 0) {
      const attribute = pick(next, element.attributes);
      attribute[1] = `${attribute[1]}${pick(next, ['1', 'x', ' ä'])}`;
    } else if (kind === 1 && typeof element.children[0] === 'string') {
      element.children[0] = `${element.children[0]} ${pick(next, ['muutos', '2 tablettia'])}`;
    } else if (kind === 2) parent.children.splice(at, 1);
    else if (kind === 3) parent.children.splice(at, 0, copy(element));
    else if (kind === 4 && at + 1 < parent.children.length) {
      const following = parent.children[at + 1]!;
      parent.children.splice(at, 2, following, element);
    } else {
      const donor = placed(generateCda(next)).filter(
        (other) => other.element.name === element.name,
      );
      if (donor.length > 0) parent.children.splice(at + 1, 0, pick(next, donor).element);
      else parent.children.splice(at, 0, el('fi:otherThing', { n: String(edit) }, 'lisätty'));
    }
  }
  return result;
}
