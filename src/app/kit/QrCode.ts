// A QR code as one small image texture (qrcode-generator draws it as a GIF data URL):
// the subscriber points a phone at the TV to open the invoice.
import qrcode from 'qrcode-generator'

/** Side in pixels at 1080p for a given module size. */
export function qrImage(text: string, cellSize = 6): { src: string; size: number } {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const margin = cellSize * 2
  return { src: qr.createDataURL(cellSize, margin), size: qr.getModuleCount() * cellSize + 2 * margin }
}
