/**
 * Manifest tree: one build's manifests (manifest-format.ts) as the browser reads
 * them, a group at a time and only when needed. Given the root and a way to get a
 * manifest file, it answers a file's hash and size, and lists the files of a saved
 * range. The service worker gets manifests from its caches or the network and checks
 * each against the hash its parent lists; the save action gets them through the
 * service worker.
 */
import { groupOf, parseRange, type FileEntry, type ManifestNode, type RootManifest } from "./manifest-format.ts";

/** Gets the manifest of `chain`, which its parent lists with `hash`; undefined when it cannot. */
export type LoadManifest = (chain: string[], hash: string) => Promise<ManifestNode | undefined>;

export class ManifestTree {
  private readonly nodes = new Map<string, Promise<ManifestNode | undefined>>();

  constructor(
    readonly root: RootManifest,
    private readonly load: LoadManifest,
  ) {}

  /** The manifest of a group (`[group]`) or sub-group (`[group, sub]`). */
  node(chain: string[]): Promise<ManifestNode | undefined> {
    const key = chain.join("/");
    let node = this.nodes.get(key);
    if (!node) {
      node = (async () => {
        const parent = chain.length === 1 ? this.root : await this.node(chain.slice(0, -1));
        const ref = parent?.groups?.[chain.at(-1)!];
        return ref ? this.load(chain, ref.hash) : undefined;
      })();
      this.nodes.set(key, node);
      // A manifest that could not be had (offline, say) is asked for again next time.
      void node.then((n) => {
        if (!n && this.nodes.get(key) === node) this.nodes.delete(key);
      });
    }
    return node;
  }

  async entry(path: string): Promise<FileEntry | undefined> {
    const own = this.root.files[path];
    if (own) return own;
    const chain = groupOf(path, this.root.dirs);
    if (chain.length === 0) return undefined;
    return (await this.node(chain))?.files?.[path];
  }

  /** The sub-groups a range spans, as [group, sub] chains (loads the groups' manifests). */
  async chains(range: string): Promise<[string, string][]> {
    const { group, month } = parseRange(range);
    const out: [string, string][] = [];
    for (const g of group === undefined ? Object.keys(this.root.groups) : this.root.groups[group] ? [group] : []) {
      const node = await this.node([g]);
      if (!node) throw new Error(`the manifest of ${g} could not be loaded`);
      for (const [sub, ref] of Object.entries(node.groups ?? {})) {
        if (month === undefined || ref.date?.startsWith(month)) out.push([g, sub]);
      }
    }
    return out;
  }

  /** Every file of a range with its entry: the root's files, then those of the range's sub-groups. */
  async files(range: string): Promise<Map<string, FileEntry>> {
    const out = new Map(Object.entries(this.root.files));
    for (const chain of await this.chains(range)) {
      const node = await this.node(chain);
      if (!node) throw new Error(`the manifest of ${chain.join("/")} could not be loaded`);
      for (const [path, entry] of Object.entries(node.files ?? {})) out.set(path, entry);
    }
    return out;
  }
}
