// Strict XML parsing: any well-formedness error fails the test.
import { DOMParser } from "@xmldom/xmldom";

export function parseXml(source: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(source, "text/xml") as unknown as Document;
}

export const elementsNamed = (document: Document, name: string): Element[] => Array.from(document.getElementsByTagName(name));
