export const USAGE = `workwell-mdt: WorkWell MDT store administration and the partnership server

Usage:
  workwell-mdt init --store DIR --admin USERNAME [--name "FULL NAME"]
                    (--icb CODE | --partnership "NAME") [--synthetic] [--passphrase-file FILE]
      Create a partnership's encrypted store and its first administrator.
      CODE is one of the 15 pilot areas, e.g. south-yorkshire (see README).
      --synthetic marks the store as one for made-up people only (training, testing,
      benchmarks): the only kind, with the demo, that \`seed\` adds people to.

  workwell-mdt seed --store DIR --participants N [--seed S] [--user USERNAME]
                    [--passphrase-file FILE]
      Add N synthetic participants with case histories (referrals, consents,
      assessments, measures, meetings, plans, adjustments, exits); deterministic
      for a given --seed; NHS numbers from the reserved 999 test range. Only into the
      demo store or one made with \`init --synthetic\`; administrators only; audited.

  workwell-mdt audit verify --store DIR [--user USERNAME] [--passphrase-file FILE]
      Recompute the audit trail's hash chain; exit code 2 names the first altered,
      removed or reordered entry. On a laptop joined to a partnership server, also compare
      with the server's copy of this laptop's trail: entries it holds that are no longer
      here (cut from the end) or are changed here are named (exit code 2); offline it
      says it could not compare.

  workwell-mdt backup --store DIR --out FILE_OR_DIR [--user USERNAME] [--passphrase-file FILE]
      Write one encrypted backup file (store, keyring, integrity MAC). Never overwrites.
      FILE_OR_DIR must be an absolute path outside DIR and not a symbolic link.
      Administrators only, as in the app; audited.

  workwell-mdt restore --store DIR --from FILE --user USERNAME [--passphrase-file FILE]
                       [--confirm-partnership "NAME"]
      Check a backup (passphrase, integrity, schema) and restore it into DIR; a store
      already there is moved into DIR/replaced-<time>/. Close the app first. Over a
      store, USERNAME must be one of its administrators; a backup of another partnership
      needs --confirm-partnership with that partnership's name. Audited in both stores.

  workwell-mdt export --store DIR [--user USERNAME] [--passphrase-file FILE]
                      [--folder DIR | --url FHIR_BASE_URL --token-file FILE]
      Run the partnership export (FHIR R4 transaction bundles) for everyone who consented
      to sharing, to the folder or URL given or else to the configured destinations.
      Exit code 0: delivered; 3: some people could not be delivered (listed); 1: error.
      Administrators and coordinators only, as in the app; audited.

  workwell-mdt mi-return --store DIR --month YYYY-MM --out FILE [--user USERNAME]
                         [--passphrase-file FILE]
      Write the management-information return for a month (the same CSV as the Exports
      screen, every column as things stood at the month's end) to FILE, never over an
      existing file; recorded in the export log and the audit trail. Administrators and
      coordinators only. Exit code 0: written; 1: error.

  workwell-mdt import --store DIR --user USERNAME (--fhir FILE | --csv FILE)
                     [--passphrase-file FILE]
      Add referrals to the referral inbox from a FHIR R4 bundle (ServiceRequest + Patient)
      or a CSV with the checked column list (see README, "Importing referrals"). A bad row
      or entry is refused with its reason and the rest are imported. Coordinators and
      coaches only, as in the app; audited. Exit code 0: all imported; 3: some refused
      (each listed by row number or entry index); 1: error (nothing imported).

  workwell-mdt server start --database-url URL --listen HOST:PORT
                            [--tls-key FILE --tls-cert FILE]
      Run the partnership server on PostgreSQL in the foreground: bring the database's
      schema up to date (refusing one from a newer server), then serve HTTPS with the
      key and certificate given. Plain HTTP only on 127.0.0.1/localhost. Stops cleanly
      on SIGTERM or Ctrl-C (exit code 0). The database password comes from PGPASSWORD,
      never from the URL. It also serves the public referral form at /refer and the
      FHIR POST for referrers' systems at /referrals/fhir (see README).

  workwell-mdt server init --database-url URL --from-store DIR --user ADMIN
                           [--server URL] [--passphrase-file FILE]
      Put an existing partnership store on the partnership server's database: its
      records, its users (with their public keys and keyring slots, never a passphrase)
      and the store itself as the first enrolled laptop. --server is the address the
      laptops use (https://...), recorded in the store for \`sync\`.

  workwell-mdt server referrer-token --database-url URL (--name NAME | --revoke ID | --list)
                                     [--partnership ID]
      Make a token for a referrer's system (a GP practice's, an employer's) to POST FHIR
      R4 referral bundles to the server's /referrals/fhir (printed once; only its hash
      is kept), revoke one by its id, or list them (never the tokens). Exit code 0:
      done; 1: error. --partnership is needed only when the server holds several.

  workwell-mdt server audit-verify --database-url URL
      Recompute every partnership's audit chain on the server (laptops' entries pushed
      by sync and the server's own events). Exit code 0: intact; 3: a chain is broken
      (the first changed, removed or reordered entry is named); 1: error.

  workwell-mdt server export --database-url URL (--folder DIR | --fhir-server URL [--token-file FILE])
                             [--partnership ID]
      Run the partnership export (FHIR R4 transaction bundles) on the server, for the
      whole partnership, with no laptop: the same export a laptop holding everything
      would make, to a folder (one NDJSON file) or a FHIR server. Logged in the server's
      export log. Exit code 0: delivered; 3: some people could not be delivered (listed);
      1: error. --partnership is needed only when the server holds several.

  workwell-mdt server mi-return --database-url URL --month YYYY-MM --out FILE
                                [--partnership ID]
      Write the management-information return (CSV) for a month, for the whole
      partnership, from the server; never over an existing file. Logged in the server's
      export log. Exit code 0: written; 1: error.

  workwell-mdt enrol --store NEWDIR --server URL --user USERNAME [--passphrase-file FILE]
      Make this laptop's store from the partnership server: fetch the user's keyring
      slot, open it here with the passphrase (which never leaves the laptop), sign in,
      and receive every record the user's role may read into a new encrypted store.

  workwell-mdt sync --store DIR --user USERNAME [--passphrase-file FILE]
      Send this user's waiting changes, then receive everyone else's, once; print what
      moved. Exit code 0: in step; 3: some changes were refused (listed, and kept on the
      laptop with what was typed); 1: the server could not be reached or refused the laptop.

The passphrase is read from --passphrase-file (first line) or the
WORKWELL_PASSPHRASE environment variable; it is never accepted on the command line.
Every command on a store runs as the user named by --user (the store's only user when
there is one): the app's role for the same task applies, and the audit trail records it.
`;
