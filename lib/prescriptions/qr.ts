import QRCode from "qrcode";

/** The QR code a pharmacy scans: it carries only the prescription's public code, nothing about the patient. */
export async function prescriptionQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 1, width: 160 });
}
