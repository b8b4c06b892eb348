import { describe, expect, it } from "vitest";
import { readDicomMetadata } from "./dicom";
import { detectType } from "./file-types";

function element(group: number, el: number, vr: string, value: string): Buffer {
  const v = Buffer.from(value.length % 2 ? `${value} ` : value, "latin1");
  const head = Buffer.alloc(8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(el, 2);
  head.write(vr, 4, "latin1");
  head.writeUInt16LE(v.length, 6);
  return Buffer.concat([head, v]);
}

describe("file types from magic bytes", () => {
  it("recognises PDF, PNG, JPEG and DICOM, and nothing else", () => {
    expect(detectType(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe("image/jpeg");
    expect(detectType(Buffer.concat([Buffer.alloc(128), Buffer.from("DICM"), Buffer.alloc(8)]))).toBe("application/dicom");
    expect(detectType(Buffer.from("<html><script>"))).toBeNull();
    expect(detectType(Buffer.from("GIF89a"))).toBeNull();
  });
});

describe("DICOM header fields", () => {
  it("reads explicit-VR fields and stops at a truncated element", () => {
    const file = Buffer.concat([
      Buffer.alloc(128),
      Buffer.from("DICM"),
      element(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1"),
      element(0x0008, 0x0020, "DA", "20240105"),
      element(0x0008, 0x0060, "CS", "MR"),
      element(0x0018, 0x0015, "CS", "KNEE"),
      Buffer.from([0x08, 0x00, 0x30, 0x10, 0x4c, 0x4f, 0xff, 0x00]),
    ]);
    expect(readDicomMetadata(file)).toEqual({ transferSyntax: "1.2.840.10008.1.2.1", studyDate: "20240105", modality: "MR", bodyPartExamined: "KNEE" });
  });
});
