import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { challengeResponseSchema } from '../../../core/sync/sync-protocol';
import { answerChallenge } from '../../../db/sync/auth-proof';
import { readSyncState } from '../../../db/sync/sync-state';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { httpCall } from '../../support/http-call';
import { demoOnServer } from '../../support/sync-partnership';

/** The keys of a JSON object and the length of each string value: what an observer can compare without the values. */
function shape(value: unknown): unknown {
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, item]) => [key, typeof item === 'string' ? item.length : typeof item]),
  );
}

describe('POST /auth/challenge', () => {
  it(
    'answers an unknown or revoked username exactly like a known one, and refuses only at the answer step',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const opened = await openSyncStore(partnership.laptopA, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
      const deviceId = readSyncState(opened.store)!.deviceId;
      // Its private key is wiped when the store closes: closed at the end.
      const coachKey = opened.userKey;
      await partnership.db
        .updateTable('users')
        .set({ revoked_at: new Date('2026-12-01T00:00:00Z') })
        .where('username', '=', 'demo.coordinator')
        .execute();

      const ask = async (username: string) => {
        const answer = await httpCall(`${partnership.serverUrl}/auth/challenge`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, deviceId }),
        });
        return { status: answer.status, json: answer.json, headers: Object.keys(answer.headers).sort() };
      };
      const answerWith = async (challengeId: string, proof: string) => {
        const answer = await httpCall(`${partnership.serverUrl}/auth/answer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ challengeId, proof }),
        });
        return { status: answer.status, json: answer.json };
      };

      const seen: Record<string, Array<Awaited<ReturnType<typeof ask>>>> = {};
      for (const username of ['demo.coach', 'no.such.person', 'demo.coordinator'])
        seen[username] = [await ask(username), await ask(username)];
      const [known, unknown, revoked] = [seen['demo.coach']!, seen['no.such.person']!, seen['demo.coordinator']!];
      for (const answers of [known, unknown, revoked]) {
        // Status and shape: a valid challenge each time, field for field of the same lengths.
        expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
        for (const answer of answers) {
          expect(challengeResponseSchema.safeParse(answer.json).success).toBe(true);
          expect(shape(answer.json)).toEqual(shape(known[0]!.json));
          expect(answer.headers).toEqual(known[0]!.headers);
        }
        // Stability: each request a fresh challenge, for a real user and a decoy alike.
        const [first, second] = answers.map((answer) => answer.json as Record<string, string>);
        for (const field of ['challengeId', 'serverPublicKey', 'nonce']) expect(first![field]).not.toBe(second![field]);
      }

      // Stored like a real one, naming no user.
      const decoy = challengeResponseSchema.parse(unknown[0]!.json);
      expect(await partnership.db.selectFrom('challenges').select('user_id').where('id', '=', decoy.challengeId).execute()).toEqual([
        { user_id: null },
      ]);

      // The answer step: an unknown user's challenge and a wrong proof get the one generic refusal, the same body.
      const forDecoy = await answerWith(decoy.challengeId, Buffer.alloc(32, 7).toString('base64'));
      const real = challengeResponseSchema.parse(known[0]!.json);
      const wrongProof = await answerWith(real.challengeId, Buffer.alloc(32, 7).toString('base64'));
      expect(forDecoy).toEqual({ status: 401, json: { error: { code: 'SIGN_IN_FAILED', message: expect.any(String) } } });
      expect(wrongProof).toEqual(forDecoy);
      // A decoy cannot be answered even with a real key: it names no user.
      const decoyProof = answerChallenge(coachKey, Buffer.from(decoy.serverPublicKey, 'base64'), {
        challengeId: decoy.challengeId,
        username: 'demo.coach',
        deviceId,
        nonce: decoy.nonce,
      });
      expect(await answerWith(challengeResponseSchema.parse(unknown[1]!.json).challengeId, decoyProof)).toEqual(forDecoy);
      // The real user with their key signs in.
      const good = challengeResponseSchema.parse(known[1]!.json);
      const proof = answerChallenge(coachKey, Buffer.from(good.serverPublicKey, 'base64'), {
        challengeId: good.challengeId,
        username: 'demo.coach',
        deviceId,
        nonce: good.nonce,
      });
      expect((await answerWith(good.challengeId, proof)).status).toBe(200);
      await opened.close();
    },
  );
});
