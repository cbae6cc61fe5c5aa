/**
 * Document text inside the English interface, marked with the document's language (review 9:
 * Finnish titles, narrative and quoted values were read with English rules by screen readers;
 * shared/documents/content-language.ts says which language).
 */
import {
  contentLanguage,
  defaultContentLanguage,
  documentTextRuns,
} from '../../../shared/documents/content-language';

/** Text the document wrote (a title, a value), in its language. */
export function DocumentText({
  text,
  languageCode,
}: {
  readonly text: string;
  readonly languageCode?: string;
}) {
  return <span lang={contentLanguage(languageCode)}>{text}</span>;
}

/** An interface sentence quoting the document: its quoted values and `names` in Finnish. */
export function QuotingSentence({
  text,
  names,
}: {
  readonly text: string;
  readonly names: readonly (string | undefined)[];
}) {
  return (
    <>
      {documentTextRuns(text, names).map((run, index) =>
        run.isDocument ? (
          <span key={index} lang={defaultContentLanguage}>
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
