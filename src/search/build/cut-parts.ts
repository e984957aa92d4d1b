/**
 * Cut parts: where the index writer closes one postings part and opens the next
 * (format/index-format.ts, "Parts and files"): by leading character, under a byte budget.
 */

/** The first code point of a term, as a string (the unit parts are grouped by). */
function leading(term: string): string {
  const c = term.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? term.slice(0, 2) : term.slice(0, 1);
}

/**
 * Cuts the sorted terms into parts: [start, end) index ranges. Terms are taken in groups
 * of one leading character; a group joins the current part if the part stays within the
 * budget (and the term limit), else starts a new part; a group larger than the budget
 * is cut into parts of its own, each as full as the budget allows (a term larger than
 * the budget is a part by itself).
 */
export function cutParts(terms: readonly string[], sizes: readonly number[], budget: number, maxTerms: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  const close = (end: number) => {
    if (end > start) parts.push([start, end]);
    start = end;
    bytes = 0;
  };
  let g = 0;
  while (g < terms.length) {
    const lead = leading(terms[g]!);
    let end = g;
    let groupBytes = 0;
    while (end < terms.length && terms[end]!.startsWith(lead)) groupBytes += sizes[end++]!;
    if (bytes + groupBytes <= budget && end - start <= maxTerms) {
      bytes += groupBytes;
    } else if (groupBytes <= budget && end - g <= maxTerms) {
      close(g);
      bytes = groupBytes;
    } else {
      // Over the budget alone: consecutive parts of its own.
      close(g);
      for (let i = g; i < end; i++) {
        if (i > start && (bytes + sizes[i]! > budget || i - start >= maxTerms)) close(i);
        bytes += sizes[i]!;
      }
      close(end);
    }
    g = end;
  }
  close(terms.length);
  if (parts.length === 0) parts.push([0, 0]);
  return parts;
}

