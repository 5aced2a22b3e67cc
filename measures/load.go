package measures

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Dir is the name of the content directory in a repository.
const Dir = "content"

// File names under the content directory.
const (
	OwnersFile  = "owners.yaml"
	AreasFile   = "areas.yaml"
	EventsFile  = "events.yaml"
	MeasuresDir = "measures"
	InputsDir   = "inputs"
	StrategyDir = "strategy"
)

// Load reads and validates all content from fsys, which is rooted at the content
// directory. It returns the content as far as it could be read and, if anything is wrong,
// an [Errors] with every problem found; file names in errors start with "content/".
// Other errors (a failing file system) are returned as they are, wrapped.
func Load(fsys fs.FS) (*Content, error) {
	c := &Content{}
	if err := checkRoot(fsys); err != nil {
		c.index()
		return c, err
	}
	var problems problemList
	if err := loadMeta(fsys, c, problems.report); err != nil {
		return nil, err
	}
	measureFiles, err := listFiles(fsys, MeasuresDir, false, problems.report)
	if err != nil {
		return nil, err
	}
	groupFiles, err := listFiles(fsys, InputsDir, true, problems.report)
	if err != nil {
		return nil, err
	}
	chapterFiles, err := listFiles(fsys, StrategyDir, false, problems.report)
	if err != nil {
		return nil, err
	}
	jobs := parseJobs(c, measureFiles, groupFiles, chapterFiles)
	if err := readAndParse(fsys, jobs, problems.report); err != nil {
		return nil, err
	}
	c.Measures = compact(c.Measures)
	c.Groups = compact(c.Groups)
	c.Strategy = compact(c.Strategy)
	c.index()
	all := append(problems.list, c.validate()...)
	if len(all) > 0 {
		all.sort()
		return c, all
	}
	return c, nil
}

// problemList gathers the content errors that Load's parsers find, on many goroutines.
type problemList struct {
	mu   sync.Mutex
	list Errors
}

// report keeps the content errors in err (an [Errors]) and returns nil for them; any
// other error (a failing file system) is returned, to stop the loading.
func (p *problemList) report(err error) error {
	if err == nil {
		return nil
	}
	if es := AsErrors(err); es != nil {
		p.mu.Lock()
		p.list = append(p.list, es...)
		p.mu.Unlock()
		return nil
	}
	return err
}

// parseJob is one content file to read and parse: do parses its data into its place.
type parseJob struct {
	name string
	do   func(data []byte) error
}

// parseJobs makes a job per measure, input group and chapter file, each parsing into
// its slot of c.Measures, c.Groups or c.Strategy, so the order is that of the listing
// whichever worker finishes first.
func parseJobs(c *Content, measureFiles, groupFiles, chapterFiles []string) []parseJob {
	c.Measures = make([]*Measure, len(measureFiles))
	c.Groups = make([]*Group, len(groupFiles))
	c.Strategy = make([]*Chapter, len(chapterFiles))
	jobs := make([]parseJob, 0, len(measureFiles)+len(groupFiles)+len(chapterFiles))
	for i, name := range measureFiles {
		jobs = append(jobs, parseJob{name, func(data []byte) error {
			m, err := ParseMeasure(Dir+"/"+name, data)
			c.Measures[i] = m
			return err
		}})
	}
	for i, name := range groupFiles {
		jobs = append(jobs, parseJob{name, func(data []byte) error {
			g, err := ParseGroup(Dir+"/"+name, data)
			c.Groups[i] = g
			return err
		}})
	}
	for i, name := range chapterFiles {
		jobs = append(jobs, parseJob{name, func(data []byte) error {
			ch, err := ParseChapter(Dir+"/"+name, data)
			c.Strategy[i] = ch
			return err
		}})
	}
	return jobs
}

// readAndParse reads the file of every job and runs it, on more workers than cores (a
// worker waiting in open or read lets another parse). Errors go through report; the
// first it returns (not a content error) is returned once every worker has stopped.
func readAndParse(fsys fs.FS, jobs []parseJob, report func(error) error) error {
	var fatal error
	var once sync.Once
	var wg sync.WaitGroup
	next := make(chan parseJob)
	dir := openDirReader(fsys)
	defer dir.close()
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			buf := make([]byte, 16<<10)
			for j := range next {
				var err error
				data, ok := dir.read(j.name, buf)
				if ok {
					// The parsers copy what they keep (into strings), so buf is reused.
					buf = data[:cap(data)]
				} else {
					data, err = readListed(fsys, j.name)
				}
				if err == nil {
					err = j.do(data)
				}
				if err = report(err); err != nil {
					once.Do(func() { fatal = err })
				}
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	return fatal
}

func compact[T any](s []*T) []*T {
	out := s[:0]
	for _, v := range s {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

func loadMeta(fsys fs.FS, c *Content, report func(error) error) error {
	read := func(name string, required bool, parse func(file string, data []byte) error) error {
		data, err := readFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			if required {
				return report(Errors{{File: Dir + "/" + name, Msg: "filen mangler", Kind: ErrMissingKey}})
			}
			return nil
		}
		if err := report(err); err != nil {
			return err
		}
		return report(parse(Dir+"/"+name, data))
	}
	if err := read(OwnersFile, true, func(f string, d []byte) (err error) {
		c.Owners, err = ParseOwners(f, d)
		return err
	}); err != nil {
		return err
	}
	if err := read(AreasFile, true, func(f string, d []byte) (err error) {
		c.Areas, c.Chapters, err = ParseAreas(f, d)
		return err
	}); err != nil {
		return err
	}
	return read(EventsFile, false, func(f string, d []byte) (err error) {
		c.Events, err = ParseEvents(f, d)
		return err
	})
}

// symlinkMsg is the message for a symbolic link under content/; what names a file or a
// directory.
func symlinkMsg(what string) string {
	return "symbolske lenker følges ikke i content/; legg inn " + what + " selv"
}

// notRegularMsg is the message for a named pipe, device, socket or git submodule where
// a file should be: it is never opened, since reading some of them blocks.
const notRegularMsg = "ikke en vanlig fil (en git-undermodul, en navngitt rør eller lignende); her skal det ligge en vanlig fil"

// checkRoot refuses a content directory that is itself a symbolic link: an os.DirFS
// whose directory is one (its Lstat(".") follows the link, so the directory's own path
// is checked). A git tree's root is never a link.
func checkRoot(fsys fs.FS) error {
	dir := osDirPath(fsys)
	if dir == "" {
		return nil
	}
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return Errors{{File: Dir, Msg: "content/ er en symbolsk lenke; samvirke leser bare en vanlig content/-mappe", Kind: ErrSymlink}}
	}
	return nil
}

var dirFSType = reflect.TypeOf(os.DirFS("."))

// osDirPath returns the directory of an os.DirFS, or "" for any other fs.FS.
func osDirPath(fsys fs.FS) string {
	v := reflect.ValueOf(fsys)
	if !v.IsValid() || v.Type() != dirFSType || v.Kind() != reflect.String {
		return ""
	}
	return v.String()
}

// readFile reads name from fsys, refusing symbolic links and files over MaxFileSize.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	file := Dir + "/" + name
	if fi, err := lstat(fsys, name); err == nil {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return nil, Errors{{File: file, Msg: symlinkMsg("filen"), Kind: ErrSymlink}}
		}
		if !fi.Mode().IsRegular() {
			return nil, Errors{{File: file, Msg: notRegularMsg, Kind: ErrFileName}}
		}
		if fi.Size() > MaxFileSize {
			return nil, tooLarge(file, fi.Size())
		}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return data, nil
}

// readListed reads a file that listFiles found (and so already checked is no symlink).
func readListed(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s/%s: %w", Dir, name, err)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(Dir+"/"+name, int64(len(data)))
	}
	return data, nil
}

func tooLarge(file string, size int64) error {
	return Errors{{File: file, Msg: fmt.Sprintf("filen er %d byte; største tillatte størrelse er %d byte (1 MiB)", size, MaxFileSize), Kind: ErrTooLarge}}
}

func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	return fs.Stat(fsys, name)
}

// listFiles lists the .md files of dir (one level of subdirectories when nested, as
// for inputs/<event>/), reporting symlinks and stray entries.
func listFiles(fsys fs.FS, dir string, nested bool, report func(error) error) ([]string, error) {
	fi, err := lstat(fsys, dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("read %s/%s: %w", Dir, dir, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, report(Errors{{File: Dir + "/" + dir, Msg: symlinkMsg("mappen"), Kind: ErrSymlink}})
	case !fi.IsDir():
		return nil, report(Errors{{File: Dir + "/" + dir, Msg: "skal være en mappe, ikke en fil", Kind: ErrFileName}})
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read %s/%s: %w", Dir, dir, err)
	}
	var out []string
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		file := Dir + "/" + name
		switch {
		case strings.HasPrefix(e.Name(), "."):
			continue
		case e.Type()&fs.ModeSymlink != 0:
			report(Errors{{File: file, Msg: symlinkMsg("filen"), Kind: ErrSymlink}})
		case e.IsDir() && nested:
			sub, err := listFiles(fsys, name, false, report)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		case e.IsDir():
			report(Errors{{File: file, Msg: "uventet mappe; her skal det bare ligge .md-filer", Kind: ErrFileName}})
		case !e.Type().IsRegular():
			report(Errors{{File: file, Msg: notRegularMsg, Kind: ErrFileName}})
		case strings.HasSuffix(e.Name(), ".md") && (!nested || dir != InputsDir):
			out = append(out, name)
		default:
			report(Errors{{File: file, Msg: "uventet fil; her skal det bare ligge .md-filer", Kind: ErrFileName}})
		}
	}
	sort.Strings(out)
	return out, nil
}
