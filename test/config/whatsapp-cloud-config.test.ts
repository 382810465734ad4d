import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const FULL = {
  WHATSAPP_CLOUD_TOKEN: 'EAAGsecretTOKENvalue1234567890',
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_CLOUD_APP_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
  WHATSAPP_CLOUD_VERIFY_TOKEN: 'verify-token-chosen-by-office',
};

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('WhatsApp Business Platform configuration', () => {
  it('should be off by default, with the Graph root, template and failover defaults', () => {
    const c = loadConfig({});
    expect(c.WHATSAPP_CLOUD_TOKEN).toBeUndefined();
    expect(c.WHATSAPP_CLOUD_API_ROOT).toBe('https://graph.facebook.com/v21.0');
    expect(c.WHATSAPP_CLOUD_TEMPLATE_STATUS).toBe('loket_status_update');
    expect(c.WHATSAPP_CLOUD_TEMPLATE_LANG).toBe('id');
    expect(c.WHATSAPP_CLOUD_TEMPLATE_NEW_NUMBER).toBe('loket_nomor_baru');
    expect(c.WHATSAPP_FAILOVER_MINUTES).toBe(15);
  });

  it('should take all four credentials, and a root without its trailing slash', () => {
    const c = loadConfig({ ...FULL, WHATSAPP_CLOUD_API_ROOT: 'http://127.0.0.1:9999/v21.0/' });
    expect(c.WHATSAPP_CLOUD_PHONE_NUMBER_ID).toBe(FULL.WHATSAPP_CLOUD_PHONE_NUMBER_ID);
    expect(c.WHATSAPP_CLOUD_API_ROOT).toBe('http://127.0.0.1:9999/v21.0');
  });

  it('should name every missing credential when only some are set, never echoing a secret', () => {
    const msg = messageOf({ WHATSAPP_CLOUD_TOKEN: FULL.WHATSAPP_CLOUD_TOKEN });
    expect(msg).toMatch(/WHATSAPP_CLOUD_PHONE_NUMBER_ID: required/);
    expect(msg).toMatch(/WHATSAPP_CLOUD_APP_SECRET: required/);
    expect(msg).toMatch(/WHATSAPP_CLOUD_VERIFY_TOKEN: required/);
    expect(msg).not.toContain(FULL.WHATSAPP_CLOUD_TOKEN);
  });

  it('should refuse a malformed token or secret without echoing it', () => {
    const msg = messageOf({
      ...FULL,
      WHATSAPP_CLOUD_TOKEN: 'bad token with spaces',
      WHATSAPP_CLOUD_APP_SECRET: 'x!',
    });
    expect(msg).toMatch(/WHATSAPP_CLOUD_TOKEN/);
    expect(msg).toMatch(/WHATSAPP_CLOUD_APP_SECRET/);
    expect(msg).not.toContain('bad token with spaces');
    expect(msg).not.toContain('"x!"');
  });

  it('should refuse a phone number in place of its id, and a bad template name', () => {
    expect(messageOf({ ...FULL, WHATSAPP_CLOUD_PHONE_NUMBER_ID: '+62 812' })).toMatch(
      /WHATSAPP_CLOUD_PHONE_NUMBER_ID: expected the numeric phone number ID/,
    );
    expect(messageOf({ WHATSAPP_CLOUD_TEMPLATE_STATUS: 'Status Update' })).toMatch(
      /WHATSAPP_CLOUD_TEMPLATE_STATUS/,
    );
    expect(messageOf({ WHATSAPP_CLOUD_TEMPLATE_NEW_NUMBER: 'nomor-baru' })).toMatch(
      /WHATSAPP_CLOUD_TEMPLATE_NEW_NUMBER/,
    );
    expect(messageOf({ WHATSAPP_FAILOVER_MINUTES: '-1' })).toMatch(/WHATSAPP_FAILOVER_MINUTES/);
  });
});
