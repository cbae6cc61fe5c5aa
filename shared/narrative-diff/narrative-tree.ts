/**
 * A narrative block (a CDA section's text, or a display form's body) as plain JSON the renderer
 * can draw: elements keep their local name and the few attributes the document view's allowlist
 * reads (renderer/src/document/narrative-allowlist.tsx sanitises them again when drawing), text
 * stays text, and changed words become marks. Nothing here is HTML: it never reaches innerHTML.
 */
import type { XmlElement, XmlNode } from '../xml/tree';
import { tokenize } from './tokens';

/** What a word diff marks: words only the left side has, or only the right. */
export type MarkChange = 'removed' | 'added';

/** Changed words, in a run. */
export interface NarrativeMark {
  readonly change: MarkChange;
  readonly text: string;
}

/** The attributes the allowlist uses (links stay inert there; spans are bounded there). */
export interface NarrativeAttributes {
  readonly href?: string;
  readonly listType?: string;
  readonly colspan?: string;
  readonly rowspan?: string;
}

export interface NarrativeElement {
  /** The element's local name, as in the document (`paragraph`, `td`, `content`, `p`). */
  readonly name: string;
  readonly attributes?: NarrativeAttributes;
  readonly children: readonly NarrativeNode[];
}

/** Text is a plain string. */
export type NarrativeNode = string | NarrativeElement | NarrativeMark;

/** Caps of one block: the allowlist's own node and depth caps, and a size that stays quick. */
export const maxBlockNodes = 20_000;
export const maxBlockDepth = 64;
export const maxBlockChars = 200_000;

const blankPattern = /^\s+$/;
const keptAttributes = ['href', 'listType', 'colspan', 'rowspan'] as const;

/** A block read from the tree, with its tokens in document order. */
export interface ReadBlock {
  readonly nodes: NarrativeNode[];
  readonly tokens: string[];
  /** True when a cap stopped the reading: the block is then not word-diffed. */
  readonly isTruncated: boolean;
}

function attributesOf(element: XmlElement): NarrativeAttributes | undefined {
  let kept: Record<string, string> | undefined;
  for (const name of keptAttributes) {
    const found = element.attributes.find(
      (attribute) => attribute.name.toLowerCase() === name.toLowerCase(),
    );
    if (found) (kept ??= {})[name] = found.value;
  }
  return kept;
}

/** Reads XML nodes (e.g. the children of a section's `text`) into a block. */
export function readBlock(children: readonly XmlNode[]): ReadBlock {
  const state = { nodes: 0, chars: 0, isTruncated: false };
  const tokens: string[] = [];
  const convert = (list: readonly XmlNode[], depth: number, isInPre = false): NarrativeNode[] => {
    const out: NarrativeNode[] = [];
    for (const node of list) {
      if (state.isTruncated) break;
      if (node.kind === 'comment') continue;
      if (++state.nodes > maxBlockNodes || depth > maxBlockDepth) {
        state.isTruncated = true;
        break;
      }
      if (node.kind === 'text') {
        // Indentation between elements renders as one space (outside <pre>): send just that.
        const text = !isInPre && blankPattern.test(node.text) ? ' ' : node.text;
        state.chars += text.length;
        if (state.chars > maxBlockChars) {
          state.isTruncated = true;
          break;
        }
        out.push(text);
        tokens.push(...tokenize(text));
        continue;
      }
      const attributes = attributesOf(node);
      out.push({
        name: node.name,
        ...(attributes ? { attributes } : {}),
        children: convert(node.children, depth + 1, isInPre || node.name.toLowerCase() === 'pre'),
      });
    }
    return out;
  };
  const nodes = convert(children, 0);
  return { nodes, tokens, isTruncated: state.isTruncated };
}

/** A changed run as marks: its white space at either end stays plain (there is no word to point at). */
function markRun(run: string, change: MarkChange): NarrativeNode[] {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run) ?? [];
  return [before, core === '' ? '' : { change, text: core }, after].filter((piece) => piece !== '');
}

/** The block with its changed tokens (flags, in the order readBlock gave them) turned into marks. */
export function markBlock(
  nodes: readonly NarrativeNode[],
  flags: Uint8Array,
  change: MarkChange,
): NarrativeNode[] {
  let at = 0;
  const markText = (text: string): NarrativeNode[] => {
    const pieces: NarrativeNode[] = [];
    let run = '';
    let isRunChanged = false;
    const flush = (): void => {
      if (run === '') return;
      if (isRunChanged) pieces.push(...markRun(run, change));
      else pieces.push(run);
      run = '';
    };
    for (const token of tokenize(text)) {
      const isChanged = flags[at++] === 1;
      if (isChanged !== isRunChanged) flush();
      isRunChanged = isChanged;
      run += token;
    }
    flush();
    return pieces;
  };
  const walk = (list: readonly NarrativeNode[]): NarrativeNode[] =>
    list.flatMap((node): NarrativeNode[] => {
      if (typeof node === 'string') return markText(node);
      if ('change' in node) return [node];
      return [{ ...node, children: walk(node.children) }];
    });
  return walk(nodes);
}

/** The plain text of nodes (marks included), e.g. for a heading's accessible name. */
export function textOf(nodes: readonly NarrativeNode[]): string {
  return nodes
    .map((node) =>
      typeof node === 'string' ? node : 'change' in node ? node.text : textOf(node.children),
    )
    .join('');
}
