// The one function of the `qrcode` package (1.5.x) this project uses; the package ships no types of its own.
declare module "qrcode" {
  const QRCode: { toString: typeof toString };
  export default QRCode;
  export function toString(text: string, options?: { type?: "svg" | "utf8" | "terminal"; errorCorrectionLevel?: "L" | "M" | "Q" | "H"; margin?: number; width?: number }): Promise<string>;
}
