// office-addin-mock needs only this enum from office-addin-manifest, whose ESM dependency breaks jest on Node 20.
exports.OfficeApp = { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" };
