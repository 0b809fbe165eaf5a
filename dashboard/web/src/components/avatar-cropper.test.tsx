// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { centredCrop, type PictureSize } from "./avatar-crop.js";
import { AvatarCropper } from "./avatar-cropper.js";

/** The cropper as the editor holds it: its crop kept in state, changed only through onCrop. */
function Cropping({ size, disabled = false }: { readonly size: PictureSize; readonly disabled?: boolean }) {
  const [crop, setCrop] = useState(centredCrop(size));
  return <AvatarCropper address="blob:picture" size={size} crop={crop} onCrop={setCrop} disabled={disabled} />;
}

const frame = () => screen.getByRole("group", { name: "Crop frame" });
/** Where the picture sits in the frame, in percent of the frame's side, as the stylesheet reads it. */
const placed = () => ({
  left: Number.parseFloat(frame().style.getPropertyValue("--crop-left")),
  width: Number.parseFloat(frame().style.getPropertyValue("--crop-width")),
});
const wide = { width: 200, height: 100 };
const photo = { width: 4000, height: 3000 };

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("choosing the square to keep in the crop frame", () => {
  it("shows the middle square of the picture first", () => {
    render(<Cropping size={wide} />);
    expect(placed()).toEqual({ left: -50, width: 200 });
    expect(screen.getByRole("img", { name: "Preview of the chosen picture" }).getAttribute("src")).toBe("blob:picture");
  });

  it("moves the square with the arrow keys, in bigger steps with Shift, never past the picture's edge", () => {
    render(<Cropping size={wide} />);
    fireEvent.keyDown(frame(), { key: "ArrowRight" });
    expect(placed().left).toBeCloseTo(-55);
    fireEvent.keyDown(frame(), { key: "ArrowLeft", shiftKey: true });
    expect(placed().left).toBeCloseTo(-30);
    for (let press = 0; press < 5; press++) fireEvent.keyDown(frame(), { key: "ArrowLeft", shiftKey: true });
    expect(placed().left).toBeCloseTo(0);
  });

  it("lets the picture follow a dragging finger or mouse", () => {
    render(<Cropping size={wide} />);
    // happy-dom lays nothing out: the frame is given a 200 px side on screen.
    vi.spyOn(frame(), "getBoundingClientRect").mockReturnValue(new DOMRect(0, 0, 200, 200));
    fireEvent.pointerDown(frame(), { pointerId: 7, isPrimary: true, button: 0, clientX: 100, clientY: 100 });
    // Dragged 40 px to the right, a fifth of the frame: the square moves a fifth of itself to the left.
    fireEvent.pointerMove(frame(), { pointerId: 7, isPrimary: true, clientX: 140, clientY: 100 });
    expect(placed().left).toBeCloseTo(-30);
    fireEvent.pointerUp(frame(), { pointerId: 7, isPrimary: true, clientX: 140, clientY: 100 });
    fireEvent.pointerMove(frame(), { pointerId: 7, isPrimary: true, clientX: 200, clientY: 100 });
    expect(placed().left).toBeCloseTo(-30);
  });

  it("zooms with the slider and puts the square back in the middle with Centre, keeping the zoom", () => {
    render(<Cropping size={photo} />);
    const zoom = screen.getByLabelText("Zoom");
    fireEvent.input(zoom, { target: { value: "2" } });
    expect(placed()).toEqual({ left: -(1250 / 1500) * 100, width: (4000 / 1500) * 100 });
    expect(zoom.getAttribute("aria-valuetext")).toBe("2.0 times");
    fireEvent.keyDown(frame(), { key: "ArrowLeft", shiftKey: true });
    expect(placed().left).toBeCloseTo(-(875 / 1500) * 100);
    fireEvent.click(screen.getByRole("button", { name: "Centre" }));
    expect(placed()).toEqual({ left: -(1250 / 1500) * 100, width: (4000 / 1500) * 100 });
  });

  it("offers no zoom for a picture too small to zoom into", () => {
    render(<Cropping size={{ width: 64, height: 64 }} />);
    expect(screen.getByLabelText("Zoom").hasAttribute("disabled")).toBe(true);
  });

  it("keeps the square where it is while the picture is being sent", () => {
    render(<Cropping size={wide} disabled />);
    fireEvent.keyDown(frame(), { key: "ArrowRight" });
    expect(placed().left).toBeCloseTo(-50);
  });
});
