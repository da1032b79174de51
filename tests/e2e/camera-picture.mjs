// What a camera sees of a QR code on screen: the code drawn on a grey picture
// of a camera's size, as the scanner's tests and benchmark hand it to the
// reader. Runs in the page (pass it to `evaluate`), so it names nothing
// outside itself.

/**
 * RGBA pixels (an ImageData) of `svg` (an `svg.qr-code`) drawn square in the
 * middle of a grey `width` × `height` picture, with a white margin; an empty
 * grey picture when `svg` is null. With `base64`, the pixels as a base64
 * string instead (what `evaluate` can hand back to the test).
 */
export async function qrPictureInPage([svg, width, height, base64 = false]) {
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const c = canvas.getContext('2d');
  c.fillStyle = '#8a8f88';
  c.fillRect(0, 0, width, height);
  if (svg) {
    const side = Math.min(width, height) - 40;
    const copy = svg.cloneNode(true);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', side);
    copy.setAttribute('height', side);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    const [left, top] = [(width - side) / 2, (height - side) / 2];
    c.fillStyle = '#fff';
    c.fillRect(left, top, side, side);
    c.imageSmoothingEnabled = false;
    c.drawImage(image, left, top, side, side);
  }
  const frame = c.getImageData(0, 0, width, height);
  if (!base64) return frame;
  let text = '';
  for (let i = 0; i < frame.data.length; i += 0x8000) text += String.fromCharCode(...frame.data.subarray(i, i + 0x8000));
  return btoa(text);
}
