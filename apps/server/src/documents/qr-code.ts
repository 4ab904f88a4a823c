import QRCode from 'qrcode';

/** The verify link as a PNG QR code (medium error correction survives a stamp's edge over it). */
export function qrPng(url: string, width = 240): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width });
}
