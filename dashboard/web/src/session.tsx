import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { sessionStatusNow, type SignedIn } from "./api/auth.js";
import { setCsrfToken } from "./api/client.js";

/** What every page knows about the browser's session: still asking, nobody, or who. */
export type Session = { readonly state: "loading" } | { readonly state: "signed-out" } | SignedInSession;
interface SignedInSession {
  readonly state: "signed-in";
  readonly person: SignedIn;
}

interface SessionContext {
  readonly session: Session;
  /**
   * Asks the server again, after anything that starts or ends a session (sign-in, sign-up, "try it as", log
   * out): the cookie changed, and with it the CSRF token every later write needs.
   */
  readonly refresh: () => Promise<void>;
}

const Context = createContext<SessionContext>({ session: { state: "loading" }, refresh: () => Promise.resolve() });

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session>({ state: "loading" });
  const refresh = useCallback(async () => {
    const status = await sessionStatusNow().catch(() => null);
    setCsrfToken(status?.csrfToken ?? null);
    setSession(status?.person == null ? { state: "signed-out" } : { state: "signed-in", person: status.person });
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ session, refresh }), [session, refresh]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useSession = () => useContext(Context);
