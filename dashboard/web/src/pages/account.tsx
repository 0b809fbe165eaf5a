import { dataExportAddress } from "../api/account.js";
import { AccountDeletion } from "../components/account-deletion.js";
import { AccountSessions } from "../components/account-sessions.js";
import { LinkedAccounts } from "../components/linked-accounts.js";
import { SignedOutNotice } from "../components/signed-out-notice.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import "./settings.css";

function DataExport() {
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Your data</h2>
      <p>
        One JSON file with everything SkillSwap keeps about you: profile, skills, availability, swaps, messages,
        reviews, groups and settings.
      </p>
      <p>
        <a class="button" href={dataExportAddress} download>
          Download my data
        </a>
      </p>
    </section>
  );
}

/** /account: where I am signed in, the accounts linked to mine, my data, and leaving. OAuth linking lands here. */
export function Account() {
  usePageTitle("Your account");
  const { session } = useSession();
  return (
    <div class="settings-page">
      <h1>Your account</h1>
      {session.state === "signed-in" ? (
        <div key={session.person.id} class="account-sections">
          <AccountSessions />
          <LinkedAccounts />
          <DataExport />
          <AccountDeletion handle={session.person.handle} />
        </div>
      ) : (
        <SignedOutNotice loading={session.state === "loading"} what="manage your account" />
      )}
    </div>
  );
}
