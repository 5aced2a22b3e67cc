package site

// The fixed words of the report page, in bokmål. (The other pages' words are in the
// templates.)
const (
	// ReportsTitle is the heading of rapport/, the list of the fagråd's reports.
	ReportsTitle = "Rapporter til fagrådet"
	// LatestHeading and EarlierHeading head the latest report and the earlier ones.
	LatestHeading  = "Nyeste rapport"
	EarlierHeading = "Tidligere rapporter"
	// ReportName names a report by its date: «Statusrapport til fagrådet, 1. desember 2026».
	ReportName = "Statusrapport til fagrådet, %s"
	// TaggedAs says which rapport/ tag an earlier report was made from: «(rapport/2026-11)».
	TaggedAs = "rapport/%s"
	// PDFLink is the text of the link to a report's PDF.
	PDFLink = "PDF"
	// NoEarlier stands under EarlierHeading when no report has been tagged yet.
	NoEarlier = "Ingen rapport er merket ennå. En rapport laget med «samvirke report --tag NAVN» blir liggende her, med innholdet slik det var da."
	// NoPDF stands on the page when the reports have no PDF (no browser to print them).
	NoPDF = "Rapportene finnes bare som nettsider her; PDF-utgaven lages når samvirke site finner Chromium eller Chrome."
	// ReportsIntro opens the report page.
	ReportsIntro = "Statusrapportene som fagrådet går gjennom. Hver tidligere rapport vises med innholdet slik det var da den ble merket."
)
