// Package site builds the public tracker site of the strategy's follow-up: static HTML
// pages without JavaScript and without any request outside the site, at stable addresses
// (tiltak/T14/, omrade/roles/, eier/nav/, innspill/, strategi/, rapport/ with the latest
// report at rapport/nyeste/ and one per rapport/ tag at rapport/2026-11/), with the Atom
// feed of the changes (endringer.xml), the calendar of due dates (frister.ics) and a
// sitemap. Write keeps a manifest of the files it wrote, so that a page that is gone (a
// deleted measure) is removed on the next write, and nothing else. Content is untrusted:
// every field is escaped by html/template and Markdown goes through the renderer's safe
// conversion. All links are relative, so the site works under any path (GitHub and
// GitLab Pages put it under /<repo>/).
package site
