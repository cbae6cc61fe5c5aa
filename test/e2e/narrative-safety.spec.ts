/**
 * Hostile narrative end to end: a document whose section text carries a script, event
 * handlers, an external image, an iframe and a javascript: link is stored in the sandbox and
 * opened; the Narrative tab shows its text with none of those active, and a web link opens only
 * after confirmation (the harness then explains it cannot open links).
 */
import { expect, test } from './fixtures';
import { DocumentView } from './pages/inspector';

const hostileText = `<text>
  <paragraph>Visible paragraph <content ID="c1" onclick="alert(1)">with content</content>.</paragraph>
  <script>window.__narrativeScriptRan = true</script>
  <iframe src="http://127.0.0.1:1/frame"></iframe>
  <renderMultiMedia referencedObject="MM1"/>
  <img src="http://127.0.0.1:1/pixel.png"/>
  <linkHtml href="javascript:alert(2)">script link</linkHtml>
  <linkHtml href="https://www.kanta.fi/">web link</linkHtml>
  <table><tbody><tr><td colspan="2" style="background:url(http://127.0.0.1:1/bg)">cell</td></tr></tbody></table>
</text>`;

test('a hostile narrative renders inert: no script, frame, image or live link', async ({
  shell,
  page,
  app,
}) => {
  const base = app.sandboxUrl;
  const original = await (await fetch(`${base}/Binary/seed-binary-1`)).text();
  const hostile = original.replace(/<text>[\s\S]*?<\/text>/, hostileText);
  expect(hostile).not.toBe(original);
  const reference = await (await fetch(`${base}/DocumentReference/seed-doc-1`)).json();
  const created = await fetch(`${base}/DocumentReference`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify({
      ...reference,
      id: undefined,
      meta: undefined,
      identifier: [],
      masterIdentifier: undefined,
      relatesTo: undefined,
      content: [
        {
          attachment: {
            contentType: 'application/hl7-v3+xml',
            data: Buffer.from(hostile).toString('base64'),
          },
        },
      ],
    }),
  });
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { id: string }).id;

  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/doc/${id}/narrative`);
  const view = new DocumentView(page);
  await expect(view.panel).toContainText('Visible paragraph with content.');
  await expect(view.panel.locator('script, iframe, img, object, [onclick], [style]')).toHaveCount(
    0,
  );
  await expect(view.panel).toContainText('[embedded media not loaded]');
  await expect(view.panel).toContainText('[link to javascript:alert(2) not followed]');
  await expect(view.panel.locator('a')).toHaveCount(0);
  await expect(view.panel.locator('td[colspan="2"]')).toHaveText('cell');
  expect(await page.evaluate(() => '__narrativeScriptRan' in window)).toBe(false);

  await view.panel.getByRole('button', { name: 'Open link…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Open link' });
  await expect(confirm).toContainText('https://www.kanta.fi/');
  await confirm.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not-available' })).toBeVisible();
});
