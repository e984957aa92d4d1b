/**
 * Offline UI: registers the service worker (over http only; pages opened from
 * disk read and search without one) and runs the footer's "保存全站以离线阅读"
 * action. A page view reads no manifest: what was saved is remembered in
 * localStorage. Only when the reader asks to save does it read the root manifest
 * (save-archive.ts) to show the sizes of the whole archive and of each year (and,
 * once a year is chosen, its months), then save the chosen range with a progress
 * bar, cancel and resume. A save the reader started goes on by itself when the
 * page is opened again or the network comes back: on the `online` event, and, since a
 * server that went away and came back (a restart, a redeploy) fires no event, on a
 * timer, RETRY_MS after the first interruption and twice as long after each further
 * one, up to RETRY_MAX_MS.
 */
import { formatBytes, monthChoices, NewBuildError, planSave, rangeChoices, readRoot, runSave, type RangeChoice } from "./save-archive.ts";
import type { RootManifest } from "./manifest-format.ts";

/** The range being saved, and whether the reader paused it: `{range, label, paused?}`. */
const SAVING_KEY = "banmian-saving";
/** What was saved: `{range, label}` of each finished save. */
const SAVED_KEY = "banmian-saved";
/** The first retry of an interrupted save, and the longest wait between two. */
const RETRY_MS = 2000;
const RETRY_MAX_MS = 60_000;

interface Saving {
  range: string;
  label: string;
  paused?: boolean;
}

interface Elements {
  section: HTMLElement;
  status: HTMLElement;
  save: HTMLButtonElement;
  cancel: HTMLButtonElement;
  progress: HTMLProgressElement;
  range: HTMLSelectElement;
  month: HTMLSelectElement;
}

function readJson<T>(key: string): T | undefined {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? "null") as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function select(label: string, data: string): HTMLSelectElement {
  const el = document.createElement("select");
  el.setAttribute("aria-label", label);
  el.setAttribute(data, "");
  el.hidden = true;
  return el;
}

const describe = (c: RangeChoice) => `${c.label}(${formatBytes(c.bytes)})`;

export function startOffline(root: URL, onNewBuild: () => void): void {
  if (!/^https?:$/u.test(root.protocol) || !("serviceWorker" in navigator) || !("caches" in window)) return;
  void navigator.serviceWorker.register(new URL("sw.js", root)).catch(() => undefined);
  navigator.serviceWorker.addEventListener("message", (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === "banmian-updated") {
      onNewBuild();
      if (!running) showIdle();
    }
  });

  const section = document.querySelector<HTMLElement>("[data-offline]");
  if (!section) return;
  const el: Elements = {
    section,
    status: section.querySelector("[data-offline-status]")!,
    save: section.querySelector("[data-offline-save]")!,
    cancel: section.querySelector("[data-offline-cancel]")!,
    progress: section.querySelector("progress")!,
    range: select("保存范围", "data-offline-range"),
    month: select("月份", "data-offline-month"),
  };
  el.save.before(el.range, " ", el.month, " ");
  let running: AbortController | undefined;
  /** Set once the reader asked to save: the root and the choices it offers. */
  let choosing: { manifest: RootManifest; choices: RangeChoice[] } | undefined;

  const saved = () => readJson<{ range: string; label: string }[]>(SAVED_KEY) ?? [];
  const savedWhole = () => saved().some((s) => s.range === "*");

  function showIdle(): void {
    choosing = undefined;
    el.section.hidden = false;
    el.range.hidden = el.month.hidden = true;
    const saving = readJson<Saving>(SAVING_KEY);
    const done = saved();
    if (savedWhole()) {
      el.status.textContent = "全站已保存，断网也能阅读和检索。";
      el.save.hidden = true;
      return;
    }
    el.status.textContent = done.length
      ? `已保存${done.map((s) => s.label).join("、")}，断网也能阅读。`
      : "可以把全站或某年、某月的版面保存在本机，断网也能阅读。";
    el.save.hidden = false;
    el.save.textContent = saving ? `继续保存${saving.label}` : "保存全站以离线阅读";
  }

  const chosen = (): RangeChoice | undefined => {
    if (!choosing) return undefined;
    const month = el.month.hidden ? "" : el.month.value;
    const year = choosing.choices.find((c) => c.key === el.range.value);
    return (month && monthsShown.find((c) => c.key === month)) || year;
  };
  let monthsShown: RangeChoice[] = [];

  function showChoice(): void {
    const c = chosen();
    if (!c) return;
    el.status.textContent = `保存${c.label}需下载约 ${formatBytes(c.bytes)}（${c.files} 个文件，已在本机的不再下载）。`;
  }

  async function choose(): Promise<void> {
    el.status.textContent = "正在查看全站的大小…";
    try {
      const manifest = await readRoot(root);
      choosing = { manifest, choices: rangeChoices(manifest) };
    } catch {
      el.status.textContent = "暂时无法读取网站的文件清单；请联网后刷新页面再试。";
      return;
    }
    el.range.replaceChildren(...choosing.choices.map((c) => new Option(describe(c), c.key)));
    el.range.hidden = false;
    el.save.textContent = "开始保存";
    showChoice();
  }

  el.range.addEventListener("change", () => {
    el.month.hidden = true;
    monthsShown = [];
    showChoice();
    const year = el.range.value;
    if (!choosing || year === "*") return;
    const manifest = choosing.manifest;
    void monthChoices(root, manifest, year).then(
      (months) => {
        if (el.range.value !== year) return;
        monthsShown = months;
        el.month.replaceChildren(new Option("全年", ""), ...months.map((c) => new Option(describe(c), c.key)));
        el.month.hidden = months.length < 2;
      },
      () => undefined,
    );
  });
  el.month.addEventListener("change", showChoice);

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;

  async function save(target: Saving): Promise<void> {
    if (running) return;
    clearTimeout(retryTimer);
    const controller = (running = new AbortController());
    localStorage.setItem(SAVING_KEY, JSON.stringify({ range: target.range, label: target.label }));
    el.save.hidden = true;
    el.range.hidden = el.month.hidden = true;
    el.cancel.hidden = false;
    el.progress.hidden = false;
    el.progress.value = 0;
    el.status.textContent = `正在准备保存${target.label}…`;
    try {
      await navigator.serviceWorker.ready;
      const plan = await planSave(root, choosing?.manifest ?? (await readRoot(root)), target.range);
      el.status.textContent = `正在保存${target.label}：0/${plan.missing.length} 个文件…`;
      const { damaged } = await runSave(root, plan, controller.signal, (p) => {
        el.progress.value = p.totalBytes ? p.doneBytes / p.totalBytes : 1;
        el.status.textContent = `正在保存${target.label}：${p.doneFiles}/${p.totalFiles} 个文件，${formatBytes(p.doneBytes)}/${formatBytes(p.totalBytes)}`;
      });
      localStorage.removeItem(SAVING_KEY);
      retries = 0;
      localStorage.setItem(SAVED_KEY, JSON.stringify([...saved().filter((s) => s.range !== target.range), { range: target.range, label: target.label }]));
      running = undefined;
      el.cancel.hidden = true;
      el.progress.hidden = true;
      showIdle();
      el.status.textContent = damaged.length
        ? `${target.label}已保存 ${plan.files.size - damaged.length} 个文件；服务器上有 ${damaged.length} 个文件与本版清单不符（可能已损坏），未能保存：${damaged.slice(0, 3).join("、")}${damaged.length > 3 ? " 等" : ""}。再次保存会重试这些文件。`
        : target.range === "*"
          ? `全站 ${plan.files.size} 个文件（${formatBytes(plan.totalBytes)}）已保存，断网也能阅读和检索。`
          : `${target.label}的 ${plan.files.size} 个文件（${formatBytes(plan.totalBytes)}）已保存，断网也能阅读。`;
    } catch (e) {
      const message = controller.signal.aborted
        ? "已暂停保存；已下载的部分保留，可随时继续。"
        : e instanceof NewBuildError
          ? "网站刚刚更新，正在准备新版本；请稍后刷新页面再保存。"
          : "下载中断；已下载的部分保留，联网后会自动继续。";
      running = undefined;
      el.cancel.hidden = true;
      el.progress.hidden = true;
      showIdle();
      el.status.textContent = `${message} ${el.status.textContent}`;
      if (!controller.signal.aborted && !(e instanceof NewBuildError)) {
        retryTimer = setTimeout(resume, Math.min(RETRY_MS * 2 ** retries, RETRY_MAX_MS));
        retries++;
      }
    }
  }

  el.save.addEventListener("click", () => {
    const saving = readJson<Saving>(SAVING_KEY);
    if (saving && !choosing) return void save(saving);
    if (!choosing) return void choose();
    const c = chosen();
    if (c) void save({ range: c.key, label: c.label });
  });
  el.cancel.addEventListener("click", () => {
    const saving = readJson<Saving>(SAVING_KEY);
    if (saving) localStorage.setItem(SAVING_KEY, JSON.stringify({ ...saving, paused: true }));
    clearTimeout(retryTimer);
    running?.abort();
  });
  function resume(): void {
    const saving = readJson<Saving>(SAVING_KEY);
    if (saving && !saving.paused && navigator.onLine) void save(saving);
  }
  window.addEventListener("online", resume);
  // Saving goes through the service worker, so the action appears once it runs.
  void navigator.serviceWorker.ready.then(() => {
    if (!running) showIdle();
    resume();
  });
}
