// Package renderer turns the measures domain into documents for people: the Markdown of
// a single measure (samvirke show --format md) and of a diff between two snapshots (the
// pull-request summary), the fagråd's status report ([Report]) and the revised strategy
// text ([Strategy]), each as one self-contained HTML page, as GFM Markdown, and as A4 PDF
// printed by a headless Chromium ([PDF]).
//
// Markdown is converted with one goldmark converter per document, built with GFM,
// footnotes, the typographer (Norwegian «» quotes), heading ids that keep æ, ø and å, and
// three extensions of samvirke's own, each in its file: [NewMeasureRefs] ([[T14]]),
// [NewMeasureDirective] (::: tiltak blocks) and [NewSafeLinks]. Page layouts are
// html/template files under templates/.
//
// All text a reader sees is Norwegian: bokmål, or nynorsk with DocOptions.Lang = lang.NN,
// every fixed text from the catalogue in renderer/lang. Content is untrusted (it arrives by pull
// request): raw HTML is dropped from HTML and escaped in Markdown, unsafe link targets are
// removed, and every field is escaped.
package renderer
