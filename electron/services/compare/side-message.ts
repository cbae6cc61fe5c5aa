/**
 * A reader's message about one side of a comparison, naming the side: "The right document is
 * empty." rather than "The right document: The document is empty." (issue 7 review, finding G:
 * a capital after the colon and the document named twice), and "The left document is not one
 * Archivist can read: …" rather than "The left document: archivist cannot read this: …".
 */
const cannotRead = 'Archivist cannot read this: ';

/** A reader's `message` as one sentence about the `side` document. */
export function sideMessage(side: 'left' | 'right', message: string): string {
  if (message.startsWith('The document ')) return `The ${side} ${message.slice(4)}`;
  if (message.startsWith(cannotRead))
    return `The ${side} document is not one Archivist can read: ${message.slice(cannotRead.length)}`;
  // Lower-case the inner sentence's first letter unless it starts an acronym (XML, UTF-8).
  const first = message.charAt(0);
  const isWord =
    first !== first.toLowerCase() && message.charAt(1) === message.charAt(1).toLowerCase();
  return `The ${side} document: ${isWord ? first.toLowerCase() + message.slice(1) : message}`;
}

/** How every sideMessage starts. */
const namedSide = /^The (left|right) document/;

/**
 * A sideMessage with the side's file named as the user gave it: "The right document (b.xml) is
 * empty (0 bytes)." The compare worker, which makes the message, has only the bytes; the command
 * line knows the names. Other messages are returned as they are.
 */
export function withSideNames(
  message: string,
  names: { readonly left: string; readonly right: string },
): string {
  return message.replace(
    namedSide,
    (phrase: string, side: 'left' | 'right') => `${phrase} (${names[side]})`,
  );
}

/**
 * A message about a side that could not be fetched, naming the side and where it comes from:
 * "The left document (Down environment · seed-doc-50): cannot reach 127.0.0.1:47899: …" rather
 * than a bare "Cannot reach …" that left the tester guessing which side failed (issue 7 review,
 * item 7). A message that already names its side is returned as it is.
 */
export function fetchFailureMessage(
  side: 'left' | 'right',
  label: string,
  message: string,
): string {
  if (namedSide.test(message)) return message;
  const names = side === 'left' ? { left: label, right: '' } : { left: '', right: label };
  return withSideNames(sideMessage(side, message), names);
}
