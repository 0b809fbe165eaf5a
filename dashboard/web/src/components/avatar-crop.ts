/**
 * The square a person keeps of their chosen picture, as plain numbers: no DOM here, so every rule (the square
 * never leaves the picture, how far one may zoom, which source pixels are drawn) is tested on its own.
 */

/** A picture's size in its own pixels, upright (as the browser shows it, EXIF orientation applied). */
export interface PictureSize {
  readonly width: number;
  readonly height: number;
}

/** Which square is kept: how far it is zoomed in (1 = the largest square that fits) and where its centre is. */
export interface Crop {
  readonly zoom: number;
  /** The square's centre, in the picture's pixels. */
  readonly centreX: number;
  readonly centreY: number;
}

/** The kept square in the picture's pixels: what a canvas draws from. */
export interface SourceSquare {
  readonly x: number;
  readonly y: number;
  readonly side: number;
}

/** Where the picture sits in the crop frame, in percent of the frame's side (the frame shows the square). */
export interface CropLayout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const MIN_ZOOM = 1;
const MAX_ZOOM = 4;
/** Zooming stops before the square is narrower than this many of the picture's pixels: past it is only blur. */
const FEWEST_SOURCE_PIXELS = 64;
/** The side of the square sent: the server stores 512 px at most, so more would only be bytes on the wire. */
export const LARGEST_SENT_SIDE = 512;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const shortSideOf = (size: PictureSize) => Math.min(size.width, size.height);

/** How far this picture may be zoomed in; 1 (no zoom at all) for a picture already small. */
export function maxZoomOf(size: PictureSize): number {
  return clamp(shortSideOf(size) / FEWEST_SOURCE_PIXELS, MIN_ZOOM, MAX_ZOOM);
}

/** The square's side in the picture's pixels at a zoom. */
const sideAt = (size: PictureSize, zoom: number) => shortSideOf(size) / zoom;

/** The crop made valid: zoom within this picture's limits, the square wholly inside the picture. */
export function clampedCrop(size: PictureSize, crop: Crop): Crop {
  const zoom = clamp(crop.zoom, MIN_ZOOM, maxZoomOf(size));
  const half = sideAt(size, zoom) / 2;
  return {
    zoom,
    centreX: clamp(crop.centreX, half, size.width - half),
    centreY: clamp(crop.centreY, half, size.height - half),
  };
}

/** The square in the middle of the picture, at a zoom (the largest square by default). */
export function centredCrop(size: PictureSize, zoom = MIN_ZOOM): Crop {
  return clampedCrop(size, { zoom, centreX: size.width / 2, centreY: size.height / 2 });
}

/** Zoomed in or out around the square's centre, pushed back inside the picture if zooming out overflows it. */
export function zoomedCrop(size: PictureSize, crop: Crop, zoom: number): Crop {
  return clampedCrop(size, { ...crop, zoom });
}

/**
 * Moved by a distance measured in the square's own sides (0.5 right = half a square to the right), which is
 * what both a key press and a drag across the frame mean whatever the zoom and the frame's size on screen.
 */
export function movedCrop(size: PictureSize, crop: Crop, right: number, down: number): Crop {
  const side = sideAt(size, crop.zoom);
  return clampedCrop(size, { ...crop, centreX: crop.centreX + right * side, centreY: crop.centreY + down * side });
}

/** The source pixels of the kept square. */
export function sourceSquareOf(size: PictureSize, crop: Crop): SourceSquare {
  const { zoom, centreX, centreY } = clampedCrop(size, crop);
  const side = sideAt(size, zoom);
  return { x: centreX - side / 2, y: centreY - side / 2, side };
}

/** The side of the picture sent: the square's own pixels, never enlarged, at most LARGEST_SENT_SIDE. */
export function sentSideOf(square: SourceSquare): number {
  return clamp(Math.round(square.side), 1, LARGEST_SENT_SIDE);
}

/** Where to draw the whole picture so that the frame shows exactly the kept square. */
export function cropLayoutOf(size: PictureSize, crop: Crop): CropLayout {
  const { x, y, side } = sourceSquareOf(size, crop);
  const percent = (pixels: number) => (pixels / side) * 100;
  return { left: -percent(x), top: -percent(y), width: percent(size.width), height: percent(size.height) };
}
