// Validates an XML add-in manifest against ../shared/office-manifest-xsd with libxml2-wasm (ESM only, so the
// jest test runs this in a child process). Usage: node validateManifest.mjs <xsd> <manifest.xml>
// Prints {"valid":true} or {"valid":false,"errors":[...]} and exits 0 either way (2 on a bad schema).
import fs from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { XmlDocument, XsdValidator, XmlValidateError } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";

const [xsdPath, manifestPath] = process.argv.slice(2);
xmlRegisterFsInputProviders();
const schemaDoc = XmlDocument.fromString(fs.readFileSync(xsdPath, "utf8"), { url: pathToFileURL(xsdPath).href });
const validator = XsdValidator.fromDoc(schemaDoc);
let text = fs.readFileSync(manifestPath, "utf8");
// The 2019 schemas do not know the shared runtime's <Runtimes> block (README of office-manifest-xsd).
text = text.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/g, "");
const doc = XmlDocument.fromString(text);
try {
  validator.validate(doc);
  process.stdout.write(JSON.stringify({ valid: true }));
} catch (e) {
  if (!(e instanceof XmlValidateError)) throw e;
  process.stdout.write(JSON.stringify({ valid: false, errors: e.details.map((d) => `${d.line}: ${d.message.trim()}`) }));
} finally {
  doc.dispose();
  validator.dispose();
  schemaDoc.dispose();
}
