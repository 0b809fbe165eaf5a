import type { Sharp } from "sharp";

/** sharp, loaded when a test first draws a picture rather than by every file that imports the testing kit. */
async function canvas(width: number, height: number, background: string): Promise<Sharp> {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width, height, channels: 3, background } });
}

/** A photo's worth of detail (noise), so that encoders cannot shrink it to nothing. */
async function noisy(width: number, height: number): Promise<Sharp> {
  const { default: sharp } = await import("sharp");
  return sharp({
    create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } },
  });
}

/** Real pictures, made on the spot, for tests of what people upload. */
export const testImages = {
  png: async (width = 300, height = 200, colour = "#3366cc") => (await canvas(width, height, colour)).png().toBuffer(),
  gif: async (width = 120, height = 90, colour = "#22aa44") => (await canvas(width, height, colour)).gif().toBuffer(),
  webp: async (width = 640, height = 640, colour = "#aa2288") =>
    (await canvas(width, height, colour)).webp().toBuffer(),

  /**
   * A phone photo lying on its side: 800×400 pixels, left half red and right half blue, with EXIF saying
   * "rotate 90° clockwise to view" (orientation 6), the camera's make and where it was taken (GPS).
   * Seen upright it is red above blue.
   */
  async sidewaysPhotoWithGps(): Promise<Buffer> {
    const left = await (await canvas(400, 400, "#ff0000")).png().toBuffer();
    return (await canvas(800, 400, "#0000ff"))
      .composite([{ input: left, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: "TestCam", Model: "Pocket 1" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "48/1 51/1 24/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "2/1 21/1 3/1",
        },
      })
      .toBuffer();
  },

  /** A JPEG whose download stopped at 60 %: the header says JPEG, the pixels run out. */
  async truncatedJpeg(): Promise<Buffer> {
    const whole = await (await noisy(600, 400)).jpeg().toBuffer();
    return whole.subarray(0, Math.floor(whole.length * 0.6));
  },

  /** A genuine JPEG grown to `bytes` by trailing padding (decoders ignore what follows the image). */
  async jpegOfSize(bytes: number): Promise<Buffer> {
    const picture = await (await noisy(400, 300)).jpeg().toBuffer();
    return Buffer.concat([picture, Buffer.alloc(Math.max(0, bytes - picture.length))]);
  },

  /** Text, whatever its name says. */
  text: () => Buffer.from("This is not a picture, whatever the file name says.\n"),
};
