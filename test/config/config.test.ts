import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('should fill defaults from an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.TRACKING_PREFIX).toBe('PTSP');
    expect(c.UPLOAD_ALLOWED_TYPES).toContain('application/pdf');
    expect(c.MONGODB_URI).toBeUndefined();
    expect(c.ORPHAN_UPLOAD_DAYS).toBe(30);
    expect(c.OUTBOX_DAYS).toBe(30);
    expect(c.DRAFT_DAYS).toBe(30);
    expect(c.HANDOFF_MAX_PER_OFFICER).toBe(5);
  });

  it('should treat empty strings as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).PORT).toBe(3000);
  });

  it('should name the variable and the problem for a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ ORPHAN_UPLOAD_DAYS: '0' })).toThrow(/ORPHAN_UPLOAD_DAYS/);
    expect(() => loadConfig({ OUTBOX_DAYS: '0' })).toThrow(/OUTBOX_DAYS/);
    // The reminder goes 3 days before: a draft must be allowed to live longer than that.
    expect(() => loadConfig({ DRAFT_DAYS: '3' })).toThrow(/DRAFT_DAYS/);
    expect(loadConfig({ DRAFT_DAYS: '4' }).DRAFT_DAYS).toBe(4);
    expect(() => loadConfig({ HANDOFF_MAX_PER_OFFICER: '0' })).toThrow(/HANDOFF_MAX_PER_OFFICER/);
    expect(loadConfig({ HANDOFF_MAX_PER_OFFICER: '2' }).HANDOFF_MAX_PER_OFFICER).toBe(2);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*\(got "eighty"\)/);
    expect(() => loadConfig({ HOLIDAYS: '2026-12-25,25/12/2026' })).toThrow(
      /HOLIDAYS\.1: expected YYYY-MM-DD/,
    );
  });

  it('should never echo a database URI back', () => {
    expect(() => loadConfig({ MONGODB_URI: 'postgres://user:secret@h' })).toThrow(ConfigError);
    try {
      loadConfig({ MONGODB_URI: 'postgres://user:secret@h' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });

  it('should refuse an inbound lease shorter than a download time-out, naming both', () => {
    expect(loadConfig({}).INBOUND_LEASE_MS).toBe(60_000);
    expect(
      loadConfig({
        INBOUND_LEASE_MS: '8000',
        TELEGRAM_DOWNLOAD_TIMEOUT_MS: '3000',
        WHATSAPP_DOWNLOAD_TIMEOUT_MS: '3000',
      }).INBOUND_LEASE_MS,
    ).toBe(8000);
    expect(() => loadConfig({ INBOUND_LEASE_MS: '20000' })).toThrow(
      /INBOUND_LEASE_MS: must be at least TELEGRAM_DOWNLOAD_TIMEOUT_MS \(30000\)/,
    );
    expect(() => loadConfig({ INBOUND_LEASE_MS: '40000' })).toThrow(/at least WHATSAPP_DOWNLOAD_TIMEOUT_MS/);
    expect(() => loadConfig({ INBOUND_LEASE_MS: '1000' })).toThrow(/INBOUND_LEASE_MS/);
  });

  it('should refuse COOKIE_SECURE without TRUST_PROXY, where no login would ever stick', () => {
    expect(() => loadConfig({ COOKIE_SECURE: 'true' })).toThrow(
      /TRUST_PROXY: must be true when COOKIE_SECURE is true/,
    );
    const behindProxy = loadConfig({ COOKIE_SECURE: 'true', TRUST_PROXY: 'true' });
    expect(behindProxy.COOKIE_SECURE && behindProxy.TRUST_PROXY).toBe(true);
  });

  it('should take CATALOG_DIR as the overlay folder, and none by default', () => {
    expect(loadConfig({}).CATALOG_DIR).toBeUndefined();
    expect(loadConfig({ CATALOG_DIR: '/srv/loket-katalog' }).CATALOG_DIR).toBe('/srv/loket-katalog');
  });

  it('should take PUBLIC_URL without its trailing slash, and refuse one that is not http(s)', () => {
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://loket.desa-contoh.id/' }).PUBLIC_URL).toBe(
      'https://loket.desa-contoh.id',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'loket.desa-contoh.id' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://loket.desa-contoh.id' })).toThrow(/PUBLIC_URL/);
  });
});
