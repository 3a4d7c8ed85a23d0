import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import i18n from '../lib/i18n';
import { DEFAULT_LANGUAGE } from '../lib/i18n/language';

// findBy*/waitFor give up after 1 s by default. On CI's 2 cores, with Vitest's workers running side by side,
// a screen that writes to IndexedDB (the offline queue) and re-renders can take longer than that: wait up to
// 10 s (still far below the 60 s test timeout), so a slow machine is not a failing test.
configure({ asyncUtilTimeout: 10000 });

// jsdom has no matchMedia, which antd's Grid and responsive features call.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

// Nor ResizeObserver, which antd's Select/TreeSelect popups use to size themselves.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoopResizeObserver });

afterEach(async () => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  await i18n.changeLanguage(DEFAULT_LANGUAGE);
});
