import { beforeAll, describe, expect, it } from '@jest/globals';
import { Client, useHttpApp } from './http-fixture.js';

/**
 * The dead-letter page (`/console/dead-letters`): supervisors and admins see the parked
 * messages, newest first, chat masked; an error message written as markup shows as text.
 */
const app = useHttpApp('http_dead_letters');
const SCRIPT = '<script>alert(1)</script>';

beforeAll(async () => {
  const { repos } = app();
  await repos.deadLetters.park({
    channel: 'telegram',
    messageId: '4101',
    chatId: '123456789',
    kind: 'photo',
    error: `TypeError: ${SCRIPT}`,
    attempts: 5,
    parkedAt: new Date('2025-03-12T05:00:00Z'),
  });
  await repos.deadLetters.park({
    channel: 'telegram',
    messageId: '4102',
    kind: 'button',
    error: 'RangeError: later',
    attempts: 5,
    parkedAt: new Date('2025-03-12T06:00:00Z'),
  });
});

describe('GET /console/dead-letters', () => {
  it('should list the parked messages for a supervisor, newest first, chat masked, markup inert', async () => {
    const c = new Client(app().base);
    await c.login('sari');
    const { res, html } = await c.page('/console/dead-letters');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Pesan gagal diproses</h1>');
    expect(html).toContain('••••6789');
    expect(html).not.toContain('123456789');
    expect(html).toContain('Foto');
    expect(html).toContain('Tombol');
    expect(html).toContain('TypeError: &lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain(SCRIPT);
    expect(html.indexOf('4102')).toBeLessThan(html.indexOf('4101'));
    // 2025-03-12 12:00 WIB
    expect(html).toContain('2025-03-12 12:00');
  });

  it('should speak English when asked', async () => {
    const c = new Client(app().base);
    await c.login('admin');
    const { html } = await c.page('/console/dead-letters?lang=en');
    expect(html).toContain('Unprocessed messages');
    expect(html).toContain('Photo');
  });

  it('should refuse an officer with 403', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    const { res } = await c.page('/console/dead-letters');
    expect(res.status).toBe(403);
  });
});
