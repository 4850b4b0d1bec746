/**
 * A PNG (data: URL) of the API's SVG QR code, for saving to the gallery or downloading.
 * The SVG is fetched and drawn from a data: URL, so the canvas is never tainted.
 */
export async function qrPng(svgUrl: string, size = 600): Promise<string> {
  const res = await fetch(svgUrl);
  if (!res.ok) throw new Error(`QR ${res.status}`);
  const svg = await res.text();
  const image = new Image(size, size);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("canvas unavailable");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, size, size);
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, size, size);
  return canvas.toDataURL("image/png");
}
