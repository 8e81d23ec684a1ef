/** The error boundary's fallback, rendered to HTML without a browser (the boundary catching in a page is e2e/crash.spec.ts). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { useLanguage } from './i18n';

/** What the boundary draws once `error` was thrown below it. */
function drawnAfter(error: unknown): string {
  const boundary = new ErrorBoundary({ children: createElement('p', null, 'the app') });
  boundary.state = ErrorBoundary.getDerivedStateFromError(error);
  return renderToStaticMarkup(createElement(() => boundary.render()));
}

describe('ErrorBoundary', () => {
  afterEach(() => useLanguage.setState({ language: 'en' }));

  it('draws its children while nothing has gone wrong', () => {
    const boundary = new ErrorBoundary({ children: createElement('p', null, 'the app') });
    expect(renderToStaticMarkup(createElement(() => boundary.render()))).toBe('<p>the app</p>');
  });

  it('after an error: a message, Reload, Reset to defaults, and the error text, in English', () => {
    const html = drawnAfter(new RangeError('target expression does not compile'));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Something went wrong');
    expect(html).toContain('Reload the page');
    expect(html).toContain('Reset to defaults');
    expect(html).toContain('target expression does not compile');
    expect(html).not.toContain('the app');
  });

  it('and in Chinese', () => {
    useLanguage.setState({ language: 'zh' });
    const html = drawnAfter(new Error('boom'));
    expect(html).toContain('出错了');
    expect(html).toContain('重新加载页面');
    expect(html).toContain('恢复默认设置');
  });

  it('quotes what was thrown: anything, shortened, with no markup or control characters', () => {
    expect(ErrorBoundary.getDerivedStateFromError('plain string')).toEqual({
      error: 'plain string',
    });
    const long = ErrorBoundary.getDerivedStateFromError(
      new Error(`${'x'.repeat(300)}\u0000`),
    ).error!;
    expect(long).toBe(`${'x'.repeat(200)}…`);
    expect(drawnAfter(new Error('<img src=x onerror=alert(1)>'))).toContain(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
  });
});
