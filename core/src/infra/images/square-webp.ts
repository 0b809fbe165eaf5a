import sharp from "sharp";

export type SquareWebpResult =
  | { readonly kind: "converted"; readonly images: ReadonlyMap<number, Uint8Array> }
  /** Not an image sharp can decode whole: damaged, truncated, or not an image at all. */
  | { readonly kind: "unreadable" }
  /** Larger than `maxPixels`: refused before decoding, so a small file cannot expand into gigabytes. */
  | { readonly kind: "too_many_pixels" };

/**
 * Decodes an image and makes WebP squares of each size from it: turned upright by its EXIF orientation, cropped
 * to the centre, scaled. Nothing of the original's metadata (EXIF, GPS, ICC, XMP) is written: sharp keeps none
 * unless asked. An animated image gives its first frame.
 */
export async function squareWebp(
  bytes: Uint8Array,
  sizes: readonly number[],
  maxPixels: number,
): Promise<SquareWebpResult> {
  let width: number;
  let height: number;
  try {
    // The header alone: how many pixels the image claims, before anything is decoded.
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    return { kind: "unreadable" };
  }
  if (width * height > maxPixels) return { kind: "too_many_pixels" };
  // failOn "error" refuses damaged and truncated data, yet takes the harmless warnings many cameras' files carry.
  const upright = sharp(bytes, { failOn: "error", limitInputPixels: maxPixels, sequentialRead: true }).autoOrient();
  const images = new Map<number, Uint8Array>();
  try {
    for (const size of sizes) {
      const square = await upright
        .clone()
        .resize(size, size, { fit: "cover", position: "centre" })
        .webp({ quality: 82 })
        .toBuffer();
      images.set(size, square);
    }
  } catch {
    return { kind: "unreadable" };
  }
  return { kind: "converted", images };
}
