import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { I18nProvider } from '../i18n/context.tsx';
import { StaticSession } from '../session.tsx';
import { sessionOf } from '../test/fixtures.ts';
import ImportsPage from './ImportsPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ImportsPage', () => {
  it('lists the rows of a refused import and downloads the file annotated with them', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (path === '/api/openapi.json') return json({ paths: { '/api/imports': {} } });
      if (path === '/api/imports') {
        return json(
          {
            error: {
              code: 'import.rows_invalid',
              message: '1 row cannot be imported',
              details: {
                errors: [
                  {
                    line: 3,
                    column: 'E',
                    header: 'Unit',
                    field: 'lines.unit',
                    message: 'Unknown unit "litre".',
                  },
                ],
              },
            },
          },
          422,
        );
      }
      if (path === '/api/imports/annotated') return new Response(new Blob(['xlsx']), { status: 200 });
      return json({ error: { code: 'request.unknown_route', message: 'no route' } }, 404);
    });
    vi.stubGlobal('fetch', fetchMock);
    // The browser's download path: a blob URL for a link that is clicked.
    const created = vi.fn(() => 'blob:annotated');
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    onTestFinished(() => {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    });

    const { container } = render(
      <I18nProvider initial="en">
        <StaticSession value={sessionOf(['partner_editor'])}>
          <ImportsPage />
        </StaticSession>
      </I18nProvider>,
    );
    const input = await waitFor(() => {
      const found = container.querySelector('input[type=file]');
      if (!found) throw new Error('no file input yet');
      return found as HTMLInputElement;
    });
    const file = new File(['Reference,Item,Quantity,Unit\n'], 'convoys.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.submit(container.querySelector('form') as HTMLFormElement);

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '1 row cannot be imported');
    expect(screen.getByText('Unknown unit "litre".')).toBeTruthy();
    fireEvent.click(screen.getByTestId('imports-annotated'));
    await waitFor(() => expect(created).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url) === '/api/imports/annotated') ?? [];
    const body = init?.body;
    expect(body).toBeInstanceOf(FormData);
    expect((body as FormData).get('kind')).toBe('organizations');
  });
});
