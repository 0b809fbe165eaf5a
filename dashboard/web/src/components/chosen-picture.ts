import { useEffect, useState } from "preact/hooks";
import { centredCrop, sentSideOf, sourceSquareOf, type Crop, type PictureSize } from "./avatar-crop.js";

/**
 * The file chosen as a profile picture, as far as this browser can show it: being decoded, decoded with the
 * square the person keeps of it, or not decodable here (it may not be a picture; the server says).
 */
export type ChosenPicture =
  | { readonly state: "none" }
  | { readonly state: "decoding"; readonly file: File; readonly address: string }
  | {
      readonly state: "decoded";
      readonly file: File;
      readonly address: string;
      readonly size: PictureSize;
      readonly crop: Crop;
    }
  | { readonly state: "undecodable"; readonly file: File; readonly address: string };

/** A change of the kept square, given the square as it is now (drags arrive faster than renders). */
export type CropChange = (crop: Crop) => Crop;

/**
 * Decodes the chosen file under a local address (freed when another file is chosen or the editor goes), and
 * keeps the square chosen of it, which starts in the middle. A decode that ends after another file was
 * chosen is dropped: it must not replace the newer picture.
 */
export function useChosenPicture(file: File | null): readonly [ChosenPicture, (change: CropChange) => void] {
  const [picture, setPicture] = useState<ChosenPicture>({ state: "none" });
  useEffect(() => {
    if (file === null) return setPicture({ state: "none" });
    const address = URL.createObjectURL(file);
    let chosen = true;
    setPicture({ state: "decoding", file, address });
    const image = new Image();
    image.src = address;
    image.decode().then(
      () => {
        if (!chosen) return;
        const size = { width: image.naturalWidth, height: image.naturalHeight };
        // An SVG without a size decodes to nothing to crop; the server refuses it anyway.
        if (size.width === 0 || size.height === 0) return setPicture({ state: "undecodable", file, address });
        setPicture({ state: "decoded", file, address, size, crop: centredCrop(size) });
      },
      () => {
        if (chosen) setPicture({ state: "undecodable", file, address });
      },
    );
    return () => {
      chosen = false;
      URL.revokeObjectURL(address);
    };
  }, [file]);
  const changeCrop = (change: CropChange) =>
    setPicture((current) => (current.state === "decoded" ? { ...current, crop: change(current.crop) } : current));
  return [picture, changeCrop];
}

/**
 * What is uploaded. The square is cut here, in the browser, rather than sent as a rectangle for the server to
 * cut: the rectangle is in the pixels this browser showed (turned upright by EXIF orientation, the first frame
 * of an animated GIF), and drawing exactly those pixels cannot disagree with what the person saw, whereas the
 * server's decoder could read orientation or frames differently. The upload stays one file, so the API, core
 * and the server's checks (type by content, size, pixel count, re-encoding without metadata) are unchanged,
 * and the original's EXIF and GPS never leave the device. A file this browser cannot decode is sent as it is:
 * the server's refusal is the sentence the person needs to read next to the field.
 */
export async function pictureToSend(picture: ChosenPicture): Promise<File | null> {
  if (picture.state === "none") return null;
  if (picture.state !== "decoded") return picture.file;
  return squareOf(picture.address, picture.size, picture.crop);
}

async function squareOf(address: string, size: PictureSize, crop: Crop): Promise<File> {
  const image = new Image();
  image.src = address;
  await image.decode();
  const square = sourceSquareOf(size, crop);
  const side = sentSideOf(square);
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("This browser gives no 2D canvas to draw the picture on.");
  context.imageSmoothingQuality = "high";
  context.drawImage(image, square.x, square.y, square.side, square.side, 0, 0, side, side);
  // PNG: lossless, so the server's WebP encoding is the only lossy step the picture goes through.
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob === null) throw new Error("The cropped picture could not be encoded.");
  return new File([blob], "avatar.png", { type: "image/png" });
}
