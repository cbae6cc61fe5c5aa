/**
 * A reader's message about one side of a comparison, naming the side: "The right document is
 * empty." rather than "The right document: The document is empty." (issue 7 review, finding G:
 * a capital after the colon and the document named twice).
 */
export function sideMessage(side: 'left' | 'right', message: string): string {
  if (message.startsWith('The document ')) return `The ${side} ${message.slice(4)}`;
  // Lower-case the inner sentence's first letter unless it starts an acronym (XML, UTF-8).
  const first = message.charAt(0);
  const isWord =
    first !== first.toLowerCase() && message.charAt(1) === message.charAt(1).toLowerCase();
  return `The ${side} document: ${isWord ? first.toLowerCase() + message.slice(1) : message}`;
}
