/**
 * The manifest checks `office-addin-manifest validate` leaves to Microsoft's online service
 * (validationgateway.omex.office.net; OfficeDev/Office-Addin-Scripts packages/office-addin-manifest/src/validate.ts)
 * that can run offline, from the documented rules — each rule cites its page. The XSD check is separate
 * (validateManifest.mjs). Returns the problems found, in plain words; none for a good manifest.
 */
import fs from "node:fs";
import path from "node:path";

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** Width and height of a PNG (its IHDR chunk), or null when the file is no PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.length < 24 || head.toString("latin1", 1, 4) !== "PNG") return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/**
 * @param xml the manifest's text
 * @param assetsRoot the folder that the manifest's https://localhost:3000/ URLs are served from (the repository)
 * @param parser a DOMParser (the test runs in jest's jsdom environment)
 */
export function manifestProblems(xml: string, assetsRoot: string, parser: DOMParser): string[] {
  const problems: string[] = [];
  const doc = parser.parseFromString(xml, "text/xml");
  const all = (name: string) => [...doc.getElementsByTagName("*")].filter((e) => e.localName === name);
  const value = (name: string) => all(name)[0]?.getAttribute("DefaultValue") ?? "";

  // manifest/displayname: "a string up to 125 characters"; manifest/description: "no longer than 250 characters"
  if ([...value("DisplayName")].length > 125) problems.push("DisplayName is longer than 125 characters");
  if ([...value("Description")].length > 250) problems.push("Description is longer than 250 characters");

  // manifest/id: a GUID
  const id = all("Id")[0]?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) problems.push(`Id "${id}" is no GUID`);

  // develop/create-addin-commands: "An id has a maximum of 32 characters" (resources), unique
  const resources = new Map<string, Element>();
  for (const kind of ["Image", "Url", "String"]) {
    for (const e of [...doc.getElementsByTagNameNS(BT, kind)].filter((x) => x.hasAttribute("id"))) {
      const rid = e.getAttribute("id")!;
      if (rid.length > 32) problems.push(`resource id "${rid}" is longer than 32 characters`);
      if (resources.has(rid)) problems.push(`resource id "${rid}" is defined twice`);
      resources.set(rid, e);
    }
  }
  // every resid names a resource, and every resource is used
  const used = new Set<string>();
  for (const e of [...doc.getElementsByTagName("*")].filter((x) => x.hasAttribute("resid"))) {
    const rid = e.getAttribute("resid")!;
    used.add(rid);
    if (!resources.has(rid)) problems.push(`resid "${rid}" (${e.localName}) names no resource`);
  }
  for (const rid of resources.keys()) if (!used.has(rid)) problems.push(`resource "${rid}" is never used`);

  // develop/create-addin-commands: control (and group, tab) ids of at most 125 characters, unique in the manifest
  const controlIds = new Set<string>();
  for (const e of all("Control").concat(all("Group"), all("CustomTab"))) {
    const cid = e.getAttribute("id") ?? "";
    if (cid.length === 0 || cid.length > 125) problems.push(`${e.localName} id "${cid}" must have 1 to 125 characters`);
    if (controlIds.has(cid)) problems.push(`${e.localName} id "${cid}" is used twice`);
    controlIds.add(cid);
  }

  // develop/xml-manifest-overview: "ShortStrings max characters=125", "LongStrings max characters=250"
  for (const [list, max] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
    for (const s of [...doc.getElementsByTagNameNS(BT, list)].flatMap((l) => [...l.getElementsByTagNameNS(BT, "String")])) {
      if ([...(s.getAttribute("DefaultValue") ?? "")].length > max) problems.push(`${list} "${s.getAttribute("id")}" is longer than ${max} characters`);
    }
  }

  // develop/xml-manifest-overview: "all URLs on the resources section must use HTTPS"; so must the pages and icons
  const urls = [...doc.getElementsByTagName("*")]
    .filter((e) => ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(e.localName) || (e.namespaceURI === BT && (e.localName === "Image" || e.localName === "Url")))
    .map((e) => e.getAttribute("DefaultValue"))
    .filter((u): u is string => u !== null);
  urls.push(...all("AppDomain").map((e) => e.textContent?.trim() ?? ""));
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`URL "${u}" is not https`);

  // develop/xml-manifest-overview: button icons "Required sizes: 16, 32, 80"; PNG; each size its own image
  for (const icon of all("Icon")) {
    const sizes = [...icon.getElementsByTagNameNS(BT, "Image")].map((i) => i.getAttribute("size"));
    for (const need of ["16", "32", "80"]) if (!sizes.includes(need)) problems.push(`an Icon has no ${need}px image`);
  }
  const imageFile = (url: string) => path.join(assetsRoot, new URL(url).pathname);
  const expectSize = (url: string, px: number, what: string) => {
    const file = imageFile(url);
    if (!fs.existsSync(file)) return problems.push(`${what} ${url} does not exist`);
    const size = pngSize(file);
    if (!size) return problems.push(`${what} ${url} is no PNG`);
    if (size.width !== px || size.height !== px) problems.push(`${what} ${url} is ${size.width}×${size.height}, not ${px}×${px}`);
  };
  // manifest/iconurl: "the image specified must be 32 x 32 pixels"; manifest/highresolutioniconurl: "64 x 64"
  expectSize(value("IconUrl"), 32, "IconUrl");
  expectSize(value("HighResolutionIconUrl"), 64, "HighResolutionIconUrl");
  for (const img of all("Icon").flatMap((i) => [...i.getElementsByTagNameNS(BT, "Image")])) {
    const res = resources.get(img.getAttribute("resid") ?? "");
    const url = res?.getAttribute("DefaultValue");
    if (url) expectSize(url, Number(img.getAttribute("size")), `icon ${img.getAttribute("resid")}`);
  }
  return problems;
}
