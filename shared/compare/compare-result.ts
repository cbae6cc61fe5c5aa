/**
 * What compareDocuments returns (issue 7), and the helpers that sort its changes into shown and
 * hidden by the ignore profile. Hidden changes are kept, marked with the rule that hides them, so
 * the view can reveal them and reports can count them.
 */
import type { ChangeListItem } from './cda-change-list';
import type { ComparedDocument } from './compared-document';
import type { ContentChange } from './content-changes';
import type { ResolvedProfile, RuleMatcher } from './ignore-profile';
import type { MetadataChange } from './metadata-diff';
import type { OutOfLinePayload } from './out-of-line-payloads';

/** How many differences one rule hid, by kind. */
export interface HiddenCount {
  readonly rule: string;
  readonly reason: string;
  readonly metadata: number;
  readonly content: number;
  readonly changeList: number;
}

/** A list split into what is shown and what the profile hid (each hidden item names its rule). */
export interface Split<T> {
  readonly shown: readonly T[];
  readonly hidden: readonly (T & { readonly hiddenBy: string })[];
}

export interface CompareResult {
  readonly left: ComparedDocument;
  readonly right: ComparedDocument;
  /** True when nothing differs at all, before any rule hides anything. */
  readonly identical: boolean;
  /** Differences left after the profile: metadata changes + content changes. */
  readonly shownDifferences: number;
  readonly profile: { readonly id: string; readonly title: string; readonly sha256: string };
  readonly metadata: Split<MetadataChange>;
  readonly content: Split<ContentChange> & {
    readonly leftLines: number;
    readonly rightLines: number;
    readonly isCoarse: boolean;
    readonly payloads: {
      readonly left: readonly OutOfLinePayload[];
      readonly right: readonly OutOfLinePayload[];
    };
    /** The canonical lines of both sides, only when CompareOptions.keepLines asked for them. */
    readonly lines?: { readonly left: readonly string[]; readonly right: readonly string[] };
  };
  readonly changeList: Split<ChangeListItem> & { readonly isTruncated: boolean };
  readonly hiddenByRule: readonly HiddenCount[];
  /** Tester-readable notes: degraded diffs, truncated lists. */
  readonly notes: readonly string[];
}

/** Sorts items into shown and hidden, by whether a rule marked them. */
export function split<T extends { readonly hiddenBy?: string }>(items: readonly T[]): Split<T> {
  const shown: T[] = [];
  const hidden: (T & { hiddenBy: string })[] = [];
  for (const item of items) {
    if (item.hiddenBy === undefined) shown.push(item);
    else hidden.push(item as T & { hiddenBy: string });
  }
  return { shown, hidden };
}

/** The item, marked with the first rule that hides its path (model or element path). */
export function hideChangeListItem(
  item: ChangeListItem,
  rules: RuleMatcher,
): ChangeListItem & { hiddenBy?: string } {
  const rule = item.pathKind === 'model' ? rules.model(item.path) : rules.element(item.path);
  return rule ? { ...item, hiddenBy: rule.id } : item;
}

/** How many differences each rule of the profile hid; rules that hid nothing are left out. */
export function countHidden(
  profile: ResolvedProfile,
  metadata: Split<MetadataChange>,
  content: Split<ContentChange>,
  changeList: Split<ChangeListItem>,
): HiddenCount[] {
  return profile.rules
    .map((rule) => {
      const count = (list: readonly { hiddenBy: string }[]) =>
        list.filter((item) => item.hiddenBy === rule.id).length;
      return {
        rule: rule.id,
        reason: rule.reason,
        metadata: count(metadata.hidden),
        content: count(content.hidden),
        changeList: count(changeList.hidden),
      };
    })
    .filter((entry) => entry.metadata + entry.content + entry.changeList > 0);
}
