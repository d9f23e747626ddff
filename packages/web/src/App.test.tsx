import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { I18nProvider } from './i18n/context.tsx';
import { formatPeriod } from './i18n/index.ts';
import { Dashboard } from './pages/Dashboard.tsx';
import { StaticSession } from './session.tsx';
import { fixtureTexts, sessionOf, stubFetch } from './test/fixtures.ts';
import { CLOSE, OPEN, pseudoCatalogue } from './test/pseudo.ts';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Every visible text node of `root`, trimmed, without the empty ones. */
function textNodes(root: Node): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  return texts;
}

describe('RTL pseudo-locale', () => {
  it('renders the dashboard right to left with every UI string from the catalogue', async () => {
    stubFetch();
    const { container } = render(
      <I18nProvider initial="ar" catalogue={pseudoCatalogue}>
        <StaticSession value={sessionOf(['coordinator'])}>
          <Dashboard />
        </StaticSession>
      </I18nProvider>,
    );
    await waitFor(() => expect(container.querySelector('[data-ready="true"]')).not.toBeNull());
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');

    // Whatever is neither a catalogue message, record data nor a figure or date from Intl was
    // written into a component.
    const intl = [formatPeriod('ar', { start: '2020-11-11', end: '2020-11-12', precision: 'day' })];
    const leaks = textNodes(container).filter(
      (text) =>
        !(text.includes(OPEN) || text.includes(CLOSE)) &&
        ![...fixtureTexts, ...intl].some((data) => text.includes(data)) &&
        !/^[\d\s,.%٬()·–—+:/\u200e\u200f-]*$/.test(text),
    );
    expect(leaks).toEqual([]);
  });
});

describe('language switch', () => {
  it('flips <html dir lang> and remembers the choice', async () => {
    render(
      <I18nProvider initial="ar">
        <LanguageSwitch />
      </I18nProvider>,
    );
    expect(document.documentElement.dir).toBe('rtl');
    screen.getByRole('button', { name: 'English' }).click();
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('tansiq.lang')).toBe('en');
  });
});

describe('navigation', () => {
  const links = () => screen.getAllByRole('link').map((a) => a.getAttribute('href'));

  it('shows a viewer only what a viewer may use', async () => {
    stubFetch();
    render(
      <I18nProvider initial="en">
        <StaticSession value={sessionOf(['viewer'])}>
          <App />
        </StaticSession>
      </I18nProvider>,
    );
    await screen.findByRole('navigation', { name: 'Main' });
    expect(links()).toContain('/evidence');
    expect(links()).not.toContain('/review');
    expect(links()).not.toContain('/imports');
    expect(links()).not.toContain('/admin');
  });

  it('shows an analyst the review queue and an admin everything', async () => {
    stubFetch();
    const { unmount } = render(
      <I18nProvider initial="en">
        <StaticSession value={sessionOf(['analyst'])}>
          <App />
        </StaticSession>
      </I18nProvider>,
    );
    await screen.findByRole('navigation', { name: 'Main' });
    expect(links()).toContain('/review');
    expect(links()).not.toContain('/admin');
    unmount();
    render(
      <I18nProvider initial="en">
        <StaticSession value={sessionOf(['admin'])}>
          <App />
        </StaticSession>
      </I18nProvider>,
    );
    await screen.findByRole('navigation', { name: 'Main' });
    expect(links()).toEqual(expect.arrayContaining(['/review', '/imports', '/admin']));
  });

  it('refuses a page the role does not allow, even by its address', async () => {
    stubFetch();
    window.history.replaceState(null, '', '/admin');
    render(
      <I18nProvider initial="en">
        <StaticSession value={sessionOf(['viewer'])}>
          <App />
        </StaticSession>
      </I18nProvider>,
    );
    expect(await screen.findByText('Not available to your role')).toBeTruthy();
  });
});

describe('errors', () => {
  it('shows the server message, localized by the server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'internal', message: 'رسالة الخادم' } }), {
            status: 500,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    render(
      <I18nProvider initial="ar">
        <StaticSession value={sessionOf(['coordinator'])}>
          <Dashboard />
        </StaticSession>
      </I18nProvider>,
    );
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]?.textContent).toContain('رسالة الخادم');
  });
});
