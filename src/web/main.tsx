import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import './styles.css';
import { App } from './App';
import { FONT_FAMILY } from './theme';

// A tab left open across a release asks for chunks of the old build, which are gone (each
// build names its files by their content): load the page again once to get the new build.
// A reload a moment ago that did not help means the server is the problem: then the error shows.
window.addEventListener('vite:preloadError', (event) => {
  const key = 'gongzhi.reloadedForBuild';
  try {
    if (Date.now() - Number(sessionStorage.getItem(key) ?? 0) < 10_000) return;
    sessionStorage.setItem(key, String(Date.now()));
  } catch {
    return; // no storage: no way to tell a second failure from the first
  }
  event.preventDefault();
  location.reload();
});

const root = document.getElementById('root')!;
root.style.fontFamily = FONT_FAMILY;
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
