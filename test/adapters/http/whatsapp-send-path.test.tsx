import { describe, expect, it } from '@jest/globals';
import { renderFragment } from '../../../src/adapters/http/views/html.js';
import { HealthTable } from '../../../src/adapters/http/views/whatsapp/health-table.js';
import type { WhatsAppStatus } from '../../../src/ports/whatsapp-session.js';

const base: WhatsAppStatus = {
  state: 'logged_out',
  since: new Date('2026-12-07T01:00:00Z'),
  reconnects: 0,
  badMacCount: 0,
  leaseOurs: true,
};

describe('WhatsApp page: which number sends', () => {
  it('should name the Cloud API number while the failover is in use, in Indonesian first', () => {
    const html = renderFragment(<HealthTable lang="id" s={{ ...base, sendPath: 'cloud' }} />);
    expect(html).toContain('data-send-path="cloud"');
    expect(html).toContain('Jalur kirim');
    expect(html).toContain('WhatsApp Business Platform');
    expect(renderFragment(<HealthTable lang="en" s={{ ...base, sendPath: 'baileys' }} />)).toContain(
      'This number (Baileys)',
    );
  });

  it('should show no path row when no failover is configured', () => {
    expect(renderFragment(<HealthTable lang="id" s={base} />)).not.toContain('data-send-path');
  });
});
