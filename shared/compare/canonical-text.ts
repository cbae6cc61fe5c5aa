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
 * Line ids by family (e.g. one element name and depth) and a key the line is made of: an
 * open-addressing table over typed arrays, shared by both sides of a comparison. Most lines of a
 * document are distinct, so most lookups miss and add; Maps per family hashed each fresh key once
 * more natively and grew tables of objects that the garbage collector then copied. Here the
 * caller hashes the key, mostly in a scan it makes anyway (issue 7). Only a cache: a key must
 * always make the same line, and `isSame` decides what counts as the same key.
 */
export abstract class IdTable<Key> {
  private readonly familyIds = new Map<string, number>();
  /** Open addressing, linear probing: two ints a slot, the hash and entry + 1 (0: empty). */
  private slots = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;
  /** The empty slot where the last lookup that missed stopped, for `add`. */
  private vacant = 0;
  /** Per entry: its hash, family, line id and key. */
  private hashes = new Int32Array(1 << 11);
  private families = new Int32Array(1 << 11);
  private ids = new Int32Array(1 << 11);
  private readonly keys: Key[] = [];

  /** Whether a stored key and a looked-up one make the same line (their hashes are equal). */
  protected abstract isSame(stored: Key, key: Key): boolean;

  /** The number of a family, by a string that names it (e.g. a tag-only line). */
  family(name: string): number {
    let id = this.familyIds.get(name);
    if (id === undefined) {
      id = this.familyIds.size + 1;
      this.familyIds.set(name, id);
    }
    return id;
  }

  /** The line id of a key in a family, or -1 (then `add` may follow at once). */
  find(family: number, key: Key, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    // The hash sits beside the entry, so a miss mostly reads one cache line.
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = slots[2 * at + 1]! - 1;
      if (entry < 0) {
        this.vacant = at;
        return -1;
      }
      if (
        slots[2 * at] === hash &&
        this.families[entry] === family &&
        this.isSame(this.keys[entry]!, key)
      )
        return this.ids[entry]!;
    }
  }

  /** Remembers the line id of a key that `find` just missed. */
  add(family: number, key: Key, hash: number, id: number): void {
    const entry = this.keys.push(key) - 1;
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
    for (let entry = 0; entry < this.keys.length; entry++) {
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

/** The first running hash of a family's keys. */
export function hashSeed(family: number): number {
  return Math.imul(family, 0x9e3779b1);
}

/** The running hash after the characters of `text`. */
export function hashText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** A running hash with its bits spread into the low ones, which pick the slot. */
export function finalHash(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return mixed ^ (mixed >>> 13);
}

/** The ids of `<name>text</name>` lines by family (name and depth) and canonical text. */
export class TextLines extends IdTable<string> {
  /** The hash of the text `canonical` returned last (a second result without an allocation). */
  hash = 0;

  protected isSame(stored: string, text: string): boolean {
    return stored === text;
  }

  /**
   * `text` as the canonical form writes it (see canonicalText), with its hash in this family in
   * `hash`. One scan hashes the canonical text as it will read (an `&` as `&amp;`) and finds
   * out whether the text needs escaping or collapsing; the escaped copy is built after it, so it
   * is never read back (it is a rope of slices, and reading one flattens it into a new string).
   */
  canonical(text: string, family: number): string {
    const last = text.length - 1;
    let hash = hashSeed(family);
    let isCollapsed = last >= 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(last) !== 32;
    let isEscaped = true;
    for (let i = 0; isCollapsed && i <= last; i++) {
      const c = text.charCodeAt(i);
      // Letters first: one comparison instead of seven for most characters of a text.
      if (c > 62) hash = (Math.imul(hash, 31) + c) | 0;
      else if (c === 38 || c === 60 || c === 62) {
        isEscaped = false;
        hash = hashText(hash, c === 38 ? '&amp;' : c === 60 ? '&lt;' : '&gt;');
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
    this.hash = finalHash(hashText(hashSeed(family), canonical));
    return canonical;
  }
}
