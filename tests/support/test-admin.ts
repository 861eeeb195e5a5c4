import type { CreatePartnershipInput } from '../../core/schemas/session';

/** A valid first-run request for tests: synthetic names, a strong passphrase. */
export const TEST_ADMIN_PASSPHRASE = 'correct horse battery staple 42';

export function testPartnershipInput(overrides: Partial<CreatePartnershipInput['admin']> = {}): CreatePartnershipInput {
  return {
    partnership: { kind: 'pilot', icbCode: 'south-yorkshire' },
    admin: { username: 'test.admin', displayName: 'Test Administrator', passphrase: TEST_ADMIN_PASSPHRASE, ...overrides },
  };
}
