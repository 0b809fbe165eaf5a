import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listSwaps, swapBoxes, type Swap, type SwapBox } from "../api/swaps.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { SwapMoves } from "../components/swap-moves.js";
import { SwapSummary, partnerNames } from "../components/swap-summary.js";
import { usePageTitle } from "../page-title.js";
import { Failure, Loading } from "../components/load-state.js";
import "../swap-pages.css";

const boxes: ReadonlyArray<{ box: SwapBox; label: string; empty: string }> = [
  { box: "incoming", label: "Incoming", empty: "Nobody is waiting for your answer." },
  { box: "outgoing", label: "Outgoing", empty: "You have no request waiting for an answer." },
  { box: "active", label: "Active", empty: "No swap is under way. Accept a request, or ask someone." },
  { box: "completed", label: "Completed", empty: "No swap completed yet." },
];

const isBox = (value: string | undefined): value is SwapBox => value !== undefined && value in swapBoxes;

type Listing =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly swaps: readonly Swap[]; readonly next: string | null };

/** One box of the inbox, a page at a time ("load more" follows the API's cursor). */
function SwapBoxList({ box, empty, announce }: { box: SwapBox; empty: string; announce: (s: string) => void }) {
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    listSwaps(box, null).then(
      (page) => current && setListing({ state: "shown", swaps: page.items, next: page.nextCursor }),
      (error: unknown) =>
        current && setListing({ state: "failed", message: failureText(error, "Your swaps could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, [box]);

  if (listing.state === "loading") return <Loading>Loading your swaps…</Loading>;
  if (listing.state === "failed") return <Failure>{listing.message}</Failure>;

  const loadMore = () => {
    setLoadingMore(true);
    setMoreFailed(null);
    listSwaps(box, listing.next)
      .then((page) => setListing({ state: "shown", swaps: [...listing.swaps, ...page.items], next: page.nextCursor }))
      .catch((error: unknown) => setMoreFailed(failureText(error, "More swaps could not be loaded.")))
      .finally(() => setLoadingMore(false));
  };
  const moved = (swap: Swap, sentence: string) => {
    // A swap that moved out of this box (accepted, declined…) leaves it; the sentence says where it went.
    const stays = swapFitsBox(swap, box);
    setListing({
      ...listing,
      swaps: stays
        ? listing.swaps.map((s) => (s.id === swap.id ? swap : s))
        : listing.swaps.filter((s) => s.id !== swap.id),
    });
    announce(sentence);
  };

  if (listing.swaps.length === 0) return <p class="empty">{empty}</p>;
  return (
    <>
      <ul class="swap-list">
        {listing.swaps.map((swap) => (
          <li key={swap.id} class="swap-card">
            <h3>
              <a href={`/swaps/${swap.id}`}>Swap with {partnerNames(swap)}</a>
            </h3>
            <SwapSummary swap={swap} />
            <SwapMoves swap={swap} onMoved={moved} detailHref={`/swaps/${swap.id}`} />
          </li>
        ))}
      </ul>
      {moreFailed !== null && <Failure>{moreFailed}</Failure>}
      {listing.next !== null && (
        <button type="button" class="button" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}

function swapFitsBox(swap: Swap, box: SwapBox): boolean {
  const filter: { status: string; role?: string } = swapBoxes[box];
  return swap.status === filter.status && (filter.role === undefined || filter.role === swap.you.role);
}

function Inbox() {
  const { query } = useLocation();
  const box: SwapBox = isBox(query["box"]) ? query["box"] : "incoming";
  const [confirmation, setConfirmation] = useState("");
  // A sentence about a move belongs to the box it was made in.
  useEffect(() => setConfirmation(""), [box]);
  const current = boxes.find((b) => b.box === box) ?? boxes[0];
  usePageTitle(`Swaps · ${current?.label ?? ""}`);
  return (
    <>
      <h1>Your swaps</h1>
      <nav aria-label="Swap boxes">
        <ul class="tabs">
          {boxes.map((b) => (
            <li key={b.box}>
              <a href={`/swaps?box=${b.box}`} aria-current={b.box === box ? "page" : undefined}>
                {b.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" class="confirmation">
        {confirmation}
      </p>
      <section aria-labelledby="box-title">
        <h2 id="box-title">{current?.label}</h2>
        <SwapBoxList key={box} box={box} empty={current?.empty ?? ""} announce={setConfirmation} />
      </section>
    </>
  );
}

/** /swaps: the inbox, one box at a time (?box=incoming|outgoing|active|completed), each move where the swap is. */
export function SwapsInbox() {
  return <SignedInOnly title="Your swaps">{() => <Inbox />}</SignedInOnly>;
}
