import { useEffect, useState } from "preact/hooks";
import { listMyCommunities, type Community } from "../api/communities.js";

/**
 * The communities the signed-in person administers, as GET /communities says with their role in each: what
 * decides whether the navigation offers the admin page. Null while unknown (or signed out, or unreachable).
 */
export function useAdministeredCommunities(signedInAs: string | null): readonly Community[] | null {
  const [communities, setCommunities] = useState<readonly Community[] | null>(null);
  useEffect(() => {
    setCommunities(null);
    if (signedInAs === null) return;
    let current = true;
    listMyCommunities().then(
      (mine) => current && setCommunities(mine.filter((c) => c.role === "admin")),
      () => current && setCommunities(null),
    );
    return () => {
      current = false;
    };
  }, [signedInAs]);
  return communities;
}
