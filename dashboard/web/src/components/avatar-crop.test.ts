import { describe, expect, it } from "vitest";
import {
  centredCrop,
  clampedCrop,
  cropLayoutOf,
  maxZoomOf,
  movedCrop,
  sentSideOf,
  sourceSquareOf,
  zoomedCrop,
} from "./avatar-crop.js";

const wide = { width: 200, height: 100 };
const tall = { width: 300, height: 900 };
const photo = { width: 4000, height: 3000 };
const icon = { width: 64, height: 64 };

describe("choosing the square of my picture to keep", () => {
  it("starts with the largest square in the middle of the picture", () => {
    expect(sourceSquareOf(wide, centredCrop(wide))).toEqual({ x: 50, y: 0, side: 100 });
    expect(sourceSquareOf(tall, centredCrop(tall))).toEqual({ x: 0, y: 300, side: 300 });
  });

  it("moves the square by key presses and drags measured in squares, and never out of the picture", () => {
    const right = movedCrop(wide, centredCrop(wide), 0.25, 0);
    expect(sourceSquareOf(wide, right)).toEqual({ x: 75, y: 0, side: 100 });
    const farRight = movedCrop(wide, right, 5, 5);
    expect(sourceSquareOf(wide, farRight)).toEqual({ x: 100, y: 0, side: 100 });
    const farLeft = movedCrop(wide, farRight, -5, -5);
    expect(sourceSquareOf(wide, farLeft)).toEqual({ x: 0, y: 0, side: 100 });
  });

  it("zooms in around the square's centre, up to four times, and keeps at least 64 of the picture's pixels", () => {
    const zoomed = zoomedCrop(photo, centredCrop(photo), 2);
    expect(sourceSquareOf(photo, zoomed)).toEqual({ x: 1250, y: 750, side: 1500 });
    expect(maxZoomOf(photo)).toBe(4);
    expect(zoomedCrop(photo, zoomed, 10).zoom).toBe(4);
    expect(zoomedCrop(photo, zoomed, 0.2).zoom).toBe(1);
    expect(maxZoomOf({ width: 1000, height: 128 })).toBe(2);
    expect(maxZoomOf(icon)).toBe(1);
    expect(zoomedCrop(icon, centredCrop(icon), 3).zoom).toBe(1);
  });

  it("pulls the square back inside the picture when zooming out near an edge", () => {
    const inTheCorner = movedCrop(photo, centredCrop(photo, 4), -10, -10);
    expect(sourceSquareOf(photo, inTheCorner)).toEqual({ x: 0, y: 0, side: 750 });
    expect(sourceSquareOf(photo, zoomedCrop(photo, inTheCorner, 1))).toEqual({ x: 0, y: 0, side: 3000 });
  });

  it("repairs a crop that points outside the picture", () => {
    // A 100 px high picture zooms in until its square is 64 px: 100 / 64 times.
    const repaired = clampedCrop(wide, { zoom: 9, centreX: -40, centreY: 400 });
    expect(repaired).toEqual({ zoom: 100 / 64, centreX: 32, centreY: 68 });
    expect(sourceSquareOf(wide, repaired)).toEqual({ x: 0, y: 36, side: 64 });
  });

  it("sends the square at its own size, never enlarged, and at most 512 pixels wide", () => {
    expect(sentSideOf(sourceSquareOf(icon, centredCrop(icon)))).toBe(64);
    expect(sentSideOf(sourceSquareOf(photo, centredCrop(photo)))).toBe(512);
    expect(sentSideOf({ x: 0, y: 0, side: 0.2 })).toBe(1);
  });

  it("lays the picture out in the frame so that the frame shows exactly the kept square", () => {
    expect(cropLayoutOf(wide, centredCrop(wide))).toEqual({ left: -50, top: -0, width: 200, height: 100 });
    const rightHalf = movedCrop(wide, centredCrop(wide), 1, 0);
    expect(cropLayoutOf(wide, rightHalf)).toEqual({ left: -100, top: -0, width: 200, height: 100 });
    expect(cropLayoutOf(photo, centredCrop(photo, 2))).toEqual({
      left: -(1250 / 1500) * 100,
      top: -50,
      width: (4000 / 1500) * 100,
      height: 200,
    });
  });
});
