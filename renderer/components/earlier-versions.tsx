import type { ReactNode } from 'react';
import type { SignatureFields } from '../../core/schemas/signed-record';
import { formatDateTime } from '../format';

/**
 * The versions a signed record replaced, oldest first, behind a disclosure: the original is
 * always there to read, with who signed it and when.
 */
export function EarlierVersions<Version extends SignatureFields>({
  versions,
  render,
}: {
  versions: readonly Version[];
  render: (version: Version) => ReactNode;
}) {
  if (versions.length === 0) return null;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {versions.length === 1 ? 'See the original before amendment' : `See the ${versions.length} earlier versions`}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        {versions.map((version, index) => (
          <section key={version.id} aria-label={index === 0 ? 'Original version' : `Amendment ${index}`}>
            <h4 className="nhsuk-heading-xs">{index === 0 ? 'Original' : `Amendment ${index}`}</h4>
            <SignatureLine version={version} />
            {render(version)}
          </section>
        ))}
      </div>
    </details>
  );
}

/** "Signed by X on <date>", "Draft by X", and for an amendment, the reason given. */
export function SignatureLine({ version }: { version: SignatureFields }) {
  return (
    <p className="nhsuk-body-s ww-signature">
      {version.status === 'draft' ? (
        <>
          <strong className="nhsuk-tag nhsuk-tag--grey">Draft</strong> by {version.authorName}, started {formatDateTime(version.recordedAt)}
        </>
      ) : (
        <>
          <strong className={`nhsuk-tag ${version.amendment === null ? 'nhsuk-tag--green' : 'nhsuk-tag--blue'}`}>
            {version.amendment === null ? 'Signed' : 'Amended'}
          </strong>{' '}
          by {version.signedByName ?? version.authorName} on {formatDateTime(version.signedAt ?? version.recordedAt)}
          {version.amendment !== null && <> · Reason: {version.amendment.reason}</>}
        </>
      )}
    </p>
  );
}
