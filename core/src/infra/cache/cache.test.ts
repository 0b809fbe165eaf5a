import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testRedisUrl } from "../../config.js";
import type { Cache } from "../../ports/cache.js";
import { redisCache } from "../redis/redis-cache.js";
import { memoryCache } from "./memory-cache.js";

const profile = z.object({ bio: z.string() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a cached read would find in the database right now. */
class Source {
  constructor(public bio = "first") {}
  load = () => Promise.resolve({ bio: this.bio });
}

const caches: Array<[string, () => Cache]> = [["in process", () => memoryCache()]];
const redisUrl = testRedisUrl();
if (redisUrl !== undefined) {
  caches.push(["in Redis", () => redisCache(redisUrl, { namespace: `test-${randomUUID()}`, log: () => undefined })]);
}

for (const [where, open] of caches) {
  describe(`a cache ${where}`, () => {
    let cache: Cache;
    beforeAll(async () => {
      cache = open();
      // A Redis connection takes a moment; until then reads go to the source, which these tests would not see.
      const probe = { key: "probe", ttlMs: 60_000, schema: z.literal(1) };
      for (let tries = 0; (await cache.get(probe.key, probe.schema)) === undefined && tries < 100; tries += 1) {
        await cache.set(probe.key, 1, probe);
        await sleep(20);
      }
    });
    afterAll(() => cache.close());

    const read = (key: string, tags: string[] = [], ttlMs = 60_000) => ({ key, tags, ttlMs, schema: profile });

    it("answers a miss from the source and the next read from what it kept", async () => {
      const source = new Source();
      const key = randomUUID();
      expect(await cache.remember(read(key), source.load)).toEqual({ bio: "first" });
      source.bio = "second";
      expect(await cache.remember(read(key), source.load)).toEqual({ bio: "first" });
    });

    it("answers from the source again once a tag of the entry is invalidated, and only then", async () => {
      const source = new Source();
      const [key, other, tag] = [randomUUID(), randomUUID(), `person:${randomUUID()}`];
      await cache.remember(read(key, [tag, "catalog-of-this-test"]), source.load);
      await cache.remember(read(other, ["someone-else"]), source.load);
      source.bio = "second";
      await cache.invalidateTags([tag]);
      expect(await cache.remember(read(key, [tag, "catalog-of-this-test"]), source.load)).toEqual({ bio: "second" });
      expect(await cache.remember(read(other, ["someone-else"]), source.load)).toEqual({ bio: "first" });
    });

    it("never keeps a value loaded while its tag was being invalidated", async () => {
      const source = new Source();
      const [key, tag] = [randomUUID(), randomUUID()];
      // The database was read just before the change committed; the invalidation lands before the value is kept.
      const loadedBeforeTheChange = async () => {
        const value = await source.load();
        source.bio = "second";
        await cache.invalidateTags([tag]);
        return value;
      };
      expect(await cache.remember(read(key, [tag]), loadedBeforeTheChange)).toEqual({ bio: "first" });
      expect(await cache.remember(read(key, [tag]), source.load)).toEqual({ bio: "second" });
    });

    it("forgets an entry deleted by key, every entry on invalidateAll, and an entry past its lifetime", async () => {
      const source = new Source();
      const [deleted, everything, shortLived] = [randomUUID(), randomUUID(), randomUUID()];
      await cache.remember(read(deleted), source.load);
      await cache.remember(read(everything), source.load);
      await cache.remember(read(shortLived, [], 50), source.load);
      source.bio = "second";
      await cache.delete(deleted);
      expect(await cache.remember(read(deleted), source.load)).toEqual({ bio: "second" });
      await sleep(120);
      expect(await cache.remember(read(shortLived, [], 50), source.load)).toEqual({ bio: "second" });
      await cache.invalidateAll();
      expect(await cache.remember(read(everything), source.load)).toEqual({ bio: "second" });
    });

    it("treats an entry of another shape as a miss, never as a value", async () => {
      const key = randomUUID();
      await cache.set(key, { biography: "old shape" }, { ttlMs: 60_000 });
      expect(await cache.get(key, profile)).toBeUndefined();
      expect(await cache.remember(read(key), new Source("fresh").load)).toEqual({ bio: "fresh" });
      expect(await cache.get(key, profile)).toEqual({ bio: "fresh" });
    });

    it("keeps values set by hand under their tags", async () => {
      const [key, tag] = [randomUUID(), randomUUID()];
      await cache.set(key, { bio: "kept" }, { ttlMs: 60_000, tags: [tag] });
      expect(await cache.get(key, profile, [tag])).toEqual({ bio: "kept" });
      await cache.invalidateTags([tag]);
      expect(await cache.get(key, profile, [tag])).toBeUndefined();
    });
  });
}

describe("the cache in process is bounded", () => {
  const read = (key: string, tags: string[] = []) => ({ key, tags, ttlMs: 60_000, schema: profile });

  it("keeps at most its number of entries, dropping the least recently read", async () => {
    const cache = memoryCache({ maxEntries: 3 });
    const source = new Source();
    for (const key of ["a", "b", "c"]) await cache.remember(read(key), source.load);
    await cache.remember(read("a"), source.load);
    await cache.remember(read("d"), source.load);
    source.bio = "second";
    expect(await cache.remember(read("b"), source.load)).toEqual({ bio: "second" });
    // "b" came back and pushed out "c", the least recently read; "a" and "d" stayed.
    expect(await cache.remember(read("a"), source.load)).toEqual({ bio: "first" });
    expect(await cache.remember(read("d"), source.load)).toEqual({ bio: "first" });
    expect(await cache.remember(read("c"), source.load)).toEqual({ bio: "second" });
  });

  it("keeps at most its size, however few the entries", async () => {
    const cache = memoryCache({ maxEntries: 1000, maxChars: 250 });
    const source = new Source("x".repeat(90));
    for (const key of ["a", "b", "c"]) await cache.remember(read(key), source.load);
    source.bio = "second";
    const kept = [];
    for (const key of ["a", "b", "c"]) kept.push(await cache.get(key, profile));
    expect(kept.filter((value) => value !== undefined)).toHaveLength(2);
    expect(kept[0]).toBeUndefined();
  });

  it("serves no entry stamped before an invalidation, even after forgetting the tag's version", async () => {
    const cache = memoryCache({ maxTags: 2 });
    const source = new Source();
    await cache.remember(read("ana", ["person:ana"]), source.load);
    source.bio = "second";
    await cache.invalidateTags(["person:ana"]);
    // Two later invalidations push Ana's tag version out of memory.
    await cache.invalidateTags(["person:bea"]);
    await cache.invalidateTags(["person:cy"]);
    expect(await cache.remember(read("ana", ["person:ana"]), source.load)).toEqual({ bio: "second" });
  });
});
