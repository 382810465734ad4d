import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('WhatsApp configuration', () => {
  it('should be off by default with safe pacing', () => {
    const c = loadConfig({});
    expect(c.WHATSAPP_ENABLED).toBe(false);
    expect(c.WHATSAPP_SESSION).toBe('default');
    expect(c.WHATSAPP_SEND_INTERVAL_MS).toBe(1000);
    expect(c.WHATSAPP_CHAT_RATE_LIMIT).toBe(20);
    expect(c.WHATSAPP_PAIRING_NUMBER).toBeUndefined();
  });

  it('should accept a pairing number written the way people write it', () => {
    const c = loadConfig({ WHATSAPP_ENABLED: 'true', WHATSAPP_PAIRING_NUMBER: '+62 812-3456-7890' });
    expect(c.WHATSAPP_ENABLED).toBe(true);
    expect(c.WHATSAPP_PAIRING_NUMBER).toBe('6281234567890');
  });

  it('should refuse a local number without country code, and a bad session name, naming the variable', () => {
    expect(() => loadConfig({ WHATSAPP_PAIRING_NUMBER: '081234567890' })).toThrow(ConfigError);
    expect(() => loadConfig({ WHATSAPP_PAIRING_NUMBER: '081234567890' })).toThrow(/WHATSAPP_PAIRING_NUMBER/);
    expect(() => loadConfig({ WHATSAPP_SESSION: 'Nomor Utama!' })).toThrow(/WHATSAPP_SESSION/);
  });
});
