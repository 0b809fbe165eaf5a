import { useLayoutEffect, useRef } from "preact/hooks";
import type { TargetedKeyboardEvent, TargetedPointerEvent } from "preact";
import {
  MIN_ZOOM,
  centredCrop,
  cropLayoutOf,
  maxZoomOf,
  movedCrop,
  zoomedCrop,
  type Crop,
  type PictureSize,
} from "./avatar-crop.js";
import type { CropChange } from "./chosen-picture.js";

export interface AvatarCropperProps {
  readonly address: string;
  readonly size: PictureSize;
  readonly crop: Crop;
  readonly onCrop: (change: CropChange) => void;
  readonly disabled: boolean;
}

/** How far one arrow key press moves the square, in squares; with Shift, a bigger step. */
const keyStep = 0.05;
const shiftKeyStep = 0.25;
const arrows: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The pointer dragging the picture and where it was last seen. */
interface Drag {
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The chosen picture in a square frame that shows exactly the square kept (the round guide shows what the
 * round avatar will show of it): drag the picture with a mouse, finger or pen, or focus the frame and use the
 * arrow keys; zoom with the slider; "Centre" puts the square back in the middle.
 */
export function AvatarCropper({ address, size, crop, onCrop, disabled }: AvatarCropperProps) {
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const id = "avatar-crop";

  // Through the CSSOM, not a style attribute: the Content-Security-Policy (style-src 'self', no
  // 'unsafe-inline') blocks style attributes but lets script set properties, which the stylesheet reads.
  useLayoutEffect(() => {
    const layout = cropLayoutOf(size, crop);
    for (const [name, percent] of Object.entries(layout))
      frame.current?.style.setProperty(`--crop-${name}`, `${percent}%`);
  }, [size, crop]);

  const grab = (event: TargetedPointerEvent<HTMLDivElement>) => {
    if (disabled || !event.isPrimary || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
  };
  const follow = (event: TargetedPointerEvent<HTMLDivElement>) => {
    const from = drag.current;
    if (from === null || from.pointerId !== event.pointerId) return;
    drag.current = { ...from, x: event.clientX, y: event.clientY };
    // The picture follows the pointer, so the square moves the other way, by the frame's share dragged across.
    const frameSide = event.currentTarget.getBoundingClientRect().width;
    if (frameSide === 0) return;
    const right = (from.x - event.clientX) / frameSide;
    const down = (from.y - event.clientY) / frameSide;
    onCrop((current) => movedCrop(size, current, right, down));
  };
  const release = () => {
    drag.current = null;
  };
  const move = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const direction = arrows[event.key];
    if (direction === undefined || disabled) return;
    event.preventDefault();
    const step = event.shiftKey ? shiftKeyStep : keyStep;
    onCrop((current) => movedCrop(size, current, direction[0] * step, direction[1] * step));
  };

  const maxZoom = maxZoomOf(size);
  return (
    <fieldset class="avatar-crop" disabled={disabled}>
      <legend>Choose the square to keep</legend>
      <p class="hint" id={`${id}-hint`}>
        Drag the picture, or select it and use the arrow keys (with Shift for bigger steps). The circle shows what a
        round frame shows of it.
      </p>
      <div
        ref={frame}
        class="crop-area"
        role="group"
        aria-label="Crop frame"
        aria-describedby={`${id}-hint`}
        tabIndex={0}
        onPointerDown={grab}
        onPointerMove={follow}
        onPointerUp={release}
        onPointerCancel={release}
        onLostPointerCapture={release}
        onKeyDown={move}
      >
        <img src={address} alt="Preview of the chosen picture" draggable={false} />
      </div>
      <div class="crop-controls">
        <div class="field">
          <label htmlFor={`${id}-zoom`}>Zoom</label>
          <input
            id={`${id}-zoom`}
            type="range"
            min={MIN_ZOOM}
            max={maxZoom}
            step="0.05"
            value={crop.zoom}
            disabled={maxZoom === MIN_ZOOM}
            aria-valuetext={`${crop.zoom.toFixed(1)} times`}
            onInput={(event) => {
              const zoom = Number(event.currentTarget.value);
              onCrop((current) => zoomedCrop(size, current, zoom));
            }}
          />
        </div>
        <button type="button" class="button" onClick={() => onCrop((current) => centredCrop(size, current.zoom))}>
          Centre
        </button>
      </div>
    </fieldset>
  );
}
