/**
 * What a menu option's `value` means. Values are self-describing strings because channels hand
 * them back as `choice` input, possibly from an old message: decoding needs no other context.
 */
export type MenuAction =
  | { kind: 'menu' }
  /** Go back to whatever the citizen was doing (the "no" of a yes/no offer). */
  | { kind: 'resume' }
  /** "Kembalikan isian tadi": bring back the draft just cancelled (restore.ts). */
  | { kind: 'restore' }
  | { kind: 'officer' }
  | { kind: 'status'; trackingNumber?: string }
  | { kind: 'help' }
  | { kind: 'consent'; given: boolean }
  | { kind: 'confirm' }
  | { kind: 'edit'; step: string }
  | { kind: 'apply'; service: string }
  | { kind: 'service'; service: string }
  | { kind: 'intent'; intent: string; service: string | null }
  | { kind: 'kelurahan'; code: string }
  /** The "Bukan" of "Maksud Anda Kelurahan ...?": type the name again. */
  | { kind: 'kelurahan_again' };

/** The option value for an action. */
export function encode(action: MenuAction): string {
  switch (action.kind) {
    case 'menu':
    case 'resume':
    case 'restore':
    case 'officer':
    case 'help':
    case 'confirm':
      return action.kind;
    case 'kelurahan_again':
      return 'kel-again';
    case 'status':
      return action.trackingNumber ? `status:${action.trackingNumber}` : 'status';
    case 'consent':
      return `consent:${action.given ? 'yes' : 'no'}`;
    case 'edit':
      return `edit:${action.step}`;
    case 'apply':
    case 'service':
      return `${action.kind}:${action.service}`;
    case 'intent':
      return `intent:${action.intent}:${action.service ?? ''}`;
    case 'kelurahan':
      return `kel:${action.code}`;
  }
}

/** The action an option value stands for; undefined for a flow's own option values. */
export function decode(value: string): MenuAction | undefined {
  if (
    value === 'menu' ||
    value === 'resume' ||
    value === 'restore' ||
    value === 'officer' ||
    value === 'help' ||
    value === 'confirm'
  ) {
    return { kind: value };
  }
  if (value === 'status') return { kind: 'status' };
  if (value === 'kel-again') return { kind: 'kelurahan_again' };
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const head = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (!rest) return undefined;
  switch (head) {
    case 'status':
      return { kind: 'status', trackingNumber: rest };
    case 'consent':
      return rest === 'yes' || rest === 'no' ? { kind: 'consent', given: rest === 'yes' } : undefined;
    case 'edit':
      return { kind: 'edit', step: rest };
    case 'apply':
    case 'service':
      return { kind: head, service: rest };
    case 'intent': {
      const [intent = '', service = ''] = rest.split(':');
      return intent ? { kind: 'intent', intent, service: service || null } : undefined;
    }
    case 'kel':
      return { kind: 'kelurahan', code: rest };
    default:
      return undefined;
  }
}

/** Values that stay valid when pressed on an old message: they mean the same from anywhere. */
export function isAlwaysValid(value: string): boolean {
  return value === 'menu' || value === 'officer' || value === 'help' || value === 'status';
}
