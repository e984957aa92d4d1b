/**
 * Offline UI: registers the service worker (over http only; pages opened from
 * disk read and search without one) and runs the footer's "保存全站以离线阅读"
 * action: what it will download, a progress bar, cancel, resume, and what is
 * saved. A save the reader started goes on by itself when the page is opened
 * again or the network comes back.
 */
import { formatBytes, NewBuildError, planSave, runSave, type SavePlan } from "./save-archive.ts";

const SAVING_KEY = "banmian-saving";

interface Elements {
  section: HTMLElement;
  status: HTMLElement;
  save: HTMLButtonElement;
  cancel: HTMLButtonElement;
  progress: HTMLProgressElement;
}

export function startOffline(root: URL, onNewBuild: () => void): void {
  if (!/^https?:$/u.test(root.protocol) || !("serviceWorker" in navigator) || !("caches" in window)) return;
  void navigator.serviceWorker.register(new URL("sw.js", root)).catch(() => undefined);
  navigator.serviceWorker.addEventListener("message", (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === "banmian-updated") {
      onNewBuild();
      void refresh();
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
  };
  let running: AbortController | undefined;

  const show = (plan: SavePlan) => {
    const total = Object.keys(plan.manifest.files).length;
    if (plan.missing.length === 0) {
      el.status.textContent = `全站 ${total} 个文件(${formatBytes(plan.totalBytes)})已保存,断网也能阅读和检索。`;
      el.save.hidden = true;
    } else {
      const saved = total - plan.missing.length;
      el.status.textContent = saved > 0 && localStorage.getItem(SAVING_KEY)
        ? `已保存 ${saved}/${total} 个文件;还需下载 ${formatBytes(plan.missingBytes)}。`
        : `保存全站需下载 ${plan.missing.length} 个文件,约 ${formatBytes(plan.missingBytes)}(全站共 ${formatBytes(plan.totalBytes)})。`;
      el.save.hidden = false;
      el.save.textContent = localStorage.getItem(SAVING_KEY) ? "继续保存全站" : "保存全站以离线阅读";
    }
  };

  async function refresh(): Promise<SavePlan | undefined> {
    try {
      await navigator.serviceWorker.ready;
      const plan = await planSave(root);
      el.section.hidden = false;
      if (!running) show(plan);
      return plan;
    } catch {
      return undefined; // no worker yet (first visit still installing): the next page view shows the action
    }
  }

  async function save(): Promise<void> {
    if (running) return;
    const plan = await refresh();
    if (!plan) return;
    localStorage.setItem(SAVING_KEY, plan.manifest.version);
    running = new AbortController();
    el.save.hidden = true;
    el.cancel.hidden = false;
    el.progress.hidden = false;
    el.progress.value = 0;
    el.status.textContent = `正在保存:0/${plan.missing.length} 个文件…`;
    try {
      await runSave(root, plan, running.signal, (p) => {
        el.progress.value = p.totalBytes ? p.doneBytes / p.totalBytes : 1;
        el.status.textContent = `正在保存:${p.doneFiles}/${p.totalFiles} 个文件,${formatBytes(p.doneBytes)}/${formatBytes(p.totalBytes)}`;
      });
      localStorage.removeItem(SAVING_KEY);
    } catch (e) {
      const message = running.signal.aborted
        ? "已暂停保存;已下载的部分保留,可随时继续。"
        : e instanceof NewBuildError
          ? "网站刚刚更新,正在准备新版本;请稍后刷新页面再保存。"
          : "下载中断;已下载的部分保留,联网后会自动继续。";
      running = undefined;
      el.cancel.hidden = true;
      el.progress.hidden = true;
      const plan2 = await refresh();
      el.status.textContent = `${message}${plan2 ? ` ${el.status.textContent}` : ""}`;
      return;
    }
    running = undefined;
    el.cancel.hidden = true;
    el.progress.hidden = true;
    await refresh();
  }

  el.save.addEventListener("click", () => void save());
  el.cancel.addEventListener("click", () => {
    localStorage.setItem(SAVING_KEY, "paused");
    running?.abort();
  });
  window.addEventListener("online", () => {
    if (localStorage.getItem(SAVING_KEY) && localStorage.getItem(SAVING_KEY) !== "paused") void save();
  });
  void refresh().then((plan) => {
    const flag = localStorage.getItem(SAVING_KEY);
    if (plan && plan.missing.length && flag && flag !== "paused" && navigator.onLine) void save();
  });
}
