import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getSwap, type Swap } from "../api/swaps.js";
import { ReviewForm } from "../components/review-form.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { SwapMoves } from "../components/swap-moves.js";
import { SwapSessions } from "../components/swap-sessions.js";
import { SwapSummary, partnerNames } from "../components/swap-summary.js";
import { usePageTitle } from "../page-title.js";
import { Failure, Loading } from "../components/load-state.js";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly swap: Swap };

function SwapPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [confirmation, setConfirmation] = useState("");
  useEffect(() => {
    let current = true;
    getSwap(id).then(
      (swap) => current && setLoaded({ state: "shown", swap }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "This swap could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  const title = loaded.state === "shown" ? `Swap with ${partnerNames(loaded.swap)}` : "Swap";
  usePageTitle(title);

  /** After a session or review changed what may be done next, the swap's moves are asked again. */
  const refreshSwap = () => {
    getSwap(id).then(
      (swap) => setLoaded({ state: "shown", swap }),
      () => undefined,
    );
  };
  const announce = (sentence: string) => {
    setConfirmation(sentence);
    refreshSwap();
  };

  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href="/swaps">Back to your swaps</a>
      </p>
      <p role="status" class="confirmation">
        {confirmation}
      </p>
      {loaded.state === "loading" && <Loading>Loading the swap…</Loading>}
      {loaded.state === "failed" && <Failure>{loaded.message}</Failure>}
      {loaded.state === "shown" && (
        <>
          <SwapSummary swap={loaded.swap} />
          <SwapMoves
            swap={loaded.swap}
            onMoved={(swap, sentence) => {
              setLoaded({ state: "shown", swap });
              setConfirmation(sentence);
            }}
          />
          {(loaded.swap.status === "accepted" || loaded.swap.status === "completed") && (
            <SwapSessions swap={loaded.swap} announce={announce} />
          )}
          {loaded.swap.moves.includes("review") && <ReviewForm swap={loaded.swap} announce={announce} />}
        </>
      )}
    </>
  );
}

/** /swaps/:id: one swap, its moves, its sessions on the person's own clock, and the review once one took place. */
export function SwapDetail() {
  const { params } = useRoute();
  const id = params["id"] ?? "";
  return <SignedInOnly title="Swap">{() => <SwapPage key={id} id={id} />}</SignedInOnly>;
}
