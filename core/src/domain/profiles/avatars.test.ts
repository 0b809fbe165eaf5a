import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestCore,
  domainErrorOf,
  newPerson,
  startLocalS3,
  testImages,
  testProviders,
  type LocalS3,
  type TestCore,
} from "../../testing/index.js";
import type { Actor } from "../shared/actor.js";

const fileNameOf = (url: string | null) => new URL(url ?? "http://missing/").pathname.replace("/avatars/", "");

async function served(core: TestCore, url: string | null): Promise<{ contentType: string; bytes: Buffer }> {
  const file = await core.services.profiles.avatarFile(fileNameOf(url));
  return { contentType: file.contentType, bytes: Buffer.concat((await file.body.toArray()) as Buffer[]) };
}

async function notServed(core: TestCore, url: string | null): Promise<string> {
  return (await domainErrorOf(() => core.services.profiles.avatarFile(fileNameOf(url)))).code;
}

/** A tiny PNG whose header claims `width`×`height`: what a decompression bomb looks like to a decoder. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await testImages.png(8, 8));
  // IHDR's data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe.each(testProviders())("profile pictures on %s", (provider) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore(provider, {}, { PUBLIC_URL: "https://skillswap.example" });
  });
  afterAll(() => core.close());

  const withAvatar = async (name: string): Promise<Actor & { handle: string; avatarUrl: string | null }> => {
    const person = await newPerson(core, name);
    const profile = await core.services.profiles.setAvatar(person, await testImages.png());
    return { ...person, avatarUrl: profile.avatarUrl };
  };

  it("starts without one", async () => {
    const ana = await newPerson(core, "Ana");
    expect(await core.services.profiles.me(ana)).toMatchObject({ avatarUrl: null, avatarSmallUrl: null });
  });

  it("turns a PNG into 512 and 128 px WebP squares, linked from the profile under PUBLIC_URL", async () => {
    const ana = await newPerson(core, "Ana");
    const profile = await core.services.profiles.setAvatar(ana, await testImages.png(300, 200));
    expect(profile.avatarUrl).toMatch(/^https:\/\/skillswap\.example\/avatars\/[0-9a-f]{32}-512\.webp$/);
    expect(profile.avatarSmallUrl).toBe(profile.avatarUrl?.replace("-512.webp", "-128.webp"));
    for (const [url, size] of [
      [profile.avatarUrl, 512],
      [profile.avatarSmallUrl, 128],
    ] as const) {
      const file = await served(core, url);
      expect(file.contentType).toBe("image/webp");
      expect(await sharp(file.bytes).metadata()).toMatchObject({ format: "webp", width: size, height: size });
    }
  });

  it("turns a sideways phone photo upright and keeps nothing of its EXIF, GPS included", async () => {
    const photo = await testImages.sidewaysPhotoWithGps();
    const original = await sharp(photo).metadata();
    expect(original.orientation).toBe(6);
    expect(original.exif?.includes("TestCam")).toBe(true);

    const profile = await core.services.profiles.setAvatar(await newPerson(core, "Ana"), photo);
    const { bytes } = await served(core, profile.avatarUrl);
    const stored = await sharp(bytes).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 512, height: 512 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(bytes.includes("TestCam")).toBe(false);

    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels).subarray(0, 3)];
    const [top, bottom] = [pixel(256, 40), pixel(256, 470)];
    expect(top[0]).toBeGreaterThan(200); // red above…
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200); // …blue below: upright, cropped around the centre
    expect(bottom[0]).toBeLessThan(60);
  });

  it.each([
    ["a GIF", () => testImages.gif()],
    ["a WebP", () => testImages.webp()],
    ["a JPEG", () => testImages.jpegOfSize(0)],
  ])("takes %s", async (_kind, picture) => {
    const profile = await core.services.profiles.setAvatar(await newPerson(core, "Ana"), await picture());
    expect((await served(core, profile.avatarSmallUrl)).contentType).toBe("image/webp");
  });

  it.each([
    ["text named like a picture", () => Promise.resolve(testImages.text()), "AVATAR.UNSUPPORTED_TYPE", /JPEG, PNG/],
    ["a truncated JPEG", () => testImages.truncatedJpeg(), "AVATAR.UNREADABLE", /damaged or incomplete/],
    ["a 6 MB picture", () => testImages.jpegOfSize(6 * 1024 * 1024), "AVATAR.TOO_LARGE", /5 MB or less/],
    [
      "an SVG, which the decoder would read",
      () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')),
      "AVATAR.UNSUPPORTED_TYPE",
      /JPEG, PNG/,
    ],
    ["a PNG claiming 20,000 × 20,000 pixels", () => pngClaiming(20_000, 20_000), "AVATAR.TOO_MANY_PIXELS", /50/],
    ["nothing at all", () => Promise.resolve(Buffer.alloc(0)), "AVATAR.UNSUPPORTED_TYPE", /JPEG, PNG/],
  ])("refuses %s and keeps the picture there was", async (_what, upload, code, sentence) => {
    const ana = await withAvatar("Ana");
    const error = await domainErrorOf(async () => core.services.profiles.setAvatar(ana, await upload()));
    expect(error).toMatchObject({ kind: "invalid", code });
    expect(error.fields).toEqual([{ field: "avatar", message: expect.stringMatching(sentence) }]);
    expect((await core.services.profiles.me(ana)).avatarUrl).toBe(ana.avatarUrl);
    expect((await served(core, ana.avatarUrl)).contentType).toBe("image/webp");
  });

  it("replaces the picture under new URLs and removes the old files", async () => {
    const ana = await withAvatar("Ana");
    const before = await core.services.profiles.me(ana);
    const after = await core.services.profiles.setAvatar(ana, await testImages.png(200, 200, "#ff8800"));
    expect(after.avatarUrl).not.toBe(before.avatarUrl);
    expect(await notServed(core, before.avatarUrl)).toBe("AVATAR.NOT_FOUND");
    expect(await notServed(core, before.avatarSmallUrl)).toBe("AVATAR.NOT_FOUND");
    expect((await served(core, after.avatarUrl)).contentType).toBe("image/webp");
  });

  it("gives the same picture uploaded twice new URLs, so no cache can show a stale one", async () => {
    const ana = await newPerson(core, "Ana");
    const picture = await testImages.png();
    const first = await core.services.profiles.setAvatar(ana, picture);
    const second = await core.services.profiles.setAvatar(ana, picture);
    expect(second.avatarUrl).not.toBe(first.avatarUrl);
    expect((await served(core, second.avatarUrl)).contentType).toBe("image/webp");
  });

  it("shows the picture to others who may see the profile", async () => {
    const ana = await withAvatar("Ana");
    await core.services.profiles.update(ana, { visibility: "public" });
    const seen = await core.services.profiles.get(await newPerson(core, "Ben"), ana.handle);
    expect(seen.avatarUrl).toBe(ana.avatarUrl);
  });

  it("removes the picture and its files; removing it again changes nothing", async () => {
    const ana = await withAvatar("Ana");
    await core.services.profiles.removeAvatar(ana);
    expect(await core.services.profiles.me(ana)).toMatchObject({ avatarUrl: null, avatarSmallUrl: null });
    expect(await notServed(core, ana.avatarUrl)).toBe("AVATAR.NOT_FOUND");
    await expect(core.services.profiles.removeAvatar(ana)).resolves.toBeUndefined();
  });

  it("says in the outbox that the profile's avatar changed", async () => {
    const ana = await withAvatar("Ana");
    const events = await core.database.db.outboxEvent.findMany({
      where: { aggregateId: ana.userId, type: "profile.updated" },
      select: { payload: true },
    });
    expect(events.map((event) => JSON.parse(event.payload) as unknown)).toEqual([
      { userId: ana.userId, fields: ["avatar"] },
    ]);
  });

  it("removes the picture's files with the account", async () => {
    const ana = await withAvatar("Ana");
    await core.services.profiles.deleteAccount(ana, ana.handle);
    expect(await notServed(core, ana.avatarUrl)).toBe("AVATAR.NOT_FOUND");
  });

  it.each(["../../etc/passwd", "x.webp", "0123456789abcdef0123456789abcdef-64.webp", "avatars%2F..%2Fx"])(
    "finds nothing under a name no avatar has (%s)",
    async (name) => {
      expect((await domainErrorOf(() => core.services.profiles.avatarFile(name))).code).toBe("AVATAR.NOT_FOUND");
    },
  );
});

describe("profile pictures kept in S3 (s3rver)", () => {
  let s3: LocalS3;
  let core: TestCore;
  beforeAll(async () => {
    s3 = await startLocalS3();
    core = await createTestCore("sqlite", {}, s3.config);
  });
  afterAll(async () => {
    await core.close();
    await s3.close();
  });

  it("stores both squares in the bucket, serves them, and removes the old ones on a change", async () => {
    const ana = await newPerson(core, "Ana");
    const first = await core.services.profiles.setAvatar(ana, await testImages.sidewaysPhotoWithGps());
    const file = await served(core, first.avatarUrl);
    expect(file.contentType).toBe("image/webp");
    expect(await sharp(file.bytes).metadata()).toMatchObject({ format: "webp", width: 512, height: 512 });

    const second = await core.services.profiles.setAvatar(ana, await testImages.gif());
    expect(await notServed(core, first.avatarUrl)).toBe("AVATAR.NOT_FOUND");
    expect(await notServed(core, first.avatarSmallUrl)).toBe("AVATAR.NOT_FOUND");
    expect((await served(core, second.avatarSmallUrl)).contentType).toBe("image/webp");

    await core.services.profiles.removeAvatar(ana);
    expect(await notServed(core, second.avatarUrl)).toBe("AVATAR.NOT_FOUND");
  });
});
