/**
 * Cut parts: where the index writer closes one postings part and opens the next
 * (format/index-format.ts, "Parts and files"): by leading character, under a byte budget.
 * One rule, two ways to drive it: `PartCutter` takes the terms one at a time (the
 * streaming builder, stream-index.ts, which never holds every term), `cutParts` a whole
 * sorted list (index-writer.ts). Both run the same code, so both cut alike.
 */

/** The first code point of a term, as a string (the unit parts are grouped by). */
function leading(term: string): string {
  const c = term.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? term.slice(0, 2) : term.slice(0, 1);
}

/**
 * Cuts terms, given in sorted order, into parts. Terms are taken in groups of one
 * leading character; a group joins the current part if the part stays within the budget
 * (and the term limit), else starts a new part; a group larger than the budget is cut
 * into parts of its own, each as full as the budget allows (a term larger than the
 * budget is a part by itself). `emit` receives each part's items in order; an empty
 * input gives one empty part.
 *
 * It holds the open part and the group being read, each at most the budget (and the term
 * limit) plus one term: a group is known to be over the budget as soon as what was read
 * of it is, and from then on its terms go straight to parts of its own.
 */
export class PartCutter<T> {
  private part: T[] = [];
  private partBytes = 0;
  private group: T[] = [];
  private groupSizes: number[] = [];
  private groupBytes = 0;
  private lead: string | undefined;
  /** The group being read is over the budget alone: its terms fill parts of their own. */
  private alone = false;
  private parts = 0;

  constructor(
    private readonly budget: number,
    private readonly maxTerms: number,
    private readonly emit: (items: T[]) => void,
  ) {}

  /** The next term (after the previous one in code-unit order), its size, and what the part keeps of it. */
  add(term: string, size: number, item: T): void {
    const lead = leading(term);
    if (lead !== this.lead) {
      this.endGroup();
      this.lead = lead;
    }
    if (this.alone) return this.fill(item, size);
    this.group.push(item);
    this.groupSizes.push(size);
    this.groupBytes += size;
    if (this.groupBytes > this.budget || this.group.length > this.maxTerms) {
      this.alone = true;
      this.close();
      this.group.forEach((g, i) => this.fill(g, this.groupSizes[i]!));
      this.clearGroup();
    }
  }

  /** Closes the last part. */
  finish(): void {
    this.endGroup();
    this.close();
    if (this.parts === 0) {
      this.parts++;
      this.emit([]);
    }
  }

  /** One term of a group over the budget: into the open part, or a new one when it would overflow. */
  private fill(item: T, size: number): void {
    if (this.part.length > 0 && (this.partBytes + size > this.budget || this.part.length >= this.maxTerms)) this.close();
    this.part.push(item);
    this.partBytes += size;
  }

  private endGroup(): void {
    if (this.alone) {
      this.alone = false;
      this.close();
      return;
    }
    if (this.group.length === 0) return;
    if (!(this.partBytes + this.groupBytes <= this.budget && this.part.length + this.group.length <= this.maxTerms)) this.close();
    this.part.push(...this.group);
    this.partBytes += this.groupBytes;
    this.clearGroup();
  }

  private clearGroup(): void {
    this.group = [];
    this.groupSizes = [];
    this.groupBytes = 0;
  }

  private close(): void {
    if (this.part.length === 0) return;
    this.parts++;
    this.emit(this.part);
    this.part = [];
    this.partBytes = 0;
  }
}

/** Cuts the sorted terms into parts with PartCutter's rule: [start, end) index ranges. */
export function cutParts(terms: readonly string[], sizes: readonly number[], budget: number, maxTerms: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const cutter = new PartCutter<number>(budget, maxTerms, (items) => {
    parts.push(items.length === 0 ? [0, 0] : [items[0]!, items[items.length - 1]! + 1]);
  });
  terms.forEach((term, i) => cutter.add(term, sizes[i]!, i));
  cutter.finish();
  return parts;
}
