/**
 * Text as the canonical form writes it (canonical-xml.ts): XML whitespace collapsed, content
 * escaped. Plain character loops: these run once or twice for every text of a document, and most
 * texts need no change, which one scan finds out.
 */

/** XML whitespace collapsed to one space, trimmed (a no-break space is content, not whitespace). */
export function collapseWhitespace(text: string): string {
  // Most texts have nothing to collapse; testing first saves a copy of each.
  if (!/[\t\r\n]| {2}|^ | $/.test(text)) return text;
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** False for whitespace-only text, which is insignificant: the canonical form drops it. */
export function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}

/**
 * Text as the canonical form writes it: whitespace collapsed, then escaped. Most texts need
 * neither, which one scan finds out without running two regular expressions.
 */
export function canonicalText(text: string): string {
  const last = text.length - 1;
  let isClean = last >= 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(last) !== 32;
  for (let i = 0; isClean && i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 38 || c === 60 || c === 62) isClean = false;
    else if (c === 32 && text.charCodeAt(i + 1) === 32) isClean = false;
  }
  return isClean ? text : escapeText(collapseWhitespace(text));
}

/**
 * Text escaped for element content. A loop over slices, not a replace with a callback: a fifth
 * of a generated document's texts hold an `&`, and the callback ran once per character found.
 */
export function escapeText(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const entity = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : undefined;
    if (entity === undefined) continue;
    out += value.slice(from, i) + entity;
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

/** A bigger copy of a full per-entry table (tables grow by doubling). */
function doubled(table: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(table.length * 2);
  bigger.set(table);
  return bigger;
}

/**
 * The ids of `<name>text</name>` lines by family (one element name and depth) and canonical
 * text: an open-addressing table over typed arrays, shared by both sides of a comparison. Most
 * texts of a document are distinct, so most lookups miss and add; a Map<string, number> hashed
 * each fresh text once more natively and grew a hash table of objects that the garbage collector
 * then copied. Here the hash comes from the scan `canonical` makes anyway (issue 7).
 */
export class TextLines {
  /** The hash of the text `canonical` returned last (a second result without an allocation). */
  hash = 0;
  private readonly familyIds = new Map<string, number>();
  /** Open addressing, linear probing (see find). */
  private slots = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;
  /** The empty slot where the last lookup that missed stopped, for `add`. */
  private vacant = 0;
  /** Per entry: its hash, family, line id and text. */
  private hashes = new Int32Array(1 << 11);
  private families = new Int32Array(1 << 11);
  private ids = new Int32Array(1 << 11);
  private readonly texts: string[] = [];

  /** The number of a family, by a key that is the same for the same name and depth. */
  family(key: string): number {
    let id = this.familyIds.get(key);
    if (id === undefined) {
      id = this.familyIds.size + 1;
      this.familyIds.set(key, id);
    }
    return id;
  }

  /**
   * `text` as the canonical form writes it (see canonicalText), with its hash in this family in
   * `hash`. One scan hashes the canonical text as it will read (an `&` as `&amp;`) and finds
   * out whether the text needs escaping or collapsing; the escaped copy is built after it, so it
   * is never read back (it is a rope of slices, and reading one flattens it into a new string).
   */
  canonical(text: string, family: number): string {
    const last = text.length - 1;
    const seed = Math.imul(family, 0x9e3779b1);
    let hash = seed;
    let isCollapsed = last >= 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(last) !== 32;
    let isEscaped = true;
    for (let i = 0; isCollapsed && i <= last; i++) {
      const c = text.charCodeAt(i);
      if (c === 38 || c === 60 || c === 62) {
        isEscaped = false;
        hash = hashEntity(hash, c);
      } else if (c === 9 || c === 10 || c === 13 || (c === 32 && text.charCodeAt(i + 1) === 32))
        isCollapsed = false;
      else hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (isCollapsed) {
      this.hash = finalHash(hash);
      return isEscaped ? text : escapeText(text);
    }
    // Whitespace to collapse: rare, so the plain way, and the result hashed on its own.
    const canonical = escapeText(collapseWhitespace(text));
    hash = seed;
    for (let i = 0; i < canonical.length; i++)
      hash = (Math.imul(hash, 31) + canonical.charCodeAt(i)) | 0;
    this.hash = finalHash(hash);
    return canonical;
  }

  /** The line id of a canonical text in a family, or -1 (then `add` may follow at once). */
  find(family: number, text: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    // A slot is two ints, the hash and entry + 1 (0: empty), so most misses read one cache line.
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = slots[2 * at + 1]! - 1;
      if (entry < 0) {
        this.vacant = at;
        return -1;
      }
      if (slots[2 * at] === hash && this.families[entry] === family && this.texts[entry] === text)
        return this.ids[entry]!;
    }
  }

  /** Remembers the id of a text that `find` just missed. */
  add(family: number, text: string, hash: number, id: number): void {
    const entry = this.texts.push(text) - 1;
    if (entry === this.ids.length) {
      this.hashes = doubled(this.hashes);
      this.families = doubled(this.families);
      this.ids = doubled(this.ids);
    }
    this.hashes[entry] = hash;
    this.families[entry] = family;
    this.ids[entry] = id;
    this.slots[2 * this.vacant] = hash;
    this.slots[2 * this.vacant + 1] = entry + 1;
    // At most half full, so probes stay short.
    if (2 * (entry + 1) > this.mask) this.rehash();
  }

  private rehash(): void {
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let entry = 0; entry < this.texts.length; entry++) {
      const hash = this.hashes[entry]!;
      let at = hash & mask;
      while (slots[2 * at + 1] !== 0) at = (at + 1) & mask;
      slots[2 * at] = hash;
      slots[2 * at + 1] = entry + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** The running hash after the entity escapeText writes for `c` (`&amp;`, `&lt;`, `&gt;`). */
function hashEntity(hash: number, c: number): number {
  const entity = c === 38 ? '&amp;' : c === 60 ? '&lt;' : '&gt;';
  for (let k = 0; k < entity.length; k++) hash = (Math.imul(hash, 31) + entity.charCodeAt(k)) | 0;
  return hash;
}

/** Spreads a running hash's bits into its low ones, which pick the slot. */
function finalHash(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return mixed ^ (mixed >>> 13);
}

const textLinesByInterner = new WeakMap<object, TextLines>();

/** The text table that belongs to an interner (its ids are that interner's). */
export function textLinesOf(interner: object): TextLines {
  let table = textLinesByInterner.get(interner);
  if (table === undefined) {
    table = new TextLines();
    textLinesByInterner.set(interner, table);
  }
  return table;
}
