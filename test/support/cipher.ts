import { createAesGcmCipher } from '../../src/adapters/crypto/aes-gcm-cipher.js';
import type { FieldCipher } from '../../src/ports/field-cipher.js';

/** The data key every test process uses, so tests that share a database read each other's rows. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The field cipher of the test data key. */
export const testCipher: FieldCipher = createAesGcmCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
