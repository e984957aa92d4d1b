/**
 * Page script: the one script every page loads (assets/site.js). Starts the
 * search UI and offline reading, both relative to the site root, which is found
 * from this script's own address so the site works at any sub-path.
 */
import { resetSearchBackend, startSearchUi } from "../search/client/search-ui.ts";
import { startOffline } from "../offline/offline-ui.ts";

// The script lives at assets/site.js: the site root is one folder up.
const script = document.currentScript as HTMLScriptElement | null;
const siteRoot = new URL("..", script?.src ?? location.href);

startSearchUi(siteRoot);
startOffline(siteRoot, resetSearchBackend);
