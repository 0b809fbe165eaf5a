import { newPerson, startLocalS3, testImages, testProviders, type LocalS3 } from "@skillswap/core/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";

interface Upload {
  readonly field?: string;
  readonly name?: string;
  readonly type?: string;
  readonly bytes: Uint8Array;
}

/** A multipart body exactly as a browser's FormData encodes it. */
async function formData(uploads: readonly Upload[]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const upload of uploads) {
    const file = new Blob([upload.bytes], { type: upload.type ?? "application/octet-stream" });
    form.append(upload.field ?? "avatar", file, upload.name ?? "picture");
  }
  const request = new Request("http://localhost/", { method: "PUT", body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get("content-type") ?? "",
  };
}

/** PUT /api/v1/me/avatar as the signed-in client, with its own session headers. */
async function upload(api: ApiHarness, client: ApiClient, ...uploads: Upload[]): Promise<ApiResponse> {
  const { payload, contentType } = await formData(uploads);
  const response = await api.app.inject({
    method: "PUT",
    url: "/api/v1/me/avatar",
    headers: { ...client.headers("PUT"), "content-type": contentType },
    payload,
  });
  return { status: response.statusCode, headers: response.headers, body: response.json<unknown>() };
}

/** GET an avatar's URL as a browser would, bytes and all. */
async function fetchPicture(api: ApiHarness, url: unknown) {
  const response = await api.app.inject({ method: "GET", url: new URL(String(url)).pathname });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
}

const avatarUrlOf = (response: ApiResponse) => (response.body as { avatarUrl: string | null }).avatarUrl;

describe.each(testProviders())("profile pictures over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  const signedIn = async () => api.as(await newPerson(api.core, "Ana"));

  it("takes a picture and answers with my profile, which links to it", async () => {
    const ana = await signedIn();
    const response = await upload(api, ana, { name: "me.png", type: "image/png", bytes: await testImages.png() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      isOwner: true,
      avatarUrl: expect.stringMatching(/^http:\/\/localhost:3000\/avatars\/[0-9a-f]{32}-512\.webp$/),
      avatarSmallUrl: expect.stringMatching(/-128\.webp$/),
    });
    expect(avatarUrlOf(await ana.get("/api/v1/me"))).toBe(avatarUrlOf(response));
  });

  it("serves the picture as WebP, cacheable forever, without the photo's GPS", async () => {
    const ana = await signedIn();
    const response = await upload(api, ana, { name: "IMG_0001.JPG", bytes: await testImages.sidewaysPhotoWithGps() });
    const picture = await fetchPicture(api, avatarUrlOf(response));
    expect(picture.status).toBe(200);
    expect(picture.headers["content-type"]).toBe("image/webp");
    expect(picture.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(picture.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(picture.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(picture.headers["content-length"])).toBe(picture.bytes.length);
    const metadata = await sharp(picture.bytes).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 512, height: 512 });
    expect(metadata.exif).toBeUndefined();
  });

  it.each([
    ["a GIF", () => testImages.gif()],
    ["a WebP", () => testImages.webp()],
  ])("takes %s", async (_kind, picture) => {
    const response = await upload(api, await signedIn(), { bytes: await picture() });
    expect(response.status).toBe(200);
    expect((await fetchPicture(api, avatarUrlOf(response))).status).toBe(200);
  });

  it.each([
    [
      "a text file named and typed as a PNG",
      () => ({ name: "photo.png", type: "image/png", bytes: testImages.text() }),
      "AVATAR.UNSUPPORTED_TYPE",
    ],
    [
      "a truncated JPEG",
      async () => ({ name: "cut.jpg", type: "image/jpeg", bytes: await testImages.truncatedJpeg() }),
      "AVATAR.UNREADABLE",
    ],
  ])("refuses %s with 400 and keeps my picture", async (_what, makeUpload, code) => {
    const ana = await signedIn();
    const before = avatarUrlOf(await upload(api, ana, { bytes: await testImages.png() }));
    const response = await upload(api, ana, await makeUpload());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code, message: expect.any(String), fields: [{ field: "avatar", message: expect.any(String) }] },
    });
    expect(avatarUrlOf(await ana.get("/api/v1/me"))).toBe(before);
    expect((await fetchPicture(api, before)).status).toBe(200);
  });

  it("refuses a 6 MB picture with 413 in the one error shape, and keeps my picture", async () => {
    const ana = await signedIn();
    const before = avatarUrlOf(await upload(api, ana, { bytes: await testImages.png() }));
    const response = await upload(api, ana, { name: "huge.jpg", bytes: await testImages.jpegOfSize(6 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      error: {
        code: "AVATAR.TOO_LARGE",
        message: "Use a picture of 5 MB or less.",
        fields: [{ field: "avatar", message: "Use a picture of 5 MB or less." }],
      },
    });
    expect(avatarUrlOf(await ana.get("/api/v1/me"))).toBe(before);
  });

  it("asks for one picture, in the field avatar (400 otherwise)", async () => {
    const ana = await signedIn();
    const png = await testImages.png();
    const cases: Array<[Upload[], string]> = [
      [[], "AVATAR.MISSING"],
      [[{ field: "photo", bytes: png }], "AVATAR.MISSING"],
      [[{ bytes: png }, { bytes: png }], "AVATAR.ONE_FILE"],
    ];
    for (const [uploads, code] of cases) {
      const response = await upload(api, ana, ...uploads);
      expect(response.status, code).toBe(400);
      expect(response.body).toMatchObject({ error: { code, fields: [{ field: "avatar" }] } });
    }
    expect(avatarUrlOf(await ana.get("/api/v1/me"))).toBeNull();
  });

  it("refuses a multipart body cut off mid-picture with 400", async () => {
    const ana = await signedIn();
    const { payload, contentType } = await formData([{ bytes: await testImages.png() }]);
    const response = await api.app.inject({
      method: "PUT",
      url: "/api/v1/me/avatar",
      headers: { ...ana.headers("PUT"), "content-type": contentType },
      payload: payload.subarray(0, payload.length - 200),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "REQUEST.MALFORMED_MULTIPART" } });
  });

  it("refuses a body that is not multipart with 415", async () => {
    const response = await (await signedIn()).put("/api/v1/me/avatar", { avatar: "data:image/png;base64,AAAA" });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ error: { code: "REQUEST.NOT_MULTIPART" } });
  });

  it("replaces my picture under new URLs; the old ones are gone (404)", async () => {
    const ana = await signedIn();
    const first = avatarUrlOf(await upload(api, ana, { bytes: await testImages.png() }));
    const second = avatarUrlOf(await upload(api, ana, { bytes: await testImages.gif() }));
    expect(second).not.toBe(first);
    const old = await fetchPicture(api, first);
    expect(old.status).toBe(404);
    expect(JSON.parse(old.bytes.toString())).toEqual({
      error: { code: "AVATAR.NOT_FOUND", message: "There is no such picture." },
    });
    expect(old.headers["cache-control"]).toBeUndefined();
    expect((await fetchPicture(api, second)).status).toBe(200);
  });

  it("removes my picture: 204, then no URL and no file", async () => {
    const ana = await signedIn();
    const url = avatarUrlOf(await upload(api, ana, { bytes: await testImages.png() }));
    const response = await ana.delete("/api/v1/me/avatar");
    expect(response.status).toBe(204);
    expect(await ana.get("/api/v1/me")).toMatchObject({ body: { avatarUrl: null, avatarSmallUrl: null } });
    expect((await fetchPicture(api, url)).status).toBe(404);
    expect((await ana.delete("/api/v1/me/avatar")).status).toBe(204);
  });

  it("asks a visitor to sign in before anything is read", async () => {
    const response = await upload(api, api.visitor, { bytes: await testImages.png() });
    expect(response.status).toBe(401);
    expect((await api.visitor.delete("/api/v1/me/avatar")).status).toBe(401);
  });

  it("answers 404 for a picture that never was, or a name no picture has", async () => {
    for (const name of ["0123456789abcdef0123456789abcdef-512.webp", "..%2F..%2Fetc%2Fpasswd", "x.webp"]) {
      const response = await api.visitor.get(`/avatars/${name}`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: "AVATAR.NOT_FOUND" } });
    }
  });
});

describe("profile pictures over HTTP, kept in S3 (s3rver)", () => {
  let s3: LocalS3;
  let api: ApiHarness;
  beforeAll(async () => {
    s3 = await startLocalS3();
    api = await startApi("sqlite", {}, s3.config);
  });
  afterAll(async () => {
    await api.close();
    await s3.close();
  });

  it("uploads, serves with the cache headers, replaces and removes", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    const first = avatarUrlOf(await upload(api, ana, { bytes: await testImages.sidewaysPhotoWithGps() }));
    const picture = await fetchPicture(api, first);
    expect(picture.status).toBe(200);
    expect(picture.headers["content-type"]).toBe("image/webp");
    expect(picture.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await sharp(picture.bytes).metadata()).format).toBe("webp");

    const second = avatarUrlOf(await upload(api, ana, { bytes: await testImages.webp() }));
    expect((await fetchPicture(api, first)).status).toBe(404);
    expect((await ana.delete("/api/v1/me/avatar")).status).toBe(204);
    expect((await fetchPicture(api, second)).status).toBe(404);
  });
});
