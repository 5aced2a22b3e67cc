package lang

// Texts is the catalogue of one language: every fixed text of the documents. A field
// that ends in F is a format for [F] (its verbs are the same in every language); a
// [Plural] or [Counted] takes a number. Every field must be set in every language (the
// tests check it, and that nn has no bokmål forms).
type Texts struct {
	Lang Lang

	Doc       DocTexts
	Report    ReportTexts
	Attention AttentionTexts
	Changes   ChangesTexts
	Strategy  StrategyTexts
	Compare   CompareTexts
	Site      SiteTexts
	Feed      FeedTexts
}

// DocTexts are shared by every document: the cover, the title, the data line.
type DocTexts struct {
	StrategyTitle    string // the strategy's name, the title of every document
	Publisher        string
	Contents         string // the table of contents' heading
	VersionF         string // « (versjon %s)» after a date in a title
	VersionNbspF     string // the same, kept on one line: after a baseline's date
	DataAsOfF        string // «Datagrunnlag per %s (versjon %s»
	DataUncommitted  string
	DataOriginF      string // «Datagrunnlag: %s.»
	DataEmbedded     string
	SubjectAsOfF     string // «. Datagrunnlag per %s (versjon %s)»
	NotSet           string // a value that is not there: «ikke satt»
	NoOwner          string // «ingen eier»
	NoOwnerParen     string // «(ingen eier)»
	LeadOwner        string // « (ansvarlig)» after the first of several owners
	NoSuchItem       string // «(finnes ikke)»
	LogStatusF       string // « – status: %s»
	Month            Plural
	ComparedWithF    string // «Sammenlignet med %s.»
	ReportOfF        string // «rapporten av %s»: a baseline that is a report
	DataAsOfLowerF   string // «datagrunnlaget per %s»: a baseline that is a commit
	CommitF          string // «commit %s (%s)»
	NoBaselineEmbed  string
	NoBaselineNoRepo string
	NoBaselineFirst  string
	NoBaselineSite   string
	OriginNoRepoF    string // «innholdet i %s, som ikke ligger i et git-repo, …»
	OriginNoCommit   string
	OriginDirty      string // « med endringer i content/ som ikke er committet»
	Measure          Plural // «tiltak»
	Input            Plural // «innspill»
}

// ReportTexts are the status report's.
type ReportTexts struct {
	Contents           string // the heading of the Markdown report's table of contents
	Title              string
	TitleLower         string // in the PDF subject: «statusrapport til fagrådet»
	Summary            string
	Changes            string
	ByArea             string
	Coverage           string
	AppendixAll        string
	AppendixUnanswered string
	SummaryLeadF       string // measures, overdue, linked, items, share
	ChartStatus        string
	ColStatus          string
	ColArea            string
	ColOwner           string
	ColCount           string
	ColMeasure         string
	ColTitle           string
	ColDue             string
	ColLastNote        string
	ColProgress        string
	ColTotal           string
	InNumbersF         string // «%s, i tall»: a chart's table
	StatusByArea       string
	ProgressByArea     string
	ProgressLead       string
	ColWithProgress    string
	ColAverage         string
	NoneGiven          string
	StatusByOwner      string
	Trend              string
	TrendLead          string
	TrendNone          string
	TrendChart         string
	ColReport          string
	TrendReportF       string // «Rapporten av %s (%s)»
	TrendNowF          string // «Nå, %s»
	OfF                string // «%d av %d»
	UnknownArea        string
	NoMeasures         string
	Overdue            string // the badge on a card
	OverdueParen       string // «(**forfalt**)» in Markdown, without the stars
	Owners             string
	Due                string
	Progress           string
	LatestNotes        string
	AnswersInputs      string
	NoNotes            string
	CoverageLeadF      string // linked, items, share
	CoverageCaption    string
	ColGroup           string
	ColTheme           string
	ColLinked          string
	ColOf              string
	ColShare           string
	CoverageRestF      string // «… Alle de %d innspillene … står i »
	CoverageRestLink   string // «vedlegget»
	CoverageRestEnd    string // «.»
	CoverageAll        string
	UnansweredLeadF    string // unanswered, items
	EventF             string // «%s var en samling»
	EventPlaceF        string // « i %s»
	EventGroupsF       string // « der deltakerne i %s skrev ned innspill til strategien.»
	EventGroup         Plural
	EventIDF           string // example, group, number
	EventSourceF       string // « Kilde: %s.»
}

// AttentionTexts are the report's first chapter, «Til fagrådets oppmerksomhet».
type AttentionTexts struct {
	Heading          string
	PeriodF          string // from, to
	OverdueLabel     string
	OverdueRule      string
	OverdueHead      string
	DelayedLabel     string
	DelayedRule      string
	DelayedHead      string
	StaleLabelF      string // «uten nytt notat på %s»
	StaleRuleF       string // «ingen notat i loggen siden %s»
	StaleHeadF       string
	NoOwnerLabel     string
	NoOwnerRule      string
	NoOwnerHead      string
	NoDueLabel       string
	NoDueRule        string
	NoDueHead        string
	NotAssessedLabel string
	NotAssessedRule  string
	NotAssessedHead  string
	OpenF            string // «Av de %d tiltakene og anbefalingene er %s.»
	NoneOpenF        string
	StaleF           string // «%d har ikke fått noe nytt notat på %s.»
	MissingOwner     string
	MissingDue       string
	SinceBaseline    string // «sammenligningsgrunnlaget»
	NoStatusChangeF  string // «Ingen har endret status siden %s.»
	StatusChangedF   string // «Siden %s har %d endret status.»
	SinceLastReport  string // « siden forrige rapport.»
	StatusChange     Plural
}

// ChangesTexts are the report's changes since the baseline.
type ChangesTexts struct {
	StatusChanges Counted
	NewMeasures   Counted
	Removed       Counted
	Retiring      Counted
	NewNotes      Counted
	StatusHead    string
	ColFrom       string
	ColTo         string
	NewRemoved    string
	NewF          string // «Nytt: »
	RemovedF      string
	NewID         string
	NotesHead     string
	OtherHead     string
	ColChanged    string
	GroupsHead    string
	GroupNewF     string // «ny, %d innspill»
	GroupRemoved  string
	GroupChangedF string
	ProgressF     string // «framdrift %s → %s»
	DueF          string
	LeadF         string
	OwnerAddedF   string
	OwnerRemovedF string
	AreaF         string
	RevisionF     string
	InputsAddedF  string // «%s knyttet til»
	InputsGoneF   string
	NewTitleF     string
}

// StrategyTexts are the revised strategy's.
type StrategyTexts struct {
	RefMeasure        string // «tiltak» in a [[T14]] reference, lower case mid-sentence
	RefRecommendation string // «anbefaling» in a [[D03]] reference
	RefPage           string // «, side » before the page number of a printed reference
	SeeHome           string // «se hele tiltaket»: a second list of a measure points to the first
	Subtitle          string // «Revidert strategi»
	SubtitleLower     string // «revidert strategi»
	Unplaced          string
	UnplacedLead      string
	Retired           string
	RetiredLead       string
	ContinuedIn       string // «Videreføres i »
	LastNoteF         string // «Siste notat (%s): %s»
	NoLogNotes        string
	SeeAppendix       string // « – se »
	TheAppendix       string // «vedlegget»
	InputsBehind      string
	StatusF           string // «status: %s»
	BadgeNew          string
	BadgeRevised      string
	BadgeRetired      string
	BadgeMergedF      string
	UnknownMeasure    string
}

// CompareTexts are the comparison's (strategy --compare).
type CompareTexts struct {
	Kicker          string
	HeaderF         string // «%s · Endringer i revisjonen»
	SubjectName     string
	TitleMarkedF    string // «%s – endringene markert»
	Date            string
	Source          string
	MadeFromF       string // «Laget fra %s.»
	MadeFromBuiltIn string
	ComparedWith    string
	Legend          string
	LegendIns       string
	LegendInsRest   string
	LegendDel       string
	LegendDelRest   string
	LegendMovedRest string
	LegendMD        string
	MovedHere       string
	MovedAway       string
	Overview        string
	CountsF         string // compared, kept, revised, new, new word, retired, retired word, merged
	Compared        Plural
	NewWord         Plural
	RetiredWord     string
	Revised         string
	New             string
	RetiredHead     string
	MergedHead      string
	RenamedHead     string
	Chapters        string
	ChapterCol      string
	ChangesCol      string
	ChaptersF       string // «%d av %s er endret.»
	Chapter         Plural
	InputsHead      string
	ChangesF        string // «Endringer: %s.»
	Loose           string
	WasF            string // «(var %s)»
	Kept            string
	BadgeRevised    string
	BadgeNew        string
	BadgeMergedF    string
	BadgeRemoved    string
	BadgeRetired    string
	ChapterRemovedF string // «%s (fjernet)»
	WordsF          string // «%s satt inn, %s strøket (%d %% av ordene)»
	Word            Plural
	MovedParagraph  Plural
	Unchanged       string
	InputsBehind    string
}

// FeedTexts are the Atom feed's and the calendar's (samvirke feed, samvirke site).
type FeedTexts struct {
	Title          string
	CalendarName   string
	Author         string
	UnknownAuthor  string
	GoneF          string // «%s (finnes ikke lenger)»: a measure the content no longer has
	StrategyText   string
	Inputs         string
	MoreF          string // «%d tiltak til»
	ChangedContent string
	ChangedF       string // «Endret %s.»
	DueF           string // «Frist: %s %s»
	StatusF        string
	LeadF          string
	ProgressF      string
	MoreAboutF     string
}

// SiteTexts are the static site's (samvirke site) and its feeds'.
type SiteTexts struct {
	FeedLink      string // the Atom feed's title in <link rel=alternate>
	MainMenu      string
	NavMeasures   string
	NavAreas      string
	NavOwners     string
	NavInputs     string
	NavStrategy   string
	NavReport     string
	Subscribe     string // «Abonner på »
	FeedText      string // «endringene (Atom)»
	And           string // « og »
	CalendarText  string // «fristene (kalender)»
	MadeFromF     string // « Laget fra %s.»
	ColID         string
	ColLead       string
	Overdue       string
	FrontLeadF    string // «Oppfølgingen av strategien fra …: %d tiltak og anbefalinger.»
	Status        string
	OverdueHead   string
	OverdueF      string // «: frist %s, %s» after a measure
	NoneOverdue   string
	Latest        string
	NoChanges     string
	NoMeasures    string
	Area          string
	Owners        string
	Source        string
	TheMeasure    string // the heading of a measure's text
	Log           string
	GitChanges    string
	InputsHead    string
	InputsLinkedF string // «%d av %d innspill har tiltak som svarer på dem.»
	FrontTitleF   string // «Oppfølgingen av «%s»»
	AllMeasures   string
	AreaF         string // «Innsatsområde %s»
	Areas         string
	OwnerIntroF   string // «Tiltak og anbefalinger der %s er eier.»
	OwnersTitle   string
	InputsTitle   string
	// The report page (rapport/): the latest report and the earlier ones by tag.
	ReportsTitle   string
	ReportsIntro   string
	LatestHeading  string
	EarlierHeading string
	ReportNameF    string // «Statusrapport til fagrådet, %s» (the date)
	PDFLink        string
	NoEarlier      string // under EarlierHeading when no report has been tagged
	NoPDF          string // the reports have no PDF (no browser to print them)
}
