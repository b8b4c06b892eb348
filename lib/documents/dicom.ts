/**
 * A few header fields of a DICOM Part 10 file (what the study is, not who): read from the file meta and the first
 * data elements, explicit or implicit VR little endian, stopping at the pixel data. Anything unexpected ends the
 * walk; what was read by then is returned.
 */
const WANTED: Record<string, string> = {
  "00080020": "studyDate",
  "00080060": "modality",
  "00081030": "studyDescription",
  "0008103E": "seriesDescription",
  "00180015": "bodyPartExamined",
  "00080070": "manufacturer",
  "00280010": "rows",
  "00280011": "columns",
};
const LONG_VRS = new Set(["OB", "OD", "OF", "OL", "OW", "SQ", "UC", "UN", "UR", "UT", "OV", "SV", "UV"]);
const IMPLICIT_LE = "1.2.840.10008.1.2";

export type DicomMetadata = Partial<Record<(typeof WANTED)[string] | "transferSyntax", string>>;

export function readDicomMetadata(bytes: Buffer): DicomMetadata {
  const found: DicomMetadata = {};
  let offset = 132;
  let implicit = false;
  try {
    while (offset + 8 <= bytes.length) {
      const group = bytes.readUInt16LE(offset);
      const element = bytes.readUInt16LE(offset + 2);
      const tag = `${group.toString(16).padStart(4, "0")}${element.toString(16).padStart(4, "0")}`.toUpperCase();
      if (tag === "7FE00010") break;
      let length: number;
      let valueAt: number;
      if (implicit && group !== 0x0002) {
        length = bytes.readUInt32LE(offset + 4);
        valueAt = offset + 8;
      } else {
        const vr = bytes.subarray(offset + 4, offset + 6).toString("latin1");
        if (!/^[A-Z]{2}$/.test(vr)) break;
        if (LONG_VRS.has(vr)) {
          length = bytes.readUInt32LE(offset + 8);
          valueAt = offset + 12;
        } else {
          length = bytes.readUInt16LE(offset + 6);
          valueAt = offset + 8;
        }
      }
      if (length === 0xffffffff || valueAt + length > bytes.length) break;
      const raw = bytes.subarray(valueAt, valueAt + length);
      if (tag === "00020010") {
        found.transferSyntax = raw.toString("latin1").replace(/\0/g, "").trim();
        implicit = found.transferSyntax === IMPLICIT_LE;
      } else if (WANTED[tag]) {
        found[WANTED[tag]] = tag === "00280010" || tag === "00280011" ? String(raw.readUInt16LE(0)) : raw.toString("latin1").replace(/\0/g, "").trim();
      }
      offset = valueAt + length;
    }
  } catch {
    // a truncated or odd header: keep what was read
  }
  return found;
}
